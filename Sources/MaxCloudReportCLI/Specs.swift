import Foundation

/// The commands' declarations; help and parsing both come from here.
enum Specs {
    static let connection: [OptionSpec] = [
        .value(
            "base-url", "URL", "API root; env MAXCLOUD_BASE_URL (default \(CLI.defaultBaseURL))"),
        .value("email", "E", "account e-mail; env MAXCLOUD_EMAIL"),
        .flag(
            "password-stdin", "read the password from standard input (else env MAXCLOUD_PASSWORD)"),
        .value("company", "X", "'all', a company id or a name (default all)", repeatable: true),
        .value(
            "scope", "S", "company, team, assigned, tag, or 0-3 (default company)", repeatable: true
        ),
        .value("tag", "T", "group tag; implies scope tag", repeatable: true),
        .flag("include-closed", "list closed tickets too (the default)"),
        .flag("open-only", "list only tickets that are not closed"),
        .value("page-size", "N", "tickets asked for per page (default 100; the server may cap it)"),
        .value("concurrency", "N", "pages fetched at once per source (default 4)"),
        .value("retries", "N", "tries per request after the first (default 4)"),
        .value("timeout", "SECONDS", "time-out per request (default 30)"),
        .flag("insecure-http", "allow http:// to a host other than loopback"),
        .flag("allow-partial", "write the report marked INCOMPLETE when a source fails (exit 3)"),
    ]

    static let rendering: [OptionSpec] = [
        .value("as-of", "\"YYYY-MM-DD HH:MM:SS\"", "the report's now, in --timezone (default now)"),
        .value("timezone", "Z", "IANA name or +HH:MM (default Asia/Shanghai)"),
        .value("format", "F[,F]", "any of json,csv,md,html,xlsx (default all)", repeatable: true),
        .value("out", "DIR", "where the files go (default ./report)"),
        .value("templates", "DIR", "override the built-in templates file by file"),
        .flag("no-bom", "write the CSV files without a UTF-8 byte-order mark"),
        .value(
            "history", "FILE", "the run history to compare with (default history.sqlite in --out)"),
        .flag("no-history", "neither read nor record the run history"),
    ]

    static let logging: [OptionSpec] = [
        .flag("quiet", "print nothing but errors"),
        .flag("verbose", "log each request (method, path, status, ms, request_id)"),
    ]

    static let run = CommandSpec(
        name: "run",
        summary: "Fetch every ticket of the selected companies, count them and write the reports.",
        options: connection + rendering
            + [.value("snapshot", "FILE", "also save every fetched ticket to FILE")] + logging,
        footer: exitStatuses)

    static let fetch = CommandSpec(
        name: "fetch", summary: "Fetch every ticket into a snapshot file, for 'render --from'.",
        options: connection + [.value("snapshot", "FILE", "the snapshot to write (required)")]
            + logging,
        footer: exitStatuses)

    static let render = CommandSpec(
        name: "render", summary: "Write the reports from a snapshot file, without the network.",
        options: [
            .value("from", "FILE", "the snapshot written by fetch or run --snapshot (required)")
        ]
            + rendering + logging,
        footer: exitStatuses)

    static let demo = CommandSpec(
        name: "demo",
        summary:
            "Start the built-in simulator with sample data and run the whole pipeline against it over loopback HTTP.",
        options: rendering + [
            .value("company", "X", "'all', a company id or a name (default all)", repeatable: true),
            .value(
                "scope", "S", "company, team, assigned, tag, or 0-3 (default company)",
                repeatable: true),
            .value("tag", "T", "group tag; implies scope tag", repeatable: true),
            .flag("open-only", "list only tickets that are not closed"),
        ] + logging,
        footer: "The sample data is anchored at 2026-11-30 09:00:00; --as-of defaults to that time."
    )

    static let simulate = CommandSpec(
        name: "simulate",
        summary: "Serve the MaxCloud API simulator with sample data until interrupted.",
        options: [
            .value("port", "N", "port to listen on (default 8080; 0 picks a free one)"),
            .value("host", "ADDR", "loopback address to listen on (default 127.0.0.1)"),
            .value("max-page-size", "N", "largest page served (default 100)"),
            .value("latency-ms", "MS", "delay added to every answer (default 0)"),
        ] + logging,
        footer: "Log in as demo@example.com with password demo-password.")

    static let template = CommandSpec(
        name: "template",
        summary: "Render one template with a JSON file as data, to standard output.",
        positionals: ["FILE"],
        options: [
            .value("data", "JSON", "the data file, such as summary.json (required)"),
            .value(
                "partials", "DIR", "folder of partials and parents (default: the template's folder)"
            ),
        ])

    static let exitStatuses = """
        exit status: 0 complete report; 1 failure (the previous report left as it was);
        3 report written but incomplete; 64 usage or configuration error; 77 log-in refused.
        """

    static let all = [run, fetch, render, demo, simulate, template]

    static let toolHelp = """
        usage: maxcloud-report COMMAND [options]

        Turns MaxCloud tickets into weekly reports: summary.json, tickets.csv, summary.csv,
        report.md, report.html and report.xlsx.

        commands:
        \(all.map { "  \($0.name.padding(toLength: 10, withPad: " ", startingAt: 0))\($0.summary)" }.joined(separator: "\n"))

        'maxcloud-report COMMAND --help' lists a command's options.
        'maxcloud-report --version' prints the version.

        """
}
