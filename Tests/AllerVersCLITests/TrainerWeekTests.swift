import Foundation
import Testing
import TrainingTesting

/// A workspace with the shipped courses and the sample participants, and a planned session.
func weekWorkspace() async throws -> TemporaryFolder {
    let workspace = try await initialisedWorkspace()
    let store = workspace.url.path
    for arguments in [
        ["course", "import", "--store", store, Fixtures.courses.path],
        ["participant", "import", "--store", store, Fixtures.courses.appendingPathComponent("examples/participants.csv").path],
        [
            "session", "plan", "AV-FOND", "--store", store, "--start", "2026-03-12", "--id", "LYON", "--room", "Salle Rhône", "--address",
            "3 quai Perrache, 69002 Lyon", "--trainer", "Claire Martin", "--capacity", "5",
        ],
        ["session", "enrol", "--store", store, "LYON", "P-0001", "P-0002", "P-0003", "P-0004", "P-0005", "P-0006"],
    ] {
        let result = await allervers(arguments)
        try #require(result.exitCode == 0, "\(arguments): \(result.error)")
    }
    return workspace
}

@Suite struct TrainerWeekTests {
    @Test func planEnrolRecordShowAndVerify() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path
        let shown = await allervers("session", "show", "LYON", "--store", store)
        #expect(shown.output.contains("Seats: 5/5"))
        #expect(shown.output.contains("P-0006       PETIT Anne-Laure  Maison de la Métropole, Lyon 8e  waitlisted"), "\(shown.output)")

        let withdrawn = await allervers("session", "withdraw", "LYON", "j.moreau@sauvegarde69.example", "--store", store)
        #expect(withdrawn.output.contains("P-0006 moves up from the waiting list"))

        for arguments in [
            ["--slot", "2026-03-12-am", "--late", "P-0002:20", "--others-present"],
            ["--slot", "2026-03-12-pm", "--excused", "P-0005:rendez-vous médical", "--absent", "P-0003", "--others-present"],
            ["--slot", "2026-03-12-am", "--late", "P-0002:15", "--reason", "arrivé à 9 h 15, pas 9 h 20", "--by", "Claire Martin"],
        ] {
            let result = await allervers(["attendance", "record", "LYON", "--store", store] + arguments)
            #expect(result.exitCode == 0, "\(result.error)")
        }
        let grid = await allervers("attendance", "show", "LYON", "--store", store)
        let benali = try #require(grid.output.split(separator: "\n").first { $0.hasPrefix("BENALI Mehdi") })
        #expect(benali.contains("L15"))
        #expect(benali.contains("6 h 45 / 14 h"))
        #expect(benali.hasSuffix("48%"))
        let json = await allervers("attendance", "show", "LYON", "--store", store, "--json")
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(lines.first { $0["participant"] as? String == "P-0005" }?["attendedMinutes"] as? Int == 210)

        let history = await allervers("attendance", "history", "LYON", "--participant", "P-0002", "--store", store)
        #expect(history.output.hasSuffix("#1: arrivé à 9 h 15, pas 9 h 20\n"), "\(history.output)")

