public import Foundation
public import TrainingCore
internal import TrainingExport
public import TrainingStore

/// Where each member of an employer's staff stands with each of its obligations on a day.
public struct ComplianceReport: Sendable, Encodable {
    /// The day.
    public var asOf: LocalDate
    /// A line per employer, person and obligation that applies to them, by employer, family
    /// name, obligation.
    public var lines: [Line]

    /// One person and one obligation.
    public struct Line: Sendable, Encodable {
        /// The employer.
        public var employerID: String
        /// Its name.
        public var employer: String
        /// The person.
        public var participantID: String
        /// `NOM Prénom`.
        public var name: String
        /// Their email, for a mail merge.
        public var email: String?
        /// Their profession.
        public var profession: String?
        /// The obligation.
        public var obligationID: String
        /// Its title.
        public var obligation: String
        /// Where they stand.
        public var status: ComplianceStatus
    }

    private enum Key: String, CodingKey { case asOf, lines, counts }

    /// How many lines of an employer (of a profession, or all) are in each state.
    public struct Count: Sendable, Encodable {
        /// The employer.
        public var employerID: String
        /// Its name.
        public var employer: String
        /// The profession (`""` for none), `nil` for the employer's total.
        public var profession: String?
        /// The lines in each state.
        public var states: [ComplianceStatus.State: Int]

        private enum Key: String, CodingKey { case employerID, employer, profession, states }

        /// Every state appears, with 0 when no line is in it.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(employerID, forKey: .employerID)
            try container.encode(employer, forKey: .employer)
            try container.encodeIfPresent(profession, forKey: .profession)
            try container.encode(
                Dictionary(uniqueKeysWithValues: ComplianceStatus.State.allCases.map { ($0.rawValue, states[$0] ?? 0) }), forKey: .states)
        }
    }

    /// The day, the lines, and the counts (a total per employer, `profession` absent, then
    /// one per profession, `""` for none).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(lines, forKey: .lines)
        try container.encode(counts(), forKey: .counts)
    }

    /// How many lines are in each state, per employer (and per profession within it): per
    /// employer, they add up to the whole.
    public func counts() -> [Count] {
        var tally = Tally()
        for line in lines { tally.add(line.employerID, line.employer, profession: line.profession, line.status.state) }
        return tally.counts
    }

    /// Lines counted as they come, per employer in the order first met, then per profession.
    struct Tally {
        private var employers: [(id: String, name: String, professions: [String: [Int]], total: [Int])] = []
        private var positions: [String: Int] = [:]
        /// The profession of the line before, its employer and its counts so far: lines of
        /// one profession in a row are counted here, without looking the profession up.
        private var run: (profession: String, employer: Int, numbers: [Int])?
        private static let states = ComplianceStatus.State.allCases

        mutating func add(_ employerID: String, _ employer: String, profession: String?, _ state: ComplianceStatus.State) {
            let index = Self.states.firstIndex(of: state) ?? 0
            // Lines come by employer: the last one met is looked up without hashing.
            let position: Int
            if let last = employers.indices.last, employers[last].id == employerID {
                position = last
            } else if let known = positions[employerID] {
                position = known
            } else {
                position = employers.count
                positions[employerID] = position
                employers.append((employerID, employer, [:], Array(repeating: 0, count: Self.states.count)))
            }
            employers[position].total[index] += 1
            let profession = profession ?? ""
            if run?.employer != position || run?.profession != profession {
                endRun()
                run = (profession, position, Array(repeating: 0, count: Self.states.count))
            }
            run?.numbers[index] += 1
        }

        /// Adds the run of lines of one profession to its employer's counts.
        private mutating func endRun() {
            guard let (profession, position, numbers) = run else { return }
            run = nil
            var counts = employers[position].professions[profession] ?? Array(repeating: 0, count: Self.states.count)
            for index in counts.indices { counts[index] += numbers[index] }
            employers[position].professions[profession] = counts
        }

        /// A total per employer, `profession` absent, then one per profession, `""` for none.
        var counts: [Count] {
            var tally = self
            tally.endRun()
            return tally.counted
        }

        private var counted: [Count] {
            func states(_ numbers: [Int]) -> [ComplianceStatus.State: Int] {
                Dictionary(uniqueKeysWithValues: zip(Self.states, numbers).filter { $0.1 > 0 })
            }
            return employers.flatMap { id, name, professions, total -> [Count] in
                [Count(employerID: id, employer: name, profession: nil, states: states(total))]
                    + professions.keys.sorted().map {
                        Count(employerID: id, employer: name, profession: $0, states: states(professions[$0] ?? []))
                    }
            }
        }
    }
}

