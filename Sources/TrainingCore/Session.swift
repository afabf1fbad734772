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
    public var timeZone: String {
        didSet { for index in slots.indices { slots[index].timeZone = timeZone } }
    }
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
    /// The slots, in time order, in the session's time zone.
    public var slots: [Slot] {
        didSet {
            for index in slots.indices where slots[index].timeZone != timeZone { slots[index].timeZone = timeZone }
        }
    }

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
        self.slots = slots.map { slot in
            var slot = slot
            if slot.timeZone != timeZone { slot.timeZone = timeZone }
            return slot
        }
    }

    /// Decodes a session, its slots' times read in its time zone (a snapshot written before
    /// slots said their zone).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), courseID: try container.decode(String.self, forKey: .courseID),
            courseVersion: try container.decode(CourseVersion.self, forKey: .courseVersion),
            timeZone: try container.decode(String.self, forKey: .timeZone), place: try container.decode(Place.self, forKey: .place),
            trainers: try container.decode([String].self, forKey: .trainers), capacity: try container.decode(Int.self, forKey: .capacity),
            funder: try container.decodeIfPresent(String.self, forKey: .funder),
            status: try container.decode(SessionStatus.self, forKey: .status), slots: try container.decode([Slot].self, forKey: .slots))
    }

    /// The total planned time of the slots.
    public var plannedHours: Hours { slots.reduce(Hours(minutes: 0)) { $0 + $1.duration } }

    /// Where a slot is held: its own place, or the session's.
    public func place(of slot: Slot) -> Place { slot.place ?? place }

    /// The slot with this id.
    public func slot(_ id: String) -> Slot? { slots.first { $0.id == id } }

    /// The sentence for a half-day the session does not have, naming the ones it has.
    public func unknownSlotMessage(_ id: String) -> Text {
        "session \(self.id) has no half-day \(id); its half-days are \(slots.map(\.id).joined(separator: ", "))"
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
        guard slot.timeZone != timeZone else { return slot.interval }
        var slot = slot
        slot.timeZone = timeZone
        return slot.interval
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

    /// What tells two places apart: the name and the address (or description), with case,
    /// accents, spaces and punctuation left out ("3, quai Perrache" is "3 quai Perrache").
    public var identity: String {
        func letters(_ text: String) -> String { String(text.folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }) }
        return letters(name) + "|" + letters(detail)
    }

    /// The address of a room, the description of a site.
    public var detail: String {
        switch self {
        case .room(_, let address): address
        case .outreachSite(_, let description): description
        }
    }
}

/// A slot of a session — a half-day, an evening round, a night — with its date, its real
/// start and end times on the session's wall clock, and the modules it covers.
///
/// A slot that ends at or before the time it starts ends the next day (a night round,
/// 21:00–00:30). Its length is the time that really elapses in its time zone: 01:00–04:30 on
/// the night the clocks go forward lasts 2 h 30, on the night they go back 4 h 30.
public struct Slot: Sendable, Hashable, Codable, Identifiable {
    /// `2026-03-12-am`: unique within a session, readable on a sign-in sheet; the day and the
    /// part of the day, then `-2`, `-3` for a second or third slot in the same part (see
    /// ``numbered(_:)``). Stored with the slot: a record names it for good.
    public var id: String
    /// The day it starts.
    public var date: LocalDate { didSet { measure() } }
    /// When it starts, on the session's wall clock.
    public var start: TimeOfDay { didSet { measure() } }
    /// When it ends: on the next day when not after `start`.
    public var end: TimeOfDay { didSet { measure() } }
    /// The ids of the course modules taught in it.
    public var modules: [String]
    /// Where it is held, when not at the session's place: the evening maraude with the SIAO
    /// team on its site.
    public var place: Place?
    /// For a slot held remotely, how presence was established ("présence relevée sur la
    /// classe virtuelle"); `nil` on site.
    public var remotePresence: String?
    /// The IANA time zone of its times: the session's.
    public var timeZone: String { didSet { measure() } }
    /// The instants it starts and ends; `nil` when the zone is unknown or a time does not
    /// exist on that day (it falls in the hour skipped when the clocks go forward).
    public private(set) var interval: DateInterval?

    private enum CodingKeys: String, CodingKey { case id, date, start, end, modules, place, remotePresence, timeZone }

    /// Creates a slot, named for its day and part of the day unless `id` is given.
    public init(
        date: LocalDate, start: TimeOfDay, end: TimeOfDay, modules: [String], timeZone: String = "Europe/Paris", id: String? = nil
    ) {
        self.id = id ?? Self.name(date, Part(starting: start))
        self.date = date
        self.start = start
        self.end = end
        self.modules = modules
        self.timeZone = timeZone
        measure()
    }