        let intact = await allervers("verify", "--store", store)
        #expect(
            intact.output
                == "Attendance log intact: 11 records checked\nSession log intact: 0 events checked\nSheet signatures intact: 0 signatures checked\n"
        )
    }

    @Test func listsShowsProgressAndCalendar() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path
        let sessions = await allervers("session", "list", "--store", store)
        #expect(
            sessions.output.split(separator: "\n").last == "LYON  AV-FOND 1.0  2026-03-12  2026-03-13  Salle Rhône  5/5    1        planned"
        )
        let person = await allervers("participant", "show", "VIL-0388", "--store", store, "--json")
        #expect(person.output.contains("\"hireDate\" : \"2024-01-15\""), "\(person.output)")
        let people = await allervers("participant", "list", "--store", store)
        #expect(people.output.split(separator: "\n").count == 7)

        _ = await allervers("progress", "set", "LYON", "P-0001", "--module", "M1", "--status", "completed", "--store", store)
        _ = await allervers("progress", "set", "LYON", "P-0001", "--objective", "O3", "--positioning", "not-acquired", "--store", store)
        _ = await allervers(
            "progress", "set", "LYON", "P-0001", "--objective", "O3", "--assessment", "acquired", "--score", "80", "--store", store)
        let progress = await allervers("progress", "show", "LYON", "--store", store)
        let line = try #require(progress.output.split(separator: "\n").first { $0.hasPrefix("P-0001") })
        #expect(line.contains("✓") && line.contains("NA→A 80"), "\(progress.output)")
        let refused = await allervers("progress", "set", "LYON", "P-0006", "--module", "M1", "--status", "completed", "--store", store)
        #expect(refused.error == "P-0006 is not enrolled in session LYON")

        let file = workspace.url.appendingPathComponent("lyon.ics")
        let calendar = await allervers("export", "calendar", "LYON", "--out", file.path, "--store", store)
        #expect(calendar.output == "Wrote 4 events to \(file.path)\n")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 5)
        #expect(text.contains("DTSTART:20260312T080000Z"))
    }

    @Test func editingTheDatabaseBehindTheToolsBackIsNamed() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path
        _ = await allervers("attendance", "record", "LYON", "--store", store, "--slot", "2026-03-12-am", "--others-present")
        // The triggers refuse the change; someone determined drops them first.
        let change = "UPDATE attendanceEvent SET status = 'absent' WHERE sequence = 3"
        let refused = try TestDatabase.edit(workspaceAt: workspace.url, sqlite: change, postgres: change)
        #expect(refused.output.contains("attendance records are never changed"))
        let forced = try TestDatabase.edit(
            workspaceAt: workspace.url, sqlite: "DROP TRIGGER attendanceEventIsAppendOnlyOnUpdate; \(change)",
            postgres: "DROP TRIGGER attendanceEventIsAppendOnlyOnUpdate ON attendanceEvent; \(change)")
        #expect(forced.status == 0, "\(forced.output)")
        let broken = await allervers("verify", "--store", store)
        #expect(broken.exitCode == 1)
        #expect(broken.error == "attendance record 3 was changed after it was written")
    }

    /// An email is found whatever the case of its ASCII letters, and only so (SQLite's NOCASE),
    /// on either database, whatever the PostgreSQL server's locale.
    @Test func emailsAreFoundWhateverTheCaseOfTheirASCIILetters() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let added = await allervers(
            "participant", "add", "--first-name", "Élodie", "--last-name", "PETIT", "--email", "Élodie.Petit@Exemple.fr", "--store", store)
        try #require(added.exitCode == 0, "\(added.error)")
        for key in ["Élodie.Petit@Exemple.fr", "Élodie.petit@exemple.FR"] {
            let shown = await allervers("participant", "show", key, "--store", store)
            #expect(shown.exitCode == 0 && shown.output.contains("PETIT Élodie"), "\(key): \(shown)")
        }
        #expect(await allervers("participant", "show", "élodie.petit@exemple.fr", "--store", store).exitCode == 1)
        let twice = await allervers(
            "participant", "add", "--first-name", "E", "--last-name", "P", "--email", "Élodie.PETIT@exemple.fr", "--store", store)
        #expect(twice.exitCode == 1)
        #expect(twice.error.contains("is already participant P-0001"), "\(twice.error)")
    }

    @Test func removedRecordIsNamed() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path
        _ = await allervers("attendance", "record", "LYON", "--store", store, "--slot", "2026-03-12-am", "--others-present")
        let removal = "DELETE FROM attendanceEvent WHERE sequence = 2"
        _ = try TestDatabase.edit(
            workspaceAt: workspace.url, sqlite: "DROP TRIGGER attendanceEventIsAppendOnlyOnDelete; \(removal)",
            postgres: "DROP TRIGGER attendanceEventIsAppendOnlyOnDelete ON attendanceEvent; \(removal)")
        let broken = await allervers("verify", "--store", store)
        #expect(broken.error == "attendance record 2 has been removed")
    }
}

