import Mustache
import Testing

struct ErrorTests {
    /// Parses `source` as `name` and returns the error it throws, if any.
    private func parseError(_ source: String, name: String = "report.html") -> MustacheError? {
        do {
            _ = try Template(name: name, source: source)
            return nil
        } catch {
            return error
        }
    }

    /// Renders `name` from `library` and returns the error it throws, if any.
    private func renderError(_ library: TemplateLibrary, _ name: String) -> MustacheError? {
        do {
            _ = try library.render(name, data: ["a": true])
            return nil
        } catch {
            return error
        }
    }

    @Test func unclosedSectionPointsAtTheOpeningTag() throws {
        let source =
            "<table>\n{{title}}\n  <tr>\n    {{#rows}}<td>{{name}}</td>\n  </tr>\n</table>\n"

        let error = try #require(parseError(source))

        #expect(error.kind == .unclosedSection(name: "rows", closingTag: "{{/rows}}"))
        #expect(error.templateName == "report.html")
        #expect(error.line == 4)
        #expect(error.column == 5)
        #expect(
            error.description
                == "report.html:4:5: error: unclosed section 'rows' (expected '{{/rows}}')")
    }

    @Test func closingTagThatDoesNotMatchSaysWhatWasExpected() throws {
        let error = try #require(parseError("{{#a}}\n  x {{/b}}\n"))

        #expect(
            error.kind == .mismatchedClosingTag(found: "{{/b}}", open: "a", closingTag: "{{/a}}"))
        #expect(error.line == 2)
        #expect(error.column == 5)
        #expect(
            error.description
                == "report.html:2:5: error: closing tag '{{/b}}' does not match the open section 'a'"
                + " (expected '{{/a}}')")
    }

    @Test func closingTagWithNothingOpenIsReported() throws {
        let error = try #require(parseError("text {{/a}}"))

        #expect(error.kind == .unexpectedClosingTag(name: "{{/a}}"))
        #expect(error.line == 1)
        #expect(error.column == 6)
    }

    @Test func closingTagUsesTheDelimitersInForce() throws {
        let error = try #require(parseError("{{=<% %>=}}\n<%#a%>"))

        #expect(error.kind == .unclosedSection(name: "a", closingTag: "<%/a%>"))
        #expect(error.line == 2)
        #expect(error.column == 1)
    }

    @Test(arguments: ["{{=<% %>}}", "{{=<%=}}", "{{=a b c=}}", "{{= =}}"])
    func badSetDelimiterTagIsReported(source: String) throws {
        let error = try #require(parseError("line\n " + source))

        guard case .invalidSetDelimiter = error.kind else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(error.line == 2)
        #expect(error.column == 2)
        #expect(error.description.contains("error: invalid set-delimiter tag"))
    }

    @Test func tagWithoutItsClosingDelimiterIsReported() throws {
        let error = try #require(parseError("Hello {{name\nand more text"))

        #expect(error.kind == .unclosedTag(expected: "}}"))
        #expect(error.line == 1)
        #expect(error.column == 7)
        #expect(
            error.description == "report.html:1:7: error: unclosed tag (expected '}}' to end it)")
    }

    @Test func tagRunningIntoTheNextTagIsReportedAsUnclosed() throws {
        let error = try #require(parseError("{{name {{other}}"))

        #expect(error.kind == .unclosedTag(expected: "}}"))
        #expect(error.column == 1)
    }

    @Test func tripleMustacheWithoutItsThirdBraceIsReported() throws {
        let error = try #require(parseError("a {{{name}}"))

        #expect(error.kind == .unclosedTag(expected: "}}}"))
    }

    @Test(arguments: [
        "{{}}", "{{ }}", "{{#}}", "{{/ }}", "{{>}}", "{{{}}}", "{{&}}", "{{<}}", "{{$}}",
    ])
    func emptyTagNameIsReported(tag: String) throws {
        let error = try #require(parseError("ok\nx" + tag))

        #expect(error.kind == .emptyTagName(tag: tag))
        #expect(error.line == 2)
        #expect(error.column == 2)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let error = try #require(parseError("Überblick – {{#rows}}"))

        #expect(error.column == 13)
    }

    @Test func missingPartialNamesThePartialAndTheTag() throws {
        var library = TemplateLibrary()
        try library.register(name: "report.html", source: "<body>\n  {{#a}}{{> nope }}{{/a}}\n")

        let error = try #require(renderError(library, "report.html"))

        #expect(
            error.kind
                == .missingPartial(name: "nope", tried: ["nope", "nope.mustache", "nope.html"]))
        #expect(error.templateName == "report.html")
        #expect(error.line == 2)
        #expect(error.column == 9)
        #expect(
            error.description
                == "report.html:2:9: error: no partial named 'nope' is registered"
                + " (looked for 'nope', 'nope.mustache', 'nope.html')")
    }

    @Test func missingParentNamesTheParentAndTheTag() throws {
        var library = TemplateLibrary()
        try library.register(
            name: "page.md", source: "# Title\n{{<layout}}{{$body}}x{{/body}}{{/layout}}")

        let error = try #require(renderError(library, "page.md"))

        #expect(
            error.kind
                == .missingParent(
                    name: "layout", tried: ["layout", "layout.mustache", "layout.md"]))
        #expect(error.line == 2)
        #expect(error.column == 1)
    }

    @Test func missingPartialInsideAPartialPointsIntoThatPartial() throws {
        var library = TemplateLibrary()
        try library.register(name: "report.html", source: "{{> header}}")
        try library.register(name: "header.html", source: "<h1>\n {{> logo}}</h1>")

        let error = try #require(renderError(library, "report.html"))

        #expect(error.templateName == "header.html")
        #expect(error.line == 2)
        #expect(error.column == 2)
    }

    @Test func checkFindsAMissingPartialTheDataNeverReaches() throws {
        var library = TemplateLibrary()
        try library.register(
            name: "report.html",
            source: "<h1>x</h1>\n{{#report.incomplete}}\n  {{> banner}}\n{{/report.incomplete}}\n")

        #expect(
            try library.render("report.html", data: ["report": ["incomplete": false]])
                == "<h1>x</h1>\n")
        #expect {
            try library.checkInclusions(from: "report.html")
        } throws: { error in
            (error as? MustacheError)
                == MustacheError(
                    .missingPartial(
                        name: "banner", tried: ["banner", "banner.mustache", "banner.html"]),
                    templateName: "report.html", line: 3, column: 3)
        }
    }

    @Test func checkFollowsPartialsParentsAndTheBlocksPassedToThem() throws {
        var library = TemplateLibrary()
        try library.register(
            name: "page.md",
            source: "{{<layout}}{{$body}}\n{{#a}}{{<frame}}{{/frame}}{{/a}}{{/body}}{{/layout}}")
        try library.register(name: "layout.md", source: "{{$body}}{{/body}}{{> footer}}")
        try library.register(name: "footer", source: "ok")
        try library.register(name: "unreached", source: "{{> nowhere}}")

        #expect {
            try library.checkInclusions(from: "page.md")
        } throws: { error in
            (error as? MustacheError)
                == MustacheError(
                    .missingParent(name: "frame", tried: ["frame", "frame.mustache", "frame.md"]),
                    templateName: "page.md", line: 2, column: 7)
        }
        try library.register(name: "frame.md", source: "[{{> footer}}]")
        try library.checkInclusions(from: "page.md")
    }

    @Test func checkOfAnUnknownTemplateSaysSo() {
        #expect(
            throws: MustacheError(
                .unknownTemplate(name: "x"), templateName: "x", line: nil, column: nil)
        ) {
            try TemplateLibrary().checkInclusions(from: "x")
        }
    }

    @Test func missingPartialsRenderAsNothingWhenAllowed() throws {
        var library = TemplateLibrary()
        library.allowsMissingPartials = true
        try library.register(name: "report.html", source: "[{{> nope}}][{{<nope}}{{/nope}}]")

        #expect(try library.render("report.html", data: [:]) == "[][]")
    }

    @Test func endlessRecursionStopsWithAnError() throws {
        var library = TemplateLibrary()
        try library.register(name: "loop", source: "x{{> loop}}")

        let error = try #require(renderError(library, "loop"))

        #expect(error.kind == .recursionLimit(name: "loop", limit: 1000))
        #expect(error.templateName == "loop")
        #expect(error.column == 2)
    }

    @Test func unknownTemplateHasNoPlace() throws {
        let error = try #require(renderError(TemplateLibrary(), "missing.html"))

        #expect(error.kind == .unknownTemplate(name: "missing.html"))
        #expect(error.line == nil)
        #expect(
            error.description
                == "missing.html: error: no template named 'missing.html' is registered")
    }

    @Test func registeringABadTemplateStoresNothing() {
        var library = TemplateLibrary()

        #expect(throws: MustacheError.self) {
            try library.register(name: "bad", source: "{{#a}}")
        }
        #expect(!library.contains("bad"))
    }
}
