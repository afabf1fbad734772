public import Foundation

/// The kinds of record a training organisation keeps about a person, each kept for its own
/// period after the session it belongs to ends.
public enum RecordKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Sign-in sheets: the attendance records of each half-day and their signatures.
    case signInSheets = "sign-in-sheets"
    /// Certificates of completion and end-of-training attestations, and their credentials.
    case certificates
    /// Positioning and assessment results, and progress through the modules.
    case assessments
    /// Contacts after absences (Qualiopi indicator 12).
    case followUps = "follow-ups"
    /// Training done elsewhere, recorded for an employer's obligations; kept from the day it
    /// was completed.
    case trainingElsewhere = "training-elsewhere"
}

extension RecordKind: Worded {}

/// How long one kind of record is kept, for every session or for those a funder paid for.
public struct RetentionRule: Sendable, Hashable, Codable {
    /// The kind of record.
    public var kind: RecordKind
    /// The funder whose sessions it governs; `nil` for every session.
    public var funder: Funding.Source?
    /// The number of years after the session ends.
    public var years: Int

    /// Creates a rule.
    public init(kind: RecordKind, funder: Funding.Source? = nil, years: Int) {
        self.kind = kind
        self.funder = funder
        self.years = years
    }
}

/// How long records are kept: six years after the session ends unless a rule says longer or
/// shorter (never below the law's minimum), ten when European funds paid for the session,
/// and a funder's rule where it asks for longer.
public struct RetentionPolicy: Sendable, Hashable, Codable {
    /// The years every kind is kept when no rule names it.
    public static let defaultYears = 6
    /// The years a session paid by European funds keeps every record, at least.
    public static let euFundedYears = 10

    /// The fewest years any kind may be kept, and why: no rule goes below. No article of the
    /// Code du travail sets a period; but a control of a training organisation, or a Qualiopi
    /// audit, may look back over the current year and the three before it, so a session's
    /// records are kept until the end of the fourth year after it at the least. Funders'
    /// longer periods (six years, ten when co-financed) are theirs to set.
    public static func minimum(of kind: RecordKind) -> (years: Int, reason: Text) {
        (4, "a control or a Qualiopi audit may look back over the current year and the three before it")
    }

    /// The rules set, by kind and funder.
    public var rules: [RetentionRule]

    /// Creates a policy from its rules.
    public init(rules: [RetentionRule] = []) {
        self.rules = rules
    }

    /// What is wrong with a rule in this policy, if anything: fewer years than the minimum, an
    /// unreasonable number, or a funder's rule no longer than the rule for every session,
    /// which it could never lengthen.
    public func problems(of rule: RetentionRule) -> [Text] {
        let minimum = Self.minimum(of: rule.kind)
        if rule.years < minimum.years {
            return [
                "\(rule.years) years is shorter than the minimum for \(rule.kind.words) (\(minimum.years) years: \(minimum.reason))"
            ]
        }
        if rule.years > 100 { return ["\(rule.years) years is not a retention period"] }
        let everySession = years(of: rule.kind)
        if rule.funder != nil && rule.years <= everySession {
            return [
                "a funder's rule only lengthens the retention: \(rule.years) years is not longer than the \(everySession) years of every session"
            ]
        }
        return []
    }

    /// The years a kind of record of a session is kept: the rule for every session (or the
    /// default), lengthened by a rule for any of its funders, and to ten years when European
    /// funds paid for it.
    public func years(of kind: RecordKind, funders: Set<Funding.Source> = [], euFunded: Bool = false) -> Int {
        var years = rules.first { $0.kind == kind && $0.funder == nil }?.years ?? Self.defaultYears
        for rule in rules where rule.kind == kind {
            if let funder = rule.funder, funders.contains(funder) { years = max(years, rule.years) }
        }
        return euFunded ? max(years, Self.euFundedYears) : years
    }

    /// The last day a record is kept: the same day `years` later, clamped to the month's end.
    public func keptUntil(_ record: RetainedRecord) -> LocalDate {
        record.ends.adding(months: 12 * years(of: record.kind, funders: record.funders, euFunded: record.euFunded))
    }
}

