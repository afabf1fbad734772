public import Foundation

/// A run of a course version: its half-day slots, place, trainers, capacity and funder.
///
/// ```swift
/// let slots = Session.layOut(course, from: LocalDate("2026-03-12")!)
/// ```
public struct Session: Sendable, Hashable, Codable, Identifiable {
    /// A readable identifier, such as `AV-FOND-2026-03-LYON`.
    public var id: String
    /// The course's identifier.
    public var courseID: String
    /// The course version the session runs.
    public var courseVersion: CourseVersion
    /// The IANA time zone of the slot times (`Europe/Paris`).
    public var timeZone: String
    /// Where the session takes place.
    public var place: Place
    /// The trainers, by name.
    public var trainers: [String]
    /// The most participants enrolled at once; more go on the waiting list.
    public var capacity: Int
    /// Who pays (an OPCO, an employer, the participant), when known.
    public var funder: String?
    /// Where the session stands.
    public var status: SessionStatus
    /// The half-day slots, in time order.
    public var slots: [Slot]

    /// Creates a session.
    public init(
        id: String, courseID: String, courseVersion: CourseVersion, timeZone: String, place: Place, trainers: [String],
        capacity: Int, funder: String?, status: SessionStatus, slots: [Slot]
    ) {
        self.id = id
        self.courseID = courseID
        self.courseVersion = courseVersion
        self.timeZone = timeZone
        self.place = place
        self.trainers = trainers
        self.capacity = capacity
        self.funder = funder
        self.status = status
        self.slots = slots
    }

    /// The total planned time of the slots.
    public var plannedHours: Hours { slots.reduce(Hours(minutes: 0)) { $0 + $1.duration } }

    /// The slot with this id.
    public func slot(_ id: String) -> Slot? { slots.first { $0.id == id } }

    /// The sentence for a half-day the session does not have, naming the ones it has.
    public func unknownSlotMessage(_ id: String) -> String {
        "session \(self.id) has no half-day \(id); its half-days are " + slots.map(\.id).joined(separator: ", ")
    }

    /// The day of the last half-day `participantID` attended (present, possibly late or
    /// leaving early), when they attended any: the end of their training, from which a
    /// certificate's validity runs.
    public func lastAttendedDay(of participantID: String, grid: MarkGrid) -> LocalDate? {
        slots.last { grid[participantID, $0.id]?.status == .present }?.date
    }

    /// The instants a slot starts and ends, in the session's time zone; `nil` when the zone
    /// is unknown or the wall time does not exist (a daylight-saving gap).
    public func interval(of slot: Slot) -> DateInterval? {
        guard let zone = TimeZone(identifier: timeZone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        func instant(_ time: TimeOfDay) -> Date? {
            let components = DateComponents(
                year: slot.date.year, month: slot.date.month, day: slot.date.day, hour: time.minutes / 60, minute: time.minutes % 60)
            guard let date = calendar.date(from: components) else { return nil }
            // A wall time in a DST gap is moved by Calendar; refuse it rather than shift it.
            let back = calendar.dateComponents([.hour, .minute], from: date)
            return back.hour == time.minutes / 60 && back.minute == time.minutes % 60 ? date : nil
        }
        guard let start = instant(slot.start), let end = instant(slot.end), start < end else { return nil }
        return DateInterval(start: start, end: end)
    }
}

/// Where a session stands.
public enum SessionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Planned, not started.
    case planned
    /// Started: attendance is being recorded.
    case running
    /// Finished and closed: its records are final.
    case closed
    /// Cancelled: it will not run.
    case cancelled
}

/// Where a session takes place.
public enum Place: Sendable, Hashable, Codable {
    /// A training room, with its postal address.
    case room(name: String, address: String)
    /// An outreach site (a street, a neighbourhood, a mobile unit's stop), described in words.
    case outreachSite(name: String, description: String)

    /// The place's name.
    public var name: String {
        switch self {
        case .room(let name, _), .outreachSite(let name, _): name
        }
    }

    /// The address of a room, the description of a site.
    public var detail: String {
        switch self {
        case .room(_, let address): address
        case .outreachSite(_, let description): description
        }
    }
}

/// A half-day of a session: a date, real start and end times, and the modules it covers.
public struct Slot: Sendable, Hashable, Codable, Identifiable {
    /// The day.
    public var date: LocalDate
    /// When it starts, on the session's wall clock.
    public var start: TimeOfDay
    /// When it ends.
    public var end: TimeOfDay
    /// The ids of the course modules taught in it.
    public var modules: [String]

    /// Creates a slot.
    public init(date: LocalDate, start: TimeOfDay, end: TimeOfDay, modules: [String]) {
        self.date = date
        self.start = start
        self.end = end
        self.modules = modules
    }

    /// Morning or afternoon: a slot that starts before 13:00 is a morning.
    public var half: Half { start.minutes < 13 * 60 ? .morning : .afternoon }

    /// `2026-03-12-am`: unique within a session, readable on a sign-in sheet.
    public var id: String { "\(date)-\(half.rawValue)" }

    /// The slot's length; zero when it ends before it starts.
    public var duration: Hours { Hours(minutes: max(0, end.minutes - start.minutes)) }

    /// The two halves of a training day.
    public enum Half: String, Sendable, Hashable, Codable {
        /// *Matin*.
        case morning = "am"
        /// *Après-midi*.
        case afternoon = "pm"
    }
}
