import AllerVersCLI
import Foundation
import Testing
import TrainingCore
import TrainingTesting

/// Finding anyone in the register, as a trainer types a name: case, accents and spaces folded.
@Suite struct RegisterTests {
    @Test func anyoneIsFoundByNameEmailEmployerOrIdWhateverTheCaseAndAccents() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let imported = await allervers(
            "participant", "import", "--store", store, Fixtures.courses.appendingPathComponent("examples/participants.csv").path)
        try #require(imported.exitCode == 0, "\(imported.error)")
        let added = await allervers(
            "participant", "add", "--first-name", "Élodie", "--last-name", "Garnier", "--email", "e.garnier@example.org", "--employer",
            "CCAS de Villeurbanne", "--external-id", "AG-12", "--store", store)
        try #require(added.output.hasPrefix("Added P-0007"), "\(added.error)")
        func found(_ words: String...) async throws -> [String] {
            let result = await allervers(["participant", "find", "--json", "--store", store] + words)
            try #require(result.exitCode == 0, "\(result.error)")
            struct Person: Decodable { let id: String }
            return try JSONDecoder().decode([Person].self, from: Data(result.output.utf8)).map(\.id)
        }
        for spelling in ["garnier", "Garnier", "GARNIÉR", "elodie", "ÉLODIE  garnier", "p-0007", "ag-12", "E.Garnier@example"] {
            #expect(try await found(spelling) == ["P-0007"], "\(spelling)")
        }
        // Hyphens and apostrophes fold as spaces, as duplicates are compared.
        #expect(try await found("anne laure") == ["P-0006"])
        #expect(try await found("ANNE-LAURE", "petit") == ["P-0006"])
        // Every word must match, in any field: the CCAS's staff, by family name.
        #expect(try await found("ccas", "villeurbanne") == ["P-0002", "P-0007", "P-0001"])
        #expect(try await found("ccas garnier") == ["P-0007"])
        let table = await allervers("participant", "find", "garnier", "--store", store)
        #expect(table.output.contains("P-0007") && table.output.contains("GARNIER Élodie") && table.output.contains("AG-12"))
        // No match is no error, as with grep, unless --require.
        let none = await allervers("participant", "find", "dupont", "--store", store)
        #expect(none.exitCode == 0 && none.output == "No match for \"dupont\".\n")
        let required = await allervers("participant", "find", "dupont", "--require", "--store", store)
        #expect(required.exitCode == 1 && required.output == "No match for \"dupont\".\n")
        let empty = await allervers("participant", "find", "  ", "--store", store)
        #expect(empty.exitCode != 0 && empty.error.contains("give a name"), "\(empty.error)")
        // A duplicate merged into someone, kept because an obligation names it, is found by its
        // own email and id: as the person it was merged into.
        let duplicate = await allervers(
            "participant", "add", "--first-name", "Elodie", "--last-name", "Garniér", "--email", "elodie.g@ancien.example", "--store", store
        )
        try #require(duplicate.output.hasPrefix("Added P-0008"), "\(duplicate.error)")
        let named = await allervers(
            "obligation", "add", "--employer", "CCAS de Villeurbanne", "--title", "Socle", "--external", "IRTS|Aller-vers", "--person",
            "P-0008",
            "--store", store)
        try #require(named.exitCode == 0, "\(named.error)")
        #expect(try await found("garnier") == ["P-0007", "P-0008"])
        let merged = await allervers("participant", "merge", "P-0007", "P-0008", "--store", store)
        try #require(merged.exitCode == 0, "\(merged.error)")
        #expect(try await found("elodie.g@ancien") == ["P-0007"])
        #expect(try await found("p-0008") == ["P-0007"])
        #expect(try await found("garnier") == ["P-0007"])
    }

    /// `participant show`: the sessions a person had a place in with the hours they attended,
    /// their certificates and their state, and where they stand with their employer's obligations.
    @Test func aPersonsHistoryGivesSessionsCertificatesAndWhatIsDue() async throws {
        let (workspace, store, _) = try await exportedWeek()
        defer { withExtendedLifetime(workspace) {} }
        let numbers = try await certificateNumbers("LYON", store: store)
        let added = await allervers(
            "obligation", "add", "--employer", "E-0001", "--title", "Socle", "--course", "AV-FOND", "--validity", "36", "--store", store)
        try #require(added.exitCode == 0, "\(added.error)")
        func shown() async throws -> [String: Any] {
            let result = await allervers("participant", "show", "P-0001", "--json", "--store", store)
            try #require(result.exitCode == 0, "\(result.error)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        }
        let history = try await shown()
        let sessions = try #require(history["sessions"] as? [[String: Any]])
        let certificates = try #require(history["certificates"] as? [[String: Any]])
        let obligations = try #require(history["obligations"] as? [[String: Any]])
        #expect(sessions.count == 1 && (sessions[0]["sessionID"] as? String)?.hasSuffix("LYON") == true)
        #expect(sessions[0]["sessionStatus"] as? String == "closed" && sessions[0]["place"] as? String == "enrolled")
        // The hours the history gives are those the certificate printed.
        #expect(sessions[0]["attended"] as? NSObject == certificates.first?["attended"] as? NSObject, "\(sessions) \(certificates)")
        #expect(certificates.count == 1 && certificates[0]["number"] as? String == numbers["P-0001"])
        #expect(certificates[0]["state"] as? String == "valid")
        let status = try #require(obligations.first?["status"] as? [String: Any])
        #expect(obligations.count == 1 && status["state"] as? String == "compliant" && status["due"] as? String == "2029-03-13")
        let table = await allervers("participant", "show", "P-0001", "--store", store)
        for heading in ["SESSION", "CERTIFICATE", "OBLIGATION", "closed", "valid", "compliant"] {
            #expect(table.output.contains(heading), "\(heading) in \(table.output)")
        }
        // Revoked, the certificate shows so; the obligation is no longer met by it.
        let number = try #require(numbers["P-0001"])
        #expect(await allervers("certificate", "revoke", number, "--reason", "erreur", "--store", store).exitCode == 0)
        let after = try await shown()
        #expect((after["certificates"] as? [[String: Any]])?.first?["state"] as? String == "revoked")
        let afterStatus = try #require((after["obligations"] as? [[String: Any]])?.first?["status"] as? [String: Any])
        #expect(afterStatus["evidence"] == nil && afterStatus["state"] as? String != "compliant", "\(afterStatus)")
    }

    /// Certificates across sessions, narrowed by the training's dates or the issue's, course,
    /// employer and state.
    @Test func certificatesAreListedAcrossSessionsByDateCourseEmployerAndState() async throws {
        let (workspace, store, _) = try await exportedWeek()
        defer { withExtendedLifetime(workspace) {} }
        let numbers = try await certificateNumbers("LYON", store: store)
        func listed(_ arguments: String...) async throws -> [(number: String, participant: String)] {
            let result = await allervers(["certificate", "list", "--json", "--store", store] + arguments)
            try #require(result.exitCode == 0, "\(result.error)")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
            return rows.compactMap { row in
                (row["number"] as? String).flatMap { number in (row["participantID"] as? String).map { (number, $0) } }
            }
        }
        let all = try await listed()
        #expect(all.count == numbers.count && Set(all.map(\.number)) == Set(numbers.values))
        #expect(Set(try await listed("--employer", "ccas de villeurbanne").map(\.participant)) == ["P-0001", "P-0002"])
        // The week ended on 13 March; the certificates were issued on the 16th.
        #expect(try await listed("--from", "2026-03-14").isEmpty)
        #expect(try await listed("--from", "2026-03-14", "--by", "issue").count == all.count)
        #expect(try await listed("--to", "2026-03-13").count == all.count)
        #expect(try await listed("--course", "AV-TERRAIN").isEmpty)
        #expect(try await listed("--course", "AV-FOND").count == all.count)
        let unknown = await allervers("certificate", "list", "--course", "AV-NOPE", "--store", store)
        #expect(unknown.exitCode != 0 && unknown.error.contains("AV-NOPE"), "\(unknown.error)")
        let backwards = await allervers("certificate", "list", "--from", "2026-12-31", "--to", "2026-01-01", "--store", store)
        #expect(backwards.exitCode != 0 && backwards.error.contains("comes after"), "\(backwards.error)")
        let number = try #require(numbers["P-0003"])
        #expect(await allervers("certificate", "revoke", number, "--reason", "erreur", "--store", store).exitCode == 0)
        #expect(try await listed("--state", "revoked").map(\.number) == [number])
        // Those issued to people who did not meet the rule attest attendance only: never valid, never expired.
        let notMet = try await listed("--state", "not-met")
        let valid = try await listed("--state", "valid", "--as-of", "2027-01-01")
        #expect(!valid.isEmpty && valid.count == all.count - 1 - notMet.count && !valid.contains { $0.number == number })
        // Valid on the last day of its validity, expired the day after.
        let shown = await allervers("certificate", "show", try #require(valid.first?.number), "--json", "--store", store)
        let lastDay = try #require(
            (try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])?["validUntil"] as? String)
        let dayAfter = try #require(LocalDate(lastDay)).adding(days: 1).description
        #expect(try await listed("--state", "valid", "--as-of", lastDay).map(\.number) == valid.map(\.number), "the last valid day")
        #expect(try await listed("--state", "expired", "--as-of", dayAfter).map(\.number) == valid.map(\.number))
        #expect(try await listed("--state", "valid", "--as-of", dayAfter).isEmpty)
        for filter in [["--state", "valid"], ["--by", "issue"], ["--course", "AV-FOND"], ["--from", "2026-01-01"]] {
            let both = await allervers(["certificate", "list", "LYON", "--store", store] + filter)
            #expect(both.exitCode != 0 && both.error.contains("not both"), "\(filter): \(both.error)")
        }
        // Their state in JSON, beside their own keys.
        let json = await allervers("certificate", "list", "--state", "revoked", "--json", "--store", store)
        #expect(json.output.contains("\"state\" : \"revoked\""), "\(json.output)")
    }

    /// Sessions listed by course, trainer (spelt loosely), period and state, with seats and
    /// who waits; each person waiting has their place in the line.
    @Test func sessionsAreListedByCourseTrainerPeriodAndStatusWithTheirWaitingList() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path
        let planned = await allervers(
            "session", "plan", "AV-TERRAIN", "--start", "2026-06-08", "--id", "JUIN", "--site", "Bus solidaire", "--site-description",
            "Vénissieux", "--trainer", "Nadia Haddad", "--allow-partial", "--store", store)
        try #require(planned.exitCode == 0, "\(planned.error)")
        func listed(_ arguments: String...) async throws -> [[String: Any]] {
            let result = await allervers(["session", "list", "--json", "--store", store] + arguments)
            try #require(result.exitCode == 0, "\(result.error)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        }
        #expect(try await listed().map { $0["id"] as? String } == ["LYON", "JUIN"])
        #expect(try await listed("--course", "av-terrain").map { $0["id"] as? String } == ["JUIN"])
        #expect(try await listed("--trainer", "NADIA   haddad").map { $0["id"] as? String } == ["JUIN"])
        #expect(try await listed("--from", "2026-03-13", "--to", "2026-03-13").map { $0["id"] as? String } == ["LYON"])
        #expect(try await listed("--from", "2026-03-14", "--to", "2026-06-07").isEmpty)
        #expect(try await listed("--status", "planned").count == 2)
        // LYON: five seats taken, Anne-Laure Petit waiting first.
        let lyon = try #require(try await listed("--course", "AV-FOND").first)
        #expect(lyon["enrolled"] as? Int == 5 && lyon["capacity"] as? Int == 5 && lyon["waiting"] as? Int == 1)
        let table = await allervers("session", "list", "--store", store)
        #expect(table.output.contains("WAITING") && table.output.contains("5/5    1        planned"), "\(table.output)")
        #expect(await allervers("session", "list", "--status", "closed", "--store", store).output == "No session matches.\n")
        #expect(await allervers("session", "list", "--status", "finished", "--store", store).exitCode != 0)
        let shown = await allervers("session", "show", "LYON", "--store", store)
        #expect(shown.output.contains("Seats: 5/5, 1 waiting") && shown.output.contains("waitlisted #1"), "\(shown.output)")
        let json = await allervers("session", "show", "LYON", "--json", "--store", store)
        #expect(json.output.contains("\"position\" : 1"), "\(json.output)")
    }

    /// A year's certificates of an employer's staff, from every session, in one folder: the
    /// documents as issued, verifiable, with an index; a revoked one leaves it at the next export.
    @Test func anEmployersCertificatesOfAYearAreExportedIntoOneFolder() async throws {
        let (workspace, store, _) = try await exportedWeek()
        let out = workspace.url.appendingPathComponent("ccas-2026")
        func export() async -> CommandResult {
            await allervers(
                "export", "certificates", "--year", "2026", "--employer", "CCAS de Villeurbanne", "--out", out.path, "--store", store)
        }
        // A session's list names the states as the list across sessions does.
        let listed = await allervers("certificate", "list", "LYON", "--store", store)
        #expect(listed.output.contains("valid") && listed.output.contains("not-met") && !listed.output.contains("live"), "\(listed.output)")
        let exported = await export()
        #expect(exported.output == "Wrote 2 certificates (7 files) to \(out.path)/\n", "\(exported.output) \(exported.error)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names.count == 8 && names.contains("index.csv") && names.contains(".allervers-certificates"), "\(names)")
        let index = String(decoding: try Data(contentsOf: out.appendingPathComponent("index.csv")), as: UTF8.self)
        #expect(index.contains("P-0001;ROUX Camille;AV-FOND;LYON;2026-03-13") && index.contains("P-0002;BENALI Mehdi"), "\(index)")
        let pdf = try #require(names.first { $0.hasSuffix("-certificat-de-realisation.pdf") })
        #expect(await allervers("verify", out.appendingPathComponent(pdf).path, "--store", store).exitCode == 0)
        // Revoked, it is left out of the next export, and its files go.
        let number = pdf.replacingOccurrences(of: "-certificat-de-realisation.pdf", with: "")
        #expect(await allervers("certificate", "revoke", number, "--reason", "erreur de saisie", "--store", store).exitCode == 0)
        let again = await export()
        #expect(again.output == "Wrote 1 certificate (4 files) to \(out.path)/; 1 revoked left out\n", "\(again.output) \(again.error)")
        #expect(try !FileManager.default.contentsOfDirectory(atPath: out.path).contains { $0.hasPrefix(number) })
        // Only revoked ones: nothing but the index, and the earlier documents go.
        let revokedOnly = await allervers("export", "certificates", "--state", "revoked", "--out", out.path, "--store", store)
        #expect(revokedOnly.output == "Wrote 0 certificates (1 file) to \(out.path)/; 1 revoked left out\n", "\(revokedOnly.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [".allervers-certificates", "index.csv"])
        // A folder holding anything else is not written into.
        let elsewhere = workspace.url.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: elsewhere.appendingPathComponent("notes.txt"))
        let refused = await allervers("export", "certificates", "--out", elsewhere.path, "--store", store)
        #expect(refused.exitCode != 0 && refused.error.contains("holds files that no export of certificates wrote"), "\(refused.error)")
        // Nor one holding someone's own index.csv.
        try FileManager.default.removeItem(at: elsewhere.appendingPathComponent("notes.txt"))
        try Data("mine".utf8).write(to: elsewhere.appendingPathComponent("index.csv"))
        #expect(await allervers("export", "certificates", "--out", elsewhere.path, "--store", store).exitCode != 0)
        #expect(try Data(contentsOf: elsewhere.appendingPathComponent("index.csv")) == Data("mine".utf8))
        let none = await allervers("export", "certificates", "--year", "2020", "--out", out.path, "--store", store)
        #expect(none.output == "No certificate matches.\n")
    }
}
