import Testing

@testable import Mustache

/// Limits that keep any template, however deep, from crashing the process, while
/// legitimate recursion still renders.
struct LimitTests {
    /// Renders `name` from `library` and returns the error it throws, if any.
    private func renderError(
        _ library: TemplateLibrary, _ name: String, data: MustacheValue = ["a": true]
    ) -> MustacheError? {
        do {
            _ = try library.render(name, data: data)
            return nil
        } catch {
            return error
        }
    }

    /// `{{#kids}}` nested `depth` times, innermost without kids.
    private func tree(depth: Int) -> MustacheValue {
        var value: MustacheValue = ["kids": []]
        for _ in 0..<depth { value = ["kids": [value]] }
        return value
    }

    @Test func tenThousandNestedSectionsAreRefusedWhenParsed() throws {
        let source =
            "top\n" + String(repeating: "{{#a}}", count: 10_000) + "x"
            + String(repeating: "{{/a}}", count: 10_000)

        let error = try #require(
            throws: MustacheError.self,
            performing: { try Template(name: "deep.html", source: source) })

        #expect(error.kind == .nestingLimit(name: "a", limit: 512))
        #expect(error.line == 2)
        #expect(error.column == 512 * 6 + 1)
        #expect(
            error.description.hasPrefix(
                "deep.html:2:3073: error: 'a' is nested more than 512 sections, parents or blocks deep"
            ))
    }

    @Test func sectionsNestedToTheLimitStillRender() throws {
        var library = TemplateLibrary()
        let source =
            String(repeating: "{{#a}}", count: 512) + "x"
            + String(repeating: "{{/a}}", count: 512)
        try library.register(name: "t", source: source)

        #expect(try library.render("t", data: ["a": true]) == "x")
    }

    @Test func aThousandDeepRecursivePartialRenders() throws {
        var library = TemplateLibrary()
        try library.register(name: "node", source: "{{#kids}}({{> node}}){{/kids}}")

        let output = try library.render("node", data: tree(depth: 1000))

        #expect(output == String(repeating: "(", count: 1000) + String(repeating: ")", count: 1000))
    }

    @Test func recursionPastTheLimitStopsWithAnError() throws {
        var library = TemplateLibrary()
        try library.register(name: "node", source: "{{#kids}}({{> node}}){{/kids}}")

        let error = try #require(renderError(library, "node", data: tree(depth: 1001)))

        #expect(error.kind == .recursionLimit(name: "node", limit: 1000))
    }

    @Test func aParentThatIsItsOwnParentStopsWithAnError() throws {
        var library = TemplateLibrary()
        try library.register(name: "page", source: "{{<page}}{{$b}}x{{/b}}{{/page}}")

        let error = try #require(renderError(library, "page"))

        #expect(error.kind == .recursionLimit(name: "page", limit: 1000))
    }

    @Test func deepSectionsInEveryRecursiveCallStopBeforeTheStackRunsOut() throws {
        var library = TemplateLibrary()
        library.recursionLimit = 1_000_000
        let source =
            String(repeating: "{{#a}}", count: 511) + "{{> loop}}"
            + String(repeating: "{{/a}}", count: 511)
        try library.register(name: "loop", source: source)

        let error = try #require(renderError(library, "loop"))

        #expect(error.kind == .levelLimit(name: "loop", limit: TemplateLibrary.levelLimit))
        #expect(error.column == 511 * 6 + 1)
    }

    @Test func blocksChainedThroughEachOthersContentStopBeforeTheStackRunsOut() throws {
        var library = TemplateLibrary()
        try library.register(name: "p", source: "{{$b0}}{{/b0}}")
        var child = "{{<p}}"
        for index in 0..<100 {
            child +=
                "{{$b\(index)}}" + String(repeating: "{{#a}}", count: 500)
                + "{{$b\(index + 1)}}{{/b\(index + 1)}}" + String(repeating: "{{/a}}", count: 500)
                + "{{/b\(index)}}"
        }
        try library.register(name: "child", source: child + "{{/p}}")

        let error = try #require(renderError(library, "child"))

        #expect(error.kind.isLevelLimit)
    }

    /// The parser joins the lines of a text into one node, in place; the time it takes is
    /// measured by `maxcloud-bench parse`, not here.
    @Test func longTextWithoutTagsIsOneTextNode() throws {
        let line = String(repeating: "x", count: 40) + "\n"
        let source = String(repeating: line, count: 80_000)

        let template = try Template(name: "long", source: source + "{{a}}")

        #expect(template.nodes.count == 2)
        guard case .text(let text) = template.nodes.first else {
            Issue.record("the first node is not text: \(template.nodes)")
            return
        }
        #expect(text == source)
    }
}

extension MustacheError.Kind {
    var isLevelLimit: Bool {
        if case .levelLimit(_, TemplateLibrary.levelLimit) = self { return true }
        return false
    }
}
