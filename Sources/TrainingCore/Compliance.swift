public import Foundation

/// Employers' training obligations, and the one place where "due", "late", "in grace" and
/// "overdue" are defined. Every report, reminder and matrix reads its statuses from
/// ``ObligationRule/status(of:evidence:exemptions:asOf:)``.
///
/// **Definitions**
///
/// - Dates are days on the calendar of Europe/Paris. A month is a calendar month, clamped to
///   the end of the month: 31 January + 1 month is 28 (or 29) February, and a completion on
///   29 February 2024 with a validity of 12 months is valid until 28 February 2025.
/// - The **due date**, and the **end of a validity**, are the last compliant day.
/// - **Late** starts the day after the due date. **In grace** lasts the rule's grace period
///   (days), from the first late day. **Overdue** starts the day after the grace ends; with no
///   grace, a person is overdue from the first late day. Reports state both dates ("late
///   since", "overdue since"), because products disagree on what grace means.
/// - **Due soon** covers the last `leadDays` days up to and including the due date.
/// - A newcomer is never late before the rule's first due date (N months after hire or after
///   taking the role, or a fixed date), even when training done years before has expired.
/// - Each completion (a certificate of a course the rule accepts, or a record of training
///   done elsewhere) starts a validity of M months, counted as the rule says:
///   - **from the completion**: it ends M months after the completion;
///   - **from the previous expiry**: a renewal while the current validity is due soon (or on
///     its last day, without a lead time) or in its grace keeps the anniversary (the new
///     validity ends M months after the old one ended); an earlier renewal counts from its
///     completion, and never shortens the validity; a renewal after the grace counts from its
///     completion;
///   - **from a fixed anniversary** (a month and day, such as 31 December): it ends on the
///     first anniversary on or after the day M months after the completion.
///   Without a validity, one completion satisfies the rule for good. Early renewal is always
///   allowed: a completion never shortens a validity.
/// - An **exemption** covers the days from its start to its end (both included): the person
///   is exempt, not late. A due date that falls within it moves to its end: the person is late
///   from the day after the exemption ends (then in grace, then overdue). Lateness from before
///   the exemption began stays.
public struct ObligationRule: Sendable, Hashable, Codable {
    /// Who the rule applies to among the employer's staff.
    public var appliesTo: Scope { didSet { matching = Matching(appliesTo, satisfiedBy) } }
    /// The courses that satisfy it (any one of them).
    public var satisfiedBy: [Satisfier] { didSet { matching = Matching(appliesTo, satisfiedBy) } }
    /// The roles and the other providers' courses, folded once rather than at each person.
    private var matching: Matching
    /// When the first completion is due.
    public var firstDue: FirstDue
    /// How long a completion counts, in months; `nil` when one is enough for good.
    public var validityMonths: Int?
    /// From what a validity is counted.
    public var counting: Counting
    /// Days after the due date before someone late is overdue.
    public var graceDays: Int
    /// Days before the due date from which it is due soon.
    public var leadDays: Int
    /// Whether training done elsewhere that nobody has verified counts.
    public var acceptsSelfDeclared: Bool

    /// Whom a rule applies to.
    public enum Scope: Sendable, Hashable, Codable {
        /// Everyone on the staff.
        case everyone
        /// Those whose profession or role is one of these (case and accents folded).
        case roles([String])
        /// These people, by participant id.
        case people([String])
    }

    /// A course that satisfies a rule.
    public enum Satisfier: Sendable, Hashable, Codable {
        /// One of the organisation's courses, by id (any version).
        case course(String)
        /// Another provider's course, by provider and title (case and accents folded).
        case external(provider: String, title: String)
    }

    /// When the first completion is due.
    public enum FirstDue: Sendable, Hashable, Codable {
        /// N months after the hire.
        case monthsAfterHire(Int)
        /// N months after taking the role.
        case monthsAfterRole(Int)
        /// On a fixed day (for those hired before it; after it, on the hire day).
        case on(LocalDate)
    }

