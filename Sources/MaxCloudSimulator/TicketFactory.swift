/// A team inside a company, as tickets name it.
struct TeamPlan: Sendable {
    let id: Int
    let name: String
}

/// Makes plausible random tickets for one company from a seeded generator.
///
/// The list-valued fields are drawn from small pools made once per company, so a ticket
/// costs a handful of random numbers and two timestamp strings: a million build in seconds.
struct TicketFactory {
    /// The company the tickets belong to.
    let companyID: Int
    /// The company's teams; the first is the demo account's team and the most common.
    private let teams: [TeamPlan]
    private let subjects: [String]
    private let notificationPool: [[String]?]
    private let resourcePool: [[SimJSONValue]?]
    private let tagPool: [[String]]

    /// Seconds in the 365 days before the anchor that creation times are spread over.
    static let yearSeconds = 365 * 86_400

    /// States, with closed the most common (about half).
    private static let states = [
        "closed", "closed", "closed", "closed", "closed", "closed", "closed", "closed",
        "closed", "closed", "closed", "closed", "open", "open", "open", "open", "open",
        "open", "open", "pending", "pending", "pending", "in_progress", "in_progress",
        "in_progress",
    ]

    /// Priorities, 2 the most common, with a few missing.
    private static let priorities: [Int?] = [
        nil, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4,
    ]

    /// Creates a factory, drawing its pools from `rng`.
    init(companyID: Int, teams: [TeamPlan], englishPercent: Int, rng: inout SplitMix64) {
        self.companyID = companyID
        let others = teams.dropFirst()
        self.teams = Array(repeating: teams[0], count: max(1, others.count)) + others
        var subjects: [String] = []
        for index in 0..<40 {
            let english = index * 100 / 40 < englishPercent
            subjects.append(
                rng.pick(english ? SampleText.englishSubjects : SampleText.chineseSubjects))
        }
        self.subjects = subjects
        notificationPool = (0..<37).map { _ in Self.randomNotificationList(rng: &rng) }
        resourcePool = (0..<41).map { _ in Self.randomResources(rng: &rng) }
        tagPool = (0..<43).map { _ in Self.randomGroupTags(rng: &rng) }
    }

    /// Creation ages (seconds before the anchor) for `count` tickets, oldest first, with
    /// a few forced into the last 1, 3 and 7 days.
    static func creationAges(count: Int, rng: inout SplitMix64) -> [Int] {
        var ages = (0..<count).map { _ in 1 + rng.below(yearSeconds - 1) }
        let recent = [2 * 3600, 20 * 3600, 2 * 86_400 + 1800, 60 * 3600, 5 * 86_400, 6 * 86_400]
        for (index, age) in recent.prefix(count).enumerated() {
            ages[index] = age
        }
        ages.sort(by: >)
        return ages
    }

    /// One ticket created `age` seconds before the anchor.
    func ticket(id: Int, age: Int, rng: inout SplitMix64) -> SimTicket {
        let createdWall = SimulatorClock.anchorWallSeconds - age
        let state = rng.pick(Self.states)
        let closed = state == "closed"
        let updatedWall =
            rng.percent(30) && !closed ? createdWall : createdWall + rng.below(age + 1)
        let team = rng.pick(teams)
        let creator = rng.pick(SampleText.people)
        let assignee = Self.randomAssignee(rng: &rng)
        let content = rng.pick(SampleText.contents)

        return SimTicket(
            id: id,
            companyID: companyID,
            teamID: team.id,
            teamName: team.name,
            createdBy: creator,
            assignedTo: assignee,
            updatedBy: (assignee?.isEmpty ?? true) ? creator : assignee,
            state: state,
            priority: rng.pick(Self.priorities),
            rootCause: closed ? rng.pick(SampleText.rootCauses) : "",
            subject: rng.pick(subjects),
            contentType: content.type,
            content: content.text,
            commentCount: rng.below(21),
            notificationList: rng.pick(notificationPool),
            createdAt: SimulatorClock.format(wallSeconds: createdWall),
            updatedAt: SimulatorClock.format(wallSeconds: updatedWall),
            resources: rng.pick(resourcePool),
            tips: rng.pick(SampleText.tips),
            groupTags: rng.pick(tagPool)
        )
    }

    private static func randomAssignee(rng: inout SplitMix64) -> String? {
        let roll = rng.below(100)
        if roll < 8 { return nil }
        if roll < 14 { return "" }
        if roll < 35 { return SampleText.demoEmail }
        return rng.pick(SampleText.people)
    }

    private static func randomNotificationList(rng: inout SplitMix64) -> [String]? {
        let roll = rng.below(100)
        if roll < 25 { return nil }
        if roll < 40 { return [] }
        return (0..<(1 + rng.below(3))).map { _ in rng.pick(SampleText.people) }
    }

    private static func randomResources(rng: inout SplitMix64) -> [SimJSONValue]? {
        let roll = rng.below(100)
        if roll < 55 { return nil }
        if roll < 65 { return [] }
        return (0..<(1 + rng.below(2))).map { _ in
            let kind = rng.pick(SampleText.resourceKinds)
            return .object([
                "type": .string(kind),
                "id": .string("\(kind)-" + String(rng.next() >> 36, radix: 16)),
                "region": .string(rng.pick(SampleText.regions)),
            ])
        }
    }

    private static func randomGroupTags(rng: inout SplitMix64) -> [String] {
        let roll = rng.below(100)
        if roll < 30 { return [] }
        let wanted = roll < 80 ? 1 : 2 + rng.below(2)
        var tags: [String] = []
        while tags.count < wanted {
            let tag = rng.pick(SampleText.groupTags, weights: SampleText.groupTagWeights)
            if !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }
}