/// Someone to remind of an obligation, and why.
public struct Reminder: Sendable, Encodable {
    /// The person and obligation, and where they stand.
    public var line: ComplianceReport.Line
    /// Why today: `entered due-soon`, `still overdue after 30 days`.
    public var reason: String
}

/// An employer's staff × its obligations.
public struct ComplianceMatrix: Sendable, Encodable {
    /// The day.
    public var asOf: LocalDate
    /// The obligations, the columns.
    public var obligations: [Obligation]
    /// A row per person: their status under each obligation, `nil` where it does not apply.
    public var rows: [Row]

    /// One person's row.
    public struct Row: Sendable, Encodable {
        /// The person.
        public var participantID: String
        /// `NOM Prénom`.
        public var name: String
        /// Their status under each obligation, in the order of `obligations`.
        public var statuses: [ComplianceStatus?]
    }
}

/// What changing an obligation's rule did, or would do, to the periods under way.
public struct ObligationChange: Sendable, Encodable {
    /// The obligation, its new version last.
    public var obligation: Obligation
    /// Whether the new version governs the periods under way too.
    public var appliesToExisting: Bool
    /// Whether a version was (or would be) recorded: not for a new title alone.
    public var newVersion = true
    /// The periods under way: one per person the obligation applies to, before or after.
    public var periods = 0
    /// Those whose status changes now.
    public var changed = 0
    /// Those that keep an earlier version (without `appliesToExisting`).
    public var keptEarlier = 0
    /// Of those, the ones whose status the new version would change.
    public var wouldChange = 0
}

/// Employers' obligations and who meets them.
public struct ComplianceService: Sendable {
    let store: Store

    /// The use cases over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Adds an obligation to an employer (by id or name).
    public func add(employer: String, title: String, rule: ObligationRule, by who: String?, at now: Date) async throws -> Obligation {
        try store.addObligation(employer: employer, title: title, rule: rule, by: try store.actor(who), at: now)
    }

    /// The obligations in force, of one employer or all.
    public func obligations(of employer: String?) async throws -> [Obligation] {
        try store.obligations(of: employer)
    }

    /// One obligation.
    public func obligation(_ id: String) async throws -> Obligation {
        try store.obligation(id)
    }

    /// Ends an obligation.
    public func remove(_ id: String, at now: Date) async throws {
        try store.removeObligation(id, at: now)
    }