    /// From what a validity is counted.
    public enum Counting: String, Sendable, Hashable, Codable, CaseIterable {
        /// From the completion.
        case completion
        /// From the end of the validity it renews (the anniversary is kept).
        case previousExpiry = "previous-expiry"
        /// Until a fixed anniversary.
        case anniversary
    }

    /// This rule (who and what) with the timing of `other` (when: first due date, validity,
    /// counting, grace, lead time), its folded names kept rather than folded again.
    func timed(as other: ObligationRule) -> ObligationRule {
        var timed = self
        timed.firstDue = other.firstDue
        timed.validityMonths = other.validityMonths
        timed.counting = other.counting
        timed.anniversaryMonth = other.anniversaryMonth
        timed.anniversaryDay = other.anniversaryDay
        timed.graceDays = other.graceDays
        timed.leadDays = other.leadDays
        return timed
    }

    /// The month and day of a fixed anniversary, with `.anniversary`.
    public var anniversary: (month: Int, day: Int)? {
        get { anniversaryMonth.flatMap { month in anniversaryDay.map { (month, $0) } } }
        set {
            anniversaryMonth = newValue?.month
            anniversaryDay = newValue?.day
        }
    }
    private var anniversaryMonth: Int?
    private var anniversaryDay: Int?

    /// What ``applies(toRole:participantID:)`` and ``accepts(_:)`` compare with.
    private struct Matching: Sendable, Hashable {
        var roles: Set<String> = []
        /// A list: a rule names a few courses, and comparing a few short ids beats hashing one.
        var courses: [String] = []
        var external: Set<Completion.Source> = []

        init(_ scope: Scope, _ satisfiers: [Satisfier]) {
            if case .roles(let names) = scope { roles = Set(names.map(\.folded)) }
            for satisfier in satisfiers {
                switch satisfier {
                case .course(let id): if !courses.contains(id) { courses.append(id) }
                case .external(let provider, let title): external.insert(Completion.Source(provider: provider, title: title))
                }
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case appliesTo, satisfiedBy, firstDue, validityMonths, counting, graceDays, leadDays, acceptsSelfDeclared, anniversaryMonth,
            anniversaryDay
    }

    /// Decodes a rule as ``encode(to:)`` wrote it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            appliesTo: try container.decode(Scope.self, forKey: .appliesTo),
            satisfiedBy: try container.decode([Satisfier].self, forKey: .satisfiedBy),
            firstDue: try container.decode(FirstDue.self, forKey: .firstDue),
            validityMonths: try container.decodeIfPresent(Int.self, forKey: .validityMonths),
            counting: try container.decode(Counting.self, forKey: .counting), graceDays: try container.decode(Int.self, forKey: .graceDays),
            leadDays: try container.decode(Int.self, forKey: .leadDays),
            acceptsSelfDeclared: try container.decode(Bool.self, forKey: .acceptsSelfDeclared))
        anniversaryMonth = try container.decodeIfPresent(Int.self, forKey: .anniversaryMonth)
        anniversaryDay = try container.decodeIfPresent(Int.self, forKey: .anniversaryDay)
    }

