import Foundation
import Testing
import TrainingCore
import TrainingExport
import TrainingTesting

@Suite struct SessionCalendarTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/session.ics")

    func calendar(status: SessionStatus = .planned) -> SessionCalendar {
        var course = Fixtures.course()
        course.modules[0].duration = Hours(hours: 7)
        course.modules[1].duration = Hours(hours: 7)
        course.duration = Hours(hours: 14)
        let session = Session(
            id: "T-1-LYON", courseID: course.id, courseVersion: course.version, timeZone: "Europe/Paris",
            place: .outreachSite(name: "Gare Part-Dieu", description: "Parvis, côté Villette; départ du bus"),
            trainers: ["Claire Martin", "Bruno Leroy"],
            capacity: 10, funder: nil, status: status, slots: Session.layOut(course, from: LocalDate("2026-10-23")!))
        return SessionCalendar(session: session, course: course)
    }

    /// Byte for byte: set AV_UPDATE_GOLDEN=1 to write the file anew after a deliberate change.
    @Test func matchesTheGoldenFile() throws {
        let text = calendar().text(stamp: Date(timeIntervalSince1970: 1_790_000_000))
        if ProcessInfo.processInfo.environment["AV_UPDATE_GOLDEN"] == "1" { try Data(text.utf8).write(to: Self.golden) }
        #expect(text == (try String(contentsOf: Self.golden, encoding: .utf8)))
    }

    @Test func linesAreFoldedAndTimesAreUTCAcrossTheClockChange() {
        let text = calendar().text(stamp: Date(timeIntervalSince1970: 0))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75, "\(line)") }
        // 2026-10-23 is a Friday in summer time (UTC+2); the course goes on Monday 26, in winter time (UTC+1).
        #expect(text.contains("DTSTART:20261023T070000Z"))
        #expect(text.contains("DTSTART:20261023T113000Z"))
        #expect(text.contains("DTSTART:20261026T080000Z"))
        #expect(text.contains("DTEND:20261026T160000Z"))
        #expect(!text.contains("\n\n"))
        #expect(text.contains("LOCATION:Gare Part-Dieu\\, Parvis\\, côté Villette\\; départ du bus"))
    }

    @Test func cancelledSessionsAreMarked() {
        #expect(calendar(status: .cancelled).text(stamp: Date()).contains("STATUS:CANCELLED"))
    }
}
