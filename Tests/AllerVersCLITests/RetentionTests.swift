import AllerVersCLI
import Foundation
import Testing
import TrainingCore
import TrainingService
import TrainingStore
import TrainingTesting

/// Retention and purge, on the BPF's data set (see ``BPFTests``) grown by a session of
/// February 2025 (OLD) where Camille Roux, Mehdi Benali and Awa Diallo signed the first
/// half-day on their phones (Camille and Mehdi with the same image), and by a follow-up of
/// Awa's absence from LYON. LYON, CROSS and OLD are closed, LYON certified; SOUS is not
/// closed; Sauvegarde 69 holds everyone it employs to an obligation.
///
/// On 2033-01-01, every record of LYON (ended 2026-03-13), CROSS (2026-01-08), OLD
/// (2025-02-04) and SOUS (2026-06-16) is past its six years. So Mehdi (P-0002) and Awa (P-0005) are anonymised;
/// Camille (P-0001) and Anne-Laure Petit (P-0006) are kept for SOUS, Sophie Lambert (P-0003)
/// and Julien Moreau (P-0004) for Sauvegarde 69's obligation.
@Suite struct RetentionTests {
    static let day = "2033-01-01"

    static func purgeable() async throws -> TemporaryFolder {
        let workspace = try await BPFTests.dataSet()
        let store = workspace.url.path
        for arguments in [
            [
                "session", "plan", "AV-FOND", "--start", "2025-02-03", "--id", "OLD", "--room", "Salle Rhône", "--address",
                "3 quai Perrache, 69002 Lyon", "--trainer", "Claire Martin",
            ],
            ["session", "enrol", "OLD", "P-0001", "P-0002", "P-0005"],
        ] {
            let result = await allervers(arguments + ["--store", store])
            try #require(result.exitCode == 0, "\(arguments): \(result.error)")
        }
        let opened = try Stores.open(Workspace(folder: workspace.url))
        let first = try #require(try opened.session(id: "OLD").slots.first)
        for (person, last) in [("P-0001", UInt8(1)), ("P-0002", 1), ("P-0005", 2)] {
            let image = try #require(SignatureImage(png: SignatureImage.pngMagic + [0, 0, 0, last]))
            _ = try await opened.recordSignature(
                participantID: person, sessionID: "OLD", slotID: first.id, image: image,
                evidence: SignatureEvidence(method: .qr, address: "10.0.0.9", userAgent: "Mobile Safari"), by: "signing", source: "phone",
                early: 900, at: try #require(first.interval?.start))
        }
        let slots = try opened.session(id: "OLD").slots.dropFirst().map(\.id)
        for arguments in slots.map({ ["attendance", "record", "OLD", "--slot", $0, "--others-present"] }) + [
            ["attendance", "follow-up", "LYON", "P-0005", "--on", "2026-03-16", "--note", "Malade, rappelée le lundi"],
            ["participant", "edit", "P-0002", "--email", "m.benali@ccas-villeurbanne.example"],
            ["session", "close", "LYON"], ["session", "close", "CROSS"], ["session", "close", "OLD"],
            ["certify", "LYON", "--date", "2026-03-16"],
            ["obligation", "add", "--employer", "Sauvegarde 69", "--title", "Aller-vers", "--course", "AV-FOND", "--due-months", "12"],
        ] {
            let result = await allervers(arguments + ["--store", store])
            try #require(result.exitCode == 0, "\(arguments): \(result.error)")
        }
        // Julie Blanc, added by mistake and removed on 2026-04-01: only the change log names her.
        try await WorkClock.$fixed.withValue(try noon("2026-04-01")) {
            for arguments in [
                ["participant", "add", "--first-name", "Julie", "--last-name", "Blanc"], ["participant", "remove", "P-0007"],
            ] {
                let result = await allervers(arguments + ["--store", store])
                try #require(result.exitCode == 0, "\(arguments): \(result.error)")
            }
        }
        return workspace
    }

    /// Every form of the BPF of a year, as it is printed and written.
    static func bpf(_ year: String, store: String, in folder: URL) async throws -> [Data] {
        let csv = folder.appendingPathComponent("bpf-\(year).csv")
        let pdf = folder.appendingPathComponent("bpf-\(year).pdf")
        let table = await allervers("report", "bpf", "--year", year, "--csv", csv.path, "--pdf", pdf.path, "--store", store)
        try #require(table.exitCode == 0, "\(table.error)")
        let json = await allervers("report", "bpf", "--year", year, "--json", "--store", store)
        return [Data(table.output.utf8), Data(json.output.utf8), try Data(contentsOf: csv), try Data(contentsOf: pdf)]
    }

    @Test func aPurgeAnonymisesWhoIsPastRetentionAndLeavesEveryBPFAsItWas() async throws {
        let workspace = try await Self.purgeable()
        let store = workspace.url.path
        let numbers = try await certificateNumbers("LYON", store: store)
        let mehdi = try #require(numbers["P-0002"])
        let bpfs = try await Self.bpf("2025", store: store, in: workspace.url) + Self.bpf("2026", store: store, in: workspace.url)

        try await WorkClock.$fixed.withValue(try noon(Self.day)) {
            // A day after today is refused, and nothing changes.
            let early = await allervers("purge", "--before", "2033-06-01", "--store", store)
            #expect(early.exitCode == 1)
            #expect(
                early.error
                    == "the purge date 2033-06-01 is after today (2033-01-01): only records whose retention has ended are purged",
                "\(early.error)")
            let untouched = try await participantJSON("P-0002", store: store)
            #expect(untouched["lastName"] as? String == "Benali")

            let dry = await allervers("purge", "--before", Self.day, "--dry-run", "--store", store)
            #expect(dry.exitCode == 0, "\(dry.error)")
            let lines = dry.output.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
            for expected in [
                "Anonymised: 2 people", "P-0002 BENALI Mehdi 2032-03-13", "P-0005 DIALLO Awa 2032-03-13",
                "Kept although past retention: 4 people", "P-0001 ROUX Camille 2032-06-16 session SOUS is not closed",
                "P-0003 LAMBERT Sophie 2032-03-13 obligation Aller-vers (O-0001) of their employer applies to them",
                "P-0004 MOREAU Julien 2032-03-13 obligation Aller-vers (O-0001) of their employer applies to them",
                "P-0006 PETIT Anne-Laure 2032-06-16 session SOUS is not closed",
                "Removed from the workspace long ago, their names erased from the change log: P-0007", "Within retention: 0 people",
                "Dry run: nothing was changed.",
            ] {
                #expect(lines.contains(expected), "\(expected) in \(dry.output)")
            }
            let before = try await participantJSON("P-0002", store: store)
            #expect(before["lastName"] as? String == "Benali")

            let purged = await allervers("purge", "--before", Self.day, "--store", store)
            #expect(purged.exitCode == 0, "\(purged.error)")
            #expect(purged.output.contains("Purge #1 recorded in the chained log: 3 people anonymised."), "\(purged.output)")
            let again = await allervers("purge", "--before", Self.day, "--store", store)
            #expect(again.output.contains("Nobody to anonymise: nothing was changed."), "\(again.output)")
        }

        // The people: names, email and external id gone; id, employer and profession kept.
        let shown = try await participantJSON("P-0002", store: store)
        #expect(shown["firstName"] as? String == "P-0002" && shown["lastName"] as? String == "Anonymised", "\(shown)")
        #expect(shown["email"] == nil && shown["externalID"] == nil, "\(shown)")
        #expect(shown["employer"] as? String == "CCAS de Villeurbanne" && shown["profession"] as? String == "assistant de service social")
        let changes = try #require(shown["changes"] as? [[String: Any]])
        #expect(!changes.isEmpty && changes.allSatisfy { $0["before"] == nil && $0["after"] == nil }, "\(changes)")
        let kept = try await participantJSON("P-0001", store: store)
        #expect(kept["lastName"] as? String == "Roux")
        // Julie Blanc's removal no longer names her.
        let removal =
            "SELECT 'erased-' || count(*) FROM participantChange WHERE participantID = 'P-0007' AND before IS NULL AND erasedIn = 1"
        #expect(try TestDatabase.edit(workspaceAt: workspace.url, sqlite: removal, postgres: removal).output.contains("erased-1"))

        // Their certificate: number, dates and hours kept; no statement, no credential, no documents.
        let certificate = try await certificateJSON(mehdi, store: store)
        #expect(certificate["erasedIn"] as? Int == 1 && certificate["credential"] == nil, "\(certificate)")
        #expect((certificate["attended"] as? [String: Any])?["minutes"] as? Int == 820, "\(certificate)")
        let printed = await allervers(
            "verify", "https://formation.example.org/verify/\(mehdi)?code=AAAAAAAAAAAAAAAAAAAAAA", "--store", store)
        #expect(printed.exitCode == 1)
        #expect(
            printed.error.contains("certificate \(mehdi)'s holder was anonymised past retention (purge 1)"), "\(printed.error)")
        let out = workspace.url.appendingPathComponent("out")
        let exported = await allervers("export", "records", "LYON", "--out", out.path, "--store", store)
        #expect(exported.exitCode == 0, "\(exported.error)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("LYON/certificates").path)
        let camille = try #require(numbers["P-0001"])
        #expect(!files.contains { $0.hasPrefix(mehdi) } && files.contains { $0.hasPrefix(camille) }, "\(files)")
        let sheets = try text(of: out.appendingPathComponent("LYON/sign-in-sheets.pdf"))
        #expect(sheets.contains("ANONYMISED P-0002") && !sheets.contains("BENALI") && sheets.contains("ROUX"), "\(sheets)")

