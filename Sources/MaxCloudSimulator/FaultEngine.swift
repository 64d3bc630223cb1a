/// What a ticket list request is about, for the `tickets` trigger.
struct TicketRequestContext: Sendable, Hashable {
    let companyID: Int?
    let scope: SimScope?
    let page: Int
}

/// Decides, request by request, which fault of the plan (if any) to show.
struct FaultEngine: Sendable {
    /// The plan in force.
    private(set) var plan: SimFaultPlan
    /// How many requests each rule's trigger has matched so far.
    private var matches: [Int]
    /// The generator for random faults.
    private var rng: SplitMix64

    /// Starts a plan with every count at zero.
    init(plan: SimFaultPlan) {
        self.plan = plan
        matches = Array(repeating: 0, count: plan.rules.count)
        rng = SplitMix64(seed: plan.random?.seed ?? 0)
    }

    /// The fault for the next request, counting it against every rule it matches.
    mutating func decide(endpoint: SimEndpoint, tickets: TicketRequestContext?) -> SimFault? {
        var chosen: SimFault?
        for (index, rule) in plan.rules.enumerated() {
            guard Self.matches(rule.trigger, endpoint: endpoint, tickets: tickets) else {
                continue
            }
            matches[index] += 1
            let first = Self.firstOccurrence(of: rule.trigger)
            let count = matches[index]
            let inWindow = count >= first && (rule.times.map { count < first + $0 } ?? true)
            if inWindow && chosen == nil {
                chosen = rule.fault
            }
        }
        if chosen != nil { return chosen }

        guard let random = plan.random, random.endpoints.contains(endpoint),
            !random.faults.isEmpty
        else { return nil }
        let roll = rng.unit()
        let pick = rng.below(random.faults.count)
        return roll < random.rate ? random.faults[pick] : nil
    }

    private static func firstOccurrence(of trigger: SimFaultTrigger) -> Int {
        switch trigger {
        case .request(let number): number
        case .endpoint(_, let occurrence): occurrence
        case .tickets(_, _, _, let occurrence): occurrence
        }
    }

    private static func matches(
        _ trigger: SimFaultTrigger, endpoint: SimEndpoint, tickets: TicketRequestContext?
    ) -> Bool {
        switch trigger {
        case .request:
            return true
        case .endpoint(let wanted, _):
            return wanted == endpoint
        case .tickets(let companyID, let scope, let page, _):
            guard endpoint == .tickets, let tickets else { return false }
            if let companyID, companyID != tickets.companyID { return false }
            if let scope, scope != tickets.scope { return false }
            if let page, page != tickets.page { return false }
            return true
        }
    }
}
