/// A team inside a company, as tickets name it.
struct TeamPlan: Sendable {
    let id: Int
    let name: String
}

/// Makes plausible random tickets for one company from a seeded generator.
struct TicketFactory {
    /// The company the tickets belong to.
    let companyID: Int
    /// The company's teams; the first is the demo account's team.
    let teams: [TeamPlan]
    /// The share of English subjects, in percent.
    let englishPercent: Int

    /// Seconds in the 365 days before the anchor that creation times are spread over.
    static let yearSeconds = 365 * 86_400

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
        let state = rng.pick(
            ["closed", "open", "pending", "in_progress"], weights: [48, 26, 12, 14])
        let closed = state == "closed"
        let updatedWall =
            rng.percent(30) && !closed ? createdWall : createdWall + rng.below(age + 1)

        let team = rng.pick(teams, weights: teams.indices.map { $0 == 0 ? teams.count : 1 })
        let creator = rng.pick(SampleText.people)
        let assignee = randomAssignee(rng: &rng)
        let contentType = rng.pick(SampleText.contentTypes)
        let subjects =
            rng.percent(englishPercent)
            ? SampleText.englishSubjects : SampleText.chineseSubjects

        return SimTicket(
            id: id,
            companyID: companyID,
            teamID: team.id,
            teamName: team.name,
            createdBy: creator,
            assignedTo: assignee,
            updatedBy: (assignee?.isEmpty ?? true) ? creator : assignee,
            state: state,
            priority: rng.percent(6)
                ? nil : rng.pick([0, 1, 2, 3, 4], weights: [10, 20, 35, 25, 10]),
            rootCause: closed ? rng.pick(SampleText.rootCauses) : "",
            subject: rng.pick(subjects),
            contentType: contentType,
            content: SampleText.contents[contentType] ?? "",
            commentCount: rng.below(21),
            notificationList: randomNotificationList(rng: &rng),
            createdAt: SimulatorClock.format(wallSeconds: createdWall),
            updatedAt: SimulatorClock.format(wallSeconds: updatedWall),
            resources: randomResources(rng: &rng),
            tips: rng.pick(SampleText.tips),
            groupTags: randomGroupTags(rng: &rng)
        )
    }

    private func randomAssignee(rng: inout SplitMix64) -> String? {
        let roll = rng.below(100)
        if roll < 8 { return nil }
        if roll < 14 { return "" }
        return rng.pick(SampleText.people, weights: [25, 15, 15, 15, 15, 15])
    }

    private func randomNotificationList(rng: inout SplitMix64) -> [String]? {
        let roll = rng.below(100)
        if roll < 25 { return nil }
        if roll < 40 { return [] }
        return (0..<(1 + rng.below(3))).map { _ in rng.pick(SampleText.people) }
    }

    private func randomResources(rng: inout SplitMix64) -> [SimJSONValue]? {
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

    private func randomGroupTags(rng: inout SplitMix64) -> [String] {
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
