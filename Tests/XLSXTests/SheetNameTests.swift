import Foundation
import Testing

@testable import XLSX

@Suite struct SheetNameTests {
    @Test(arguments: ["[", "]", ":", "*", "?", "/", "\\"])
    func replacesEachForbiddenCharacter(character: String) {
        let name = SheetName.make("Q1\(character)Q2", taken: [])

        #expect(name == "Q1_Q2")
    }

    @Test func stripsApostrophesAtEitherEnd() {
        #expect(SheetName.make("'quoted'", taken: []) == "quoted")
        #expect(SheetName.make("it's", taken: []) == "it's")
        #expect(SheetName.make("'''", taken: []) == "Sheet")
        #expect(SheetName.make("", taken: []) == "Sheet")
        #expect(SheetName.make("\u{0}\u{1}", taken: []) == "Sheet")
    }

    @Test func cutsLongChineseNamesToThirtyOneUnits() {
        let raw = String(repeating: "客户服务中心", count: 8)

        let name = SheetName.make(raw, taken: [])

        #expect(name.utf16.count == 31)
        #expect(raw.hasPrefix(name))
    }

    @Test func cutsEmojiNamesOnCharacterBoundaries() {
        let name = SheetName.make(String(repeating: "👨‍👩‍👧", count: 10), taken: [])

        #expect(name == String(repeating: "👨‍👩‍👧", count: 3))
    }

    @Test func makesDuplicatesUniqueIgnoringCase() {
        #expect(SheetName.make("Report", taken: ["report"]) == "Report (2)")
        #expect(SheetName.make("REPORT", taken: ["report", "Report (2)"]) == "REPORT (3)")
        #expect(SheetName.make("history", taken: []) == "history (2)")

        let long = String(repeating: "运维", count: 20)
        let first = SheetName.make(long, taken: [])
        let second = SheetName.make(long, taken: [first])
        #expect(second.utf16.count <= 31)
        #expect(second.hasSuffix(" (2)"))
    }

    @Test func producesNamesTheLibraryAccepts() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let raws = [
            "a/b", "A/B", "'x'", String(repeating: "客", count: 40), "[]:*?/\\", "Sheet", "",
        ]

        let workbook = try Workbook(path: directory.path("names.xlsx"))
        var names: [String] = []
        for raw in raws {
            names.append(try workbook.addWorksheet(sanitizing: raw).name)
        }
        try workbook.close()

        #expect(
            names == [
                "a_b", "A_B (2)", "x", String(repeating: "客", count: 31), "_______", "Sheet",
                "Sheet (2)",
            ])
    }

    @Test func refusesInvalidNamesWithTheLibrarysReason() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(path: directory.path("bad-names.xlsx"))
        _ = try workbook.addWorksheet(name: "Tickets")

        for bad in [
            "a:b", "'lead", "TICKETS", String(repeating: "x", count: 32),
            String(repeating: "😀", count: 16),
        ] {
            #expect {
                _ = try workbook.addWorksheet(name: bad)
            } throws: { error in
                guard case .invalidSheetName(let name, let reason) = error as? XLSXError else {
                    return false
                }
                return name == bad && !reason.isEmpty
            }
        }
    }

    /// A forbidden character followed by a combining mark, variation selector, ZWJ or keycap
    /// is one Character with more than one scalar; it must still be replaced.
    @Test(arguments: [
        ("*\u{FE0F}\u{20E3} Support", "_ Support"), ("Help?\u{FE0F}", "Help_"),
        ("a/\u{0301}b", "a_b"), ("a/\u{200D}b", "a_b"), ("Ops:\u{FE0E}", "Ops_"),
        ("'\u{0301}Acme", "Acme"), ("Acme'\u{0301}", "Acme"), ("[\u{0301}x]\u{20E3}", "_x_"),
    ])
    func replacesForbiddenCharactersCarryingMarks(raw: String, expected: String) throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(path: directory.path("marks.xlsx"))

        let name = SheetName.make(raw, taken: [])
        let sheet = try workbook.addWorksheet(sanitizing: raw)
        try workbook.close()

        #expect(name.unicodeScalars.elementsEqual(expected.unicodeScalars))
        #expect(sheet.name.unicodeScalars.elementsEqual(expected.unicodeScalars))
    }

    @Test func treatsBlankNamesAsEmpty() {
        for blank in ["   ", "\u{3000}", " \u{200B} ", "' '", "\u{A0}"] {
            #expect(SheetName.make(blank, taken: []) == "Sheet", "\(Array(blank.unicodeScalars))")
        }
    }

    @Test func makesNonASCIIDuplicatesUniqueIgnoringCase() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(path: directory.path("unicode-case.xlsx"))

        let names = try ["Ä", "ä", "Ωmega", "ωMEGA", "Straße", "STRASSE"].map {
            try workbook.addWorksheet(sanitizing: $0).name
        }
        try workbook.close()

        #expect(names == ["Ä", "ä (2)", "Ωmega", "ωMEGA (2)", "Straße", "STRASSE (2)"])
    }

    @Test func refusesNonASCIIDuplicatesIgnoringCase() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(path: directory.path("unicode-dup.xlsx"))
        _ = try workbook.addWorksheet(name: "Ä")
        _ = try workbook.addWorksheet(name: "Équipe")

        for duplicate in ["ä", "éQUIPE", "E\u{301}quipe"] {
            #expect {
                _ = try workbook.addWorksheet(name: duplicate)
            } throws: { error in
                guard case .invalidSheetName(let name, _) = error as? XLSXError else {
                    return false
                }
                return name == duplicate
            }
        }
    }

    @Test func cutsOneOversizedCharacterOnScalars() {
        let raw = "e" + String(repeating: "\u{0301}", count: 40)

        let name = SheetName.make(raw, taken: [])

        #expect(name.unicodeScalars.count == 31)
        #expect(name.unicodeScalars.first == "e")
    }

    @Test func invalidNameMessagesSayWhatANameMayHold() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let workbook = try Workbook(path: directory.path("message.xlsx"))

        #expect {
            _ = try workbook.addWorksheet(name: "a:b")
        } throws: { error in
            let text = String(describing: error)
            return !text.contains("SheetName") && text.contains("31")
                && text.contains("[ ] : * ? / \\") && text.contains("'a:b'")
        }
    }
}
