/// A length of teaching time, kept as whole minutes so that sums are exact.
///
/// Programmes state durations in hours, often with a fraction (`3.5`); minutes avoid
/// the rounding that floating point would bring into attendance totals.
public struct Hours: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The duration in whole minutes.
    public var minutes: Int

    /// Creates a duration of the given number of minutes.
    public init(minutes: Int) {
        self.minutes = minutes
    }

    /// Creates a duration of a whole number of hours.
    public init(hours: Int) {
        self.minutes = hours * 60
    }

    /// Parses a decimal number of hours such as `7`, `3.5` or `0.25`.
    ///
    /// Returns `nil` when the text is not a plain non-negative decimal or does not come to
    /// a whole number of minutes (`0.01` hours is 36 seconds).
    public init?(decimal text: some StringProtocol) {
        // One pass over the bytes: this runs for every module of every imported course.
        var whole = 0
        var wholeDigits = 0
        var numerator = 0
        var denominator = 1
        var fractionDigits = 0
        var inFraction = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                if inFraction {
                    fractionDigits += 1
                    guard fractionDigits <= 6 else { return nil }
                    numerator = numerator * 10 + digit
                    denominator *= 10
                } else {
                    wholeDigits += 1
                    guard wholeDigits <= 6 else { return nil }
                    whole = whole * 10 + digit
                }
            case UInt8(ascii: ".") where !inFraction:
                inFraction = true
            default:
                return nil
            }
        }
        guard wholeDigits > 0, !inFraction || fractionDigits > 0, (numerator * 60) % denominator == 0 else { return nil }
        self.minutes = whole * 60 + numerator * 60 / denominator
    }

    /// The duration as the shortest decimal number of hours: `7`, `3.5`, `0.25`.
    public var decimal: String {
        let whole = minutes / 60
        let rest = minutes % 60
        guard rest != 0 else { return String(whole) }
        // 60 = 2² · 3 · 5: a remainder whose reduced denominator has a factor 3 has no finite
        // decimal form; those fall back to four decimals, which the parser refuses, so it is
        // never produced from a parsed value.
        var digits = ""
        var numerator = rest
        var count = 0
        while numerator != 0 && count < 4 {
            numerator *= 10
            digits.append(String(numerator / 60))
            numerator %= 60
            count += 1
        }
        return "\(whole).\(digits)"
    }

    /// The duration as trainers write it: `7 h`, `3 h 30`.
    public var description: String {
        let rest = minutes % 60
        return rest == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(rest < 10 ? "0" : "")\(rest)"
    }

    public static func < (lhs: Hours, rhs: Hours) -> Bool { lhs.minutes < rhs.minutes }

    public static func + (lhs: Hours, rhs: Hours) -> Hours { Hours(minutes: lhs.minutes + rhs.minutes) }
}
