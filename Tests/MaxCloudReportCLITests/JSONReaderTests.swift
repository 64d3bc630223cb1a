import Testing

@testable import MaxCloudReportCLI

/// The JSON reader: values, and the exact line and column of every key and value.
@Suite struct JSONReaderTests {
    func read(_ text: String) throws -> JSONNode { try JSONReader.read(Array(text.utf8)) }

    func members(_ node: JSONNode) -> [JSONNode.Member] {
        if case .object(let members) = node.value { return members }
        return []
    }

    func syntaxError(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONReader.read(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func keysAndValuesCarryTheirLineAndColumnAtEveryDepth() throws {
        let text = """
            {
              "email": "a@b.c",
              "profiles": {
                "weekly-ops": {
                  "scope": ["company", "teams"]
                }
              }
            }
            """

        let root = try read(text)

        let top = members(root)
        #expect(root.position == SourcePosition(line: 1, column: 1))
        #expect(top[0].keyPosition == SourcePosition(line: 2, column: 3))
        #expect(top[0].value.position == SourcePosition(line: 2, column: 12))
        let profile = try #require(members(top[1].value).first)
        #expect(profile.keyPosition == SourcePosition(line: 4, column: 5))
        let scope = try #require(members(profile.value).first)
        #expect(scope.keyPosition == SourcePosition(line: 5, column: 7))
        guard case .array(let items) = scope.value.value else {
            Issue.record("scope is not an array")
            return
        }
        #expect(items[1].position == SourcePosition(line: 5, column: 28))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try read("{\"公司\": \"运维二组\", \"x\": 1}")

        let second = members(root)[1]

        #expect(second.keyPosition == SourcePosition(line: 1, column: 16))
        #expect(second.value.position == SourcePosition(line: 1, column: 21))
    }

    @Test func windowsLineEndsAndAByteOrderMarkAreRead() throws {
        let root = try JSONReader.read([0xEF, 0xBB, 0xBF] + Array("{\r\n  \"a\": true\r\n}".utf8))

        #expect(members(root)[0].keyPosition == SourcePosition(line: 2, column: 3))
    }

    @Test func valuesOfEveryTypeAreRead() throws {
        let root = try read(
            #"{"s": "a\"b\\c\n\u00e9\ud83d\ude00", "n": -2.5e3, "t": true, "f": false, "z": null, "a": []}"#
        )

        let values = members(root).map(\.value.value)
        guard case .string(let text) = values[0], case .number(let number) = values[1],
            case .bool(true) = values[2], case .bool(false) = values[3], case .null = values[4],
            case .array(let empty) = values[5]
        else {
            Issue.record("wrong types: \(values)")
            return
        }
        #expect(text == "a\"b\\c\né😀")
        #expect(number == "-2.5e3")
        #expect(empty.isEmpty)
    }

    @Test func syntaxErrorsSayWhatAndWhere() {
        let missingComma = syntaxError("{\n  \"a\": 1\n  \"b\": 2\n}")
        let trailingComma = syntaxError("{\"a\": [1, 2,]}")
        let unterminated = syntaxError("{\"a\": \"open\n}")
        let bareWord = syntaxError("{\"a\": yes}")
        let extra = syntaxError("{} {}")
        let leadingZero = syntaxError("[012]")

        #expect(missingComma?.position == SourcePosition(line: 3, column: 3))
        #expect(missingComma?.message == "expected ',' or '}' after the value of \"a\", found '\"'")
        #expect(trailingComma?.position == SourcePosition(line: 1, column: 13))
        #expect(unterminated?.position == SourcePosition(line: 1, column: 12))
        #expect(unterminated?.message.contains("control character") == true)
        #expect(bareWord?.position == SourcePosition(line: 1, column: 7))
        #expect(extra?.position == SourcePosition(line: 1, column: 4))
        #expect(leadingZero?.message == "malformed number")
    }

    @Test func anEmptyFileAndDeepNestingAreErrorsNotCrashes() {
        #expect(syntaxError("")?.message == "expected a JSON value, found end of file")
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(syntaxError(deep)?.message.contains("nested deeper") == true)
    }
}
