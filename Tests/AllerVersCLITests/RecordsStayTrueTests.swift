import AllerVersCLI
import Foundation
import Testing
import TrainingTesting

/// Closed means closed, issued means frozen, every correction traced (issue 10).
@Suite struct RecordsStayTrueTests {
    /// The instant `text` (`2026-03-12T10:00`) on the Paris wall clock.
    func paris(_ text: String) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/Paris"))
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        return try #require(
            calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4])))
    }

    @Test func aClosedSessionTakesNoWithdrawalNorEnrolment() async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        let before = try storeBytes(workspace)
        let withdrawn = await allervers("session", "withdraw", "LYON", "P-0003", "--store", store)
        #expect(withdrawn.exitCode == 1)
        #expect(withdrawn.error == "session LYON: it is closed: nobody can be withdrawn, its enrolments are final")
        let enrolled = await allervers("session", "enrol", "LYON", "P-0006", "--store", store)
        #expect(enrolled.exitCode == 1)
        #expect(enrolled.error == "session LYON: it is closed: nobody can be enrolled")
        #expect(try storeBytes(workspace) == before)
        let hours = try await exportedHours(store: store, out: workspace.url.appendingPathComponent("out"))
        #expect(hours.contains("P-0003") && !hours.contains("P-0006"))
    }

    func exportedHours(store: String, out: URL) async throws -> String {
        _ = await allervers("certify", "LYON", "--store", store)
        let exported = await allervers("export", "records", "LYON", "--out", out.path, "--store", store)
        try #require(exported.exitCode == 0, "\(exported.error)")
        return try String(contentsOf: out.appendingPathComponent("LYON/hours.csv"), encoding: .utf8)
    }

    @Test func closingNamesTheHalfDaysWithoutARecordOrRecordsThemAbsent() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path
        for slot in ["2026-03-12-am", "2026-03-12-pm", "2026-03-13-am"] {
            let recorded = await allervers("attendance", "record", "LYON", "--slot", slot, "--others-present", "--store", store)
            try #require(recorded.exitCode == 0, "\(recorded.error)")
        }
        let corrected = await allervers(
            "attendance", "record", "LYON", "--slot", "2026-03-13-am", "--absent", "P-0002", "--reason", "parti avant l'appel", "--store",
            store)
        try #require(corrected.exitCode == 0, "\(corrected.error)")
        let before = try storeBytes(workspace)
        let refused = await allervers("session", "close", "LYON", "--store", store)
        #expect(refused.exitCode == 1)
        #expect(
            refused.error
                == "session LYON: 2026-03-13-pm: 5 participants without a record; record them with `allervers attendance record`, or close with --unrecorded absent"
        )
        #expect(try storeBytes(workspace) == before)

        let closed = await allervers("session", "close", "LYON", "--unrecorded", "absent", "--by", "Claire Martin", "--store", store)
        #expect(closed.exitCode == 0, "\(closed.error)")
        let grid = await allervers("attendance", "show", "LYON", "--store", store)
        let lines = grid.output.split(separator: "\n").dropFirst()
        #expect(
            lines.count == 5 && lines.allSatisfy { $0.contains("ABS       10 h 30 / 14 h") || $0.contains("ABS       7 h / 14 h") },
            "\(grid.output)")
        let history = await allervers("attendance", "history", "LYON", "--store", store)
        #expect(history.output.contains("#") && history.output.contains("closed"), "\(history.output)")
        let verified = await allervers("verify", "--store", store)
        #expect(
            verified.output
                == "Attendance log intact: 21 records checked\nSession log intact: 1 event checked\nSheet signatures intact: 0 signatures checked\n",
            "\(verified)")
        // The filled sheet says which mark was corrected, when and why.
        let sheets = workspace.url.appendingPathComponent("sheets.pdf")
        #expect(await allervers("export", "sheets", "LYON", "--out", sheets.path, "--store", store).exitCode == 0)
        let printed = try text(of: sheets)
        #expect(printed.contains("Absent·e corrigé le ") && printed.contains(" : parti avant l'appel"), "\(printed)")
    }

    @Test func reopeningNeedsEveryCertificateRevokedAndIsTraced() async throws {
        let (workspace, store, _) = try await exportedWeek()
        let before = try storeBytes(workspace)
        let refused = await allervers("session", "reopen", "LYON", "--reason", "feuille retrouvée", "--store", store)
        #expect(refused.exitCode == 1)
        #expect(
            refused.error
                == "session LYON: 5 of its certificates are live (AV-2026-000001, AV-2026-000002, AV-2026-000003…): revoke them first")
        #expect(try storeBytes(workspace) == before)

        for number in 1...5 {
            let revoked = await allervers(
                "certificate", "revoke", "AV-2026-00000\(number)", "--reason", "feuille du 13 retrouvée", "--store", store)
            try #require(revoked.exitCode == 0, "\(revoked.error)")
        }
        let reopened = await allervers(
            "session", "reopen", "LYON", "--reason", "feuille du 13 retrouvée", "--by", "Claire Martin", "--store", store)
        #expect(reopened.output == "Reopened LYON: feuille du 13 retrouvée\n", "\(reopened.error)")
        let shown = await allervers("session", "show", "LYON", "--store", store)
        #expect(shown.output.contains("LYON · AV-FOND version 1.0 · running"))
        let lastLine = try #require(shown.output.split(separator: "\n").last)
        #expect(lastLine.hasPrefix("2  reopened  Claire Martin") && lastLine.hasSuffix("feuille du 13 retrouvée"), "\(shown.output)")
        let verified = await allervers("verify", "--store", store)
        #expect(verified.output.hasSuffix(" by Claire Martin: feuille du 13 retrouvée\n"), "\(verified.output)")
        #expect(verified.output.contains("  LYON reopened on "))

        // Certifying again after the session is closed anew replaces each revoked certificate.
        #expect(await allervers("session", "close", "LYON", "--store", store).exitCode == 0)
        let certified = await allervers("certify", "LYON", "--store", store, "--json")
        let issued = try #require(try JSONSerialization.jsonObject(with: Data(certified.output.utf8)) as? [[String: Any]])
        #expect(issued.compactMap { $0["replaces"] as? String }.sorted() == (1...5).map { "AV-2026-00000\($0)" })
        let old = try await certificateJSON("AV-2026-000001", store: store)
        #expect((old["revocation"] as? [String: Any])?["replacedBy"] as? String == "AV-2026-000006")
    }

    @Test func anIssuedCertificatePrintsTheSameYearsLater() async throws {
        let (workspace, store, out) = try await exportedWeek()
        let certificates = out.appendingPathComponent("LYON/certificates")
        let names = try FileManager.default.contentsOfDirectory(atPath: certificates.path).filter { $0.hasSuffix(".pdf") }.sorted()
        let before = try names.map { try text(of: certificates.appendingPathComponent($0)) }
        #expect(before.first?.contains("Claire Martin, Directrice") == true)

        let changed = await allervers(
            "organisation", "set", "--name", "Institut Aller-Vers Rhône", "--address", "5 place Bellecour, 69002 Lyon",
            "--declaration-number", "84691234569", "--signatory", "Bruno Leroy", "--signatory-title", "Directeur", "--store", store)
        try #require(changed.exitCode == 0, "\(changed.error)")
        let again = workspace.url.appendingPathComponent("again")
        let exported = await allervers("export", "records", "LYON", "--out", again.path, "--store", store)
        try #require(exported.exitCode == 0, "\(exported.error)")
        let after = try names.map { try text(of: again.appendingPathComponent("LYON/certificates").appendingPathComponent($0)) }
        #expect(after == before)
        #expect(after.allSatisfy { !$0.contains("Bruno Leroy") && !$0.contains("Bellecour") })
        let verified = await allervers(
            "verify", again.appendingPathComponent("LYON/certificates").appendingPathComponent(names[0]).path, "--store", store)
        #expect(verified.exitCode == 0, "\(verified.error)")

        // A certificate issued after the change prints the new identity.
        let revoked = await allervers("certificate", "reissue", "AV-2026-000001", "--reason", "erreur de nom", "--store", store)
        try #require(revoked.exitCode == 0, "\(revoked.error)")
        let third = workspace.url.appendingPathComponent("third")
        _ = await allervers("export", "records", "LYON", "--out", third.path, "--store", store)
        let reissued = try text(of: third.appendingPathComponent("LYON/certificates/AV-2026-000006-certificat-de-realisation.pdf"))
        #expect(reissued.contains("Bruno Leroy, Directeur") && reissued.contains("Fait à Lyon"), "\(reissued)")
    }

    @Test func validityRunsFromTheEndOfTheTrainingAndSurvivesAReissue() async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        // Certified two weeks late: the validity does not move.
        let certified = await allervers("certify", "LYON", "--date", "2026-03-30", "--store", store, "--json")
        let issued = try #require(try JSONSerialization.jsonObject(with: Data(certified.output.utf8)) as? [[String: Any]])
        let p1 = try #require(issued.first { $0["participantID"] as? String == "P-0001" })
        #expect(p1["validUntil"] as? String == "2029-03-12")
        #expect(p1["issuedOn"] as? String == "2026-03-30")

        // A revoked certificate is reissued too, naming the one it replaces, with the same validity.
        let number = try #require(p1["number"] as? String)
        _ = await allervers("certificate", "revoke", number, "--reason", "nom mal orthographié", "--store", store)
        let reissued = await allervers("certificate", "reissue", number, "--date", "2027-01-04", "--store", store)
        #expect(reissued.exitCode == 0, "\(reissued.error)")
        let new = try await certificateJSON("AV-2027-000001", store: store)
        #expect(new["replaces"] as? String == number)
        #expect(new["validUntil"] as? String == "2029-03-12")
        let old = try await certificateJSON(number, store: store)
        let revocation = try #require(old["revocation"] as? [String: Any])
        #expect(revocation["reason"] as? String == "nom mal orthographié")
        #expect(revocation["replacedBy"] as? String == "AV-2027-000001")
        let twice = await allervers("certificate", "reissue", number, "--store", store)
        #expect(twice.error == "\(number) was already replaced by AV-2027-000001: reissue AV-2027-000001 instead")
    }

    @Test(arguments: [
        (
            "a half-day not started", ["--slot", "2026-03-12-pm", "--others-present"],
            "half-day 2026-03-12-pm of session LYON has not started yet: attendance is recorded once it has"
        ),
        (
            "the same person twice", ["--slot", "2026-03-12-am", "--absent", "P-0001", "--present", "P-0001", "--others-present"],
            "P-0001 is named twice for 2026-03-12-am (--present and --absent): name each participant once"
        ),
        (
            "absent and late", ["--slot", "2026-03-12-am", "--absent", "P-0001", "--late", "P-0001:10", "--others-present"],
            "P-0001 is named twice for 2026-03-12-am (--late and --absent): name each participant once"
        ),
        ("nobody", ["--slot", "2026-03-12-am"], "nobody is marked for 2026-03-12-am of LYON: name participants, or add --others-present"),
        (
            "a slot typo", ["--slot", "2026-03-21-am", "--absent", "P-0001", "--others-present"],
            "session LYON has no half-day 2026-03-21-am; its half-days are 2026-03-12-am, 2026-03-12-pm, 2026-03-13-am, 2026-03-13-pm"
        ),
    ])
    func mistakesAreRefused(name: String, arguments: [String], expected: String) async throws {
        let workspace = try await weekWorkspace()
        let before = try storeBytes(workspace)
        // Thursday 12 March 2026, 10:00 in Lyon: the morning has started, the afternoon has not.
        let result = await WorkClock.$fixed.withValue(try paris("2026-03-12T10:00")) {
            await allervers(["attendance", "record", "LYON", "--store", workspace.url.path] + arguments)
        }
        #expect(result.exitCode == 1, "\(name)")
        #expect(result.error == expected, "\(name)")
        #expect(try storeBytes(workspace) == before, "\(name)")
    }

    @Test func verifyOfAMissingFileSaysSo() async throws {
        let workspace = try await weekWorkspace()
        let missing = workspace.url.appendingPathComponent("AV-2026-000009-certificat-de-realisation.pdf").path
        let result = await allervers("verify", missing, "--store", workspace.url.path)
        #expect(result.exitCode == 1)
        #expect(result.error == "\(missing): the file does not exist")
    }

    @Test func theMorningStartedIsRecordedAndACorrectionNeedsItsReason() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path
        let now = try paris("2026-03-12T10:00")
        let first = await WorkClock.$fixed.withValue(now) {
            await allervers("attendance", "record", "LYON", "--slot", "2026-03-12-am", "--others-present", "--store", store)
        }
        #expect(first.exitCode == 0, "\(first.error)")
        let unexplained = await WorkClock.$fixed.withValue(now) {
            await allervers("attendance", "record", "LYON", "--slot", "2026-03-12-am", "--late", "P-0001:10", "--store", store)
        }
        #expect(
            unexplained.error.hasSuffix(
                "P-0001 already has a record for half-day 2026-03-12-am of session LYON: a correction needs its reason (--reason)"))
    }
}

