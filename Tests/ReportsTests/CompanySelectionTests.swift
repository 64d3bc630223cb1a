import MaxCloud
import Reports
import Testing

/// Which companies `--company` chooses from the log-in answer.
@Suite struct CompanySelectionTests {
    let companies = [
        Company(id: 1, name: "DefaultTeam"), Company(id: 3, name: "Dup"),
        Company(id: 4, name: "Dup"), Company(id: 5, name: "Acme Retail, Inc."),
    ]

    func login(_ all: [Company], own: Company? = nil) -> LoginSession {
        LoginSession(token: "t", company: own, allCompanies: all, requestID: nil)
    }

    @Test func aNameSharedByTwoCompaniesIsRefusedNamingBoth() throws {
        #expect {
            try FetchJob.select(["Dup"], from: companies, login: login(companies))
        } throws: { error in
            guard case MaxCloudError.ambiguousCompany("Dup", let matches) = error else {
                return false
            }
            return matches.map(\.id) == [3, 4] && "\(error)".contains("companies 3, 4")
        }
        #expect(
            try FetchJob.select(["4"], from: companies, login: login(companies)).map(\.id) == [4])
    }

    @Test func aCompanyListedTwiceIsReadOnce() throws {
        let twice = companies + [Company(id: 1, name: "DefaultTeam")]

        let chosen = try FetchJob.select(["all"], from: twice, login: login(twice))

        #expect(chosen.map(\.id) == [1, 3, 4, 5])
    }

    @Test func anAccountWithNoCompanyIsAnError() throws {
        #expect(throws: MaxCloudError.self) {
            try FetchJob.select(["all"], from: [], login: login([]))
        }
        let own = Company(id: 9, name: "Own")
        #expect(try FetchJob.select(["all"], from: [], login: login([], own: own)).map(\.id) == [9])
    }

    @Test func namesWithCommasAndListsOfIDs() throws {
        let byName = try FetchJob.select(
            ["Acme Retail, Inc."], from: companies, login: login(companies))
        let byList = try FetchJob.select(["1,5"], from: companies, login: login(companies))

        #expect(byName.map(\.id) == [5])
        #expect(byList.map(\.id) == [1, 5])
    }
}
