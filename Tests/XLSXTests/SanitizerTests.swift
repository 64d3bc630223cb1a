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
}
