import Foundation
import MaxCloudSimulator

/// The commands' declarations; help, parsing, config files and completion come from here.
enum Specs {
    static let connection: [OptionSpec] = [
        .value(
            "base-url", "URL", "API root; env MAXCLOUD_BASE_URL (default \(CLI.defaultBaseURL))",
            kind: .url),
        .value("email", "E", "account e-mail; env MAXCLOUD_EMAIL"),
        .flag(
            "password-stdin", "read the password from standard input (else env MAXCLOUD_PASSWORD)"),
        .value(
            "company", "X", "'all', a company id or a name (default all)", kind: .companies,
            repeatable: true),
        .value(
            "scope", "S", "company, team, assigned, tag, or 0-3 (default company)", kind: .scopes,
            repeatable: true),
        .value("tag", "T", "group tag; implies scope tag", repeatable: true),
        .flag("include-closed", "list closed tickets too (the default)"),
        .flag("open-only", "list only tickets that are not closed"),
        .value(
            "page-size", "N", "tickets asked for per page (default 100; the server may cap it)",
            kind: .integer(1...10_000)),
        .value(
            "concurrency", "N", "pages fetched at once per source (default 4)",
            kind: .integer(1...64)),
        .value(
            "retries", "N", "tries per request after the first (default 4)",
            kind: .integer(0...20)),
        .value("timeout", "SECONDS", "time-out per request (default 30)", kind: .integer(1...3600)),
        .flag("insecure-http", "allow http:// to a host other than loopback"),
        .flag("allow-partial", "write the report marked INCOMPLETE when a source fails (exit 3)"),
    ]

    static let rendering: [OptionSpec] = [
        .value(
            "as-of", "\"YYYY-MM-DD HH:MM:SS\"", "the report's now, in --timezone (default now)",
            kind: .timestamp),
        .value("timezone", "Z", "IANA name or +HH:MM (default Asia/Shanghai)", kind: .timeZone),
        .value(
            "format", "F[,F]", "any of json,csv,md,html,xlsx, or all for every one (default all)",
            kind: .formats,
            repeatable: true),
        .value(
            "out", "DIR",
            "where the files go; may hold {date}, {week}, {profile} (default ./report)",
            kind: .outFolder),
        .value(
            "templates", "DIR", "override the built-in templates file by file", kind: .folder),
        .flag("no-bom", "write the CSV files without a UTF-8 byte-order mark"),
        .value(
            "history", "FILE", "the run history to compare with (default history.sqlite in --out)",
            kind: .file),
        .flag("no-history", "neither read nor record the run history"),
        .value(
            "stdout", "json", "also print summary.json to standard output, for pipes",
            kind: .choice(["json"])),
    ]

    static let settingsFile: [OptionSpec] = [
        .value("config", "FILE", "JSON file of settings; env MAXCLOUD_CONFIG", kind: .file)
            .commandLineOnly(),
        .value("profile", "NAME", "a profile of the config file; env MAXCLOUD_PROFILE")
            .commandLineOnly(),
    ]

    static let logging: [OptionSpec] = [
        .flag("quiet", "print nothing but errors"),
        .flag("verbose", "log each request (method, path, status, ms, request_id)"),
    ]

    static let dryRun = OptionSpec.flag(
        "dry-run", "log in, read the first page of each source, print the plan; write nothing")

    static let run = CommandSpec(
        name: "run",
        summary: "Fetch every ticket of the selected companies, count them and write the reports.",
        options: connection + rendering
            + [.value("snapshot", "FILE", "also save every fetched ticket to FILE", kind: .file)]
            + [dryRun] + settingsFile + logging,
        footer: """
            exit status: 0 complete report written; 1 failure, nothing written (the previous
            report in --out left as it was); 3 report written but incomplete (--allow-partial);
            64 usage or configuration error; 77 log-in refused;
            \(interrupted)
            """)

    /// What Ctrl-C and SIGTERM do to a command that writes files.
    static let interrupted = """
        130 or 143 ended by Ctrl-C or SIGTERM (the process dies by the signal, so a shell
        sees 128+N): temporary files removed, the previous files left as they were.
        """

    static let fetch = CommandSpec(
        name: "fetch", summary: "Fetch every ticket into a snapshot file, for 'render --from'.",
        options: connection.map { $0.name == "allow-partial" ? fetchAllowPartial : $0 }
            + [.value("snapshot", "FILE", "the snapshot to write (required)", kind: .file)]
            + [dryRun] + settingsFile + logging,
        footer: """
            exit status: 0 complete snapshot saved; 1 failure, nothing saved (a previous
            snapshot left as it was); 3 snapshot saved but incomplete (--allow-partial);
            64 usage or configuration error; 77 log-in refused;
            \(interrupted)
            """)

    /// `--allow-partial` of `fetch`, which writes a snapshot, not a report.
    static let fetchAllowPartial = OptionSpec.flag(
        "allow-partial", "save the snapshot marked incomplete when a source fails (exit 3)")

    /// What `render` says to `--verbose`: it sends no request to log.
    static let nothingToLog = [
        "verbose": "render makes no requests, so there is nothing to log; leave it out"
    ]

    static let render = CommandSpec(
        name: "render", summary: "Write the reports from a snapshot file, without the network.",
        options: [
            .value(
                "from", "FILE", "the snapshot written by fetch or run --snapshot (required)",
                kind: .file)
        ] + rendering + settingsFile + logging.filter { $0.name != "verbose" },
        footer: """
            exit status: 0 complete report written; 1 failure, nothing written (the snapshot
            could not be read, or a file not written; the previous report in --out left as it
            was); 3 the snapshot is incomplete, so the report is written marked INCOMPLETE;
            64 usage or configuration error;
            \(interrupted)
            """, notes: nothingToLog)

