import Foundation
import Reports
import Testing

@Suite struct CSVTests {
    func csv(bom: Bool = false, _ body: (inout CSVWriter) throws -> Void) throws -> String {
        var bytes: [UInt8] = []
        var writer = CSVWriter(bom: bom) { bytes += $0 }
        try body(&writer)
        try writer.flush()
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func fieldsWithCommaQuoteOrLineBreakAreQuoted() throws {
        let text = try csv {
            try $0.row(["a,b", "say \"hi\"", "two\nlines", "cr\rhere", "plain", "中文"])
        }

        #expect(text == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",plain,中文\r\n")
    }

    @Test func formulaLikeTextGetsALeadingApostrophe() throws {
        let text = try csv {
            try $0.row(["=1+1", "+86 123", "-x", "@SUM(A1)", "\tTab", "\rCR", "a=b"])
        }

        #expect(text == "'=1+1,'+86 123,'-x,'@SUM(A1),'\tTab,\"'\rCR\",a=b\r\n")
    }

    @Test func guardedTextIsQuotedWhenItAlsoHoldsAComma() throws {
        let text = try csv { try $0.row(["=HYPERLINK(\"http://x\",\"y\")"]) }

        #expect(text == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n")
    }

    @Test func controlCharactersAreRemovedWithoutLosingTheTextAroundThem() throws {
        let text = try csv {
            try $0.row([
                "disk\u{0}full", "bell\u{7}\u{1B}[31m", "\u{0}=1+1", "\u{0}\u{7F}", "a\u{0},b",
                "tab\tstays", "磁盘\u{1}告警",
            ])
        }

        // NUL before '=' still gets the guard; a field of nothing but controls is empty; a
        // comma still quotes the field.
        #expect(
            text == "diskfull,bell[31m,'=1+1,,\"a,b\",tab\tstays,磁盘告警\r\n")
    }

    @Test func numbersAreNeverGuardedAndNilIsEmpty() throws {
        let text = try csv {
            $0.number(-5)
            $0.number(nil)
            $0.number(7)
            $0.text(nil)
            try $0.endRow()
        }

        #expect(text == "-5,,7,\r\n")
    }

    @Test func bomStartsTheFileWhenAsked() throws {
        let text = try csv(bom: true) { try $0.row(["x"]) }

        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func ticketsCSVHasTheContractColumnsFirstColumnCompanyID() throws {
        let snapshot = Fixtures.snapshot([Fixtures.ticket(5, company: 2, subject: "a, \"b\"")])
        let data = ReportData(snapshot: snapshot, clock: try Fixtures.clock())

        let text = try csv { try CSVReports.writeTickets(data, to: &$0) }
        let lines = text.components(separatedBy: "\r\n")

        #expect(lines[0].hasPrefix("company_id,company,id,state,"))
        for column in [
            "priority", "subject", "assigned_to", "created_by", "created_at", "updated_at",
            "age_days",
        ] {
            #expect(lines[0].split(separator: ",").contains(Substring(column)))
        }
        #expect(
            lines[1]
                == "2,运维二组,5,open,open,2,\"a, \"\"b\"\"\",a@example.com,,,,,2026-11-01 09:00:00,2026-11-02 09:00:00,29,14-30d,"
        )
    }

    @Test func summaryCSVListsEveryDimension() throws {
        let data = ReportData(
            snapshot: Fixtures.snapshot([Fixtures.ticket(1)]), clock: try Fixtures.clock())

        let text = try csv { try CSVReports.writeSummary(data.summary, to: &$0) }
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }

        #expect(lines[0] == "dimension,key,open,closed,total")
        #expect(lines[1] == "total,all,1,0,1")
        #expect(lines.contains("company,DefaultTeam,1,0,1"))
        #expect(lines.contains("company,运维二组,0,0,0"))
        #expect(lines.contains("priority,2,1,0,1"))
        #expect(lines.contains("age,unknown,0,0,0"))
        #expect(lines.count == 1 + 1 + 2 + 1 + 1 + 1 + 8)
    }
}
