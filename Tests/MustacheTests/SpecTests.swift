import Foundation
import Mustache
import Testing

/// One case of the Mustache specification, read from `Spec/*.json`.
struct SpecCase: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let template: String
    let data: MustacheValue
    let partials: [String: String]
    let expected: String

    var testDescription: String { "\(file): \(name)" }
}

/// The specification files as they are stored with the tests.
enum Spec {
    /// Cases deliberately not run, as `"file: name"` and the reason. None today.
    static let skipped: [String: String] = [:]

    static let files: [URL] = {
        guard let directory = Bundle.module.url(forResource: "Spec", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted()
            .map { directory.appendingPathComponent($0) }
    }()

    static let cases: [SpecCase] = files.flatMap { url -> [SpecCase] in
        guard let data = try? Data(contentsOf: url),
            let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [] }
        return file.tests.map {
            SpecCase(
                file: url.lastPathComponent, name: $0.name, template: $0.template, data: $0.data,
                partials: $0.partials ?? [:], expected: $0.expected)
        }
    }

    private struct File: Decodable {
        let tests: [Entry]
    }

    private struct Entry: Decodable {
        let name: String
        let data: MustacheValue
        let template: String
        let partials: [String: String]?
        let expected: String
    }
}

struct SpecTests {
    @Test func everySpecFileLoadsWithAllItsCases() {
        #expect(
            Spec.files.map(\.lastPathComponent) == [
                "comments.json", "delimiters.json", "interpolation.json", "inverted.json",
                "partials.json", "sections.json", "~inheritance.json",
            ])
        #expect(Spec.cases.count == 163)
    }

    @Test(arguments: Spec.cases)
    func specCaseRendersExactly(_ spec: SpecCase) throws {
        if let reason = Spec.skipped[spec.testDescription] {
            withKnownIssue(Comment(rawValue: reason)) { Issue.record("skipped") }
            return
        }
        var library = TemplateLibrary()
        library.allowsMissingPartials = true
        for (name, source) in spec.partials {
            try library.register(name: name, source: source)
        }
        try library.register(name: "spec case", source: spec.template)

        let output = try library.render("spec case", data: spec.data, escaping: .html)

        #expect(output == spec.expected)
    }
}