    /// Encodes the rule, without what it folds for itself.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(appliesTo, forKey: .appliesTo)
        try container.encode(satisfiedBy, forKey: .satisfiedBy)
        try container.encode(firstDue, forKey: .firstDue)
        try container.encodeIfPresent(validityMonths, forKey: .validityMonths)
        try container.encode(counting, forKey: .counting)
        try container.encode(graceDays, forKey: .graceDays)
        try container.encode(leadDays, forKey: .leadDays)
        try container.encode(acceptsSelfDeclared, forKey: .acceptsSelfDeclared)
        try container.encodeIfPresent(anniversaryMonth, forKey: .anniversaryMonth)
        try container.encodeIfPresent(anniversaryDay, forKey: .anniversaryDay)
    }

    /// Creates a rule.
    public init(
        appliesTo: Scope = .everyone, satisfiedBy: [Satisfier], firstDue: FirstDue, validityMonths: Int?, counting: Counting = .completion,
        anniversary: (month: Int, day: Int)? = nil, graceDays: Int = 0, leadDays: Int = 30, acceptsSelfDeclared: Bool = false
    ) {
        self.appliesTo = appliesTo
        self.satisfiedBy = satisfiedBy
        self.matching = Matching(appliesTo, satisfiedBy)
        self.firstDue = firstDue
        self.validityMonths = validityMonths
        self.counting = counting
        self.graceDays = graceDays
        self.leadDays = leadDays
        self.acceptsSelfDeclared = acceptsSelfDeclared
        self.anniversary = anniversary
    }

    /// What is wrong with the rule, if anything.
    public func problems() -> [Text] {
        var problems: [Text] = []
        if satisfiedBy.isEmpty { problems.append("an obligation needs at least one course that satisfies it") }
        switch firstDue {
        case .monthsAfterHire(let months), .monthsAfterRole(let months):
            if months < 0 { problems.append("the first due date cannot come before the hire (\(months) months)") }
        case .on: break
        }
        if let months = validityMonths {
            if months <= 0 {
                problems.append("a validity is a number of months above zero, not \(months)")
            } else if graceDays > months * 365 / 12 {
                // A month counts 365/12 days here: 12 months are 365 days.
                problems.append("a grace period of \(graceDays) days is longer than the validity of \(months) months")
            }
        }
        if graceDays < 0 { problems.append("a grace period is a number of days, not \(graceDays)") }
        if leadDays < 0 { problems.append("a lead time is a number of days, not \(leadDays)") }
        if counting == .anniversary {
            if let (month, day) = anniversary {
                if LocalDate(year: 2024, month: month, day: day) == nil { problems.append("\(month)-\(day) is not a day of the year") }
            } else {
                problems.append("counting from a fixed anniversary needs its month and day")
            }
        }
        return problems
    }

    /// Whether the rule applies to someone of this role or id.
    public func applies(toRole role: String?, participantID: String) -> Bool {
        switch appliesTo {
        case .everyone: true
        case .roles: role.map { matching.roles.contains($0.folded) } ?? false
        case .people(let ids): ids.contains(participantID)
        }
    }

    /// Whether the rule applies to this member of staff.
    public func applies(to member: StaffMember) -> Bool { applies(toRole: member.role, participantID: member.participantID) }

    /// Whether a completion satisfies the rule: a course it names, verified unless the rule
    /// accepts self-declared training.
    public func accepts(_ completion: Completion) -> Bool {
        guard completion.isVerified || acceptsSelfDeclared else { return false }
        if let course = completion.courseID, matching.courses.contains(course) { return true }
        return completion.source.map { matching.external.contains($0) } ?? false
    }

    /// The first due date of someone hired on `hire` who took their role on `roleSince`.
    public func firstDueDate(hiredOn hire: LocalDate, roleSince: LocalDate?) -> LocalDate {
        switch firstDue {
        case .monthsAfterHire(let months): hire.adding(months: months)
        case .monthsAfterRole(let months): (roleSince ?? hire).adding(months: months)
        case .on(let day): max(day, hire)
        }
    }

    /// The end of the validity a completion on `day` starts, when it renews a validity ending
    /// on `current` (`nil` for the first).
    func validity(completedOn day: LocalDate, renewing current: LocalDate?) -> LocalDate? {
        guard let months = validityMonths else { return nil }
        switch counting {
        case .completion:
            return max(day.adding(months: months), current ?? day)
        case .previousExpiry:
            guard let current else { return day.adding(months: months) }
            // The renewal window: the days due soon (see `status`), then the grace.
            if day >= current.adding(days: -max(leadDays - 1, 0)) && day <= current.adding(days: graceDays) {
                return current.adding(months: months)
            }
            return max(day.adding(months: months), current)
        case .anniversary:
            let earliest = day.adding(months: months)
            let (month, dayOfMonth) = anniversary ?? (12, 31)
            var candidate = LocalDate.clamped(year: earliest.year, month: month, day: dayOfMonth)
            if candidate < earliest { candidate = LocalDate.clamped(year: earliest.year + 1, month: month, day: dayOfMonth) }
            return max(candidate, current ?? candidate)
        }
    }
}