/// Mistyped details corrected with an audit trail; duplicates found, merged or removed;
/// sessions edited with the checks of planning.
@Suite struct EditingTests {
    @Test func aParticipantEditIsLoggedAndOnlyLaterCertificatesPrintIt() async throws {
        let (workspace, store, out) = try await exportedWeek()
        let numbers = try await certificateNumbers("LYON", store: store)
        let number = try #require(numbers["P-0001"])
        let before = try text(of: out.appendingPathComponent("LYON/certificates/\(number)-certificat-de-realisation.pdf"))

        let taken = await allervers("participant", "edit", "P-0001", "--email", "mehdi.benali@ccas-villeurbanne.example", "--store", store)
        #expect(taken.exitCode == 1)
        #expect(taken.error.hasSuffix("is already participant P-0002"), "\(taken.error)")
        let edited = await allervers(
            "participant", "edit", "P-0001", "--last-name", "Roux-Martin", "--gender", "female", "--by", "Claire Martin", "--store", store)
        #expect(edited.exitCode == 0, "\(edited.error)")
        #expect(edited.output.contains("P-0001 gender: — → female"))
        let shown = await allervers("participant", "show", "P-0001", "--store", store)
        let change = try #require(shown.output.split(separator: "\n").first { $0.hasPrefix("last name") })
        #expect(
            change.contains("Claire Martin") && change.hasSuffix("→ Roux-Martin") == false && change.hasSuffix("Roux-Martin"),
            "\(shown.output)")

