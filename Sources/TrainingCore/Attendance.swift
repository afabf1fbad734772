/// What happened to one participant in one slot, as the trainer records it.
public struct AttendanceMark: Sendable, Hashable, Codable {
    /// Whether the person was there.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// There, possibly late or leaving early.
        case present
        /// Away with a valid reason (illness, a work emergency), which is recorded.
        case excused
        /// Away without a valid reason.
        case absent
    }

    /// The participant.
    public var participantID: String
    /// The slot (`2026-03-12-am`).
    public var slotID: String
    /// Present, excused or absent.
    public var status: Status
    /// Minutes missed at the start.
    public var minutesLate: Int
    /// Minutes missed at the end.
    public var minutesLeftEarly: Int
    /// Why the person was away (required when excused), or a note.
    public var reason: String?

    /// Creates a mark.
    public init(
        participantID: String, slotID: String, status: Status, minutesLate: Int = 0, minutesLeftEarly: Int = 0, reason: String? = nil
    ) {
        self.participantID = participantID
        self.slotID = slotID
        self.status = status
        self.minutesLate = minutesLate
        self.minutesLeftEarly = minutesLeftEarly
        self.reason = reason
    }

    /// What is wrong with this mark for that slot, if anything.
    public func problems(in slot: Slot) -> [Text] {
        var problems: [Text] = []
        if minutesLate < 0 || minutesLeftEarly < 0 { problems.append("minutes late or early cannot be negative") }
        switch status {
        case .present:
            if minutesLate + minutesLeftEarly >= slot.duration.minutes {
                problems.append(
                    "\(participantID) missed \(minutesLate + minutesLeftEarly) minutes of slot \(slot.id), which lasts \(slot.duration.minutes): record an absence instead"
                )
            }
        case .excused, .absent:
            if minutesLate != 0 || minutesLeftEarly != 0 { problems.append("an absence has no minutes late or early") }
            if status == .excused && (reason ?? "").allSatisfy(\.isWhitespace) {
                problems.append("an excused absence of \(participantID) needs its reason")
            }
        }
        return problems
    }

    /// The time actually attended in `slot`: its length less the minutes missed.
    public func attended(in slot: Slot) -> Hours {
        guard status == .present else { return Hours(minutes: 0) }
        return Hours(minutes: max(0, slot.duration.minutes - minutesLate - minutesLeftEarly))
    }
}

/// Why and when a participant's current mark for a half-day corrected an earlier one, as
/// the filled sign-in sheet prints it (*corrigé le … : …*).
public struct MarkCorrection: Sendable, Hashable, Codable {
    /// The participant.
    public var participantID: String
    /// The half-day.
    public var slotID: String
    /// The day the correction was recorded, on the session's calendar.
    public var on: LocalDate
    /// Why.
    public var reason: String

    /// Creates a correction.
    public init(participantID: String, slotID: String, on: LocalDate, reason: String) {
        self.participantID = participantID
        self.slotID = slotID
        self.on = on
        self.reason = reason
    }
}

/// A session's marks, found by participant and half-day; a later mark for the same pair
/// replaces an earlier one.
public struct MarkGrid: Sendable {
    private var marks: [String: [String: AttendanceMark]] = [:]

    /// The grid of `marks`: a later mark of a seat's half-day replaces an earlier one, so
    /// that the grid of a session's records in the log's order holds their current marks.
    public init(_ marks: [AttendanceMark]) {
        for mark in marks { self.marks[mark.participantID, default: [:]][mark.slotID] = mark }
    }

    /// The mark of `participantID` for the half-day `slotID`, if recorded.
    public subscript(participantID: String, slotID: String) -> AttendanceMark? {
        marks[participantID]?[slotID]
    }
}

/// The hours a participant attended in a session, computed from the slot records.
public struct AttendedHours: Sendable, Hashable, Codable {
    /// The participant.
    public var participantID: String
    /// The time attended, slot by slot, added up.
    public var attended: Hours
    /// The time the session planned.
    public var planned: Hours
    /// Slots with no record yet.
    public var unrecordedSlots: Int

    /// The share of the planned hours attended, in percent, rounded down.
    public var ratePercent: Int { planned.minutes == 0 ? 0 : attended.minutes * 100 / planned.minutes }
}

extension Session {
    /// Every participant's attended hours from their current marks: `marks` in the log's
    /// order, the latest of each slot counting (see ``MarkGrid``). The one place hours are
    /// computed: documents only print them.
    public func attendedHours(of participantIDs: [String], marks: [AttendanceMark]) -> [AttendedHours] {
        attendedHours(of: participantIDs, grid: MarkGrid(marks))
    }

    /// Every participant's attended hours from a grid of their current marks.
    public func attendedHours(of participantIDs: [String], grid: MarkGrid) -> [AttendedHours] {
        participantIDs.map { id in
            var attended = Hours(minutes: 0)
            var unrecorded = 0
            for slot in slots {
                if let mark = grid[id, slot.id] { attended = attended + mark.attended(in: slot) } else { unrecorded += 1 }
            }
            return AttendedHours(participantID: id, attended: attended, planned: plannedHours, unrecordedSlots: unrecorded)
        }
    }
}
