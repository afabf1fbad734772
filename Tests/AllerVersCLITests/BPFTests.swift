import Foundation
import Testing
import TrainingTesting

/// The BPF of a fixed data set whose figures were computed by hand:
///
/// - LYON (AV-FOND, 12–13 March 2026, four half-days of 3 h 30), trained by Claire Martin (of
///   the organisation) and Bruno Leroy (external): P-0001 840 min, P-0002 820 (20 late),
///   P-0003 840, P-0004 630 (excused one afternoon), P-0005 630 (absent one morning). The
///   CCAS and the Métropole are public bodies (their staff: F-1 e), Sauvegarde 69 an
///   association (F-1 a). Income: 4,200.00 € from an OPCO's skills plan (C 2h).
/// - CROSS (AV-FOND, 18 December 2025 and 8 January 2026, 3 h 30 each, the second held
///   remotely), handed to another organisation whose Inès Haddad trained it (so external,
///   whatever the records say of her): P-0003 (a) and P-0006 (e) at both; each year counts
///   both, with 210 min each, in F-1 and again in F-2.
/// - SOUS (AV-FOND, 15–16 June 2026), delivered for the IRTS as its subcontractor: P-0001 and
///   P-0006 at every half-day, 840 min each, in G only. Income: 3,000.50 € (C 10).
///
/// 2026: F-1 a 3 trainees 1,680 min (P-0003 840 + 210, P-0004 630), e 4 trainees 2,500 min
/// (840 + 820 + 630 + 210); total 7, 4,180 min, as F-3 d and F-4 332; F-2 2, 420 min. G 2,
/// 1,680 min. E: the organisation's 1 person 1,680 min (Claire 840 + 840), external 2 people
/// 1,050 min (Bruno 840, Inès 210).
/// B: 2 trainees remotely. C: 2h 4,200.00, 10 3,000.50, total 7,200.50.
@Suite struct BPFTests {
    static func dataSet() async throws -> TemporaryFolder {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let slots = workspace.url.appendingPathComponent("cross.csv")
        try "date;start;end;modules;remote\n2025-12-18;09:00;12:30;M1;\n2026-01-08;09:00;12:30;M2;classe virtuelle, présence relevée\n"
            .write(to: slots, atomically: true, encoding: .utf8)
        for arguments in [
            ["course", "import", Fixtures.courses.path],
            ["participant", "import", Fixtures.courses.appendingPathComponent("examples/participants.csv").path],
            ["employer", "edit", "CCAS de Villeurbanne", "--kind", "public-body"],
            ["employer", "edit", "Maison de la Métropole, Lyon 8e", "--kind", "public-body"],
            ["employer", "edit", "Sauvegarde 69", "--kind", "association"],
            ["trainer", "set", "Claire Martin"],
            ["trainer", "set", "Inès Haddad"],
            ["trainer", "set", "Bruno Leroy", "--external"],
            [
                "session", "plan", "AV-FOND", "--start", "2026-03-12", "--id", "LYON", "--room", "Salle Rhône", "--address",
                "3 quai Perrache, 69002 Lyon", "--trainer", "Claire Martin", "--trainer", "Bruno Leroy", "--capacity", "5",
            ],
            ["session", "enrol", "LYON", "P-0001", "P-0002", "P-0003", "P-0004", "P-0005"],
            ["attendance", "record", "LYON", "--slot", "2026-03-12-am", "--late", "P-0002:20", "--others-present"],
            ["attendance", "record", "LYON", "--slot", "2026-03-12-pm", "--excused", "P-0004:rendez-vous médical", "--others-present"],
            ["attendance", "record", "LYON", "--slot", "2026-03-13-am", "--absent", "P-0005", "--others-present"],
            ["attendance", "record", "LYON", "--slot", "2026-03-13-pm", "--others-present"],
            ["session", "declare", "LYON", "--funding", "opco-skills-plan=4200", "--payer", "OPCO Santé"],
            [
                "session", "plan", "AV-FOND", "--slots", slots.path, "--allow-partial", "--id", "CROSS", "--room", "Salle Saône",
                "--address", "3 quai Perrache, 69002 Lyon", "--trainer", "Inès Haddad",
            ],
            ["session", "enrol", "CROSS", "P-0003", "P-0006"],
            ["session", "declare", "CROSS", "--handed-to", "Formations Rhône"],
            ["attendance", "record", "CROSS", "--slot", "2025-12-18-am", "--others-present"],
            ["attendance", "record", "CROSS", "--slot", "2026-01-08-am", "--others-present"],
            [
                "session", "plan", "AV-FOND", "--start", "2026-06-15", "--id", "SOUS", "--room", "Salle Rhône", "--address",
                "3 quai Perrache, 69002 Lyon", "--trainer", "Claire Martin",
            ],
            ["session", "enrol", "SOUS", "P-0001", "P-0006"],
            ["session", "declare", "SOUS", "--delivered-for", "IRTS Hauts-de-France", "--funding", "training-organisation=3000,50"],
        ] {
            let result = await allervers(arguments + ["--store", store])
            try #require(result.exitCode == 0, "\(arguments): \(result.error)")
        }
        for slot in ["2026-06-15-am", "2026-06-15-pm", "2026-06-16-am", "2026-06-16-pm"] {
            let result = await allervers("attendance", "record", "SOUS", "--slot", slot, "--others-present", "--store", store)
            try #require(result.exitCode == 0, "\(result.error)")
        }
        return workspace
    }

