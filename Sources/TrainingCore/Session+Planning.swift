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

    /// What makes this session impossible to run as planned, against its course.
    ///
    /// `allowingPartial` accepts slots that do not cover the course's hours (a session
    /// that runs part of a programme, agreed with the funder).
    public func problems(against course: Course, allowingPartial: Bool) -> [String] {
        var problems: [String] = []
        if TimeZone(identifier: timeZone) == nil { problems.append("the time zone \"\(timeZone)\" does not exist") }
        if capacity < 1 { problems.append("the capacity must be at least 1") }
        if slots.isEmpty { problems.append("the session has no slot") }
        let moduleIDs = Set(course.modules.map(\.id))
        var seen: Set<String> = []
        for slot in slots {
            if slot.end == slot.start { problems.append("slot \(slot.id) ends at \(slot.end), when it starts") }
            if !seen.insert(slot.id).inserted { problems.append("two slots are named \(slot.id)") }
            for module in slot.modules where !moduleIDs.contains(module) {
                problems.append("slot \(slot.id) names module \(module), which course \(course.id) version \(course.version) does not have")
            }
            if TimeZone(identifier: timeZone) != nil, slot.end != slot.start, interval(of: slot) == nil {
                problems.append("slot \(slot.id) falls in a daylight-saving change in \(timeZone)")
            }
        }
        // By their instants: a night round that ends after midnight meets the next day's slots.
        let ordered = slots.compactMap { slot in interval(of: slot).map { (slot, $0) } }.sorted { $0.1.start < $1.1.start }
        for ((earlier, first), (later, second)) in zip(ordered, ordered.dropFirst()) where second.start < first.end {
            problems.append(
                earlier.crossesMidnight
                    ? "slot \(earlier.id) ends at \(earlier.end) on \(earlier.date.adding(days: 1)), after slot \(later.id) starts at \(later.start)"
                    : "slots \(earlier.id) and \(later.id) overlap")
        }
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