/// A training someone completed that may satisfy an obligation: a certificate, or a record
/// of training done elsewhere.
public struct Completion: Sendable, Hashable, Codable {
    /// The day the training was completed (its last day).
    public var date: LocalDate
    /// The course it was, or counts as.
    public var courseID: String?
    /// Another provider's name, for training done elsewhere.
    public let provider: String?
    /// The course's title at that provider.
    public let title: String?
    /// Whether someone checked it: a certificate always is; training done elsewhere once a
    /// person has seen its evidence.
    public var isVerified: Bool
    /// What proves it: a certificate's number, or an external record's id.
    public var evidence: String
    /// The provider and title folded, as rules compare them: folded once, not at each rule.
    fileprivate private(set) var source: Source?

    /// Another provider's course as rules compare it: both names folded.
    struct Source: Sendable, Hashable {
        let provider: String
        let title: String

        init(provider: String, title: String) {
            self.provider = provider.folded
            self.title = title.folded
        }
    }

    /// Creates a completion.
    public init(
        date: LocalDate, courseID: String?, provider: String? = nil, title: String? = nil, isVerified: Bool = true, evidence: String
    ) {
        self.date = date
        self.courseID = courseID
        self.provider = provider
        self.title = title
        self.isVerified = isVerified
        self.evidence = evidence
        self.source = provider.flatMap { provider in title.map { Source(provider: provider, title: $0) } }
    }

    private enum CodingKeys: String, CodingKey { case date, courseID, provider, title, isVerified, evidence }

    /// Decodes a completion as ``encode(to:)`` wrote it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            date: try container.decode(LocalDate.self, forKey: .date),
            courseID: try container.decodeIfPresent(String.self, forKey: .courseID),
            provider: try container.decodeIfPresent(String.self, forKey: .provider),
            title: try container.decodeIfPresent(String.self, forKey: .title),
            isVerified: try container.decode(Bool.self, forKey: .isVerified),
            evidence: try container.decode(String.self, forKey: .evidence))
    }

    /// Encodes the completion, without what it folds for itself.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encodeIfPresent(courseID, forKey: .courseID)
        try container.encodeIfPresent(provider, forKey: .provider)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encode(isVerified, forKey: .isVerified)
        try container.encode(evidence, forKey: .evidence)
    }
}

/// A person exempt from an obligation for a while, for a reason.
public struct Exemption: Sendable, Hashable, Codable {
    /// The first day exempt.
    public var from: LocalDate
    /// The last day exempt.
    public var until: LocalDate
    /// Why.
    public var reason: String

    /// Creates an exemption.
    public init(from: LocalDate, until: LocalDate, reason: String) {
        self.from = from
        self.until = until
        self.reason = reason
    }
}

/// Where someone stands with an obligation on a day.
public struct ComplianceStatus: Sendable, Hashable, Codable {
    /// The state.
    public var state: State
    /// The due date, or the end of the validity: the last compliant day (`nil` when a
    /// completion satisfies the rule for good, or while exempt).
    public var due: LocalDate?
    /// Days left until the due date, when due soon (0 on the due date).
    public var daysLeft: Int?
    /// The first late day, once late.
    public var lateSince: LocalDate?
    /// The first overdue day, once late (in the future while in grace).
    public var overdueSince: LocalDate?
    /// The completion that counts, `nil` when never trained.
    public var evidence: Completion?
    /// The exemption, while exempt.
    public var exemption: Exemption?
    /// The first day of the current state, for the states that start on a known day: due
    /// soon, in grace, overdue, exempt (what reminders count from).
    public var stateSince: LocalDate?

