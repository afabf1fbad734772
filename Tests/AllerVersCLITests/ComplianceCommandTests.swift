import AllerVersCLI
import Foundation
import Testing
import TrainingTesting

/// Employers' obligations over a certified week, end to end: who is compliant, late or never
/// trained on a day, as the definitions of `Compliance.swift` say.
@Suite struct ComplianceCommandTests {
    struct Report: Decodable {
        struct Line: Decodable {
            struct Status: Decodable {
                struct Evidence: Decodable { let evidence: String }
                let state: String
                let due: String?
                let lateSince: String?
                let overdueSince: String?
                let evidence: Evidence?
            }
            let employerID: String
            let participantID: String
            let obligationID: String
            let status: Status
        }
        struct Count: Decodable {
            let employerID: String
            let profession: String?
            let states: [String: Int]
        }
        let lines: [Line]
        let counts: [Count]

        func line(_ participant: String, _ obligation: String) -> Line? {
            lines.first { $0.participantID == participant && $0.obligationID == obligation }
        }
    }

    func report(_ store: String, _ arguments: String...) async throws -> Report { try await report(store, arguments) }

    func report(_ store: String, _ arguments: [String]) async throws -> Report {
        let result = await allervers(["compliance", "--json", "--store", store] + arguments)
        try #require(result.exitCode == 0, "\(result.error)")
        return try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
    }

    func add(_ store: String, _ arguments: String...) async throws {
        let added = await allervers(["obligation", "add", "--store", store] + arguments)
        try #require(added.exitCode == 0, "\(added.error)")
    }