    /// A slot whose instants are known already (as the store keeps them).
    public init(id: String, date: LocalDate, start: TimeOfDay, end: TimeOfDay, modules: [String], timeZone: String, interval: DateInterval)
    {
        self.id = id
        self.date = date
        self.start = start
        self.end = end
        self.modules = modules
        self.timeZone = timeZone
        self.interval = interval
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            date: try container.decode(LocalDate.self, forKey: .date), start: try container.decode(TimeOfDay.self, forKey: .start),
            end: try container.decode(TimeOfDay.self, forKey: .end), modules: try container.decode([String].self, forKey: .modules),
            timeZone: try container.decodeIfPresent(String.self, forKey: .timeZone) ?? "Europe/Paris",
            id: try container.decodeIfPresent(String.self, forKey: .id))
        // Written before slots kept their ids (a certificate's snapshot of format 1): the
        // morning or the afternoon, as ids were then.
        if !container.contains(.id) { id = "\(date)-\(start.minutes < 13 * 60 ? "am" : "pm")" }
        place = try container.decodeIfPresent(Place.self, forKey: .place)
        remotePresence = try container.decodeIfPresent(String.self, forKey: .remotePresence)
    }

    /// Whether it is held remotely.
    public var isRemote: Bool { remotePresence != nil }

    /// Whether it ends on the next day.
    public var crossesMidnight: Bool { end <= start }

    /// Its length on the wall clock, clock changes aside: what a trainer plans.
    public var plannedLength: Hours { Hours(minutes: (end.minutes - start.minutes + 24 * 60) % (24 * 60)) }

    /// The part of the day it starts in.
    public var part: Part { Part(starting: start) }

    /// The part of the day its id names: the part it started in when it was planned (a slot
    /// planned before evenings were told apart, from 18:00, is an afternoon, `-pm`).
    public var namedPart: Part {
        let pieces = id.split(separator: "-")
        return pieces.count >= 4 ? Part(rawValue: String(pieces[3])) ?? part : part
    }

    /// The time that really elapses from its start to its end; zero when it has no instants.
    public var duration: Hours { Hours(minutes: interval.map { Int($0.duration.rounded()) / 60 } ?? 0) }

    /// The parts of a day, by the time a slot starts: a morning before 13:00, an afternoon
    /// before 18:00, an evening before 21:00, and a night from 21:00 to 06:00.
    public enum Part: String, Sendable, Hashable, Codable, CaseIterable {
        /// *Matin*, 06:00–12:59.
        case morning = "am"
        /// *Après-midi*, 13:00–17:59.
        case afternoon = "pm"
        /// *Soirée*, 18:00–20:59.
        case evening = "ev"
        /// *Nuit*, 21:00–05:59.
        case night = "nt"

        init(starting time: TimeOfDay) {
            switch time.minutes {
            case 6 * 60..<13 * 60: self = .morning
            case 13 * 60..<18 * 60: self = .afternoon
            case 18 * 60..<21 * 60: self = .evening
            default: self = .night
            }
        }

        /// The words for it, in French or in English.
        public func name(french: Bool) -> String {
            switch self {
            case .morning: french ? "matin" : "morning"
            case .afternoon: french ? "après-midi" : "afternoon"
            case .evening: french ? "soirée" : "evening"
            case .night: french ? "nuit" : "night"
            }
        }
    }

    /// The slots with their ids given in time order: the first in a part of a day takes its
    /// name (`2026-04-02-ev`), the next `-2`, `-3`.
    public static func numbered(_ slots: [Slot]) -> [Slot] {
        var taken: Set<String> = []
        return slots.sorted { ($0.date, $0.start) < ($1.date, $1.start) }.map { slot in
            var slot = slot
            let base = name(slot.date, slot.part)
            var id = base
            var number = 1
            while !taken.insert(id).inserted {
                number += 1
                id = "\(base)-\(number)"
            }
            slot.id = id
            return slot
        }
    }

    private static func name(_ date: LocalDate, _ part: Part) -> String { "\(date)-\(part.rawValue)" }

    /// Sets the instants from the date, times and zone.
    private mutating func measure() {
        interval = nil
        guard let zone = TimeZone(identifier: timeZone) else { return }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        func instant(_ day: LocalDate, _ time: TimeOfDay) -> Date? {
            let components = DateComponents(
                year: day.year, month: day.month, day: day.day, hour: time.minutes / 60, minute: time.minutes % 60)
            guard let date = calendar.date(from: components) else { return nil }
            // A wall time in a DST gap is moved by Calendar; refuse it rather than shift it.
            let back = calendar.dateComponents([.hour, .minute], from: date)
            return back.hour == time.minutes / 60 && back.minute == time.minutes % 60 ? date : nil
        }
        guard let start = instant(date, start), let end = instant(crossesMidnight ? date.adding(days: 1) : date, end), start < end
        else { return }
        interval = DateInterval(start: start, end: end)
    }
}
