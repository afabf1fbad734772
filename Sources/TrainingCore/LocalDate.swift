/// A calendar day, without a time or a time zone: `2026-03-12`.
///
/// Training days are days on the organisation's calendar; the time zone only matters
/// when a slot's start and end become instants (see ``Session/interval(of:)``).
public struct LocalDate: Sendable, Hashable, Comparable, TextCoded {
    /// The year, the month and the day in one integer, `year × 512 + month × 32 + day`: a
    /// word rather than three (reports hold dates by the hundred thousand), ordered as the days
    /// are, and compared in one instruction.
    private let packed: Int

    /// The year.
    public var year: Int { packed >> 9 }
    /// The month, 1–12.
    public var month: Int { (packed >> 5) & 0xF }
    /// The day of the month.
    public var day: Int { packed & 0x1F }

    /// The day, or `nil` when it does not exist (`2026-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year) else {
            return nil
        }
        self.init(checkedYear: year, month: month, day: day)
    }

    /// A day known to exist.
    private init(checkedYear year: Int, month: Int, day: Int) {
        packed = year << 9 | month << 5 | day
    }

    /// Parses `YYYY-MM-DD`; `nil` for any other form or a day that does not exist.
    public init?(_ text: String) {
        self.init(parsing: text)
    }

    /// Parses `YYYY-MM-DD` from any string-like text, byte by byte: stores and files hold
    /// dates by the hundred thousand.
    public init?(parsing text: some StringProtocol) {
        self.init(utf8: text.utf8)
    }

    /// Parses `YYYY-MM-DD` from its UTF-8 bytes: a database's text read in place. Inlinable,
    /// so that the store's readers get it specialised for the bytes they hold.
    @inlinable
    public init?(utf8 bytes: some Sequence<UInt8>) {
        var (year, month, day, position) = (0, 0, 0, 0)
        for byte in bytes {
            position += 1
            if position == 5 || position == 8 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), position <= 10 else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch position {
            case 1...4: year = year * 10 + digit
            case 6, 7: month = month * 10 + digit
            default: day = day * 10 + digit
            }
        }
        guard position == 10 else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.packed < rhs.packed
    }

    /// Days since 1970-01-01 (negative before), for arithmetic.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The day `ordinal` days after 1970-01-01.
    public init(ordinal: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(checkedYear: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The day `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate { LocalDate(ordinal: ordinal + days) }

    /// The ISO weekday: 1 for Monday through 7 for Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let remainder = (ordinal + 3) % 7
        return (remainder < 0 ? remainder + 7 : remainder) + 1
    }

    /// Whether the day is a Saturday or a Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

}

/// A time of day on the wall clock, to the minute: `09:00`, `13:30`.
public struct TimeOfDay: Sendable, Hashable, Comparable, TextCoded {
    /// Minutes since midnight, 0–1439.
    public let minutes: Int

    /// The time, or `nil` outside a day.
    public init?(minutes: Int) {
        guard (0..<24 * 60).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// Parses `HH:MM` (24-hour clock).
    public init?(_ text: String) {
        self.init(parsing: text)
    }

    /// Parses `HH:MM` from any string-like text, byte by byte.
    public init?(parsing text: some StringProtocol) {
        var (hours, minutes, position) = (0, 0, 0)
        for byte in text.utf8 {
            position += 1
            if position == 3 {
                guard byte == UInt8(ascii: ":") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), position <= 5 else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if position < 3 { hours = hours * 10 + digit } else { minutes = minutes * 10 + digit }
        }
        guard position == 5, hours < 24, minutes < 60 else { return nil }
        self.minutes = hours * 60 + minutes
    }

    public var description: String {
        let hours = minutes / 60
        let rest = minutes % 60
        return "\(hours < 10 ? "0" : "")\(hours):\(rest < 10 ? "0" : "")\(rest)"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

}