    /// Where someone stands.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Trained, and not yet due soon.
        case compliant
        /// Within the lead time before the due date.
        case dueSoon = "due-soon"
        /// Late, within the grace period.
        case inGrace = "in-grace"
        /// Late, past the grace period.
        case overdue
        /// Never trained, and not yet due soon.
        case notYetDue = "not-yet-due"
        /// Exempt for now.
        case exempt
    }

    /// Whether the person has never completed a training the rule accepts.
    public var isNeverTrained: Bool { evidence == nil }
}

/// A member of staff as an obligation sees them: when they were hired and took their role.
public struct StaffMember: Sendable, Hashable, Codable {
    /// The participant.
    public var participantID: String
    /// The profession or role.
    public var role: String?
    /// The first day of employment.
    public var hired: LocalDate
    /// The day they took their role, when it is not the hire.
    public var roleSince: LocalDate?

    /// Creates the member of staff.
    public init(participantID: String, role: String?, hired: LocalDate, roleSince: LocalDate? = nil) {
        self.participantID = participantID
        self.role = role
        self.hired = hired
        self.roleSince = roleSince
    }
}

extension ObligationRule {
    /// Where `member` stands on `day`, counting the completions up to that day (in any order)
    /// and the exemptions. See the definitions above.
    public func status(of member: StaffMember, evidence: [Completion], exemptions: [Exemption], asOf day: LocalDate) -> ComplianceStatus {
        if let exemption = exemptions.filter({ $0.from <= day && day <= $0.until }).max(by: { $0.until < $1.until }) {
            return ComplianceStatus(
                state: .exempt, evidence: latestCounted(evidence, asOf: day).evidence, exemption: exemption, stateSince: exemption.from)
        }
        let firstDue = firstDueDate(hiredOn: member.hired, roleSince: member.roleSince)
        let (counted, validUntil) = latestCounted(evidence, asOf: day)
        if counted != nil && validUntil == nil {
            return ComplianceStatus(state: .compliant, evidence: counted)
        }
        var due = max(validUntil ?? firstDue, firstDue)
        // A due date that falls within an exemption moves to its end.
        for exemption in exemptions where exemption.until < day && exemption.from <= due && exemption.until >= due {
            due = exemption.until
        }
        var status = ComplianceStatus(state: counted == nil ? .notYetDue : .compliant, due: due, evidence: counted)
        if day <= due {
            let left = due.ordinal - day.ordinal
            if left < leadDays {
                status.state = .dueSoon
                status.daysLeft = left
                status.stateSince = due.adding(days: -(leadDays - 1))
            }
            return clampedSince(status, of: member, exemptions: exemptions, asOf: day)
        }
        status.lateSince = due.adding(days: 1)
        status.overdueSince = due.adding(days: graceDays + 1)
        status.state = day < due.adding(days: graceDays + 1) ? .inGrace : .overdue
        status.stateSince = status.state == .inGrace ? status.lateSince : status.overdueSince
        return clampedSince(status, of: member, exemptions: exemptions, asOf: day)
    }

    /// The first day of the state, never before the person was in it: not before the hire
    /// (or the taking of the role), nor within an exemption that has ended.
    private func clampedSince(_ status: ComplianceStatus, of member: StaffMember, exemptions: [Exemption], asOf day: LocalDate)
        -> ComplianceStatus
    {
        guard var since = status.stateSince else { return status }
        since = max(since, member.hired, member.roleSince ?? member.hired)
        for exemption in exemptions.sorted(by: { $0.until < $1.until }) where exemption.until < day && exemption.until >= since {
            since = exemption.until.adding(days: 1)
        }
        var status = status
        status.stateSince = since
        return status
    }