        let again = workspace.url.appendingPathComponent("again")
        _ = await allervers("export", "records", "LYON", "--out", again.path, "--store", store)
        #expect(try text(of: again.appendingPathComponent("LYON/certificates/\(number)-certificat-de-realisation.pdf")) == before)
        let reissued = await allervers("certificate", "reissue", number, "--reason", "nom d'usage", "--store", store)
        #expect(reissued.exitCode == 0, "\(reissued.error)")
        let third = workspace.url.appendingPathComponent("third")
        _ = await allervers("export", "records", "LYON", "--out", third.path, "--store", store)
        let renamed = try text(of: third.appendingPathComponent("LYON/certificates/AV-2026-000006-certificat-de-realisation.pdf"))
        #expect(renamed.contains("ROUX-MARTIN") && !before.contains("ROUX-MARTIN"))
    }

    @Test func probableDuplicatesAreNamedThenMergedOrRemoved() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path
        // P-0004 of the sample list, spelt in other cases.
        let shown = await allervers("participant", "show", "P-0004", "--store", store, "--json")
        let existing = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
        let first = try #require(existing["firstName"] as? String)
        let last = try #require(existing["lastName"] as? String)
        let employer = try #require(existing["employer"] as? String)
        let added = await allervers(
            "participant", "add", "--first-name", first.uppercased(), "--last-name", last.lowercased(), "--employer", employer.uppercased(),
            "--store", store)
        #expect(added.exitCode == 0, "\(added.error)")
        #expect(
            added.output.hasSuffix(
                "Warning: P-0007 \(last.uppercased()) \(first.uppercased()) is probably P-0004 (same names and employer); if so: allervers participant merge P-0004 P-0007\n"
            ),
            "\(added.output)")
        let sheet = try workspace.file(
            "more.csv", "prenom;nom;employeur;date_naissance\nJeanne;Durand;Mairie;12/05/1980\nJEANNE;Durand;Autre;1980-05-12\n")
        let imported = await allervers("participant", "import", sheet.path, "--store", store)
        #expect(
            imported.output.contains(
                "Warning: \(sheet.path):3: P-0009 DURAND JEANNE is probably someone earlier in the file (same names and birth date)"),
            "\(imported.output)")

        // P-0007 enrolled elsewhere, then merged into P-0004: the enrolment moves.
        let planned = await allervers(
            "session", "plan", "AV-FOND", "--start", "2026-06-04", "--id", "JUIN", "--room", "Salle Saône", "--address", "Lyon",
            "--trainer",
            "Bruno Leroy", "--store", store)
        try #require(planned.exitCode == 0, "\(planned.error)")
        _ = await allervers("session", "enrol", "JUIN", "P-0007", "--store", store)
        let merged = await allervers("participant", "merge", "P-0004", "P-0007", "--store", store)
        #expect(merged.output == "Merged P-0007 into P-0004\n", "\(merged.error)")
        let june = await allervers("session", "show", "JUIN", "--store", store)
        #expect(june.output.contains("P-0004") && !june.output.contains("P-0007"))
        #expect(await allervers("participant", "show", "P-0007", "--store", store).exitCode == 1)

        // Someone with attendance records is not merged away, nor removed; someone with none is removed.
        _ = await allervers("attendance", "record", "LYON", "--slot", "2026-03-12-am", "--others-present", "--store", store)
        let before = try storeBytes(workspace)
        let refused = await allervers("participant", "merge", "P-0008", "P-0001", "--store", store)
        #expect(
            refused.error
                == "P-0001 has records in LYON, not closed: close it first, so that what P-0001 did there is final"
        )
        let kept = await allervers("participant", "remove", "P-0001", "--store", store)
        #expect(kept.error == "P-0001 has 1 attendance record, 1 enrolment(s): only someone with no record at all is removed")
        #expect(try storeBytes(workspace) == before)
        #expect(await allervers("participant", "remove", "P-0009", "--store", store).output == "Removed P-0009\n")
        let log = await allervers("participant", "show", "P-0004", "--store", store)
        #expect(log.output.contains("merged") && log.output.contains("P-0007"), "\(log.output)")
    }

    @Test func aMergeKeepsThePlaceNotTheWithdrawalBesideIt() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path
        for arguments in [
            ["participant", "add", "--first-name", "Camille", "--last-name", "Roux"],
            [
                "session", "plan", "AV-FOND", "--start", "2026-06-04", "--id", "JUIN", "--room", "Salle Saône", "--address", "Lyon",
                "--trainer",
                "Bruno Leroy",
            ],
            ["session", "enrol", "JUIN", "P-0001", "P-0007"],
            ["session", "withdraw", "JUIN", "P-0001"],
        ] {
            let result = await allervers(arguments + ["--store", store])
            try #require(result.exitCode == 0, "\(arguments): \(result.error)")
        }
        let merged = await allervers("participant", "merge", "P-0001", "P-0007", "--store", store)
        #expect(merged.exitCode == 0, "\(merged.error)")
        let june = await allervers("session", "show", "JUIN", "--store", store, "--json")
        let enrolments = try #require(
            (try JSONSerialization.jsonObject(with: Data(june.output.utf8)) as? [String: Any])?["enrolments"] as? [[String: Any]])
        #expect(enrolments.count == 1)
        #expect(enrolments.first?["status"] as? String == "enrolled")
        #expect((enrolments.first?["participant"] as? [String: Any])?["id"] as? String == "P-0001")
    }

    @Test func aDuplicateWithCertifiedRecordsIsMergedAsAnAlias() async throws {
        // P-0001 attended and was certified in LYON; later the same person came back as P-0007.
        let (workspace, store, _) = try await exportedWeek()
        for arguments in [
            ["participant", "add", "--first-name", "Camille", "--last-name", "ROUX", "--email", "c.roux@autre.example"],
            [
                "session", "plan", "AV-TERRAIN", "--start", "2026-06-04", "--id", "TERRAIN", "--room", "Salle Saône", "--address", "Lyon",
                "--trainer", "Bruno Leroy",
            ],
        ] {
            let result = await allervers(arguments + ["--store", store])
            try #require(result.exitCode == 0, "\(arguments): \(result.error)")
        }
        // Before the merge, P-0007 has not completed the prerequisite course.
        let refused = await allervers("session", "enrol", "TERRAIN", "P-0007", "--experience-confirmed", "--store", store)
        #expect(refused.error.contains("course AV-FOND is required and P-0007 has not completed it"), "\(refused.error)")

        let before = try ["attendance.csv", "hours.csv", "xapi-statements.jsonl"].map {
            try Data(contentsOf: workspace.url.appendingPathComponent("out/LYON").appendingPathComponent($0))
        }
        let merged = await allervers("participant", "merge", "P-0007", "P-0001", "--store", store)
        #expect(merged.output == "Merged P-0001 into P-0007\n", "\(merged.error)")
        // Asking for P-0001, or by the email it had, gives P-0007; the list shows one person.
        for key in ["P-0001", "camille.roux@ccas-villeurbanne.example"] {
            let shown = await allervers("participant", "show", key, "--store", store, "--json")
            let person = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
            #expect(person["id"] as? String == "P-0007", "\(key)")
        }
        // In LYON, P-0001 is still the one who attended: its history, and its records' rule.
        let history = await allervers("attendance", "history", "LYON", "--participant", "P-0001", "--store", store)
        #expect(history.output.split(separator: "\n").filter { $0.contains(" P-0001 ") }.count == 4, "\(history.output)")
        let progress = await allervers(
            "progress", "set", "LYON", "P-0001", "--objective", "O3", "--assessment", "acquired", "--store", store)
        #expect(progress.error.contains("P-0001 holds live certificate"), "\(progress.error)")
        let listed = await allervers("participant", "list", "--store", store)
        #expect(!listed.output.contains("P-0001 "), "\(listed.output)")
        // LYON's completion counts for P-0007, and its hours are P-0007's.
        let enrolled = await allervers("session", "enrol", "TERRAIN", "P-0007", "--experience-confirmed", "--store", store)
        #expect(enrolled.output == "P-0007: enrolled\n", "\(enrolled.error)")
        let hours = await allervers("attendance", "hours", "--from", "2026-03-01", "--to", "2026-03-31", "--store", store)
        #expect(hours.output.contains("P-0007       1         14 h"), "\(hours.output)")
        // LYON's records and certificate stay under P-0001, as issued.
        let again = workspace.url.appendingPathComponent("again")
        let exported = await allervers("export", "records", "LYON", "--out", again.path, "--store", store)
        #expect(exported.exitCode == 0, "\(exported.error)")
        let after = try ["attendance.csv", "hours.csv", "xapi-statements.jsonl"].map {
            try Data(contentsOf: again.appendingPathComponent("LYON").appendingPathComponent($0))
        }
        #expect(after == before, "LYON's records read the same after the merge")
        #expect(await allervers("verify", "--store", store).exitCode == 0)
    }

    @Test func aClosedSessionWithNoCertificateReopens() async throws {
        let workspace = try await closedWeekWorkspace()
        let reopened = await allervers("session", "reopen", "LYON", "--reason", "une feuille oubliée", "--store", workspace.url.path)
        #expect(reopened.output == "Reopened LYON: une feuille oubliée\n", "\(reopened.error)")
        let noReason = await allervers("session", "reopen", "LYON", "--reason", "x", "--store", workspace.url.path)
        #expect(noReason.error == "session LYON: it is running, not closed: there is nothing to reopen")
    }

    @Test func aSessionEditIsCheckedLikeAPlanAndLogged() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path
        let other = await allervers(
            "session", "plan", "AV-NONREC", "--start", "2026-03-13", "--id", "VENISSIEUX", "--site", "Bus solidaire", "--site-description",
            "Place du marché, Vénissieux", "--trainer", "Bruno Leroy", "--allow-partial", "--store", store)
        try #require(other.exitCode == 0, "\(other.error)")
        let eve = try RecordsStayTrueTests().paris("2026-03-11T18:00")
        let during = try RecordsStayTrueTests().paris("2026-03-12T10:00")
        func edit(_ arguments: String..., at now: Date) async -> CommandResult {
            await WorkClock.$fixed.withValue(now) { await allervers(["session", "edit", "LYON"] + arguments + ["--store", store]) }
        }
        let clash = await edit("--trainer", "Claire Martin", "--trainer", "Bruno Leroy", at: eve)
        #expect(clash.exitCode == 1)
        #expect(clash.error.contains("trainer Bruno Leroy teaches session VENISSIEUX"), "\(clash.error)")
        let shorter = await edit("--times", "2026-03-13-am=09:00-11:00", at: eve)
        #expect(shorter.exitCode == 1, "a 14-hour session planned whole stays whole")
        let overlap = await edit("--times", "2026-03-13-am=09:00-15:00", at: eve)
        #expect(overlap.exitCode == 1)
        #expect(overlap.error.hasPrefix("session LYON: "), "\(overlap.error)")
        let moved = await edit(
            "--times", "2026-03-13-pm=14:00-17:30", "--trainer", "Claire Martin", "--trainer", "Inès Haddad", "--by", "Claire Martin",
            at: eve)
        #expect(
            moved.output
                == "Changed LYON: trainers: Claire Martin → Claire Martin, Inès Haddad; 2026-03-13-pm: 13:30–17:00 → 14:00–17:30\n",
            "\(moved)")
        let shown = await allervers("session", "show", "LYON", "--store", store)
        #expect(shown.output.contains("Trainers: Claire Martin, Inès Haddad"))
        #expect(shown.output.contains("2026-03-13-pm  2026-03-13  14:00  17:30"), "\(shown.output)")
        #expect(shown.output.contains("1  edited  Claire Martin  2026-03-11T17:00:00Z  trainers: "), "\(shown.output)")

        // Once the first half-day has started, what was held stays as it was.
        let started = await edit("--times", "2026-03-12-am=09:30-12:30", at: during)
        #expect(started.error == "session LYON: half-day 2026-03-12-am has started: its times are what happened")
        let trainers = await edit("--trainer", "Inès Haddad", at: during)
        #expect(trainers.error == "session LYON: half-day 2026-03-12-am has started: the trainers and place of what was held cannot change")
        let later = await edit("--times", "2026-03-13-pm=13:30-17:00", at: during)
        #expect(later.exitCode == 0, "\(later.error)")
        // Nor is a half-day to come moved into the past, nor its times swapped into a next day.
        let past = await edit("--times", "2026-03-12-pm=13:00-17:00", at: try RecordsStayTrueTests().paris("2026-03-12T13:15"))
        #expect(past.error.contains("half-day 2026-03-12-pm would start at 13:00, which is past"), "\(past.error)")
        let swapped = await edit("--times", "2026-03-13-pm=17:00-13:30", at: during)
        #expect(swapped.error.contains("ends at 13:30, before it starts at 17:00"), "\(swapped.error)")

        // A cancelled session that recorded nothing gives its id back.
        #expect(await allervers("session", "cancel", "VENISSIEUX", "--store", store).exitCode == 0)
        let replanned = await allervers(
            "session", "plan", "AV-NONREC", "--start", "2026-04-02", "--id", "VENISSIEUX", "--site", "Bus solidaire", "--site-description",
            "Place du marché, Vénissieux", "--trainer", "Bruno Leroy", "--allow-partial", "--store", store)
        #expect(replanned.exitCode == 0, "\(replanned.error)")
        let history = await allervers("session", "show", "VENISSIEUX", "--store", store)
        #expect(history.output.contains("cancelled") && history.output.contains("replanned"), "\(history.output)")
    }
}