    static let demo = CommandSpec(
        name: "demo",
        summary:
            "Start the built-in simulator with sample data and run the whole pipeline against it over loopback HTTP.",
        options: rendering.map { $0.name == "as-of" ? demoAsOf : $0 }
            + connection.filter { ["company", "scope", "tag", "open-only"].contains($0.name) }
            + [latency] + logging,
        footer: """
            The sample data is anchored at \(SimulatorClock.anchor) (Asia/Shanghai), the default of --as-of.
            demo reads no config file (neither --config nor MAXCLOUD_CONFIG or MAXCLOUD_PROFILE):
            it always runs the simulator's sample data, into ./report unless --out says otherwise.

            exit status: 0 report written; 1 failure, nothing written (the previous report in
            --out left as it was); 64 usage or configuration error (a template's included);
            \(interrupted)
            """,
        notes: [
            "config": demoReadsNoConfig, "profile": demoReadsNoConfig,
        ])

    static let demoReadsNoConfig =
        "demo reads no config file: it runs the simulator's sample data with the options of its command line"

    /// `--as-of` of `demo`, whose default is the sample data's anchor, not the current time.
    static let demoAsOf = OptionSpec.value(
        "as-of", "\"YYYY-MM-DD HH:MM:SS\"",
        "the report's now, in --timezone (default \(SimulatorClock.anchor))", kind: .timestamp)

    static let latency = OptionSpec.value(
        "latency-ms", "MS", "delay the simulator adds to every answer (default 0)",
        kind: .integer(0...60_000))

    static let simulate = CommandSpec(
        name: "simulate",
        summary: "Serve the MaxCloud API simulator with sample data until interrupted.",
        options: [
            .value(
                "port", "N", "port to listen on (default 8080; 0 picks a free one)",
                kind: .integer(0...65_535)),
            .value("host", "ADDR", "loopback address to listen on (default 127.0.0.1)"),
            .value(
                "max-page-size", "N", "largest page served (default 100)",
                kind: .integer(1...100_000)),
            latency,
        ] + settingsFile + logging.filter { $0.name != "verbose" },
        footer: """
            Log in as demo@example.com with password demo-password.

            exit status: 0 stopped by Ctrl-C or SIGTERM; 1 the address could not be listened
            on (the port in use); 64 usage or configuration error.
            """,
        notes: [
            "verbose": "simulate logs no requests; leave it out"
        ])

    static let verify = CommandSpec(
        name: "verify",
        summary: "Log in, and list the companies the account can see (exit 77 when refused).",
        options: connection.filter {
            ["base-url", "email", "password-stdin", "retries", "timeout", "insecure-http"]
                .contains($0.name)
        } + settingsFile + logging,
        footer: """
            The companies go to standard output, one a line: id, two spaces, name.

            exit status: 0 logged in, companies listed; 1 failure (the server could not be
            reached or gave a bad answer); 64 usage or configuration error; 77 log-in refused.
            """)

    static let template = CommandSpec(
        name: "template",
        summary: "Render one template with a JSON file as data, to standard output.",
        positionals: ["FILE"],
        options: [
            .value("data", "JSON", "the data file, such as summary.json (required)", kind: .file),
            .value(
                "partials", "DIR",
                "folder of partials and parents (default: the template's folder)",
                kind: .folder),
        ],
        footer: """
            exit status: 0 rendered to standard output; 64 usage error, or a template or data
            file that cannot be read or used (printed as FILE:LINE:COLUMN where there is one).
            """)

    static let configCheck = CommandSpec(
        name: "config check",
        summary:
            "Check a config file: keys, types and values, each error with its line and column.",
        positionals: ["FILE"],
        options: [
            .value("profile", "NAME", "also check that the file has this profile").commandLineOnly()
        ],
        footer: "exit status: 0 no error; 64 errors found (each printed as FILE:LINE:COLUMN).")

    static let completion = CommandSpec(
        name: "completion",
        summary: "Print the shell completion script for bash or zsh.",
        positionals: ["SHELL"], positionalWords: [["bash", "zsh"]], options: [],
        footer: """
            bash: maxcloud-report completion bash > /usr/local/share/bash-completion/completions/maxcloud-report
            zsh:  maxcloud-report completion zsh > /usr/local/share/zsh/site-functions/_maxcloud-report

            exit status: 0 script printed; 64 usage error (no shell, or an unknown one).
            """)

    static let all = [
        run, fetch, render, verify, demo, simulate, template, configCheck, completion,
    ]

    /// Options that contradict each other: giving one in a higher layer (the command line
    /// over the environment over the config file) turns off the other, and giving both in
    /// one layer is refused (`Contradictions`).
    static let opposites = [
        ("include-closed", "open-only"), ("quiet", "verbose"), ("history", "no-history"),
    ]

    /// Flags each of which is the other's `false`: `"include-closed": false` in a config
    /// file means `open-only`, and `"open-only": false` means `include-closed`.
    static let complements = ["include-closed": "open-only", "open-only": "include-closed"]

    /// Every option a config file may set, each name once.
    static var configurable: [OptionSpec] {
        var seen = Set<String>()
        return all.flatMap(\.options).filter { $0.configurable && seen.insert($0.name).inserted }
    }
}
