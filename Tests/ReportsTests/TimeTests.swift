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
}
