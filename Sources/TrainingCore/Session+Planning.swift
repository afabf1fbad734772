import Foundation

extension Session {
    /// The usual training day: 09:00–12:30 and 13:30–17:00.
    public static let defaultHalfDays = [
        (start: TimeOfDay(minutes: 9 * 60)!, end: TimeOfDay(minutes: 12 * 60 + 30)!),
        (start: TimeOfDay(minutes: 13 * 60 + 30)!, end: TimeOfDay(minutes: 17 * 60)!),
    ]

    /// Lays a course out on half-days from `start`, working days only (not a weekend nor a
    /// public holiday of `holidays`), module after module in teaching order. A module longer
    /// than a half-day continues in the next; a half-day with time left takes the next module;
    /// the last half-day ends when the course does.
    public static func layOut(
        _ course: Course, from start: LocalDate,
        halfDays: [(start: TimeOfDay, end: TimeOfDay)] = defaultHalfDays, holidays: PublicHolidays = PublicHolidays()
    ) -> [Slot] {
        var remaining = course.modules.map { ($0.id, $0.duration.minutes) }
        var slots: [Slot] = []
        var day = start
        while !remaining.isEmpty, !halfDays.isEmpty {
            day = holidays.firstWorkingDay(from: day)
            for half in halfDays where !remaining.isEmpty {
                var free = half.end.minutes - half.start.minutes
                var modules: [String] = []
                var used = 0
                while free > 0, let (id, minutes) = remaining.first {
                    let taken = min(free, minutes)
                    if !modules.contains(id) { modules.append(id) }
                    free -= taken
                    used += taken
                    if taken == minutes { remaining.removeFirst() } else { remaining[0].1 -= taken }
                }
                slots.append(Slot(date: day, start: half.start, end: TimeOfDay(minutes: half.start.minutes + used)!, modules: modules))
            }
            day = day.adding(days: 1)
        }
        return Slot.numbered(slots)
    }

    /// The longest a slot lasts: a night round from 21:00 to 09:00.
    public static let longestSlot = Hours(minutes: 12 * 60)

    /// What is wrong with the slots themselves (in their time zone), each with the index of
    /// the slot it is about: a slot of no length, or that ends before it starts (only a slot
    /// starting from 18:00 ends the next day), or longer than ``longestSlot``, a time that
    /// does not exist (skipped when the clocks go forward), two slots with one id, two that
    /// overlap (about the later one; a night that runs into the next day's first slot).
    public static func problems(of slots: [Slot]) -> [(slot: Int, problem: Text)] {
        var problems: [(slot: Int, problem: Text)] = []
        var seen: Set<String> = []
        for (index, slot) in slots.enumerated() {
            if slot.end == slot.start {
                problems.append((index, "slot \(slot.id) ends at \(slot.end), when it starts"))
            } else if slot.crossesMidnight && slot.start.minutes < 18 * 60 {
                problems.append(
                    (
                        index,
                        "slot \(slot.id) ends at \(slot.end), before it starts at \(slot.start) (only a slot starting from 18:00 ends the next day)"
                    ))
            } else if TimeZone(identifier: slot.timeZone) == nil {
                problems.append((index, "the time zone \"\(slot.timeZone)\" does not exist"))
            } else if slot.interval == nil {
                problems.append((index, "slot \(slot.id) falls in a daylight-saving change in \(slot.timeZone)"))
            } else if longestSlot < slot.plannedLength {
                problems.append((index, "slot \(slot.id) lasts \(slot.plannedLength): a slot lasts at most \(longestSlot)"))
            }
            if !seen.insert(slot.id).inserted { problems.append((index, "two slots are named \(slot.id)")) }
        }
        // By their instants: a night round that ends after midnight meets the next day's slots.
        let ordered = slots.indices.compactMap { index in slots[index].interval.map { (index, $0) } }.sorted { $0.1.start < $1.1.start }
        for ((first, earlier), (second, later)) in zip(ordered, ordered.dropFirst()) where later.start < earlier.end {
            let (a, b) = (slots[first], slots[second])
            problems.append(
                (
                    second,
                    a.crossesMidnight
                        ? "slot \(a.id) ends at \(a.end) on \(a.date.adding(days: 1)), after slot \(b.id) starts at \(b.start)"
                        : "slots \(a.id) and \(b.id) overlap"
                ))
        }
        return problems
    }

    /// What makes this session impossible to run as planned, against its course.
    ///
    /// `allowingPartial` accepts slots that do not cover the course's hours (a session
    /// that runs part of a programme, agreed with the funder).
    public func problems(against course: Course, allowingPartial: Bool) -> [Text] {
        var problems: [Text] = []
        if TimeZone(identifier: timeZone) == nil { problems.append("the time zone \"\(timeZone)\" does not exist") }
        if capacity < 1 { problems.append("the capacity must be at least 1") }
        if slots.isEmpty { problems.append("the session has no slot") }
        let moduleIDs = Set(course.modules.map(\.id))
        for slot in slots {
            for module in slot.modules where !moduleIDs.contains(module) {
                problems.append("slot \(slot.id) names module \(module), which course \(course.id) version \(course.version) does not have")
            }
        }
        if TimeZone(identifier: timeZone) != nil { problems += Self.problems(of: slots).map(\.problem) }
        if !allowingPartial {
            if plannedHours < course.duration {
                problems.append(
                    "the slots add up to \(plannedHours.decimal) hours but course \(course.id) lasts \(course.duration.decimal) hours (use --allow-partial for part of a course)"
                )
            }
            let covered = Set(slots.flatMap(\.modules))
            for module in course.modules where !covered.contains(module.id) {
                problems.append("no slot covers module \(module.id) (use --allow-partial for part of a course)")
            }
        }
        return problems
    }
}