/// Certificate PDFs carry a PDF signature (PAdES B-B) that poppler's `pdfsig` checks, beside
/// the seal that `allervers verify` checks.
@Suite struct PDFSignatureTests {
    func pdfsig(_ file: URL) throws -> String {
        try execute(try tool("pdfsig"), [file.path]).output
    }

    @Test func pdfsigFindsTheWholeDocumentSignedAndAChangedByte() async throws {
        let (workspace, store, out) = try await exportedWeek()
        let number = try #require(try await certificateNumbers("LYON", store: store)["P-0001"])
        let pdf = out.appendingPathComponent("LYON/certificates/\(number)-certificat-de-realisation.pdf")
        let report = try pdfsig(pdf)
        for line in [
            "Signer Certificate Common Name: Institut Aller-Vers", "Signature Type: ETSI.CAdES.detached", "Total document signed",
            "Signature Validation: Signature is Valid.", "Signing Time: Mar 16 2026",
        ] {
            #expect(report.contains(line), "\(line) missing from:\n\(report)")
        }
        let verified = await allervers("verify", pdf.path, "--store", store)
        #expect(verified.output.contains("✓ PDF signature (PAdES, RSA-2048) valid over the whole file"), "\(verified)")
        #expect(verified.output.contains("✓ PDF signed with this workspace's certificate"), "\(verified)")

        // One byte of the drawn page, and one byte of the signature's own update.
        let original = try Data(contentsOf: pdf)
        var page = original
        page[page.count / 3] ^= 0x01
        let changedPage = try workspace.file("page.pdf", bytes: Array(page))
        #expect(try pdfsig(changedPage).contains("Signature Validation: Digest Mismatch."))
        #expect(await allervers("verify", changedPage.path, "--store", store).exitCode == 1)

        let flags = try #require(original.range(of: Data("/F 132".utf8)))
        var update = original
        update.replaceSubrange(flags, with: Data("/F 128".utf8))
        let changedUpdate = try workspace.file("update.pdf", bytes: Array(update))
        #expect(try pdfsig(changedUpdate).contains("Signature Validation: Digest Mismatch."))
        let refused = await allervers("verify", changedUpdate.path, "--store", store)
        #expect(refused.error == "\(changedUpdate.path): the PDF was changed after it was signed: its last update is not the signature's")

        // Anything appended after the signature is seen too.
        let appended = try workspace.file("appended.pdf", bytes: Array(original + Data("1 0 obj\n<< >>\nendobj\n".utf8)))
        #expect(try pdfsig(appended).contains("Not total document signed"))
        #expect(await allervers("verify", appended.path, "--store", store).exitCode == 1)

        // Another workspace's PDF key, on the same sealed bytes, is not this workspace's signature.
        let other = try await initialisedWorkspace()
        let otherKeys = other.url.appendingPathComponent(".allervers")
        let mine = workspace.url.appendingPathComponent(".allervers")
        for name in ["pdf-signing-key.pem", "pdf-signing-certificate.pem"] {
            try FileManager.default.removeItem(at: mine.appendingPathComponent(name))
            try FileManager.default.copyItem(at: otherKeys.appendingPathComponent(name), to: mine.appendingPathComponent(name))
        }
        let foreign = await allervers("verify", pdf.path, "--store", store)
        #expect(foreign.error == "\(pdf.path): its PDF signature was not made with this workspace's certificate")
    }
}

