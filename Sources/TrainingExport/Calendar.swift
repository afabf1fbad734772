public import Foundation
public import TrainingCore

/// A session as an iCalendar file (RFC 5545): one event per half-day, with the place,
/// the trainers and the modules, that calendar applications import.
///
/// Times are written in UTC, which every application reads without a time-zone table;
/// the output is the same bytes for the same session and `stamp`.
///
/// ```swift
/// let ics = SessionCalendar(session: session, course: course).text(stamp: Date())
/// ```
public struct SessionCalendar: Sendable {
    /// The session.
    public let session: Session
    /// Its course, for titles.
    public let course: Course

    /// Creates the calendar of a session.
    public init(session: Session, course: Course) {
        self.session = session
        self.course = course
    }

    /// The file's text, lines ending in CRLF and folded at 75 octets. `stamp` is the
    /// DTSTAMP of every event: when the file was made.
    public func text(stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//AllerVers//AllerVers 0.1//FR", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Self.escape("\(session.id) — \(course.title)"),
        ]
        for slot in session.slots {
            guard let interval = session.interval(of: slot) else { continue }
            let modules = slot.modules.compactMap { id in course.modules.first { $0.id == id } }
            let summary = "\(course.title) — " + modules.map { "\($0.id) \($0.title)" }.joined(separator: ", ")
            var description = "Session \(session.id), \(slot.part.name(french: true)) du \(slot.date)\n"
            description += "Formateurs : \(session.trainers.joined(separator: ", "))\n"
            for module in modules { description += "\(module.id) \(module.title) (\(module.modality.frenchLabel))\n" }
            lines += [
                "BEGIN:VEVENT",
                "UID:\(session.id)-\(slot.id)@allervers",
                "DTSTAMP:\(Self.utc(stamp))",
                "DTSTART:\(Self.utc(interval.start))",
                "DTEND:\(Self.utc(interval.end))",
                "SUMMARY:" + Self.escape(summary),
                "LOCATION:"
                    + Self.escape(
                        slot.remotePresence.map { "À distance (\($0))" }
                            ?? "\(session.place(of: slot).name), \(session.place(of: slot).detail)"),
                "DESCRIPTION:" + Self.escape(description.trimmingCharacters(in: .newlines)),
                "STATUS:\(session.status == .cancelled ? "CANCELLED" : "CONFIRMED")",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20260312T080000Z`.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(c.year, 4))\(pad(c.month))\(pad(c.day))T\(pad(c.hour))\(pad(c.minute))\(pad(c.second))Z"
    }

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var folded = ""
        var width = 0
        for character in line {
            let size = String(character).utf8.count
            if width + size > 75 {
                folded += "\r\n "
                width = 1
            }
            folded.append(character)
            width += size
        }
        return folded
    }
}