/// Bad input for sessions, participants and attendance: one line, non-zero, nothing written.
@Suite struct WeekBadInputTests {
    static let cases: [(String, [String], String)] = [
        (
            "unknown session", ["attendance", "record", "NOPE", "--slot", "2026-03-12-am", "--others-present"],
            "no session NOPE in the workspace"
        ),
        (
            "slot outside the session", ["attendance", "record", "LYON", "--slot", "2026-03-19-am", "--others-present"],
            "session LYON has no half-day 2026-03-19-am; its half-days are 2026-03-12-am, 2026-03-12-pm, 2026-03-13-am, 2026-03-13-pm"
        ),
        (
            "not enrolled", ["attendance", "record", "LYON", "--slot", "2026-03-12-am", "--absent", "P-0006", "--others-present"],
            "P-0006 holds no seat"
        ),
        (
            "lateness longer than the slot",
            ["attendance", "record", "LYON", "--slot", "2026-03-12-am", "--late", "P-0001:240", "--others-present"], "missed 240 minutes"
        ),
        ("somebody forgotten", ["attendance", "record", "LYON", "--slot", "2026-03-12-am", "--present", "P-0001"], "no status for"),
        (
            "date that does not exist",
            ["session", "plan", "AV-FOND", "--start", "2026-02-30", "--room", "R", "--address", "A", "--trainer", "T"],
            "\"2026-02-30\" is not a date that exists"
        ),
        ("issue date that does not exist", ["certify", "LYON", "--date", "2026-13-01"], "\"2026-13-01\" is not a date that exists"),
        (
            "period that does not exist", ["attendance", "hours", "--from", "2026-01-01", "--to", "2026-02-29"],
            "\"2026-02-29\" is not a date that exists"
        ),
        (
            "time zone that does not exist",
            [
                "session", "plan", "AV-FOND", "--start", "2026-04-02", "--room", "R", "--address", "A", "--trainer", "T", "--time-zone",
                "Europe/Atlantis",
            ], "the time zone \"Europe/Atlantis\" does not exist"
        ),
        (
            "trainer booked twice",
            ["session", "plan", "AV-NONREC", "--start", "2026-03-13", "--room", "Autre", "--address", "A", "--trainer", "Claire Martin"],
            "trainer Claire Martin teaches session LYON"
        ),
        ("unknown participant", ["session", "enrol", "LYON", "nobody@example.org"], "no participant nobody@example.org"),
        (
            "prerequisite missing",
            [
                "session", "plan", "AV-TERRAIN", "--start", "2026-05-04", "--id", "T", "--site", "Gare", "--site-description", "Parvis",
                "--trainer", "Bruno",
            ], ""
        ),
    ]

    @Test(arguments: cases.map(\.0))
    func refusedAndNothingWritten(name: String) async throws {
        let (_, arguments, expected) = try #require(Self.cases.first { $0.0 == name })
        let workspace = try await weekWorkspace()
        let before = try storeBytes(workspace)
        let result = await allervers(arguments + ["--store", workspace.url.path])
        if expected.isEmpty {
            // Planning the field course is fine; enrolling someone without AV-FOND is not.
            #expect(result.exitCode == 0, "\(result.error)")
            let refused = await allervers("session", "enrol", "T", "P-0001", "--experience-confirmed", "--store", workspace.url.path)
            #expect(refused.error == "P-0001 cannot be enrolled in session T: course AV-FOND is required and P-0001 has not completed it")
            return
        }
        #expect(result.exitCode != 0)
        #expect(result.error.contains(expected), "\(result.error)")
        #expect(!result.error.contains("\n"))
        #expect(try storeBytes(workspace) == before)
    }

    static let csvCases: [(String, String, String)] = [
        (
            "wrong header", "prénom;nom;téléphone\nA;B;06\n",
            "participants.csv:1: unknown column \"téléphone\": the columns are first_name (prenom), last_name (nom), email (courriel), profession (metier), employer (employeur), hire_date (date_d_embauche), external_id (matricule), birth_date (date_naissance), gender (genre), employer_kind (type_employeur), employer_siret (siret), role_since (date_prise_de_poste), department (service)"
        ),
        ("ragged row", "prénom;nom;email\nA;B;a@example.org\nC;D\n", "participants.csv:3: this row has 2 fields but the header has 3"),
        (
            "duplicate in the file", "prénom;nom;email\nA;B;a@example.org\nC;D;A@example.org\n",
            "participants.csv:3: a@example.org already appears on line 2"
        ),
        (
            "already known", "prénom;nom;email\nA;B;x@example.org\nC;D;camille.roux@ccas-villeurbanne.example\n",
            "participants.csv:3: camille.roux@ccas-villeurbanne.example is already participant P-0001"
        ),
        (
            "bad date", "prénom;nom;date_embauche\nA;B;31/02/2025\n",
            "participants.csv:2: \"31/02/2025\" is not a date that exists (DD/MM/YYYY or YYYY-MM-DD)"
        ),
    ]

