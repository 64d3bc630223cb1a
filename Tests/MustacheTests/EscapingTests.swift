import Mustache
import Testing

struct EscapingTests {
    private func render(_ source: String, _ data: MustacheValue, as name: String) throws -> String {
        var library = TemplateLibrary()
        try library.register(name: name, source: source)
        return try library.render(name, data: data)
    }

    @Test func escapingIsChosenByTheTemplateName() {
        #expect(Escaping.forTemplateName("report.html") == .html)
        #expect(Escaping.forTemplateName("REPORT.HTM") == .html)
        #expect(Escaping.forTemplateName("report.md") == .markdown)
        #expect(Escaping.forTemplateName("notes.markdown") == .markdown)
        #expect(Escaping.forTemplateName("report.md.mustache") == .markdown)
        #expect(Escaping.forTemplateName("summary.txt") == .html)
        #expect(Escaping.forTemplateName("template") == .html)
    }

    @Test func htmlEscapesTheFiveSpecialCharacters() {
        #expect(
            Escaping.html.escape(#"<a href="x">Tom & Jerry's</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(Escaping.html.escape("plain – text") == "plain – text")
    }

    @Test func markdownEscapesPipesForTableCells() {
        #expect(Escaping.markdown.escape("a | b") == #"a \| b"#)
    }

    @Test func markdownTurnsEveryLineBreakIntoOneSpace() {
        #expect(Escaping.markdown.escape("a\nb\r\nc\rd\u{2028}e\u{2029}f") == "a b c d e f")
        #expect(Escaping.markdown.escape("a\r\n\r\nb") == "a  b")
    }

    @Test func markdownEscapesInlineMarkupAndBackslash() {
        #expect(
            Escaping.markdown.escape(##"[x](http://e.com) *b* _i_ `c` <b> #1 \"##)
                == ##"\[x\](http://e.com) \*b\* \_i\_ \`c\` \<b\> \#1 \\"##)
    }

    @Test func markdownEscapesTildesSoTheyCannotStrikeThrough() {
        #expect(Escaping.markdown.escape("~~x~~ and ~~~") == #"\~\~x\~\~ and \~\~\~"#)
    }

    @Test(arguments: [
        ("- item", "\\- item"), ("+ item", "\\+ item"), ("-", "\\-"), ("---", "\\---"),
        ("  - indented", "  \\- indented"), ("= = =", "\\= = ="), ("===", "\\==="),
        ("1. first", "1\\. first"), ("2026) year", "2026\\) year"), ("7.", "7\\."),
        ("# heading", "\\# heading"), ("> quote", "\\> quote"),
    ])
    func markdownEscapesAValueThatStartsLikeABlock(value: String, escaped: String) {
        #expect(Escaping.markdown.escape(value) == escaped)
    }

    @Test(arguments: ["-3", "+86 10 1234", "1.5 days", "1234567890. ten digits", "a - b", "x = 1"])
    func markdownLeavesValuesThatCannotStartABlockAlone(value: String) {
        #expect(Escaping.markdown.escape(value) == value)
    }

    @Test func markdownValueOnItsOwnLineStaysAParagraph() throws {
        let source = "Note:\n{{a}}\n\n{{b}}\n\n{{c}}\n"
        let data: MustacheValue = ["a": "=====", "b": "- not a list", "c": "3. not numbered"]

        let output = try render(source, data, as: "notes.md")

        #expect(output == "Note:\n\\=====\n\n\\- not a list\n\n3\\. not numbered\n")
    }

    @Test func markdownLeavesAmpersandAlone() {
        #expect(Escaping.markdown.escape("A & B") == "A & B")
        #expect(Escaping.markdown.escape("Ünïcode ✓ 中文") == "Ünïcode ✓ 中文")
    }

    @Test func controlCharactersAreDroppedAndTheTextAroundThemKept() {
        let hostile = "nul\u{0}byte bell\u{7} esc\u{1B}[31m del\u{7F}\ttab"

        #expect(Escaping.html.escape(hostile) == "nulbyte bell esc[31m del\ttab")
        #expect(Escaping.markdown.escape(hostile) == "nulbyte bell esc\\[31m del\ttab")
        #expect(Escaping.none.escape(hostile) == hostile)
    }

    @Test func noneWritesValuesAsTheyAre() {
        #expect(Escaping.none.escape("<a> | *b*") == "<a> | *b*")
    }

    @Test func markdownTemplateEscapesValuesInATableRow() throws {
        let source = "| id | subject |\n| --- | --- |\n{{#rows}}| {{id}} | {{subject}} |\n{{/rows}}"
        let data: MustacheValue = [
            "rows": [["id": 7, "subject": "Disk | full\n<b>now</b> & *urgent*"]]
        ]

        let output = try render(source, data, as: "report.md")

        #expect(
            output
                == "| id | subject |\n| --- | --- |\n| 7 | Disk \\| full \\<b\\>now\\</b\\> & \\*urgent\\* |\n"
        )
    }

    @Test func tripleMustacheAndAmpersandBypassEscapingInEveryMode() throws {
        let data: MustacheValue = ["v": "<b>|*x*</b> & y"]

        for name in ["t.html", "t.md", "t.txt"] {
            #expect(
                try render("{{{v}}}/{{&v}}", data, as: name) == "<b>|*x*</b> & y/<b>|*x*</b> & y")
        }
    }

    @Test func explicitEscapingOverridesTheName() throws {
        var library = TemplateLibrary()
        try library.register(name: "t.html", source: "{{v}}")

        let output = try library.render("t.html", data: ["v": "<*>"], escaping: .markdown)

        #expect(output == #"\<\*\>"#)
    }

    @Test func partialsUseTheRootTemplatesEscaping() throws {
        var library = TemplateLibrary()
        try library.register(name: "report.md", source: "{{> row}}")
        try library.register(name: "row", source: "{{v}}")

        let output = try library.render("report.md", data: ["v": "a|b<c>"])

        #expect(output == #"a\|b\<c\>"#)
    }
}