    /// The completion that set the current validity and the validity's end, from the
    /// completions accepted up to `day`, walked in date order.
    private func latestCounted(_ evidence: [Completion], asOf day: LocalDate) -> (evidence: Completion?, validUntil: LocalDate?) {
        // Most people have one completion a rule accepts, or none: no list to make and sort.
        var only: Completion?
        var count = 0
        for completion in evidence where completion.date <= day && accepts(completion) {
            count += 1
            only = completion
        }
        guard count > 1 else {
            guard let only else { return (nil, nil) }
            return (only, validityMonths == nil ? nil : validity(completedOn: only.date, renewing: nil))
        }
        // Their places put in order in memory of their own (on the stack for a few), not a
        // list of copies made and sorted.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { order in
            var filled = 0
            for index in evidence.indices where evidence[index].date <= day && accepts(evidence[index]) {
                order[filled] = index
                filled += 1
            }
            var accepted = UnsafeMutableBufferPointer(rebasing: order[..<filled])
            accepted.sort { (evidence[$0].date, evidence[$0].evidence) < (evidence[$1].date, evidence[$1].evidence) }
            guard validityMonths != nil else { return (evidence[accepted[0]], nil) }
            var counted: Int?
            var end: LocalDate?
            for index in accepted {
                let renewed = validity(completedOn: evidence[index].date, renewing: end)
                if renewed != end {
                    counted = index
                    end = renewed
                }
            }
            return (counted.map { evidence[$0] }, end)
        }
    }
}

extension LocalDate {
    /// The day, or the month's last day when it has fewer (`29 February` in 2025 is the 28th).
    static func clamped(year: Int, month: Int, day: Int) -> LocalDate {
        LocalDate(year: year, month: month, day: min(day, days(inMonth: month, of: year))) ?? LocalDate(ordinal: 0)
    }
}

extension LocalDate {
    /// The Gregorian calendar in Europe/Paris.
    private static let paris: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? TimeZone(secondsFromGMT: 3600) ?? .current
        return calendar
    }()

    /// The last instant of the day in Europe/Paris: what "recorded by then" means for a day.
    public var endInParis: Date {
        let next = Self.paris.date(from: DateComponents(year: year, month: month, day: day + 1)) ?? Date(timeIntervalSince1970: 0)
        return next.addingTimeInterval(-0.001)
    }

    /// The day `instant` falls on in Europe/Paris, the calendar obligations count in.
    public static func inParis(_ instant: Date) -> LocalDate {
        let parts = paris.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? LocalDate(ordinal: 0)
    }
}

/// An employer's obligation: a title and the rule its staff follow, with the rule's history.
///
/// **A changed rule** applies to the periods that begin on or after the day it was changed
/// (a period begins at the latest completion the rule accepts, or at the hire, or the taking of the role,
/// for someone never trained); the periods under way keep the rule they began under, unless
/// the change was made for every period (`obligation edit --apply-to-existing`). Who the rule
/// applies to and what satisfies it are always the latest version's: they say who must be
/// trained and what counts, not when.
public struct Obligation: Sendable, Hashable, Codable, Identifiable {
    /// The workspace's identifier for it (`O-0001`).
    public var id: String
    /// The employer who states it.
    public var employerID: String
    /// What people call it ("Aller-vers, socle").
    public var title: String
    /// The rule: its latest version.
    public var rule: ObligationRule
    /// Every version of the rule, oldest first, the latest last.
    public var history: [RuleVersion]

    /// One version of an obligation's rule.
    public struct RuleVersion: Sendable, Hashable, Codable {
        /// 1 when the obligation was made, one more at each change.
        public var number: Int
        /// The rule.
        public var rule: ObligationRule
        /// The first day of the periods it governs; `nil` for every period.
        public var appliesFrom: LocalDate?
        /// Who recorded it.
        public var recordedBy: String?
        /// When.
        public var recordedAt: Date?

        /// Creates a version.
        public init(number: Int, rule: ObligationRule, appliesFrom: LocalDate? = nil, recordedBy: String? = nil, recordedAt: Date? = nil) {
            self.number = number
            self.rule = rule
            self.appliesFrom = appliesFrom
            self.recordedBy = recordedBy
            self.recordedAt = recordedAt
        }
    }

    /// Creates an obligation with one version of its rule, or the versions given.
    public init(id: String, employerID: String, title: String, rule: ObligationRule, history: [RuleVersion]? = nil) {
        self.id = id
        self.employerID = employerID
        self.title = title
        self.rule = rule
        self.history = history ?? [RuleVersion(number: 1, rule: rule)]
    }

