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

    private struct Count: Encodable {
        let employerID: String
        let employer: String
        let profession: String?
        let states: [String: Int]
    }

    /// The day, the lines, and the counts (a total per employer, `profession` absent, then
    /// one per profession, `""` for none).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(lines, forKey: .lines)
        try container.encode(
            counts().map { count in
                Count(
                    employerID: count.employerID, employer: count.employer, profession: count.profession,
                    states: Dictionary(uniqueKeysWithValues: ComplianceStatus.State.allCases.map { ($0.rawValue, count.states[$0] ?? 0) }))
            }, forKey: .counts)
    }

    /// How many lines are in each state, per employer (and per profession within it): per
    /// employer, they add up to the whole.
    public func counts() -> [(employerID: String, employer: String, profession: String?, states: [ComplianceStatus.State: Int])] {
        var order: [String] = []
        var byEmployer: [String: (String, [String: [ComplianceStatus.State: Int]], [ComplianceStatus.State: Int])] = [:]
        for line in lines {
            if byEmployer[line.employerID] == nil {
                order.append(line.employerID)
                byEmployer[line.employerID] = (line.employer, [:], [:])
            }
            byEmployer[line.employerID]?.1[line.profession ?? "", default: [:]][line.status.state, default: 0] += 1
            byEmployer[line.employerID]?.2[line.status.state, default: 0] += 1
        }
        return order.flatMap { id -> [(String, String, String?, [ComplianceStatus.State: Int])] in
            guard let (name, professions, total) = byEmployer[id] else { return [] }
            return [(id, name, nil, total)] + professions.keys.sorted().map { (id, name, $0, professions[$0] ?? [:]) }
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
    public func report(employer: String?, asOf day: LocalDate, knownAt: Date? = nil) async throws -> ComplianceReport {
        var lines: [ComplianceReport.Line] = []
        for inputs in try store.complianceInputs(employer: employer, on: day, knownAt: knownAt) {
            for (participant, member) in inputs.staff {
                for obligation in inputs.obligations
                where obligation.rule.applies(toRole: member.role, participantID: member.participantID) {
                    let exemptions = (inputs.exemptions[participant.id] ?? []).filter {
                        $0.obligationID == nil || $0.obligationID == obligation.id
                    }
                    let status = obligation.rule.status(
                        of: member, evidence: inputs.completions[participant.id] ?? [], exemptions: exemptions.map(\.exemption), asOf: day)
                    lines.append(
                        ComplianceReport.Line(
                            employerID: inputs.employer.id, employer: inputs.employer.name, participantID: participant.id,
                            name: participant.displayName, email: participant.email, profession: member.role, obligationID: obligation.id,
                            obligation: obligation.title, status: status))
                }
            }
        }
        return ComplianceReport(asOf: day, lines: lines)
    }
}