    /// Records training done elsewhere; with `file` (a scan of its certificate), the file's
    /// SHA-256 is kept, the file itself staying where the employer keeps it.
    public func recordExternal(_ record: ExternalTraining, file: URL?, today: LocalDate, by who: String?, at now: Date) async throws
        -> ExternalTraining
    {
        var record = record
        if let file {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw ObligationError("\(file.path): no such file")
            }
            record.fileName = file.lastPathComponent
            record.fileSHA256 = Digest.sha256Hex(data)
        }
        return try store.addExternalTraining(record, today: today, by: try store.actor(who), at: now)
    }

    /// The records of training done elsewhere, of one person or everyone.
    public func externals(of participant: String?) async throws -> [ExternalTraining] {
        try store.externalTrainings(of: participant)
    }

    /// One record of training done elsewhere, removed or not; with `file`, whether that file
    /// is the one recorded (its SHA-256 the same).
    public func external(_ id: String, checking file: URL?) async throws -> (entry: ExternalTrainingEntry, matches: Bool?) {
        let entry = try store.externalTraining(id)
        guard let file else { return (entry, nil) }
        guard let data = FileManager.default.contents(atPath: file.path) else { throw ObligationError("\(file.path): no such file") }
        return (entry, entry.record.fileSHA256 == Digest.sha256Hex(data))
    }

    /// Removes a record of training done elsewhere from what counts.
    public func removeExternal(_ id: String, at now: Date) async throws {
        try store.removeExternalTraining(id, at: now)
    }

    /// Exempts someone from one obligation (or all) over some days.
    public func exempt(_ participant: String, from obligation: String?, _ exemption: Exemption, by who: String?, at now: Date) async throws
        -> ExemptionRecord
    {
        try store.addExemption(participant, obligation: obligation, exemption, by: try store.actor(who), at: now)
    }

    /// The exemptions recorded, of one person or everyone.
    public func exemptions(of participant: String?) async throws -> [ExemptionRecord] {
        try store.exemptions(of: participant)
    }

    /// Whom to remind of what on `day`: those who entered due soon, grace or overdue since
    /// `since` (default: the day before; their state then as recorded by then, so that an
    /// obligation, a person or a revocation recorded since counts as entering), and, with
    /// `every`, those still in it a multiple of `every` days after it began. The same day gives
    /// the same list; nothing is sent.
    public func reminders(employer: String?, asOf day: LocalDate, since: LocalDate? = nil, every: Int?) async throws -> [Reminder] {
        let now = try await report(employer: employer, asOf: day)
        let previous = since ?? day.adding(days: -1)
        let before = try await report(employer: employer, asOf: previous, knownAt: previous.endInParis)
        func key(_ line: ComplianceReport.Line) -> String { "\(line.employerID) \(line.participantID) \(line.obligationID)" }
        let yesterday = Dictionary(before.lines.map { (key($0), $0.status.state) }, uniquingKeysWith: { first, _ in first })
        return now.lines.compactMap { line in
            let state = line.status.state
            guard [.dueSoon, .inGrace, .overdue].contains(state) else { return nil }
            if yesterday[key(line)] != state { return Reminder(line: line, reason: "entered \(state.rawValue)") }
            // A multiple of `every` days since the state began, reached after the previous day.
            if let every, every > 0, let began = line.status.stateSince {
                let days = day.ordinal - began.ordinal
                let reached = days / every * every
                if reached > 0 && reached > previous.ordinal - began.ordinal {
                    return Reminder(line: line, reason: "still \(state.rawValue) after \(reached) days")
                }
            }
            return nil
        }
    }

    /// One employer's staff × its obligations on `day`: the training matrix.
    public func matrix(employer: String, asOf day: LocalDate) async throws -> ComplianceMatrix {
        let obligations = try store.obligations(of: employer)
        let report = try await report(employer: employer, asOf: day)
        var order: [String] = []
        var rows: [String: ComplianceMatrix.Row] = [:]
        for line in report.lines {
            if rows[line.participantID] == nil {
                order.append(line.participantID)
                rows[line.participantID] = ComplianceMatrix.Row(
                    participantID: line.participantID, name: line.name, statuses: Array(repeating: nil, count: obligations.count))
            }
            if let column = obligations.firstIndex(where: { $0.id == line.obligationID }) {
                rows[line.participantID]?.statuses[column] = line.status
            }
        }
        return ComplianceMatrix(asOf: day, obligations: obligations, rows: order.compactMap { rows[$0] })
    }

    /// Where everyone stands on `day`, for one employer or all (see ``TrainingCore/ObligationRule``);
    /// with `knownAt`, from what had been recorded by then.
    /// With `person` (a participant's id), their lines only, reading only their records.
    public func report(employer: String?, asOf day: LocalDate, knownAt: Date? = nil, person: String? = nil) async throws
        -> ComplianceReport
    {
        let employers = try store.complianceInputs(employer: employer, on: day, knownAt: knownAt, person: person)
        let parts = await Self.perEmployer(employers) { Self.lines(of: $0, asOf: day) }
        return ComplianceReport(asOf: day, lines: Array(parts.joined()))
    }

    /// How many people stand in each state on `day`, per employer and profession: what
    /// ``report(employer:asOf:knownAt:person:)`` counts, without a line per person (nor their
    /// names, nor an order) to build first.
    public func counts(employer: String?, asOf day: LocalDate, knownAt: Date? = nil) async throws -> [ComplianceReport.Count] {
        let employers = try store.complianceInputs(employer: employer, on: day, knownAt: knownAt, named: false)
        let parts = await Self.perEmployer(employers) { inputs in
            var tally = ComplianceReport.Tally()
            Self.statuses(in: inputs, asOf: day) { _, member, _, status in
                tally.add(inputs.employer.id, inputs.employer.name, profession: member.role, status.state)
            }
            return tally.counts
        }
        return Array(parts.joined())
    }

    /// `body` over each employer's inputs, each on a core of its own (a large organisation's
    /// staff are a hundred thousand statuses), the results in the employers' order.
    static func perEmployer<T: Sendable>(_ employers: [ComplianceInputs], _ body: @escaping @Sendable (ComplianceInputs) -> T) async -> [T]
    {
        await withTaskGroup(of: (Int, T).self) { group in
            for (index, inputs) in employers.enumerated() { group.addTask { (index, body(inputs)) } }
            var parts: [T?] = Array(repeating: nil, count: employers.count)
            for await (index, part) in group { parts[index] = part }
            return parts.compactMap { $0 }
        }
    }

    /// One employer's lines: each member of staff under each obligation that applies to them.
    static func lines(of inputs: ComplianceInputs, asOf day: LocalDate) -> [ComplianceReport.Line] {
        precondition(inputs.people.count == inputs.staff.count, "lines need the inputs read with names")
        var lines: [ComplianceReport.Line] = []
        lines.reserveCapacity(inputs.staff.count * inputs.obligations.count)
        statuses(in: inputs, asOf: day) { index, member, obligation, status in
            let participant = inputs.people[index]
            lines.append(
                ComplianceReport.Line(
                    employerID: inputs.employer.id, employer: inputs.employer.name, participantID: participant.id,
                    name: participant.displayName, email: participant.email, profession: member.role, obligationID: obligation.id,
                    obligation: obligation.title, status: status))
        }
        return lines
    }

    /// Each member of staff under each obligation that applies to them, with where they stand
    /// on `day`; each person's records looked up once for all the obligations.
    static func statuses(
        in inputs: ComplianceInputs, asOf day: LocalDate, _ body: (Int, StaffMember, Obligation, ComplianceStatus) -> Void
    ) {
        // One list, filled with each person's completions in turn.
        var evidence: [Completion] = []
        evidence.reserveCapacity(16)
        var scope = Scope(inputs.obligations)
        let obligations = inputs.obligations
        let completions = inputs.completions.unshared()
        for person in inputs.staff.indices {
            let member = inputs.staff[person]
            completions.fill(member.participantID, into: &evidence)
            let exemptions = inputs.exemptions.isEmpty ? [] : inputs.exemptions[member.participantID] ?? []
            for index in obligations.indices where scope.applies(index, to: member) {
                let own = exemptions.isEmpty ? [] : Self.exemptions(exemptions, under: obligations[index])
                body(
                    person, member, obligations[index],
                    obligations[index].status(of: member, evidence: evidence, exemptions: own, asOf: day).status)
            }
        }
    }

    /// Whether each obligation applies to a member of staff; for a rule that goes by role,
    /// remembered per role (a role is folded to be compared, and a staff shares a few roles).
    struct Scope {
        let obligations: [Obligation]
        /// Per obligation, the roles met and whether it applies to them.
        private var known: [[(role: String, applies: Bool)]]

        init(_ obligations: [Obligation]) {
            self.obligations = obligations
            known = Array(repeating: [], count: obligations.count)
        }

        mutating func applies(_ index: Int, to member: StaffMember) -> Bool {
            guard case .roles = obligations[index].rule.appliesTo, let role = member.role else {
                return obligations[index].rule.applies(to: member)
            }
            if let met = known[index].first(where: { $0.role == role }) { return met.applies }
            let applies = obligations[index].rule.applies(to: member)
            if known[index].count < 32 { known[index].append((role, applies)) }
            return applies
        }
    }

    /// The exemptions from `obligation` among someone's: those naming it, and those from every obligation.
    static func exemptions(_ records: [ExemptionRecord], under obligation: Obligation) -> [Exemption] {
        records.filter { $0.obligationID == nil || $0.obligationID == obligation.id }.map(\.exemption)
    }

    /// Where someone stands with an obligation on `day`, and the version of the rule that
    /// says so; `nil` when it does not apply to them.
    static func status(of member: StaffMember, under obligation: Obligation, in inputs: ComplianceInputs, asOf day: LocalDate)
        -> (ComplianceStatus, version: Int)?
    {
        guard obligation.rule.applies(to: member) else { return nil }
        return obligation.status(
            of: member, evidence: inputs.completions[member.participantID],
            exemptions: exemptions(inputs.exemptions[member.participantID] ?? [], under: obligation), asOf: day)
    }

    /// Changes an obligation's rule (and its title when given), for the periods that begin
    /// from `today` on, or, with `applyToExisting`, for every period; with `dryRun`, only says
    /// what it would change. The periods are those under way today: one per person the
    /// obligation applies to. The same rule with another title changes the title only.
    public func edit(
        _ id: String, title: String?, rule: ObligationRule, applyToExisting: Bool, dryRun: Bool, today: LocalDate, by who: String?,
        at now: Date
    ) async throws -> ObligationChange {
        let current = try store.obligation(id)
        try store.checkObligationRule(rule)
        let from = applyToExisting ? nil : today
        // Nothing new for the periods: the same rule, not made to govern more of them.
        guard rule != current.rule || (applyToExisting && current.history.last?.appliesFrom != nil) else {
            var renamed = current
            if let title, !dryRun {
                renamed = try store.editObligation(id, title: title, rule: nil, appliesFrom: nil, by: try store.actor(who))
            }
            return ObligationChange(obligation: renamed, appliesToExisting: applyToExisting, newVersion: false)
        }
        var change = ObligationChange(obligation: current.changed(to: rule, from: from), appliesToExisting: applyToExisting)
        // The inputs hold the certificates of the courses the new rule names too.
        for inputs in try store.complianceInputs(employer: current.employerID, on: today, accepting: [rule], named: false) {
            // As the inputs give it: the people it names who were merged since are those they were merged into.
            guard let before = inputs.obligations.first(where: { $0.id == id }) else { continue }
            let asIs = before.changed(to: rule, from: today)
            let forAll = before.changed(to: rule, from: nil)
            for member in inputs.staff {
                let old = Self.status(of: member, under: before, in: inputs, asOf: today)
                let new = Self.status(of: member, under: applyToExisting ? forAll : asIs, in: inputs, asOf: today)
                if old != nil || new != nil { change.periods += 1 }
                if old?.0 != new?.0 { change.changed += 1 }
                if !applyToExisting, let (_, version) = new, version < change.obligation.history.count {
                    change.keptEarlier += 1
                    if Self.status(of: member, under: forAll, in: inputs, asOf: today)?.0 != old?.0 {
                        change.wouldChange += 1
                    }
                }
            }
        }
        guard !dryRun else { return change }
        change.obligation = try store.editObligation(
            id, title: title, rule: rule, appliesFrom: from, by: try store.actor(who), at: now)
        return change
    }
}