/// A row edited by hand into an impossible state gives one line naming it, never a trap.
@Suite struct HandEditedStoreTests {
    @Test(arguments: [
        (
            "PRAGMA ignore_check_constraints = ON; UPDATE session SET status = 'paused' WHERE id = 'LYON';",
            "ALTER TABLE session DROP CONSTRAINT session_status_check; UPDATE session SET status = 'paused' WHERE id = 'LYON';",
            ["session", "show", "LYON"], "the store's session record LYON is damaged: its status \"paused\" cannot be read"
        ),
        (
            "DROP TRIGGER certificateIsWrittenOnceOnUpdate; UPDATE certificate SET firstDay = '2026-02-30' WHERE sequence = 1;",
            "DROP TRIGGER certificateIsWrittenOnceOnUpdate ON certificate; UPDATE certificate SET firstDay = '2026-02-30' WHERE sequence = 1;",
            ["certificate", "list", "LYON"],
            "the store's certificate record AV-2026-000001 is damaged: its firstDay \"2026-02-30\" cannot be read"
        ),
        (
            "DROP TRIGGER attendanceEventIsAppendOnlyOnUpdate; PRAGMA ignore_check_constraints = ON; UPDATE attendanceEvent SET status = 'late' WHERE sequence = 1;",
            "DROP TRIGGER attendanceEventIsAppendOnlyOnUpdate ON attendanceEvent; ALTER TABLE attendanceEvent DROP CONSTRAINT attendanceevent_status_check; UPDATE attendanceEvent SET status = 'late' WHERE sequence = 1;",
            ["attendance", "show", "LYON"], "the store's attendanceEvent record 1 is damaged: its status \"late\" cannot be read"
        ),
        (
            "PRAGMA ignore_check_constraints = ON; UPDATE sessionSlot SET startTime = '25:00' WHERE id = '2026-03-12-am';",
            "UPDATE sessionSlot SET startTime = '25:00' WHERE id = '2026-03-12-am';",
            ["session", "show", "LYON"],
            "the store's sessionSlot record LYON 2026-03-12-am is damaged: its startTime \"25:00\" cannot be read"
        ),
        // Read in place (by position, not by name), as reports over every employer's staff read.
        (
            "UPDATE participant SET hireDate = '2025-13-01' WHERE id = 'P-0001';",
            "UPDATE participant SET hireDate = '2025-13-01' WHERE id = 'P-0001';",
            ["compliance", "--as-of", "2026-04-01"],
            "the store's participant record P-0001 is damaged: its hireDate \"2025-13-01\" cannot be read"
        ),
    ])
    func aDamagedRowIsNamed(sqlite: String, postgres: String, command: [String], expected: String) async throws {
        let (workspace, store, _) = try await exportedWeek()
        let edited = try TestDatabase.edit(workspaceAt: workspace.url, sqlite: sqlite, postgres: postgres)
        try #require(edited.status == 0, "\(edited.output)")
        let result = await allervers(command + ["--store", store])
        #expect(result.exitCode == 1)
        #expect(result.error.hasPrefix(expected), "\(result.error)")
        #expect(!result.error.contains("\n"))
    }
}
