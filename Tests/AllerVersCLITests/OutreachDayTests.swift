import Foundation
import Testing
import TrainingTesting

@testable import AllerVersCLI

/// Outreach days as trainers plan them: a morning round then a debrief, an evening maraude
/// with the SIAO team that ends after midnight, a night round over the March clock change,
/// a remote slot.
@Suite struct OutreachDayTests {
    static let slots = """
        date;start;end;modules;site;site_description;remote
        2026-03-27;08:00;10:30;M1;Maraude Guillotière;Place Gabriel Péri, avec l'équipe mobile;
        2026-03-27;11:00;12:30;M1;;;
        2026-03-27;19:30;00:30;M2;Maraude SIAO;Tournée avec l'équipe du SIAO, départ gare Part-Dieu;
        2026-03-29;01:00;04:30;M2;;;
        2026-03-30;14:00;16:00;M3;;;classe virtuelle, présence relevée à la connexion

        """

    /// Noon, or another time, in Paris on a day.
    func paris(_ day: String, _ time: String) throws -> Date {
        let text = "\(day)T\(time):00+01:00"
        return try #require(try? Date(text, strategy: .iso8601))
    }

    @Test func anOutreachDayHasItsRoundsItsNightAndItsPlaces() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let file = workspace.url.appendingPathComponent("maraudes.csv")
        try Data(Self.slots.utf8).write(to: file)
        for arguments in [
            ["course", "import", "--store", store, Fixtures.courses.path],
            ["participant", "import", "--store", store, Fixtures.courses.appendingPathComponent("examples/participants.csv").path],
        ] {
            let result = await allervers(arguments)
            try #require(result.exitCode == 0, "\(result.error)")
        }
        let planned = await allervers(
            "session", "plan", "AV-FOND", "--slots", file.path, "--allow-partial", "--id", "NUIT", "--room", "Salle Rhône", "--address",
            "3 quai Perrache, 69002 Lyon", "--trainer", "Nadia Haddad", "--store", store)
        try #require(planned.exitCode == 0, "\(planned.error)")
        // Two slots in the morning, the evening maraude to 00:30 the next day (5 h), the
        // night of the clock change 2 h 30, not 3 h 30: 13.5 hours in all.
        for expected in [
            "2026-03-27-am  ", "2026-03-27-am-2", "2026-03-27-ev", "00:30 (+1 day)", "2026-03-29-nt", "Maraude SIAO, Tournée",
            "remote (classe virtuelle", "13.5 hours",
        ] {
            #expect(planned.output.contains(expected), "\(expected) in \(planned.output)")
        }
        let night = planned.output.split(separator: "\n").first { $0.hasPrefix("2026-03-29-nt") } ?? ""
        #expect(night.split(separator: " ").map(String.init) == ["2026-03-29-nt", "2026-03-29", "01:00", "04:30", "2.5", "M2"], "\(night)")
        #expect(await allervers("session", "enrol", "NUIT", "P-0001", "--store", store).exitCode == 0)

        // The night round recorded the next morning: 2 h 30 attended.
        try await WorkClock.$fixed.withValue(try paris("2026-03-29", "09:00")) {
            let recorded = await allervers(
                "attendance", "record", "NUIT", "--slot", "2026-03-29-nt", "--present", "P-0001", "--store", store)
            try #require(recorded.exitCode == 0, "\(recorded.error)")
        }
        let shown = await allervers("attendance", "show", "NUIT", "--json", "--store", store)
        #expect(shown.output.contains("\"attendedMinutes\" : 150"), "\(shown.output)")
        #expect(shown.output.contains("\"plannedMinutes\" : 810"), "\(shown.output)")

