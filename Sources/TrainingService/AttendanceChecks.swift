public import Foundation
public import TrainingCore
public import TrainingStore

/// What funders' controllers reject in a session's signed sheets, found before they do:
/// signatures on a public holiday or on a day the session does not run, a half-day whose
/// signatures all came within seconds (signed in a row, for others), a half-day past by a
/// day with no trainer's certification, and someone counted present on a signed half-day
/// without a signature of theirs.
public struct AttendanceChecks: Sendable {
    let store: Store
    /// Signatures of three or more people closer than this, on one half-day, look signed in a row.
    public static let burst: TimeInterval = 10
    /// How long after a half-day ends its trainer has to certify it.
    public static let certificationDelay: TimeInterval = 24 * 3600

    /// The checks over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Every problem of session `sessionID` as of `now`, in the order of its half-days.
    public func problems(of sessionID: String, at now: Date) async throws -> [Text] {
        let records = try store.records(of: sessionID)
        let session = records.session
        let history = try store.attendanceHistory(of: session.id)
        let certified = Set(try store.sheetSignatures(of: session.id).map(\.slotID))
        let names = Dictionary(records.participants.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let holidays = PublicHolidays()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: session.timeZone) ?? TimeZone(identifier: "Europe/Paris") ?? .current
        func day(of instant: Date) -> LocalDate {
            let parts = calendar.dateComponents([.year, .month, .day], from: instant)
            return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? LocalDate(ordinal: 0)
        }
        // A signature may come on a half-day's day, or the next for one that runs past midnight.
        var days: Set<LocalDate> = []
        for slot in session.slots {
            days.insert(slot.date)
            if slot.crossesMidnight { days.insert(LocalDate(ordinal: slot.date.ordinal + 1)) }
        }
        var problems: [Text] = []
        for slot in session.slots {
            let signed = history.filter { $0.mark.slotID == slot.id && $0.evidence != nil && $0.evidence?.method != .trainer }
            for event in signed {
                let day = day(of: event.recordedAt)
                let who = names[event.mark.participantID] ?? event.mark.participantID
                if let holiday = holidays.holiday(on: day) {
                    problems.append("\(slot.id): \(who) signed on \(day), a public holiday (\(holiday))")
                } else if !days.contains(day) {
                    problems.append("\(slot.id): \(who) signed on \(day), a day the session does not run")
                }
            }
            let times = signed.map(\.recordedAt).sorted()
            if times.count >= 3, let first = times.first, let last = times.last, last.timeIntervalSince(first) <= Self.burst {
                problems.append(
                    "\(slot.id): all \(times.count) signatures came within \(Int(last.timeIntervalSince(first).rounded(.up))) seconds, as if signed in a row"
                )
            }
            if let end = session.interval(of: slot)?.end, now.timeIntervalSince(end) > Self.certificationDelay,
                !certified.contains(slot.id),
                !signed.isEmpty
            {
                problems.append("\(slot.id): no trainer has certified the sheet a day after the half-day")
            }
            // On a half-day signed on phones, each person counted present signed, or the
            // trainer signed for them with a reason.
            let opened = try store.signingWindow(sessionID: session.id, slotID: slot.id) != nil
            guard !signed.isEmpty || opened else { continue }
            let withSignature = Set(history.filter { $0.mark.slotID == slot.id && $0.evidence != nil }.map(\.mark.participantID))
            for mark in records.marks where mark.slotID == slot.id && mark.status == .present && !withSignature.contains(mark.participantID)
            {
                problems.append("\(slot.id): \(names[mark.participantID] ?? mark.participantID) is counted present without a signature")
            }
        }
        return problems
    }
}
