import Foundation
import Testing
import TrainingTesting

/// A group's assessment results from the spreadsheet the trainer filled in, in French; and
/// a warning before an attestation prints an objective "non évalué".
@Suite struct ProgressImportTests {
    @Test func aGroupsResultsAreImportedAllOrNothingAndGapsAreWarnedOf() async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        // Only O3 of P-0001 is assessed: every eligible person's attestation would have gaps.
        let before = await allervers("certify", "LYON", "--dry-run", "--store", store)
        #expect(
            before.output.contains(
                "Warning: LYON: P-0001's attestation would print \"non évalué\" for O1, O2, O4, O5: it must state the assessment's results (L6353-1)"
            ), "\(before.output)")
        #expect(before.output.contains("Warning: LYON: P-0002's attestation would print \"non évalué\" for O1, O2, O3, O4, O5"))

        let file = workspace.url.appendingPathComponent("evaluations.csv")
        func importing(_ text: String) async throws -> CommandResult {
            try Data(("\u{FEFF}" + text).utf8).write(to: file)
            return await allervers("progress", "import", "LYON", file.path, "--store", store)
        }
        let progressBefore = await allervers("progress", "show", "LYON", "--json", "--store", store).output
        // A level that is none, an objective the course lacks, someone waiting: the line, nothing recorded.
        let refusals = [
            ("Stagiaire;Objectif;Évaluation\nP-0001;O1;acquis\nP-0001;O2;bof\n", "evaluations.csv:3: \"bof\" is not a level"),
            ("Stagiaire;Objectif;Évaluation\nP-0001;O9;acquis\n", "evaluations.csv:2: course AV-FOND has no objective O9"),
            (
                "Stagiaire;Objectif;Évaluation\nP-0001;O1;acquis\nP-0006;O1;acquis\n",
                "evaluations.csv:3: P-0006 is not enrolled in session LYON"
            ),
            ("Stagiaire;Objectif;Score\nP-0001;O1;120\n", "evaluations.csv:2: \"120\" is not a score out of 100"),
            ("Stagiaire;Objectif;Évaluation\nP-0001;O1;\n", "evaluations.csv:2: the row gives no result"),
        ]
        for (text, expected) in refusals {
            let refused = try await importing(text)
            #expect(refused.exitCode != 0 && refused.error.contains(expected), "\(expected): \(refused.error)")
        }
        #expect(await allervers("progress", "show", "LYON", "--json", "--store", store).output == progressBefore)

        let imported = try await importing(
            """
            Stagiaire;Objectif;Positionnement;Évaluation;Note sur 100
            P-0001;O1;non acquis;acquis;
            P-0001;O2;;En cours d'acquisition;
            P-0001;O4;;ACQUIS;90
            P-0001;O5;;;75
            mehdi.benali@ccas-villeurbanne.example;O1;en cours;;

            """)
        #expect(imported.output == "Recorded 6 results for 2 participants from \(file.path)\n", "\(imported.error)")
        let shown = await allervers("progress", "show", "LYON", "--store", store)
        let camille = shown.output.split(separator: "\n").first { $0.hasPrefix("P-0001") } ?? ""
        #expect(camille.contains("NA→A") && camille.contains("PA") && camille.contains("A 90") && camille.contains("75"), "\(shown.output)")
        // P-0001 is assessed on every objective now; a positioning is not an assessment.
        let after = await allervers("certify", "LYON", "--dry-run", "--store", store)
        #expect(!after.output.contains("P-0001's attestation"), "\(after.output)")
        #expect(after.output.contains("P-0002's attestation would print \"non évalué\" for O1, O2, O3, O4, O5"), "\(after.output)")
        // The CLI takes the levels in French too.
        let french = await allervers(
            "progress", "set", "LYON", "P-0003", "--objective", "O1", "--assessment", "non acquis", "--store", store)
        #expect(french.exitCode == 0, "\(french.error)")
        let issued = await allervers("certify", "LYON", "--date", "2026-03-16", "--store", store)
        #expect(issued.output.contains("Warning: LYON: P-0002's attestation prints \"non évalué\""), "\(issued.output)")
        #expect(!issued.output.contains("P-0001's attestation"))
    }
}