/// One record about a person, as retention sees it: its kind, the day its session ended (or
/// the training elsewhere was completed) and what governs how long it is kept.
public struct RetainedRecord: Sendable, Hashable {
    /// The kind.
    public var kind: RecordKind
    /// The day its period counts from.
    public var ends: LocalDate
    /// Who paid for its session.
    public var funders: Set<Funding.Source>
    /// Whether European funds paid for its session.
    public var euFunded: Bool

    /// Creates a record.
    public init(kind: RecordKind, ends: LocalDate, funders: Set<Funding.Source> = [], euFunded: Bool = false) {
        self.kind = kind
        self.ends = ends
        self.funders = funders
        self.euFunded = euFunded
    }
}

/// A person as a purge considers them: their records, and what still needs them.
public struct PersonRetention: Sendable, Hashable {
    /// The participant's id and name as the store holds them.
    public var participantID: String
    public var name: String
    /// The day the person was recorded: one with no record is kept as long as the default.
    public var recordedOn: LocalDate
    /// Every record about them.
    public var records: [RetainedRecord]
    /// Sessions they are in that are not closed or cancelled yet.
    public var openSessions: [String]
    /// The obligations (`title (id)`) their current employer holds them to.
    public var obligations: [String]

    /// Creates the person's facts.
    public init(
        participantID: String, name: String, recordedOn: LocalDate, records: [RetainedRecord], openSessions: [String] = [],
        obligations: [String] = []
    ) {
        self.participantID = participantID
        self.name = name
        self.recordedOn = recordedOn
        self.records = records
        self.openSessions = openSessions
        self.obligations = obligations
    }

    /// The last day any of their records is kept.
    public func keptUntil(under policy: RetentionPolicy) -> LocalDate {
        records.map(policy.keptUntil).max() ?? recordedOn.adding(months: 12 * RetentionPolicy.defaultYears)
    }
}

/// Who a purge anonymises and who it keeps although their records are past retention.
public struct PurgePlan: Sendable, Hashable {
    /// One person the plan names.
    public struct Person: Sendable, Hashable {
        /// The participant's id and name.
        public var participantID: String
        public var name: String
        /// The last day their records were to be kept.
        public var keptUntil: LocalDate
        /// Why they are kept although past retention: none when they are anonymised.
        public var stillNeededBy: [Text]
    }

    /// Records whose retention ended before this day are past it.
    public var before: LocalDate
    /// The people whose records are all past retention, by id.
    public var anonymised: [Person]
    /// The people past retention whom an open session or an active obligation still needs.
    public var kept: [Person]
    /// How many people have records still within retention.
    public var withinRetention: Int
    /// People removed from the workspace (they had no record) more than the default retention
    /// ago, whose names the change log still holds, by id.
    public var removed: [String] = []

    /// The plan for `people` under `policy`: those whose every record was kept until a day
    /// before `before`, unless an open session or an obligation still needs them.
    public init(people: [PersonRetention], policy: RetentionPolicy, before: LocalDate) {
        self.before = before
        anonymised = []
        kept = []
        withinRetention = 0
        for person in people.sorted(by: { $0.participantID < $1.participantID }) {
            let until = person.keptUntil(under: policy)
            guard until < before else {
                withinRetention += 1
                continue
            }
            let needs =
                person.openSessions.map { "session \($0) is not closed" as Text }
                + person.obligations.map { "obligation \($0) of their employer applies to them" as Text }
            let entry = Person(participantID: person.participantID, name: person.name, keptUntil: until, stillNeededBy: needs)
            if needs.isEmpty { anonymised.append(entry) } else { kept.append(entry) }
        }
    }
}

extension Participant {
    /// The family name a purge leaves.
    public static let anonymisedLastName = "Anonymised"

    /// The first name a purge leaves: the person's id, which stays.
    public static func anonymisedFirstName(of id: String) -> String { id }

    /// What a purge leaves of the person: their id, employer, profession and dates, which the
    /// counts made from their records need; no names, email, external id, birth date or gender.
    public func anonymised() -> Participant {
        Participant(
            id: id, firstName: Self.anonymisedFirstName(of: id), lastName: Self.anonymisedLastName, profession: profession,
            employer: employer, hireDate: hireDate, roleSince: roleSince)
    }
}