    @Test(arguments: csvCases.map(\.0))
    func participantFileRefusedWithItsLine(name: String) async throws {
        let (_, text, expected) = try #require(Self.csvCases.first { $0.0 == name })
        let workspace = try await weekWorkspace()
        let file = try workspace.file("participants.csv", text)
        let before = try storeBytes(workspace)
        let result = await allervers("participant", "import", file.path, "--store", workspace.url.path)
        #expect(result.exitCode != 0)
        #expect(result.error.hasSuffix(expected), "\(result.error)")
        #expect(try storeBytes(workspace) == before)
    }

    @Test func participantFieldsAreTrimmedOfSpacesTabsAndNoBreakSpaces() async throws {
        let workspace = try await weekWorkspace()
        let file = try workspace.file("participants.csv", "prénom;nom;email\n  Léa\t;\u{A0}Martin Dupont\u{A0}; lea@example.org \n")
        let imported = await allervers("participant", "import", file.path, "--store", workspace.url.path)
        #expect(imported.exitCode == 0, "\(imported.error)")
        let shown = await allervers("participant", "show", "lea@example.org", "--json", "--store", workspace.url.path)
        struct Person: Decodable {
            var firstName: String
            var lastName: String
            var email: String?
        }
        let person = try JSONDecoder().decode(Person.self, from: Data(shown.output.utf8))
        #expect(person.firstName == "Léa")
        #expect(person.lastName == "Martin Dupont")
        #expect(person.email == "lea@example.org")
    }

    /// A file that is neither UTF-8 nor Windows-1252 is refused at its line, nothing written.
    @Test func aFileInNeitherEncodingIsRefused() async throws {
        let workspace = try await weekWorkspace()
        let file = try workspace.file("mixed.csv", bytes: Array("nom;prenom\n".utf8) + [0x48, 0x81, 0x6C, 0x3B, 0x41, 0x0A])
        let before = try storeBytes(workspace)
        let result = await allervers("participant", "import", file.path, "--store", workspace.url.path)
        #expect(
            result.error.hasSuffix(
                "mixed.csv:2: the file is neither UTF-8 nor Windows-1252: save it from the spreadsheet as \"CSV UTF-8\""),
            "\(result.error)")
        #expect(try storeBytes(workspace) == before)
    }

    @Test func paperSheetImportIsAllOrNothing() async throws {
        let workspace = try await weekWorkspace()
        let good = "session;slot;participant;status;minutes_late;minutes_left_early;reason\nLYON;2026-03-12-am;P-0001;présent;5;;\n"
        let sheet = try workspace.file("sheet.csv", good + "LYON;2026-03-12-am;P-0006;absent;;;\n")
        let before = try storeBytes(workspace)
        let refused = await allervers("attendance", "import", sheet.path, "--by", "Claire", "--store", workspace.url.path)
        #expect(refused.error == "\(sheet.path):3: P-0006 is not enrolled in session LYON", "\(refused.error)")
        #expect(try storeBytes(workspace) == before)
        let unknown = try workspace.file("unknown.csv", good + "NANTES;2026-03-12-am;P-0001;absent;;;\n")
        let noSession = await allervers("attendance", "import", unknown.path, "--by", "Claire", "--store", workspace.url.path)
        #expect(noSession.error == "\(unknown.path):3: no session NANTES in the workspace", "\(noSession.error)")
        let fine = try workspace.file("fine.csv", good)
        let imported = await allervers("attendance", "import", fine.path, "--by", "Claire", "--store", workspace.url.path)
        #expect(imported.output == "Imported 1 attendance record from \(fine.path)\n", "\(imported.error)")
        let history = await allervers("attendance", "history", "LYON", "--store", workspace.url.path, "--json")
        #expect(history.output.contains("\"source\" : \"import fine.csv\""))
    }
}
