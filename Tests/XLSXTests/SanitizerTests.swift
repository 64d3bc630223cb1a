import Foundation
import TestSupport
import Testing

@testable import XLSX

@Suite struct SanitizerTests {
    @Test func keepsCleanShortTextUntouched() {
        let text = "工单 #42\tready\r\nnext line 😀"

        #expect(TextSanitizer.sanitize(text) == text)
    }

    @Test func removesForbiddenControlCharactersAndKeepsTheRest() {
        let text = "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{E}g\u{1F}h\u{FFFE}i\u{FFFF}j\tk\nl\rm"

        #expect(TextSanitizer.sanitize(text) == "abcdefghij\tk\nl\rm")
    }

    @Test func writesSanitizedTextIntoTheFile() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("control.xlsx")

        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(name: "Text")
        try sheet.write("before\u{0}after", row: 0, column: 0)
        try sheet.write("bell\u{7} and \u{1B}[0m escape", row: 1, column: 0)
        try workbook.close()

        let strings = texts(in: try XLSXPackage.part("xl/sharedStrings.xml", of: file))
        #expect(strings == ["beforeafter", "bell and [0m escape"])
    }

    @Test func cutsLongTextWithAVisibleMarker() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("long.xlsx")
        let long = String(repeating: "abcdefghij", count: 4_000)

        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(name: "Text")
        try sheet.write(long, row: 0, column: 0)
        try workbook.close()

        let written = try #require(
            texts(in: try XLSXPackage.part("xl/sharedStrings.xml", of: file)).first)
        #expect(written.utf16.count <= 32_767)
        #expect(written.utf16.count >= 32_767 - 10)
        #expect(written.hasSuffix(TextSanitizer.truncationMarker))
        #expect(long.hasPrefix(written.dropLast(TextSanitizer.truncationMarker.count)))
    }

    @Test func cutsEmojiTextOnCharacterBoundaries() throws {
        // 20,000 code points but 40,000 UTF-16 units: libxlsxwriter's own check passes it.
        let faces = String(repeating: "😀", count: 20_000)
        // ZWJ families: 5 scalars and 8 UTF-16 units per character.
        let families = String(repeating: "👨‍👩‍👧", count: 5_000)

        for text in [faces, families] {
            let cut = TextSanitizer.sanitize(text)
            let kept = cut.dropLast(TextSanitizer.truncationMarker.count)
            let unit = try #require(text.first)

            #expect(cut.utf16.count <= 32_767)
            #expect(cut.hasSuffix(TextSanitizer.truncationMarker))
            #expect(kept.allSatisfy { $0 == unit })
            #expect(kept.utf16.count + 8 + TextSanitizer.truncationMarker.utf16.count > 32_767)
        }
    }

    @Test func writesEmojiTextThatExcelCanHold() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("emoji.xlsx")

        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(name: "Text")
        try sheet.write(String(repeating: "😀", count: 20_000), row: 0, column: 0)
        try workbook.close()

        let written = try #require(
            texts(in: try XLSXPackage.part("xl/sharedStrings.xml", of: file)).first)
        #expect(written.utf16.count <= 32_767)
        #expect(written.unicodeScalars.dropLast(13).allSatisfy { $0 == "😀" })
    }

    @Test func leavesTextAtTheLimitWhole() {
        let exact = String(repeating: "é", count: 32_767)

        #expect(TextSanitizer.sanitize(exact) == exact)
        #expect(TextSanitizer.sanitize(exact + "x").hasSuffix(TextSanitizer.truncationMarker))
    }

    /// Excel reads `_xHHHH_` in cell text as an escaped character; a literal one must have
    /// its underscore escaped as `_x005F_`.
    @Test func escapesLiteralEscapeSequences() {
        #expect(TextSanitizer.sanitize("a_x000D_b") == "a_x005F_x000D_b")
        #expect(TextSanitizer.sanitize("_x0041__xbeeF_") == "_x005F_x0041__x005F_xbeeF_")
        // Overlapping sequences: each underscore that starts one is escaped.
        #expect(TextSanitizer.sanitize("_x005F_x000D_") == "_x005F_x005F_x005F_x000D_")
        for untouched in ["_x00D_", "_X000D_", "_x000G_", "_x000D", "x000D_", "__", "_x"] {
            #expect(TextSanitizer.sanitize(untouched) == untouched)
        }
    }

    @Test func writesEscapedSequencesIntoTheFile() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("escapes.xlsx")

        let workbook = try Workbook(path: file, options: .init(constantMemory: true))
        let sheet = try workbook.addWorksheet(name: "Text")
        try sheet.write("line_x000D_break", row: 0, column: 0)
        try sheet.writeFormula("=\"_x0041_\"", result: "_x0041_", row: 1, column: 0)
        try workbook.close()

        let xml = try XLSXPackage.part("xl/worksheets/sheet1.xml", of: file)
        #expect(texts(in: xml) == ["line_x005F_x000D_break"])
        #expect(cellValue("A2", in: xml) == "_x005F_x0041_")
        #expect(cellXML("A2", in: xml)?.contains("<f>\"_x0041_\"</f>") == true)
    }

    /// Escaping lengthens the text: the written text must still be within the library's
    /// 32,767 code points and Excel's 32,767 UTF-16 units.
    @Test func cutsEscapedTextWithinTheLimit() throws {
        let directory = try TempDirectory()
        defer { directory.cleanUp() }
        let file = directory.path("escaped-long.xlsx")
        let text = String(repeating: "_x0041_", count: 4_000)

        let workbook = try Workbook(path: file)
        let sheet = try workbook.addWorksheet(name: "Text")
        try sheet.write(text, row: 0, column: 0)
        try workbook.close()

        let written = try #require(
            texts(in: try XLSXPackage.part("xl/sharedStrings.xml", of: file)).first)
        #expect(written.utf16.count <= 32_767)
        #expect(written.hasSuffix(TextSanitizer.truncationMarker))
        #expect(written.hasPrefix("_x005F_x0041__x005F_x0041_"))
    }

    @Test func keepsTheStartOfOneOversizedCharacter() {
        let text = "e" + String(repeating: "\u{0301}", count: 40_000)

        let cut = TextSanitizer.sanitize(text)

        #expect(cut.utf16.count <= 32_767)
        #expect(cut.utf16.count > 32_000)
        #expect(cut.unicodeScalars.first == "e")
        #expect(cut.hasSuffix(TextSanitizer.truncationMarker))
    }
}
