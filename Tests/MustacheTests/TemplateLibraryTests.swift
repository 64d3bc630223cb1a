import Mustache
import Testing

struct TemplateLibraryTests {
    @Test func partialIsFoundByTheRootTemplatesExtension() throws {
        var library = TemplateLibrary()
        try library.register(name: "report.html", source: "{{> header}}|{{>footer}}")
        try library.register(name: "header.html", source: "<h1>{{title}}</h1>")
        try library.register(name: "footer.mustache", source: "end")

        let output = try library.render("report.html", data: ["title": "Week 48"])

        #expect(output == "<h1>Week 48</h1>|end")
    }

    @Test func exactNameWinsOverExtensions() throws {
        var library = TemplateLibrary()
        try library.register(name: "report.html", source: "{{>header}}")
        try library.register(name: "header", source: "exact")
        try library.register(name: "header.html", source: "by extension")

        #expect(try library.render("report.html", data: nil) == "exact")
    }

    @Test func containsAndNamesReportRegisteredTemplates() throws {
        var library = TemplateLibrary()
        try library.register(name: "b.md", source: "")
        library.register(try Template(name: "a.html", source: "x"))

        #expect(library.contains("a.html"))
        #expect(!library.contains("a"))
        #expect(library.names == ["a.html", "b.md"])
    }

    @Test func layoutParentWithBlocksRendersAroundTheChild() throws {
        var library = TemplateLibrary()
        try library.register(
            name: "layout.html",
            source: """
                <html>
                  <title>{{$title}}Report{{/title}}</title>
                  <body>
                    {{$body}}
                    {{/body}}
                  </body>
                </html>

                """)
        try library.register(
            name: "report.html",
            source: """
                {{<layout}}
                {{$title}}Tickets{{/title}}
                {{$body}}
                <ul>
                {{#rows}}
                  <li>{{.}}</li>
                {{/rows}}
                </ul>
                {{/body}}
                {{/layout}}

                """)

        let output = try library.render("report.html", data: ["rows": ["a&b", "c"]])

        #expect(
            output == """
                <html>
                  <title>Tickets</title>
                  <body>
                    <ul>
                      <li>a&amp;b</li>
                      <li>c</li>
                    </ul>
                  </body>
                </html>

                """)
    }

    @Test func blockNestedInItsOwnOverrideShowsItsDefault() throws {
        var library = TemplateLibrary()
        try library.register(name: "p", source: "[{{$a}}p{{/a}}]")
        try library.register(name: "c", source: "{{<p}}{{$a}}<{{$a}}inner{{/a}}>{{/a}}{{/p}}")

        #expect(try library.render("c", data: nil) == "[<inner>]")
    }

    @Test func recursionLimitCanBeChanged() throws {
        var library = TemplateLibrary()
        library.recursionLimit = 3
        try library.register(name: "node", source: "{{#kids}}({{> node}}){{/kids}}")
        let leaf: MustacheValue = ["kids": []]
        let deep: MustacheValue = ["kids": [["kids": [["kids": [["kids": [leaf]]]]]]]]
        let shallow: MustacheValue = ["kids": [["kids": [leaf]]]]

        #expect(try library.render("node", data: shallow) == "(())")
        #expect(throws: MustacheError.self) { try library.render("node", data: deep) }
    }

    @Test func valuesAreLookedUpThroughTheContextStack() throws {
        var library = TemplateLibrary()
        try library.register(name: "t", source: "{{#rows}}{{id}}:{{owner.name}}@{{team}};{{/rows}}")
        let data: MustacheValue = [
            "team": "ops",
            "rows": [["id": 1, "owner": ["name": "ann"]], ["id": 2, "team": "dev"]],
        ]

        #expect(try library.render("t", data: data) == "1:ann@ops;2:@dev;")
    }
}