        // Each sheet names its part of the day, its place and how it was held.
        let sheets = workspace.url.appendingPathComponent("feuilles.pdf")
        let exported = await allervers("export", "sheets", "NUIT", "--blank", "--out", sheets.path, "--store", store)
        try #require(exported.exitCode == 0, "\(exported.error)")
        let pages = try text(of: sheets).components(separatedBy: "\u{0C}")
        #expect(pages[0].contains("vendredi 27 mars 2026 — matin") && pages[0].contains("Maraude Guillotière"), "\(pages[0])")
        #expect(pages[1].contains("Salle Rhône") && pages[1].contains("en présentiel"), "\(pages[1])")
        #expect(pages[2].contains("— soirée") && pages[2].contains("19:30 – 00:30 le lendemain (5 h)"), "\(pages[2])")
        #expect(pages[2].contains("Maraude SIAO, Tournée avec l'équipe du SIAO"), "\(pages[2])")
        #expect(pages[3].contains("dimanche 29 mars 2026 — nuit") && pages[3].contains("(2 h 30)"), "\(pages[3])")
        #expect(pages[4].contains("à distance — présence établie par : classe virtuelle, présence relevée à la connexion"), "\(pages[4])")
        #expect(!pages[4].contains("Salle Rhône"), "a remote slot is held in no room: \(pages[4])")
        // The calendar puts the maraude where it is, ending the next day.
        let calendar = workspace.url.appendingPathComponent("nuit.ics")
        #expect(await allervers("export", "calendar", "NUIT", "--out", calendar.path, "--store", store).exitCode == 0)
        let events = try String(contentsOf: calendar, encoding: .utf8)
        #expect(events.contains("DTSTART:20260327T183000Z\r\nDTEND:20260327T233000Z"), "\(events)")
        #expect(events.contains("DTSTART:20260329T000000Z\r\nDTEND:20260329T023000Z"), "\(events)")
        #expect(events.contains("LOCATION:À distance (classe virtuelle\\, présence relevée à la connexion"), "\(events)")
    }

    /// A night that runs into the next slot, and a place and a site on one line: one line
    /// naming the file and row, nothing planned.
    @Test func slotsThatCannotBeAreRefused() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        #expect(await allervers("course", "import", "--store", store, Fixtures.courses.path).exitCode == 0)
        let file = workspace.url.appendingPathComponent("nuit.csv")
        func plan(_ text: String) async throws -> CommandResult {
            try Data(text.utf8).write(to: file)
            return await allervers(
                "session", "plan", "AV-FOND", "--slots", file.path, "--allow-partial", "--id", "N", "--room", "Salle", "--address", "Lyon",
                "--trainer", "Nadia Haddad", "--store", store)
        }
        let overrun = try await plan("date;start;end;modules\n2026-04-03;09:00;12:00;M2\n2026-04-02;22:00;09:30;M1\n")
        #expect(overrun.exitCode != 0)
        #expect(
            overrun.error.contains("nuit.csv:2: slot 2026-04-02-nt ends at 09:30 on 2026-04-03, after slot 2026-04-03-am starts at 09:00"),
            "\(overrun.error)")
        // Times written the wrong way round in the afternoon are not a slot ending the next day.
        let swapped = try await plan("date;start;end;modules\n2026-04-02;09:00;12:00;M1\n2026-04-02;17:00;13:30;M2\n")
        #expect(swapped.error.contains("nuit.csv:3: slot 2026-04-02-pm ends at 13:30, before it starts at 17:00"), "\(swapped.error)")
        let tooLong = try await plan("date;start;end;modules\n2026-04-02;18:00;07:00;M1\n")
        #expect(tooLong.error.contains("nuit.csv:2: slot 2026-04-02-ev lasts 13 h: a slot lasts at most 12 h"), "\(tooLong.error)")
        let both = try await plan("date;start;end;modules;place;site\n2026-04-02;09:00;12:00;M1;Salle 1;Maraude\n")
        #expect(both.exitCode != 0 && both.error.contains("nuit.csv:2: a slot is held in a place or on a site, not both"), "\(both.error)")
        #expect(await allervers("session", "list", "--store", store).output.hasPrefix("No session yet"))
    }

    /// A slot is held at its own place or the session's: a maraude on its site leaves the
    /// session's room free at that time, and books the site; a remote slot books no place.
    @Test func aSlotBooksItsOwnPlace() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        #expect(await allervers("course", "import", "--store", store, Fixtures.courses.path).exitCode == 0)
        func plan(_ id: String, trainer: String, room: String, _ slots: String) async throws -> CommandResult {
            let file = workspace.url.appendingPathComponent("\(id).csv")
            try Data(slots.utf8).write(to: file)
            return await allervers(
                "session", "plan", "AV-FOND", "--slots", file.path, "--allow-partial", "--id", id, "--room", room, "--address", "Lyon",
                "--trainer", trainer, "--store", store)
        }
        let maraude = try await plan(
            "A", trainer: "Nadia Haddad", room: "Salle Rhône",
            "date;start;end;modules;site;site_description;remote\n2026-04-02;19:30;00:30;M1;Maraude SIAO;Part-Dieu;\n2026-04-03;19:30;22:00;M2;;;visio\n"
        )
        try #require(maraude.exitCode == 0, "\(maraude.error)")
        let sameRoom = try await plan(
            "B", trainer: "Bruno Leroy", room: "Salle Rhône", "date;start;end;modules\n2026-04-02;20:00;22:00;M1\n")
        #expect(sameRoom.exitCode == 0, "the room is free while the maraude is on its site: \(sameRoom.error)")
        let remote = try await plan("C", trainer: "Awa Ba", room: "Salle Rhône", "date;start;end;modules\n2026-04-03;20:00;21:00;M1\n")
        #expect(remote.exitCode == 0, "a remote slot books no room: \(remote.error)")
        let sameSite = try await plan(
            "D", trainer: "Claire Martin", room: "Salle Saône",
            "date;start;end;modules;site;site_description\n2026-04-02;23:00;23:30;M1;MARAUDE  siao;Part-Dieu\n")
        #expect(sameSite.error.contains("the place MARAUDE  siao is booked by session A (slot 2026-04-02-ev)"), "\(sameSite.error)")
    }

    /// Public holidays: laid out around, said when the start is one, refused in a file unless allowed.
    @Test func publicHolidaysAreDaysOff() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        #expect(await allervers("course", "import", "--store", store, Fixtures.courses.path).exitCode == 0)
        func plan(_ id: String, _ arguments: String...) async -> CommandResult {
            await allervers(
                [
                    "session", "plan", "AV-FOND", "--id", id, "--room", "Salle", "--address", "Lyon", "--trainer", "T \(id)", "--store",
                    store,
                ]
                    + arguments)
        }
        let ascension = await plan("ASC", "--start", "2026-05-14")
        #expect(ascension.exitCode == 0, "\(ascension.error)")
        #expect(ascension.error == "Note: 2026-05-14 is a public holiday (Ascension): the first half-day is on 2026-05-15\n")
        #expect(ascension.output.contains("2026-05-15-am") && ascension.output.contains("2026-05-18-pm"), "\(ascension.output)")
        let alsace = await plan("ALS", "--start", "2026-04-02", "--calendar", "alsace-moselle")
        #expect(alsace.output.contains("2026-04-02-am") && alsace.output.contains("2026-04-07-pm"), "\(alsace.output)")
        #expect(!alsace.output.contains("2026-04-03") && alsace.error.isEmpty, "\(alsace.output)")
        let file = workspace.url.appendingPathComponent("mai.csv")
        try Data("date;start;end;modules\n2026-04-30;09:00;12:00;M1\n2026-05-01;09:00;12:00;M2\n".utf8).write(to: file)
        let refused = await plan("MAI", "--slots", file.path, "--allow-partial")
        #expect(refused.exitCode != 0)
        #expect(
            refused.error.contains("mai.csv:3: 2026-05-01 is a public holiday (fête du Travail): give --allow-holiday to hold a slot then"),
            "\(refused.error)")
        #expect(await plan("MAI", "--slots", file.path, "--allow-partial", "--allow-holiday").exitCode == 0)
        let misplaced = await plan("X", "--start", "2026-05-04", "--allow-holiday")
        #expect(misplaced.exitCode != 0 && misplaced.error.contains("--allow-holiday is for --slots"), "\(misplaced.error)")
    }
}
