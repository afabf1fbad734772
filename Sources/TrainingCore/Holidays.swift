/// The French public holidays (*jours fériés*, Code du travail L3133-1), and the two more in
/// Alsace and Moselle (Good Friday and 26 December, L3134-13): the days a session is not laid
/// out on.
public struct PublicHolidays: Sendable, Hashable {
    /// Which list of holidays applies.
    public enum Calendar: String, Sendable, Hashable, CaseIterable {
        /// The eleven holidays of France.
        case france
        /// France's, with Good Friday and 26 December (Bas-Rhin, Haut-Rhin, Moselle).
        case alsaceMoselle = "alsace-moselle"
    }

    /// The list that applies.
    public var calendar: Calendar

    /// The holidays of `calendar`.
    public init(_ calendar: Calendar = .france) {
        self.calendar = calendar
    }

    /// The holiday's French name when `day` is one, `nil` otherwise.
    public func holiday(on day: LocalDate) -> String? {
        switch (day.month, day.day) {
        case (1, 1): return "jour de l'an"
        case (5, 1): return "fête du Travail"
        case (5, 8): return "Victoire 1945"
        case (7, 14): return "fête nationale"
        case (8, 15): return "Assomption"
        case (11, 1): return "Toussaint"
        case (11, 11): return "Armistice"
        case (12, 25): return "Noël"
        case (12, 26) where calendar == .alsaceMoselle: return "Saint-Étienne"
        default: break
        }
        let easter = Self.easter(of: day.year)
        switch day.ordinal - easter.ordinal {
        case -2 where calendar == .alsaceMoselle: return "Vendredi saint"
        case 1: return "lundi de Pâques"
        case 39: return "Ascension"
        case 50: return "lundi de Pentecôte"
        default: return nil
        }
    }

    /// Whether a session's days are laid out on `day`: a weekday that is not a holiday.
    public func isWorkingDay(_ day: LocalDate) -> Bool { !day.isWeekend && holiday(on: day) == nil }

    /// Why `day` is not a working day ("a Saturday", "a public holiday (Ascension)"), `nil`
    /// when it is one.
    public func whyNotWorking(_ day: LocalDate) -> Text? {
        if let name = holiday(on: day) { return "a public holiday (\(name))" }
        return day.isWeekend ? (day.weekday == 6 ? "a Saturday" : "a Sunday") : nil
    }

    /// The first working day from `day` on.
    public func firstWorkingDay(from day: LocalDate) -> LocalDate {
        var day = day
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and
    /// Butcher).
    public static func easter(of year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day) ?? LocalDate(ordinal: 0)
    }
}