        // The follow-up's note, and the signature only Awa drew, are gone; Camille's stays.
        let history = await allervers("attendance", "history", "LYON", "--participant", "P-0005", "--store", store)
        #expect(history.output.contains("Follow-ups of absences:") && !history.output.contains("Malade"), "\(history.output)")
        let opened = try Stores.open(Workspace(folder: workspace.url))
        let images = try opened.attendanceHistory(of: "OLD").compactMap { event in
            event.evidence?.imageSHA256.map { (event.mark.participantID, $0) }
        }
        #expect(images.count == 3)
        for (person, sha) in images {
            #expect((try opened.signatureImage(sha256: sha) == nil) == (person == "P-0005"), "\(person)")
        }

        // The BPF of each year, as before; the chains verify, the purge among them.
        let after = try await Self.bpf("2025", store: store, in: workspace.url) + Self.bpf("2026", store: store, in: workspace.url)
        #expect(after == bpfs)
        let verified = await allervers("verify", "--store", store)
        #expect(verified.exitCode == 0, "\(verified.error)")
        #expect(verified.output.contains("Purges intact: 1 purge checked"), "\(verified.output)")

        // No one changes or enrols an anonymised person.
        for arguments in [["participant", "edit", "P-0002", "--first-name", "Mehdi"], ["session", "enrol", "SOUS", "P-0005"]] {
            let refused = await allervers(arguments + ["--store", store])
            #expect(refused.exitCode == 1, "\(refused.output)")
            #expect(refused.error.contains("was anonymised by purge 1"), "\(refused.error)")
        }
    }

    /// What a purge erased stays erased, nothing else of a certificate changes, and a row
    /// erased behind the tool's back, without a purge naming its person, fails `verify`.
    @Test func erasedRowsAreWrittenOnceAndNamedByTheirPurge() async throws {
        let workspace = try await Self.purgeable()
        let store = workspace.url.path
        let purged = await WorkClock.$fixed.withValue(try noon(Self.day)) {
            await allervers("purge", "--before", Self.day, "--store", store)
        }
        try #require(purged.exitCode == 0, "\(purged.error)")
        for sql in [
            "UPDATE certificate SET signedPayload = 'x' WHERE participantID = 'P-0002'",
            "UPDATE certificate SET attendedMinutes = 840 WHERE participantID = 'P-0002'",
            "UPDATE participantChange SET after = 'x' WHERE participantID = 'P-0002'",
            "UPDATE signatureImage SET data = 'AAAA' WHERE erasedIn IS NOT NULL",
            "UPDATE participant SET firstName = 'Mehdi' WHERE id = 'P-0002'",
            "DELETE FROM purge",
        ] {
            let refused = try TestDatabase.edit(workspaceAt: workspace.url, sqlite: sql, postgres: sql)
            #expect(refused.status != 0 && refused.output.contains("never"), "\(sql): \(refused.output)")
        }
        // The triggers let a first erasure through; verify sees whom no purge named.
        for (sql, table) in [
            ("UPDATE certificate SET signedPayload = '', credential = '', erasedIn = 1 WHERE participantID = 'P-0001'", "certificate"),
            ("UPDATE participant SET lastName = 'X', erasedIn = 1 WHERE id = 'P-0001'", "participant"),
        ] {
            #expect(try TestDatabase.edit(workspaceAt: workspace.url, sqlite: sql, postgres: sql).status == 0)
            let broken = await allervers("verify", "--store", store)
            #expect(broken.exitCode == 1)
            #expect(broken.error == "P-0001's details in \(table) were erased, but purge 1 does not name them", "\(broken.error)")
        }
        // Camille's drawing, which Mehdi's shares, wiped as if purge 1 had erased it.
        let wipe = "UPDATE signatureImage SET data = '', erasedIn = 1 WHERE erasedIn IS NULL"
        #expect(try TestDatabase.edit(workspaceAt: workspace.url, sqlite: wipe, postgres: wipe).status == 0)
        let wiped = await allervers("verify", "--store", store)
        #expect(wiped.exitCode == 1)
        #expect(wiped.error.contains("was erased, but purge 1 does not name everyone who signed with it"), "\(wiped.error)")
    }

    /// A funder's longer rule for one kind, and European funds, keep records longer.
    @Test func fundersAndEuropeanFundsKeepRecordsLonger() async throws {
        let workspace = try await Self.purgeable()
        let store = workspace.url.path
        // LYON was paid by an OPCO's skills plan: its follow-ups (Awa's) are kept 12 years.
        let set = await allervers("retention", "set", "follow-ups", "12", "--funder", "opco-skills-plan", "--store", store)
        #expect(set.exitCode == 0, "\(set.error)")
        #expect(set.output == "follow-ups: 12 years after the session ends, for the sessions opco-skills-plan paid for\n", "\(set.output)")
        let shown = await allervers("retention", "show", "--store", store)
        let rows = shown.output.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains("follow-ups every session 6 4") && rows.contains("follow-ups opco-skills-plan 12 4"), "\(shown.output)")
        try await WorkClock.$fixed.withValue(try noon(Self.day)) {
            let plan = try await Self.plan(store)
            #expect(plan.anonymised == ["P-0002"] && plan.within == 1, "\(plan)")
            // CROSS paid by European funds: Anne-Laure's and Sophie's records 10 years.
            let declared = await allervers("session", "declare", "CROSS", "--eu-funded", "yes", "--store", store)
            #expect(declared.exitCode == 0, "\(declared.error)")
            let european = try await Self.plan(store)
            #expect(european.anonymised == ["P-0002"] && european.within == 3, "\(european)")
        }
        // An obligation of the CCAS names a duplicate of Mehdi's, merged into him: it needs him.
        for arguments in [
            ["participant", "add", "--first-name", "M.", "--last-name", "Benali", "--employer", "CCAS de Villeurbanne"],
            ["obligation", "add", "--employer", "CCAS de Villeurbanne", "--title", "Suivi", "--course", "AV-FOND", "--person", "P-0007"],
            ["participant", "merge", "P-0002", "P-0007"],
        ] {
            let result = await allervers(arguments + ["--store", store])
            try #require(result.exitCode == 0, "\(arguments): \(result.error)")
        }
        try await WorkClock.$fixed.withValue(try noon(Self.day)) {
            let merged = try await Self.plan(store)
            #expect(merged.anonymised.isEmpty, "\(merged)")
        }
    }

    /// Who a dry run would anonymise, and how many are within retention.
    static func plan(_ store: String) async throws -> (anonymised: [String], within: Int) {
        let dry = await allervers("purge", "--before", day, "--dry-run", "--json", "--store", store)
        try #require(dry.exitCode == 0, "\(dry.error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(dry.output.utf8)) as? [String: Any])
        let anonymised = try #require(object["anonymised"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        return (anonymised, try #require(object["withinRetention"] as? Int))
    }

    @Test(arguments: [
        (
            ["purge", "--before", "2027-01-01"], 1,
            "the purge date 2027-01-01 is after today (2026-12-01): only records whose retention has ended are purged"
        ),
        (["purge", "--before", "2026-02-30"], 64, "\"2026-02-30\" is not a date that exists (YYYY-MM-DD)"),
        (
            ["retention", "set", "sign-in-sheets", "2"], 1,
            "2 years is shorter than the minimum for sign-in-sheets (4 years: a control or a Qualiopi audit may look back over the current year and the three before it)"
        ),
        (
            ["retention", "set", "certificates", "5", "--funder", "region"], 1,
            "a funder's rule only lengthens the retention: 5 years is not longer than the 6 years of every session"
        ),
        (["retention", "set", "pigeons", "6"], 64, "\"pigeons\" is not one of sign-in-sheets, certificates"),
        (["retention", "set", "certificates", "10", "--funder", "nobody"], 64, "--funder \"nobody\" is not a source of cadre C"),
    ])
    func badRetentionInputIsRefused(arguments: [String], status: Int32, message: String) async throws {
        let workspace = try await initialisedWorkspace()
        let result = await WorkClock.$fixed.withValue(try noon("2026-12-01")) {
            await allervers(arguments + ["--store", workspace.url.path])
        }
        #expect(result.exitCode == status, "\(result)")
        #expect(result.error.contains(message), "\(result.error)")
        #expect(result.error.split(separator: "\n").count == 1, "\(result.error)")
        let shown = await allervers("retention", "show", "--json", "--store", workspace.url.path)
        #expect(shown.output.contains("\"rules\" : [\n\n  ]"), "nothing written: \(shown.output)")
    }
}

/// A participant as `participant show --json` prints them, with their changes.
func participantJSON(_ id: String, store: String) async throws -> [String: Any] {
    let shown = await allervers("participant", "show", id, "--json", "--store", store)
    return try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any], "\(shown)")
}