extension ComplianceStatus {
    /// The state in words, with its days left or the end of the exemption: `due soon (12 d)`.
    public var stateText: Text {
        switch state {
        case .dueSoon: "\(state.words) (\(daysLeft ?? 0) d)"
        case .exempt: "\(state.words) until \(exemption?.until.description ?? "")"
        default: state.words
        }
    }

    /// Since when late and overdue, for someone late: both, because products disagree on
    /// what grace means.
    public var sinceText: Text {
        guard let late = lateSince, let overdue = overdueSince else { return Text(verbatim: "") }
        return state == .inGrace ? "late \(late), overdue from \(overdue)" : "late \(late), overdue \(overdue)"
    }
}

extension ComplianceReport {
    /// The CSV's columns, in English (a mail merge's field names).
    public static let csvHeader = [
        "employer", "participant", "name", "email", "profession", "obligation", "title", "state", "due", "days_left", "late_since",
        "overdue_since", "evidence",
    ]

    /// A line's cells under ``csvHeader``.
    public static func csvCells(_ line: Line) -> [String] {
        let status = line.status
        return [
            line.employer, line.participantID, line.name, line.email ?? "", line.profession ?? "", line.obligationID, line.obligation,
            status.state.rawValue, status.due?.description ?? "", status.daysLeft.map(String.init) ?? "",
            status.lateSince?.description ?? "", status.overdueSince?.description ?? "", status.evidence?.evidence ?? "",
        ]
    }

    /// The report as CSV: a line per person and obligation.
    public var csv: Data {
        var writer = CSVWriter()
        writer.append(Self.csvHeader)
        for line in lines { writer.append(Self.csvCells(line)) }
        return writer.data
    }
}

extension ComplianceMatrix {
    /// The matrix as CSV: a row per person, a column per obligation, each cell its state.
    public var csv: Data {
        var writer = CSVWriter()
        writer.append(["participant", "name"] + obligations.map { "\($0.id) \($0.title)" })
        for row in rows { writer.append([row.participantID, row.name] + row.statuses.map { $0.map { $0.state.rawValue } ?? "" }) }
        return writer.data
    }
}