    /// One line of the CSV: cadre;line → (people, hours, euros).
    static func figures(_ csv: String) -> [String: [String]] {
        var figures: [String: [String]] = [:]
        for line in csv.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            figures[fields[0] + " " + fields[1]] = Array(fields.suffix(3))
        }
        return figures
    }

    @Test func theHandComputedFiguresOfTheYear() async throws {
        let workspace = try await Self.dataSet()
        let store = workspace.url.path
        let csv = workspace.url.appendingPathComponent("bpf.csv")
        let report = await allervers("report", "bpf", "--year", "2026", "--strict", "--csv", csv.path, "--store", store)
        #expect(report.exitCode == 0, "\(report.output)\(report.error)")
        let figures = Self.figures(try String(contentsOf: csv, encoding: .utf8))
        // [people, hours, euros]
        #expect(figures["C 2h"] == ["", "", "4200.00"])
        #expect(figures["C 10"] == ["", "", "3000.50"])
        #expect(figures["C 1"] == ["", "", "0.00"])
        #expect(figures["C total"] == ["", "", "7200.50"])
        #expect(figures["E 1"] == ["1", "28", ""])
        #expect(figures["E 2"] == ["2", "17.50", ""])
        #expect(figures["F-1 a"] == ["3", "28", ""])
        #expect(figures["F-1 e"] == ["4", "41.67", ""])
        #expect(figures["F-1 b"] == ["0", "0", ""])
        #expect(figures["F-1 (1)"] == ["7", "69.67", ""])
        #expect(figures["F-2 (2)"] == ["2", "7", ""])
        #expect(figures["F-3 d"] == ["7", "69.67", ""])
        #expect(figures["F-3 (3)"] == ["7", "69.67", ""])
        #expect(figures["F-4 332"] == ["7", "69.67", ""])
        #expect(figures["F-4 (4)"] == ["7", "69.67", ""])
        #expect(figures["G (5)"] == ["2", "28", ""])
        #expect(report.output.contains("wholly or partly at a distance: yes (2 trainees)"), "\(report.output)")
        #expect(!report.output.contains("Missing from the records"), "\(report.output)")

        // The PDF, by cadre in the form's order.
        let pdf = workspace.url.appendingPathComponent("bpf.pdf")
        #expect(await allervers("report", "bpf", "--year", "2026", "--pdf", pdf.path, "--store", store).exitCode == 0)
        let printed = try text(of: pdf).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let headings = [
            "C. Bilan financier", "E. Personnes dispensant", "F-1. Type de stagiaires", "F-2. Dont activité", "F-3. Objectif général",
            "F-4. Spécialités", "G. Stagiaires dont",
        ]
        let positions = headings.compactMap { printed.range(of: $0)?.lowerBound }
        #expect(positions.count == headings.count && positions == positions.sorted(), "\(printed)")
        #expect(printed.contains("332 Travail social 7 69.67"), "\(printed)")
        #expect(printed.contains("2h du plan de développement des compétences ou d'autres dispositifs 4200.00"), "\(printed)")
        #expect(printed.contains("Cadre B — formation dispensée en tout ou partie à distance : oui (2 stagiaire"), "\(printed)")

        // The totals of F-1, F-3 and F-4 are equal, in the JSON too.
        let json = await allervers("report", "bpf", "--year", "2026", "--json", "--store", store)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let totals = ["traineesTotal", "objectivesTotal", "specialitiesTotal"].map { key in
            (object[key] as? [String: Any]).map { "\($0["people"] ?? "") \($0["minutes"] ?? "")" }
        }
        #expect(totals == ["7 4180", "7 4180", "7 4180"])

        // The year before: the first half-day of CROSS only, and no income.
        let before = await allervers("report", "bpf", "--from", "2025-01-01", "--to", "2025-12-31", "--csv", csv.path, "--store", store)
        #expect(before.exitCode == 0, "\(before.error)")
        let previous = Self.figures(try String(contentsOf: csv, encoding: .utf8))
        #expect(previous["F-1 (1)"] == ["2", "7", ""])
        #expect(previous["F-1 a"] == ["1", "3.50", ""])
        #expect(previous["E 1"] == ["0", "0", ""])
        #expect(previous["E 2"] == ["1", "3.50", ""])
        #expect(previous["F-2 (2)"] == ["2", "7", ""])
        #expect(previous["C total"] == ["", "", ""])
        #expect(before.output.contains("Cadre C: no amount recorded"), "\(before.output)")
    }

    /// A corrected mark changes F-1's hours by exactly the half-day's length.
    @Test func oneRecordChangesTheHoursByItsHalfDay() async throws {
        let workspace = try await Self.dataSet()
        let store = workspace.url.path
        let corrected = await allervers(
            "attendance", "record", "LYON", "--slot", "2026-03-13-am", "--present", "P-0005", "--reason", "feuille retrouvée", "--store",
            store)
        #expect(corrected.exitCode == 0, "\(corrected.error)")
        let json = await allervers("report", "bpf", "--year", "2026", "--json", "--store", store)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["traineesTotal"] as? [String: Any])?["minutes"] as? Int == 4180 + 210)
    }

    /// What the records lack is listed; --strict makes it an error; a year without activity
    /// gives zeros and says so.
    @Test func missingDataAndAnEmptyYear() async throws {
        let workspace = try await Self.dataSet()
        let store = workspace.url.path
        for arguments in [
            [
                "session", "plan", "AV-FOND", "--start", "2026-09-14", "--id", "SEPT", "--room", "Salle Rhône", "--address",
                "3 quai Perrache, 69002 Lyon", "--trainer", "Nadia Chérif",
            ],
            ["session", "enrol", "SEPT", "P-0002"],
            ["attendance", "record", "SEPT", "--slot", "2026-09-14-am", "--others-present"],
            [
                "session", "plan", "AV-FOND", "--start", "2026-10-05", "--id", "OCT", "--room", "Salle Rhône", "--address",
                "3 quai Perrache, 69002 Lyon", "--trainer", "Claire Martin",
            ],
        ] {
            let result = await allervers(arguments + ["--store", store])
            try #require(result.exitCode == 0, "\(arguments): \(result.error)")
        }
        let lax = await allervers("report", "bpf", "--year", "2026", "--store", store)
        #expect(lax.exitCode == 0)
        #expect(lax.output.contains("trainer Nadia Chérif is not recorded as of the organisation or external"), "\(lax.output)")
        #expect(lax.output.contains("session OCT has half-days in the period but no hours attended"), "\(lax.output)")
        let strict = await allervers("report", "bpf", "--year", "2026", "--strict", "--store", store)
        #expect(strict.exitCode == 1)

        let empty = await allervers("report", "bpf", "--year", "2019", "--json", "--store", store)
        #expect(empty.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(empty.output.utf8)) as? [String: Any])
        #expect((object["traineesTotal"] as? [String: Any])?["people"] as? Int == 0)
        let table = await allervers("report", "bpf", "--year", "2019", "--store", store)
        #expect(table.output.contains("No training was delivered in the period: the form's figures are zeros."), "\(table.output)")
    }

    @Test(arguments: [
        (["--year", "2026", "--from", "2026-01-01", "--to", "2026-12-31"], "name the year with --year"),
        (["--from", "2026-01-01"], "name the year with --year"),
        (["--from", "2026-07-01", "--to", "2026-06-30"], "--to 2026-06-30 is before --from 2026-07-01"),
    ])
    func badPeriodsAreRefused(arguments: [String], message: String) async throws {
        let workspace = try await initialisedWorkspace()
        let result = await allervers(["report", "bpf", "--store", workspace.url.path] + arguments)
        #expect(result.exitCode == 64)
        #expect(result.error.contains(message), "\(result.error)")
    }

    /// A declaration changes only what it names; what the store refuses changes nothing.
    @Test func declaringAgainChangesOnlyWhatItNames() async throws {
        let workspace = try await Self.dataSet()
        let store = workspace.url.path
        let kind = await allervers(
            "session", "declare", "LYON", "--trainee-kind", "camille.roux@ccas-villeurbanne.example=job-seeker", "--store", store)
        #expect(kind.exitCode == 0, "\(kind.error)")
        let csv = workspace.url.appendingPathComponent("bpf.csv")
        #expect(await allervers("report", "bpf", "--year", "2026", "--csv", csv.path, "--store", store).exitCode == 0)
        var figures = Self.figures(try String(contentsOf: csv, encoding: .utf8))
        #expect(figures["C 2h"] == ["", "", "4200.00"])
        #expect(figures["F-1 c"] == ["1", "14", ""])
        #expect(figures["F-1 e"] == ["3", "27.67", ""])

        for (arguments, message) in [
            (["--handed-to", "Formations Rhône"], "a session is delivered for another organisation or handed to one, not both"),
            (["--trainee-kind", "P-0005=apprentice"], "P-0005"),
        ] {
            let refused = await allervers(["session", "declare", "SOUS", "--store", store] + arguments)
            #expect(refused.exitCode == 1, "\(refused.output)")
            #expect(refused.error.contains(message), "\(refused.error)")
        }
        let cleared = await allervers("session", "declare", "LYON", "--trainee-kind", "P-0001=none", "--store", store)
        #expect(cleared.exitCode == 0, "\(cleared.error)")
        #expect(await allervers("report", "bpf", "--year", "2026", "--csv", csv.path, "--store", store).exitCode == 0)
        figures = Self.figures(try String(contentsOf: csv, encoding: .utf8))
        #expect(figures["F-1 c"] == ["0", "0", ""])
        #expect(figures["G (5)"] == ["2", "28", ""])
    }

    @Test(arguments: [
        (["--funding", "opco=100"], "--funding takes SOURCE=EUROS"),
        (["--funding", "state=cent"], "\"cent\" is not an amount in euros"),
        (["--funding", "state=12.345"], "\"12.345\" is not an amount in euros"),
        (["--funding", "state=92233720368547758"], "\"92233720368547758\" is not an amount in euros"),
        (["--eu-funded", "peut-être"], "--eu-funded takes yes or no"),
        ([], "name what the session declares"),
        (["--trainee-kind", "P-0001=stagiaire"], "\"stagiaire\" is not one of"),
    ])
    func badDeclarationsAreRefused(arguments: [String], message: String) async throws {
        let workspace = try await weekWorkspace()
        let result = await allervers(["session", "declare", "LYON", "--store", workspace.url.path] + arguments)
        #expect(result.exitCode == 64, "\(result.output)")
        #expect(result.error.contains(message), "\(result.error)")
        let history = await allervers("session", "show", "LYON", "--store", workspace.url.path)
        #expect(!history.output.contains("funding"), "\(history.output)")
    }
}
