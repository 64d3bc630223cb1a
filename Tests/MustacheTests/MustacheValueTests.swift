import Foundation
import Mustache
import Testing

struct MustacheValueTests {
    @Test func decodesEveryJSONShape() throws {
        let json =
            #"{"n": null, "b": true, "i": 85, "d": 1.21, "s": "x", "a": [1, "y"], "o": {"k": false}}"#

        let value = try JSONDecoder().decode(MustacheValue.self, from: Data(json.utf8))

        #expect(
            value
                == .object([
                    "n": .null, "b": .bool(true), "i": .number(85), "d": .number(1.21),
                    "s": .string("x"), "a": .array([.number(1), .string("y")]),
                    "o": .object(["k": .bool(false)]),
                ]))
    }

    @Test func encodableModelsBecomeValues() throws {
        struct Row: Encodable {
            let id: Int
            let subject: String
            let tags: [String]
        }

        let value = try MustacheValue(encoding: [Row(id: 3, subject: "Disk", tags: ["a"])])

        #expect(value == [["id": 3, "subject": "Disk", "tags": ["a"]]])
    }

    @Test func literalsBuildTheSameValues() {
        let value: MustacheValue = ["a": [1, 2.5, "s", true, nil]]

        #expect(
            value
                == .object([
                    "a": .array([.number(1), .number(2.5), .string("s"), .bool(true), .null])
                ]))
    }

    @Test func numbersRenderWithoutNeedlessDecimals() {
        #expect(MustacheValue.number(85).renderedText == "85")
        #expect(MustacheValue.number(-3).renderedText == "-3")
        #expect(MustacheValue.number(1.21).renderedText == "1.21")
        #expect(MustacheValue.number(0.1 + 0.2).renderedText == "0.30000000000000004")
        #expect(MustacheValue.number(1e20).renderedText == "100000000000000000000")
    }

    /// Numbers read from JSON render as mustache.js renders them: as JavaScript's
    /// `Number#toString` writes them.
    @Test(arguments: [
        ("1e15", "1000000000000000"), ("123456789012345678", "123456789012345680"),
        ("9007199254740993", "9007199254740992"), ("-1e18", "-1000000000000000000"),
        ("1e21", "1e+21"), ("1.5e300", "1.5e+300"), ("-2.5e-7", "-2.5e-7"),
        ("0.000001", "0.000001"), ("0.000123", "0.000123"), ("123.456", "123.456"),
        ("-0.0", "0"), ("4.0", "4"),
    ])
    func numbersFromJSONRenderAsJavaScriptWritesThem(json: String, text: String) throws {
        let value = try JSONDecoder().decode(MustacheValue.self, from: Data(json.utf8))

        #expect(value.renderedText == text)
    }

    @Test func numbersJSONCannotHoldRenderAsJavaScriptWritesThem() {
        #expect(MustacheValue.number(.infinity).renderedText == "Infinity")
        #expect(MustacheValue.number(-.infinity).renderedText == "-Infinity")
        #expect(MustacheValue.number(.nan).renderedText == "NaN")
    }

    @Test func falsyValuesFollowTheSpecificationsRule() {
        let falsy: [MustacheValue] = [nil, false, 0, "", []]
        let truthy: [MustacheValue] = [true, 1, -0.5, "0", " ", [nil], [:]]

        #expect(falsy.allSatisfy { !$0.isTruthy })
        #expect(truthy.allSatisfy { $0.isTruthy })
    }

    @Test func sectionsHideEmptyStringsAndZero() throws {
        var library = TemplateLibrary()
        try library.register(
            name: "t", source: "{{#s}}S{{/s}}{{^s}}no s{{/s}},{{#n}}N{{/n}}{{^n}}no n{{/n}}")

        #expect(try library.render("t", data: ["s": "", "n": 0]) == "no s,no n")
        #expect(try library.render("t", data: ["s": "x", "n": 2]) == "S,N")
    }
}
