import Foundation
import TrainingCore

/// The language a document is written in. Sign-in sheets and certificates are French by
/// law; `en` renders the certificates for participants who need them in English.
public enum DocumentLanguage: String, Sendable, Hashable, CaseIterable {
    /// French, the default and the legal text.
    case fr
    /// English, for certificates a participant shows abroad.
    case en

    /// The French or the English text.
    func pick(_ french: String, _ english: String) -> String { self == .fr ? french : english }

    /// `12 mars 2026` / `12 March 2026`.
    func date(_ day: LocalDate) -> String {
        let months =
            self == .fr
            ? ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(day.day) \(months[day.month - 1]) \(day.year)"
    }

    /// `jeudi 12 mars 2026` / `Thursday 12 March 2026`.
    func longDate(_ day: LocalDate) -> String {
        let names =
            self == .fr
            ? ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
            : ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        // 1970-01-01 was a Thursday.
        let weekday = ((day.ordinal + 4) % 7 + 7) % 7
        return "\(names[weekday]) \(date(day))"
    }

    /// `11 h 30` / `11 hours 30 minutes`.
    func hours(_ hours: Hours) -> String {
        guard self == .en else { return hours.description }
        let whole = hours.minutes / 60
        let rest = hours.minutes % 60
        return "\(whole) hour\(whole == 1 ? "" : "s")" + (rest == 0 ? "" : " \(rest) minutes")
    }

    /// How an objective's assessment reads on the attestation.
    func result(_ result: ObjectiveResult?) -> String {
        guard let result else { return pick("non évalué", "not assessed") }
        var parts: [String] = []
        if let level = result.level {
            let label =
                switch level {
                case .acquired: pick("acquis", "acquired")
                case .partlyAcquired: pick("en cours d'acquisition", "partly acquired")
                case .notAcquired: pick("non acquis", "not acquired")
                }
            parts.append(label)
        }
        if let score = result.score { parts.append("\(score)/100") }
        return parts.joined(separator: ", ")
    }
}

extension Organisation {
    /// The town for *Fait à*: the address's last part without its postal code.
    var town: String {
        let last = address.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? address
        let words = last.split(separator: " ")
        if let first = words.first, first.count == 5, first.allSatisfy(\.isNumber), words.count > 1 {
            return words.dropFirst().joined(separator: " ")
        }
        return last
    }
}