    @Test func staffAreCompliantLateOrNeverTrainedAsOfADay() async throws {
        let (workspace, store, _) = try await exportedWeek()
        defer { withExtendedLifetime(workspace) {} }
        // The week ended on 2026-03-13; P-0001 (hired 2025-09-01) and P-0002 (2024-01-15) work
        // for the CCAS de Villeurbanne.
        try await add(
            store, "--employer", "ccas de villeurbanne", "--title", "Aller-vers, socle", "--course", "AV-FOND", "--due-months", "12",
            "--validity", "36", "--grace", "30")
        let numbers = try await certificateNumbers("LYON", store: store)
        let before = try await report(store, "--as-of", "2026-12-31")
        for id in ["P-0001", "P-0002"] {
            let line = try #require(before.line(id, "O-0001"))
            #expect(line.status.state == "compliant" && line.status.due == "2029-03-13")
            #expect(line.status.evidence?.evidence == numbers[id])
        }
        // Three years on: due soon, then late, in grace, overdue.
        #expect(try await report(store, "--as-of", "2029-03-13").line("P-0001", "O-0001")?.status.state == "due-soon")
        let late = try #require(try await report(store, "--as-of", "2029-03-14").line("P-0001", "O-0001"))
        #expect(late.status.state == "in-grace" && late.status.lateSince == "2029-03-14" && late.status.overdueSince == "2029-04-13")
        #expect(try await report(store, "--as-of", "2029-04-13").line("P-0001", "O-0001")?.status.state == "overdue")

        // Reminders: on the first day due soon both enter it; the next day nobody new; every 7
        // days while it lasts; the first late day, in grace.
        let entered = await allervers("compliance", "reminders", "--as-of", "2029-02-12", "--json", "--store", store)
        #expect(entered.output.components(separatedBy: "\"entered due-soon\"").count - 1 == 2, "\(entered.output)")
        let quiet = await allervers("compliance", "reminders", "--as-of", "2029-02-13", "--store", store)
        #expect(quiet.output == "Nobody to remind on 2029-02-13.\n")
        let again = await allervers("compliance", "reminders", "--as-of", "2029-02-19", "--every", "7", "--json", "--store", store)
        #expect(again.output.components(separatedBy: "\"still due-soon after 7 days\"").count - 1 == 2, "\(again.output)")
        // Once a week: what entered since the last run, and every 14 days those still in it.
        let weekly = await allervers(
            "compliance", "reminders", "--as-of", "2029-02-18", "--since", "2029-02-11", "--json", "--store", store)
        #expect(weekly.output.components(separatedBy: "\"entered due-soon\"").count - 1 == 2, "\(weekly.output)")
        let nextWeek = await allervers(
            "compliance", "reminders", "--as-of", "2029-02-25", "--since", "2029-02-18", "--every", "14", "--store", store)
        #expect(nextWeek.output == "Nobody to remind on 2029-02-25.\n")
        let fortnight = await allervers(
            "compliance", "reminders", "--as-of", "2029-03-04", "--since", "2029-02-25", "--every", "14", "--json", "--store", store)
        #expect(fortnight.output.components(separatedBy: "\"still due-soon after 14 days\"").count - 1 == 2, "\(fortnight.output)")
        let csv = workspace.url.appendingPathComponent("rappels.csv")
        let graceStarts = await allervers("compliance", "reminders", "--as-of", "2029-03-14", "--csv", csv.path, "--store", store)
        #expect(graceStarts.exitCode == 0, "\(graceStarts.error)")
        let bytes = try Data(contentsOf: csv)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM, for French spreadsheets")
        let rows = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 3 && rows[0].hasPrefix("employer;participant;name;email;"), "\(rows)")
        #expect(rows.dropFirst().allSatisfy { $0.contains(";in-grace;2029-03-13;") && $0.hasSuffix(";entered in-grace") }, "\(rows)")
        // The first overdue day: both enter overdue; another employer has nobody to remind.
        let overdue = await allervers("compliance", "reminders", "--as-of", "2029-04-13", "--json", "--store", store)
        #expect(overdue.output.components(separatedBy: "\"entered overdue\"").count - 1 == 2, "\(overdue.output)")
        let elsewhere = await allervers("compliance", "reminders", "--as-of", "2029-04-13", "--employer", "Sauvegarde 69", "--store", store)
        #expect(elsewhere.output == "Nobody to remind on 2029-04-13.\n")
        // The matrix: people × obligations, a blank where one does not apply.
        try await add(
            store, "--employer", "E-0001", "--title", "Terrain", "--course", "AV-TERRAIN", "--role", "assistant de service social",
            "--due-months", "12")
        let matrix = await allervers("compliance", "matrix", "--employer", "E-0001", "--as-of", "2026-12-31", "--json", "--store", store)
        struct Matrix: Decodable {
            struct Row: Decodable {
                struct Cell: Decodable { let state: String }
                let participantID: String
                let statuses: [Cell?]
            }
            let rows: [Row]
        }
        let rowsByID = Dictionary(
            try JSONDecoder().decode(Matrix.self, from: Data(matrix.output.utf8)).rows.map {
                ($0.participantID, $0.statuses.map { $0?.state })
            },
            uniquingKeysWith: { first, _ in first })
        #expect(rowsByID["P-0002"] == ["compliant", "overdue"], "\(matrix.output)")
        #expect(rowsByID["P-0001"] == ["compliant", nil], "\(matrix.output)")
        // The report as CSV, through `compliance` alone.
        let reportCSV = workspace.url.appendingPathComponent("conformite.csv")
        #expect(await allervers("compliance", "--as-of", "2026-12-31", "--csv", reportCSV.path, "--store", store).exitCode == 0)
        #expect(
            String(decoding: try Data(contentsOf: reportCSV).dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter {
                !$0.isEmpty
            }.count == 4)
        // Only the counts: no line per person.
        let countsOnly = await allervers("compliance", "--counts", "--as-of", "2026-12-31", "--store", store)
        #expect(countsOnly.output.hasPrefix("EMPLOYER") && !countsOnly.output.contains("P-0001"), "\(countsOnly.output)")
        #expect(countsOnly.output.contains("CCAS de Villeurbanne"))
        // The report and the matrix as PDFs for an auditor: each line's words, the same bytes twice.
        let reportPDF = workspace.url.appendingPathComponent("conformite.pdf")
        let matrixPDF = workspace.url.appendingPathComponent("matrice.pdf")
        for _ in 0..<2 {
            let printed = await allervers(
                "compliance", "--employer", "E-0001", "--as-of", "2026-12-31", "--pdf", reportPDF.path, "--store", store)
            #expect(printed.exitCode == 0, "\(printed.error)")
            let drawn = await allervers(
                "compliance", "matrix", "--employer", "E-0001", "--as-of", "2026-12-31", "--pdf", matrixPDF.path, "--store", store)
            #expect(drawn.exitCode == 0, "\(drawn.error)")
        }
        let firstPrint = try Data(contentsOf: reportPDF)
        #expect(
            await allervers("compliance", "--employer", "E-0001", "--as-of", "2026-12-31", "--pdf", reportPDF.path, "--store", store)
                .exitCode
                == 0)
        #expect(try Data(contentsOf: reportPDF) == firstPrint, "the same report gives the same bytes")
        let printedText = try text(of: reportPDF)
        for phrase in [
            "SUIVI DES OBLIGATIONS DE FORMATION", "CCAS de Villeurbanne", "Situation au 31/12/2026", "ROUX Camille", "BENALI",
            "À jour", "13/03/2029", try #require(numbers["P-0001"]), "Pas encore dû", "jamais formé·e", "Effectifs par situation",
            "L'échéance est le dernier jour où la personne est à jour",
        ] {
            #expect(printedText.contains(phrase), "\(phrase) in \(printedText)")
        }
        let matrixText = try text(of: matrixPDF)
        #expect(matrixText.contains("MATRICE DE FORMATION") && matrixText.contains("O-0002 Terrain"), "\(matrixText)")
        #expect(matrixText.contains("non concerné·e") && matrixText.contains("En dépassement"), "\(matrixText)")

        // A revoked certificate no longer counts: never trained, due a year after the hire.
        let number = try #require(numbers["P-0001"])
        #expect(await allervers("certificate", "revoke", number, "--reason", "erreur", "--store", store).exitCode == 0)
        let revoked = try #require(try await report(store, "--as-of", "2026-12-31").line("P-0001", "O-0001"))
        #expect(revoked.status.state == "overdue" && revoked.status.evidence == nil)
        #expect(revoked.status.lateSince == "2026-09-02" && revoked.status.overdueSince == "2026-10-02")

        // Counts add up: per employer to its lines, per profession to the employer's.
        let counts = try await report(store, "--as-of", "2026-12-31")
        for total in counts.counts where total.profession == nil {
            let lines = counts.lines.filter { $0.employerID == total.employerID }.count
            #expect(total.states.values.reduce(0, +) == lines)
            let byProfession = counts.counts.filter { $0.employerID == total.employerID && $0.profession != nil }
            #expect(byProfession.map { $0.states.values.reduce(0, +) }.reduce(0, +) == lines)
        }
    }

    /// Someone who leaves is in their former employer's report for the days they were there,
    /// and their certificate counts for the next one.
    @Test func aPersonWhoChangesEmployerTakesTheirCertificates() async throws {
        let (workspace, store, _) = try await exportedWeek()
        defer { withExtendedLifetime(workspace) {} }
        try await add(store, "--employer", "CCAS de Villeurbanne", "--title", "Socle", "--course", "AV-FOND", "--validity", "36")
        try await add(store, "--employer", "Sauvegarde 69", "--title", "Socle", "--course", "AV-FOND", "--validity", "36")
        let moved = await allervers(
            "participant", "edit", "P-0002", "--employer", "Sauvegarde 69", "--hire-date", "2027-01-01", "--store", store)
        try #require(moved.exitCode == 0, "\(moved.error)")
        #expect(try await report(store, "--as-of", "2026-12-31").line("P-0002", "O-0001")?.status.state == "compliant")
        let after = try await report(store, "--as-of", "2027-01-01")
        #expect(after.line("P-0002", "O-0001") == nil)
        let there = try #require(after.line("P-0002", "O-0002"))
        #expect(there.employerID == "E-0002" && there.status.state == "compliant" && there.status.due == "2029-03-13")
        // Only one employer's report; the one they left still counts their certificate on their days there.
        let one = try await report(store, "--as-of", "2027-01-01", "--employer", "E-0001")
        #expect(!one.lines.isEmpty && one.lines.allSatisfy { $0.employerID == "E-0001" })
        let before = try await report(store, "--as-of", "2026-12-31", "--employer", "E-0001")
        #expect(before.line("P-0002", "O-0001")?.status.state == "compliant" && before.line("P-0002", "O-0001")?.status.due == "2029-03-13")
        // The counts alone, reckoned without a line per person, are the report's: the person
        // who left counted in the employer they left on their days there.
        for arguments in [["--as-of", "2026-12-31"], ["--as-of", "2026-12-31", "--employer", "E-0001"], ["--as-of", "2027-01-01"]] {
            struct Counts: Decodable { let counts: [Report.Count] }
            let alone = await allervers(["compliance", "--counts", "--json", "--store", store] + arguments)
            let counts = try JSONDecoder().decode(Counts.self, from: Data(alone.output.utf8)).counts
            let full = try await report(store, arguments)
            #expect(counts.map(\.employerID) == full.counts.map(\.employerID), "\(arguments)")
            #expect(counts.map(\.profession) == full.counts.map(\.profession), "\(arguments)")
            #expect(counts.map(\.states) == full.counts.map(\.states), "\(arguments)")
            // P-0001, and P-0002 who left on the 31st.
            let villeurbanne = counts.first { $0.employerID == "E-0001" && $0.profession == nil }?.states.values.reduce(0, +)
            #expect(villeurbanne == (arguments[1] == "2026-12-31" ? 2 : 1), "\(arguments)")
        }
    }

    /// Training done elsewhere counts once verified (or where the rule accepts it unverified);
    /// an exemption keeps someone from being late; and a report as known on a day comes out
    /// the same after a back-dated record is added.
    @Test func aChangedRuleGovernsNewPeriodsUnlessAppliedToExistingOnes() async throws {
        let (workspace, store, _) = try await exportedWeek()
        defer { withExtendedLifetime(workspace) {} }
        // Certified on 2026-03-13, P-0001 and P-0002 are compliant until 2029-03-13.
        try await WorkClock.$fixed.withValue(try noon("2026-12-01")) {
            try await add(
                store, "--employer", "E-0001", "--title", "Aller-vers, socle", "--course", "AV-FOND", "--due-months", "12", "--validity",
                "36", "--grace", "30")
        }
        let untouched = try storeBytes(workspace)
        await WorkClock.$fixed.withValue(try noon("2027-01-10")) {
            let dry = await allervers(
                "obligation", "edit", "O-0001", "--validity", "24", "--due-months", "6", "--dry-run", "--store", store)
            #expect(dry.exitCode == 0, "\(dry.error)")
            #expect(dry.output.contains("it would change the status of 0 of the 2 periods under way now"), "\(dry.output)")
            #expect(dry.output.contains("2 keep the rule they began under; --apply-to-existing would change the status of 2 of them"))
        }
        #expect(try storeBytes(workspace) == untouched, "a dry run writes nothing")
        await WorkClock.$fixed.withValue(try noon("2027-01-10")) {
            let edited = await allervers("obligation", "edit", "O-0001", "--validity", "24", "--due-months", "6", "--store", store)
            #expect(edited.output.hasPrefix("Recorded version 2 of O-0001 for the periods that begin from 2027-01-10"), "\(edited.error)")
            // A newcomer's period begins after the change: the new rule's six months.
            let hired = await allervers(
                "participant", "add", "--first-name", "Nina", "--last-name", "Garnier", "--employer", "CCAS de Villeurbanne", "--hire-date",
                "2027-02-01", "--store", store)
            #expect(hired.exitCode == 0, "\(hired.error)")
        }
        let kept = try await report(store, "--as-of", "2027-09-01")
        #expect(kept.line("P-0001", "O-0001")?.status.due == "2029-03-13", "the period under way keeps 36 months")
        let newcomer = try #require(kept.line("P-0007", "O-0001"))
        #expect(newcomer.status.state == "overdue" && newcomer.status.due == "2027-08-01")
        // As known before the change, the first rule (12 months after the hire).
        let before = try await report(store, "--as-of", "2027-09-01", "--known-at", "2027-01-09")
        #expect(
            before.line("P-0007", "O-0001")?.status.due == "2028-02-01" && before.line("P-0007", "O-0001")?.status.state == "not-yet-due")
        // The same rule, now for every period: the two periods under way change, not the newcomer's.
        await WorkClock.$fixed.withValue(try noon("2027-02-10")) {
            let widened = await allervers("obligation", "edit", "O-0001", "--apply-to-existing", "--store", store)
            #expect(
                widened.output == "Recorded version 3 of O-0001 for every period: it changes the status of 2 of the 3 periods under way.\n",
                "\(widened.error)")
        }
        let applied = try await report(store, "--as-of", "2027-09-01")
        #expect(
            applied.line("P-0001", "O-0001")?.status.due == "2028-03-13" && applied.line("P-0007", "O-0001")?.status.due == "2027-08-01")
        struct Shown: Decodable {
            struct Version: Decodable {
                let number: Int
                let appliesFrom: String?
            }
            let history: [Version]
        }
        let shown = await allervers("obligation", "show", "O-0001", "--json", "--store", store)
        let history = try JSONDecoder().decode(Shown.self, from: Data(shown.output.utf8)).history
        #expect(history.map(\.number) == [1, 2, 3] && history.map(\.appliesFrom) == [nil, "2027-01-10", nil], "\(shown.output)")
        let again = await allervers("obligation", "edit", "O-0001", "--apply-to-existing", "--store", store)
        #expect(again.exitCode != 0 && again.error.contains("nothing to change"), "\(again.output)")
    }

    @Test func anObligationDueAfterTakingTheRoleCountsFromTheRole() async throws {
        let (workspace, store, _) = try await exportedWeek()
        defer { withExtendedLifetime(workspace) {} }
        try await add(
            store, "--employer", "E-0001", "--title", "Encadrement", "--course", "AV-TERRAIN", "--role", "Cheffe de service",
            "--due-months",
            "6", "--after", "role", "--lead", "30")
        // P-0001, hired on 2025-09-01, became head of department on 2026-10-01.
        let edited = await allervers(
            "participant", "edit", "P-0001", "--profession", "cheffe de service", "--role-since", "2026-10-01", "--store", store)
        #expect(edited.output.contains("P-0001 role since: — → 2026-10-01"), "\(edited.error)")
        let line = try #require(try await report(store, "--as-of", "2027-03-15").line("P-0001", "O-0001"))
        #expect(line.status.state == "due-soon" && line.status.due == "2027-04-01")
        // A role that would begin before the hire is refused.
        let refused = await allervers("participant", "edit", "P-0001", "--role-since", "2025-01-01", "--store", store)
        #expect(refused.exitCode != 0 && refused.error.contains("before the hire"), "\(refused.error)")
        await WorkClock.$fixed.withValue(try noon("2026-12-01")) {
            // Weighing a change counts the certificates of the course it adds (P-0001 holds AV-FOND's).
            let weighed = await allervers("obligation", "edit", "O-0001", "--course", "AV-FOND", "--dry-run", "--store", store)
            #expect(
                weighed.output.contains("it would change the status of 1 of the 1 period under way now"),
                "\(weighed.output)\(weighed.error)")
            // A bad rule is refused before anything is weighed.
            let bad = await allervers("obligation", "edit", "O-0001", "--course", "NOPE", "--dry-run", "--store", store)
            #expect(bad.exitCode != 0 && bad.error.contains("no course NOPE"), "\(bad.error)")
            // A new title alone is no new version of the rule.
            let renamed = await allervers("obligation", "edit", "O-0001", "--title", "Encadrement de proximité", "--store", store)
            #expect(renamed.output == "Renamed O-0001: Encadrement de proximité (the rule does not change)\n", "\(renamed.error)")
            let shown = await allervers("obligation", "show", "O-0001", "--json", "--store", store)
            #expect(shown.output.contains("\"title\" : \"Encadrement de proximité\"") && !shown.output.contains("\"number\" : 2"))
            // Moving to another employer with a new hire date: the role date stays with the job left.
            let moved = await allervers(
                "participant", "edit", "P-0001", "--employer", "Sauvegarde 69", "--hire-date", "2027-06-01", "--store", store)
            #expect(moved.exitCode == 0, "\(moved.error)")
            #expect(moved.output.contains("P-0001 role since: 2026-10-01 → —"), "\(moved.output)")
        }
        let formerly = try #require(try await report(store, "--as-of", "2027-03-15", "--employer", "E-0001").line("P-0001", "O-0001"))
        #expect(formerly.status.due == "2027-04-01", "counted from the role date of the job left")
    }

    @Test func trainingElsewhereExemptionsAndTheReportAsKnownThen() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path
        // P-0005 and P-0006 work for the Maison de la Métropole; the obligation names another
        // provider's course, due by the end of 2026.
        try await WorkClock.$fixed.withValue(try noon("2027-01-10")) {
            try await add(
                store, "--employer", "Maison de la Métropole, Lyon 8e", "--title", "Aller-vers", "--external",
                "IRTS Hauts-de-France|L'aller-vers",
                "--due-on", "2026-12-31", "--validity", "36")
        }
        // Recorded today, the obligation makes everyone it finds late enter overdue today.
        let reminded = await allervers("compliance", "reminders", "--as-of", "2027-01-10", "--json", "--store", store)
        #expect(reminded.output.components(separatedBy: "\"entered overdue\"").count - 1 == 2, "\(reminded.output)")
        let first = await allervers(["compliance", "--json", "--store", store, "--as-of", "2027-02-01"])
        let before = try JSONDecoder().decode(Report.self, from: Data(first.output.utf8))
        #expect(before.line("P-0006", "O-0001")?.status.state == "overdue")
        let scan = try workspace.file("attestation.pdf", "%PDF-1.4 attestation de formation")
        await WorkClock.$fixed.withValue(try noon("2027-03-01")) {
            let declared = await allervers(
                "external", "add", "P-0006", "--provider", "IRTS  hauts-de-france", "--title", "L'aller-vers", "--date", "2026-06-20",
                "--hours",
                "14", "--file", scan.path, "--store", store)
            #expect(declared.output.contains("X-0001") && declared.output.contains("(self-declared)"), "\(declared.error)")
            let verified = await allervers(
                "external", "add", "P-0005", "--provider", "IRTS Hauts-de-France", "--title", "L'aller-vers", "--date", "2026-06-20",
                "--hours",
                "14", "--verified-by", "Claire Martin", "--store", store)
            #expect(verified.exitCode == 0, "\(verified.error)")
            let exempt = await allervers(
                "exemption", "add", "P-0006", "--from", "2026-12-01", "--until", "2027-06-30", "--reason", "congé parental", "--store",
                store)
            #expect(exempt.exitCode == 0, "\(exempt.error)")
        }
        let listed = await allervers("external", "list", "P-0006", "--json", "--store", store)
        // The digest as coreutils computes it, not as the tool does.
        let sha256sum = Process()
        sha256sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sha256sum.arguments = [scan.path]
        let pipe = Pipe()
        sha256sum.standardOutput = pipe
        try sha256sum.run()
        let digest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        sha256sum.waitUntilExit()
        #expect(digest.count == 64 && listed.output.contains("\"fileSHA256\" : \"\(digest)\""), "\(listed.output)")
        // The scan shown later is checked against the digest kept; another file is not the evidence.
        let same = await allervers("external", "show", "X-0001", "--check", scan.path, "--store", store)
        #expect(same.exitCode == 0 && same.output.contains("is the evidence recorded for X-0001"), "\(same.error)")
        let other = try workspace.file("autre.pdf", "%PDF-1.4 autre chose")
        let differs = await allervers("external", "show", "X-0001", "--check", other.path, "--store", store)
        #expect(differs.exitCode == 1 && differs.error.contains("is not the evidence recorded for X-0001"), "\(differs.error)")
        let unknown = await allervers("external", "show", "X-0009", "--store", store)
        #expect(unknown.exitCode != 0 && unknown.error.contains("X-0009"), "\(unknown.error)")
        let now = try await report(store, "--as-of", "2027-02-01")
        let verified = try #require(now.line("P-0005", "O-0001"))
        #expect(
            verified.status.state == "compliant" && verified.status.evidence?.evidence == "X-0002" && verified.status.due == "2029-06-20")
        // Self-declared: it does not count; the exemption (which the due date falls within) does.
        #expect(now.line("P-0006", "O-0001")?.status.state == "exempt")
        let after = try #require(try await report(store, "--as-of", "2027-07-01").line("P-0006", "O-0001"))
        #expect(after.status.state == "overdue" && after.status.lateSince == "2027-07-01" && after.status.evidence == nil)
        // As known at the end of January, the report is the one printed then.
        let replayed = await allervers(["compliance", "--json", "--store", store, "--as-of", "2027-02-01", "--known-at", "2027-01-31"])
        #expect(replayed.output == first.output)
        #expect(try await report(store, "--as-of", "2027-02-01", "--known-at", "2027-01-09").lines.isEmpty)
    }

    @Test(arguments: [
        (["P-0001", "--provider", "P", "--title", "T", "--date", "2099-01-01", "--hours", "7"], "2099-01-01 is in the future"),
        (["P-0001", "--provider", "P", "--title", "T", "--date", "2025-01-01", "--hours", "sept"], "\"sept\" is not a number of hours"),
        (
            ["P-0001", "--provider", "P", "--title", "T", "--date", "2025-01-01", "--hours", "7", "--file", "/nonexistent.pdf"],
            "/nonexistent.pdf: no such file"
        ),
        (
            ["P-0001", "--provider", "P", "--title", "T", "--date", "2025-01-01", "--hours", "7", "--counts-as", "AV-NOPE"],
            "no course AV-NOPE"
        ),
        (["P-0099", "--provider", "P", "--title", "T", "--date", "2025-01-01", "--hours", "7"], "no participant P-0099"),
    ])
    func badTrainingElsewhereIsRefusedAndChangesNothing(arguments: [String], expected: String) async throws {
        let workspace = try await weekWorkspace()
        let before = try storeBytes(workspace)
        let result = await allervers(["external", "add", "--store", workspace.url.path] + arguments)
        #expect(result.exitCode != 0)
        #expect(result.error.contains(expected), "\(result.error)")
        #expect(try storeBytes(workspace) == before)
    }

    @Test(arguments: [
        (["--employer", "CCAS de Villeurbanne", "--title", "T", "--course", "AV-NOPE"], "no course AV-NOPE in the workspace"),
        (["--employer", "CCAS de Lyon", "--title", "T", "--course", "AV-FOND"], "no employer CCAS de Lyon in the workspace"),
        (
            ["--employer", "E-0001", "--title", "T", "--course", "AV-FOND", "--validity", "1", "--grace", "45"],
            "a grace period of 45 days is longer than the validity of 1 months"
        ),
        (["--employer", "E-0001", "--title", "T"], "name what satisfies it: --course or --external"),
        (["--employer", "E-0001", "--title", "T", "--course", "AV-FOND", "--due-on", "2026-02-30"], "\"2026-02-30\" is not a date"),
    ])
    func aBadObligationIsRefusedAndChangesNothing(arguments: [String], expected: String) async throws {
        let workspace = try await weekWorkspace()
        let before = try storeBytes(workspace)
        let result = await allervers(["obligation", "add", "--store", workspace.url.path] + arguments)
        #expect(result.exitCode != 0)
        #expect(result.error.contains(expected), "\(result.error)")
        #expect(!result.error.trimmingCharacters(in: .newlines).contains("\n"))
        #expect(try storeBytes(workspace) == before)
        let day = await allervers("compliance", "--as-of", "2026-13-01", "--store", workspace.url.path)
        #expect(day.exitCode != 0 && day.error.contains("\"2026-13-01\" is not a date"))
    }
}
