import Foundation
import Reports
import Testing

@Suite struct TimeTests {
    @Test func timestampsAreReadInTheReportZone() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let utc = try #require(TimeZone(secondsFromGMT: 0))

        let local = try #require(Timestamp.parse("2026-11-30 09:00:00", in: shanghai))
        let asUTC = try #require(Timestamp.parse("2026-11-30 01:00:00", in: utc))

        #expect(local == asUTC)
        #expect(local.timeIntervalSince1970 == 1_796_000_400)
        #expect(Timestamp.parse("2026-11-30T01:00:00Z", in: shanghai) == asUTC)
        #expect(Timestamp.parse("2026-11-30 09:00:00+08:00", in: utc) == asUTC)
        #expect(Timestamp.parse("2026-11-30 01:00:00.5", in: utc) == asUTC.addingTimeInterval(0.5))
    }

    @Test func daylightSavingZonesUseTheOffsetInForce() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))

        let winter = try #require(Timestamp.parse("2026-01-15 12:00:00", in: newYork))
        let summer = try #require(Timestamp.parse("2026-07-15 12:00:00", in: newYork))

        #expect(winter.timeIntervalSince1970 == 1_768_496_400)  // 17:00 UTC
        #expect(summer.timeIntervalSince1970 == 1_784_131_200)  // 16:00 UTC
    }

    @Test(arguments: [
        "2026-02-29 00:00:00", "2026-13-01 00:00:00", "2026-11-30 24:00:00", "2026-11-30",
        "2026/11/30 09:00:00", "", "2026-11-30 09:00:00 junk",
    ])
    func invalidTimestampsAreRefused(text: String) throws {
        #expect(Timestamp.parse(text, in: try #require(TimeZone(identifier: "UTC"))) == nil)
    }

    @Test(arguments: [
        "2026-11-30 09:00:00+99:00", "2026-11-30 09:00:00+08:60", "2026-11-30 09:00:00+08:99",
        "2026-11-30 09:00:00-99:59", "2026-11-30 09:00:00+18:01", "2026-11-30 09:00:00+1860",
        "2026-11-30 09:00:00+19",
    ])
    func offsetsNoClockCanShowAreRefused(text: String) throws {
        #expect(Timestamp.parse(text, in: try #require(TimeZone(identifier: "UTC"))) == nil)
        #expect {
            _ = try ReportClock(timeZone: "UTC", asOf: text)
        } throws: {
            "\($0)".hasPrefix("cannot read the as-of time '\(text)'")
        }
    }

    @Test func offsetsUpToEighteenHoursAreRead() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let base = try #require(Timestamp.parse("2026-11-30 09:00:00", in: utc))
        for (text, seconds) in [("+18:00", -64_800), ("-18:00", 64_800), ("+0545", -20_700)] {
            let date = try #require(Timestamp.parse("2026-11-30 09:00:00" + text, in: utc))
            #expect(date.timeIntervalSince(base) == Double(seconds), "\(text)")
        }
    }

    @Test func anAsOfWithAFractionOrInISOFormIsReadToTheWholeSecond() throws {
        let plain = try ReportClock(timeZone: "+08:00", asOf: "2026-11-30 09:00:00")
        for text in [
            "2026-11-30T09:00:00", "2026-11-30 09:00:00.999", "2026-11-30T01:00:00Z",
            "2026-11-30 09:00:00.5+08:00",
        ] {
            let clock = try ReportClock(timeZone: "+08:00", asOf: text)
            #expect(clock.asOf == plain.asOf, "\(text)")
        }
    }

    @Test(arguments: ["0001-01-01 00:00:00", "0999-12-31 23:00:00", "1899-12-31 23:59:59"])
    func anAsOfBeforeExcelsCalendarIsRefused(text: String) {
        #expect {
            _ = try ReportClock(timeZone: "UTC", asOf: text)
        } throws: {
            "\($0)" == "the as-of time '\(text)' lies outside the years 1900 to 9999 that the "
                + "reports and Excel's calendar can show"
        }
    }

    @Test func zonesAreIANANamesOrOffsetsAndUnknownOnesFail() throws {
        #expect(ReportClock.zone(named: "+08:00")?.secondsFromGMT() == 28_800)
        #expect(ReportClock.zone(named: "-0330")?.secondsFromGMT() == -12_600)
        #expect(ReportClock.zone(named: "Asia/Shanghai") != nil)
        #expect(ReportClock.zone(named: "Mars/Olympus") == nil)
        #expect(ReportClock.zone(named: "+25:00") == nil)
        #expect(throws: ReportError.self) { _ = try ReportClock(timeZone: "Nowhere", asOf: nil) }
        #expect(throws: ReportError.self) {
            _ = try ReportClock(timeZone: "UTC", asOf: "30/11/2026")
        }
    }

    @Test func asOfIsShownWithTheZonesOffset() throws {
        let clock = try ReportClock(timeZone: "America/New_York", asOf: "2026-07-01 08:30:00")

        #expect(clock.iso8601(clock.asOf) == "2026-07-01T08:30:00-04:00")
        #expect(clock.plain(clock.asOf) == "2026-07-01 08:30:00")
    }

    @Test(arguments: [
        ("Asia/Kolkata", 19_800), ("US/Eastern", -18_000), ("Etc/GMT+5", -18_000),
        ("America/Argentina/Buenos_Aires", -10_800), ("UTC", 0),
    ])
    func everyRegionCityNameFoundationKnowsIsAZone(name: String, offset: Int) throws {
        let clock = try ReportClock(timeZone: name, asOf: "2026-01-15 12:00:00")

        #expect(clock.timeZone.secondsFromGMT(for: clock.asOf) == offset)
    }

    @Test(arguments: ["EST", "CST", "IST"])
    func abbreviationsAreRefusedAsAmbiguousWithAnIANANameSuggested(name: String) {
        do {
            _ = try ReportClock(timeZone: name, asOf: nil)
            Issue.record("'\(name)' was taken")
        } catch {
            guard case .ambiguousTimeZone(name, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(error.description.hasPrefix("ambiguous time zone '\(name)'"))
            #expect(error.description.contains("give an IANA name such as "))
        }
        #expect(ReportClock.zone(named: name) == nil)
    }

    @Test func anAsOfThatDaylightSavingSkipsIsRefusedNamingTheValueAndTheZone() {
        do {
            _ = try ReportClock(timeZone: "Europe/Berlin", asOf: "2026-03-29 02:30:00")
            Issue.record("a time that does not exist was taken")
        } catch {
            #expect(
                error.description
                    == "the as-of time '2026-03-29 02:30:00' does not exist in Europe/Berlin: "
                    + "daylight saving time skips it (the clocks jump forward); give a time that "
                    + "exists, such as '2026-03-29 03:30:00', or one with its offset, such as "
                    + "'2026-03-29 02:30:00+01:00'")
        }
        // With its own offset, the same wall time is an instant.
        #expect(
            (try? ReportClock(timeZone: "Europe/Berlin", asOf: "2026-03-29 02:30:00+01:00"))?
                .asOf.timeIntervalSince1970 == 1_774_747_800)
    }

    @Test func anAsOfThatDaylightSavingRepeatsIsItsFirstOccurrenceInEitherHemisphere() throws {
        let berlin = try ReportClock(timeZone: "Europe/Berlin", asOf: "2026-10-25 02:30:00")
        let newYork = try ReportClock(timeZone: "America/New_York", asOf: "2026-11-01 01:30:00")
        let sydney = try ReportClock(timeZone: "Australia/Sydney", asOf: "2026-04-05 02:30:00")

        #expect(berlin.iso8601(berlin.asOf) == "2026-10-25T02:30:00+02:00")
        #expect(newYork.iso8601(newYork.asOf) == "2026-11-01T01:30:00-04:00")
        #expect(sydney.iso8601(sydney.asOf) == "2026-04-05T02:30:00+11:00")
    }
}