    /// The obligation with `rule` as its next version, for the periods from `day` on
    /// (`nil`: every period).
    public func changed(to rule: ObligationRule, from day: LocalDate?, by who: String? = nil, at now: Date? = nil) -> Obligation {
        var changed = self
        changed.rule = rule
        changed.history.append(
            RuleVersion(number: (history.last?.number ?? 0) + 1, rule: rule, appliesFrom: day, recordedBy: who, recordedAt: now))
        return changed
    }

    /// The first day of `member`'s period under way on `day`: their latest completion the rule
    /// accepts, or, never trained, their hire (or the taking of the role, when the first due
    /// date counts from it). (The latest completion, not the one whose validity counts: an
    /// early renewal that extends nothing still begins a period under the rule of its day.)
    public func periodStart(of member: StaffMember, evidence: [Completion], asOf day: LocalDate) -> LocalDate {
        var latest: LocalDate?
        for completion in evidence where completion.date <= day && latest.map({ completion.date > $0 }) ?? true && rule.accepts(completion)
        {
            latest = completion.date
        }
        if let latest { return latest }
        if case .monthsAfterRole = rule.firstDue, let role = member.roleSince { return max(role, member.hired) }
        return member.hired
    }

    /// The version that governs a period beginning on `start`: the latest made for every
    /// period or for periods from that day or before, with the latest version's scope and
    /// courses.
    public func version(forPeriodBeginning start: LocalDate) -> RuleVersion {
        var governing = history.last { $0.appliesFrom.map { $0 <= start } ?? true } ?? history.first ?? RuleVersion(number: 1, rule: rule)
        // (The latest version has them already: a report asks a hundred thousand times.)
        guard governing.number != history.last?.number else { return governing }
        governing.rule = rule.timed(as: governing.rule)
        return governing
    }

    /// Where `member` stands on `day` (see ``ObligationRule/status(of:evidence:exemptions:asOf:)``),
    /// under the version that governs their period under way, and that version's number.
    public func status(of member: StaffMember, evidence: [Completion], exemptions: [Exemption], asOf day: LocalDate)
        -> (status: ComplianceStatus, version: Int)
    {
        // One version: nothing to choose, nor to copy (most obligations, most of the time).
        guard history.count > 1 else {
            return (rule.status(of: member, evidence: evidence, exemptions: exemptions, asOf: day), history.first?.number ?? 1)
        }
        let version = version(forPeriodBeginning: periodStart(of: member, evidence: evidence, asOf: day))
        return (version.rule.status(of: member, evidence: evidence, exemptions: exemptions, asOf: day), version.number)
    }
}

/// Training someone did with another provider, as the employer recorded it.
public struct ExternalTraining: Sendable, Hashable, Codable, Identifiable {
    /// The workspace's identifier for the record (`X-0001`).
    public var id: String
    /// The person.
    public var participantID: String
    /// The provider.
    public var provider: String
    /// The course's title there.
    public var title: String
    /// Its last day.
    public var completedOn: LocalDate
    /// How long it lasted.
    public var hours: Hours
    /// The organisation's course it counts as, when someone says so.
    public var countsAs: String?
    /// The name of the evidence's file (a scan of the certificate), kept by the employer.
    public var fileName: String?
    /// The SHA-256 of that file, hexadecimal: the file shown later must be the same.
    public var fileSHA256: String?
    /// Who checked the evidence; `nil` while self-declared.
    public var verifiedBy: String?

    /// Creates the record.
    public init(
        id: String, participantID: String, provider: String, title: String, completedOn: LocalDate, hours: Hours, countsAs: String? = nil,
        fileName: String? = nil, fileSHA256: String? = nil, verifiedBy: String? = nil
    ) {
        self.id = id
        self.participantID = participantID
        self.provider = provider
        self.title = title
        self.completedOn = completedOn
        self.hours = hours
        self.countsAs = countsAs
        self.fileName = fileName
        self.fileSHA256 = fileSHA256
        self.verifiedBy = verifiedBy
    }
}
