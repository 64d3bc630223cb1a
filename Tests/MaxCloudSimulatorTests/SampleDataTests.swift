import Foundation
import MaxCloudSimulator
import Testing

@Suite struct SampleDataTests {
    let dataset = SimulatorDataset.sample()

    @Test func companiesHaveTheDocumentedNamesAndTicketCounts() {
        let names = dataset.companies.map(\.name)
        let counts = dataset.companies.map { dataset.tickets(companyID: $0.id).count }

        #expect(names == ["DefaultTeam", "运维二组", "Acme Retail, Inc.", "EmptyCo"])
        #expect(counts == [260, 150, 90, 0])
    }

    @Test func demoAccountBelongsToEveryCompany() throws {
        let account = try #require(dataset.account(email: "demo@example.com"))

        #expect(account.password == "demo-password")
        #expect(account.password == SimulatorDataset.demoPassword)
        #expect(account.defaultCompanyID == 1)
        #expect(account.companyIDs == [1, 2, 3, 4])
        #expect(account.teamIDs == [1: 1, 2: 4, 3: 6, 4: 9])
    }

    @Test func twoCallsGiveEqualDatasets() {
        #expect(SimulatorDataset.sample() == dataset)
    }

    @Test func someTicketIDsOccurInTwoCompanies() {
        let first = Set(dataset.tickets(companyID: 1).map(\.id))
        let second = Set(dataset.tickets(companyID: 2).map(\.id))
        let third = Set(dataset.tickets(companyID: 3).map(\.id))

        #expect(!first.isDisjoint(with: second))
        #expect(!first.isDisjoint(with: third))
        for company in 1...3 {
            let ids = dataset.tickets(companyID: company).map(\.id)
            #expect(Set(ids).count == ids.count)
        }
    }

    @Test func everyPriorityAndNullArePresentInEachCompany() {
        for company in 1...3 {
            let priorities = Set(dataset.tickets(companyID: company).map(\.priority))
            #expect(priorities == [nil, 0, 1, 2, 3, 4])
        }
    }

    @Test func statesIncludeOddlyCasedClosedAndAboutHalfAreClosed() {
        let states = Set(dataset.tickets.map(\.state))
        let closed = dataset.tickets.filter(\.isClosed).count

        #expect(states == ["open", "pending", "in_progress", "closed", "Closed", "CLOSED"])
        #expect(closed > dataset.tickets.count * 2 / 5 && closed < dataset.tickets.count * 3 / 5)
    }

    @Test func timestampsAreWithinTheYearBeforeTheAnchor() {
        let oldest = "2025-11-30 09:00:00"
        for ticket in dataset.tickets {
            #expect(ticket.createdAt.count == 19)
            #expect(ticket.createdAt >= oldest && ticket.createdAt <= SimulatorClock.anchor)
            #expect(
                ticket.updatedAt >= ticket.createdAt && ticket.updatedAt <= SimulatorClock.anchor)
        }
    }

    @Test func eachCompanyHasTicketsFromTheLastDayThreeDaysAndWeek() {
        for company in 1...3 {
            let created = dataset.tickets(companyID: company).map(\.createdAt)
            #expect(created.contains { $0 >= "2026-11-29 09:00:00" })
            #expect(created.filter { $0 >= "2026-11-27 09:00:00" }.count >= 3)
            #expect(created.filter { $0 >= "2026-11-23 09:00:00" }.count >= 5)
        }
    }

    @Test func subjectsAreMostlyChineseWithHostileOnes() {
        let subjects = dataset.tickets.map(\.subject)
        let chinese = subjects.filter { $0.unicodeScalars.contains { $0.value >= 0x4E00 } }

        #expect(chinese.count * 2 > subjects.count)
        #expect(subjects.contains { $0.contains(",") })
        #expect(subjects.contains { $0.contains("\"") })
        #expect(subjects.contains { $0.contains("\n") })
        #expect(subjects.contains { $0.contains("|") })
        #expect(subjects.contains { $0.contains("<script>") })
        #expect(subjects.contains { $0.hasPrefix("=") })
        #expect(subjects.contains { $0.hasPrefix("+") })
    }

    @Test func assigneesIncludeTheDemoAccountNullAndEmpty() {
        let assignees = Set(dataset.tickets.map(\.assignedTo))

        #expect(assignees.contains("demo@example.com"))
        #expect(assignees.contains(nil))
        #expect(assignees.contains(""))
        #expect(assignees.compactMap { $0 }.filter { !$0.isEmpty }.count == 6)
    }

    @Test func groupTagsIncludeChineseSeveralAndNone() {
        let tags = Set(dataset.tickets.flatMap(\.groupTags))

        #expect(tags == ["default", "network", "database", "billing", "值班"])
        #expect(dataset.tickets.contains { $0.groupTags.count >= 2 })
        #expect(dataset.tickets.contains { $0.groupTags.isEmpty })
    }

    @Test func eachCompanyHasSeveralTeamsIncludingTheAccountsOwn() {
        let account = demoAccount(dataset)
        for company in 1...3 {
            let teams = Set(dataset.tickets(companyID: company).map(\.teamID))
            #expect(teams.count >= 2)
            #expect(teams.contains(account.teamIDs[company]!))
        }
    }

    @Test func optionalFieldsAreSometimesNullAndCommentsStayInRange() {
        #expect(dataset.tickets.contains { $0.notificationList == nil })
        #expect(dataset.tickets.contains { ($0.notificationList?.count ?? 0) > 0 })
        #expect(dataset.tickets.contains { $0.resources == nil })
        #expect(dataset.tickets.contains { ($0.resources?.count ?? 0) > 0 })
        #expect(dataset.tickets.allSatisfy { (0...20).contains($0.commentCount) })
    }

    @Test func generatedDatasetHasTheAskedSizeAndIsDeterministic() {
        let first = SimulatorDataset.generated(companies: 3, ticketsPerCompany: 500, seed: 7)
        let second = SimulatorDataset.generated(companies: 3, ticketsPerCompany: 500, seed: 7)
        let other = SimulatorDataset.generated(companies: 3, ticketsPerCompany: 500, seed: 8)

        #expect(first.tickets.count == 1500)
        #expect(first.companies.count == 3)
        #expect(first.account(email: "demo@example.com")?.companyIDs == [1, 2, 3])
        #expect(first == second)
        #expect(first != other)
    }
}
