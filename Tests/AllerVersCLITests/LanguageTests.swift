import Foundation
import Testing
import TrainingCore
import TrainingTesting

@testable import AllerVersCLI

/// A French-speaking CLI: with a French locale every message, table header, error and help is
/// French, from the catalogue; otherwise English. The same command, both ways.
@Suite struct LanguageTests {
    @Test(arguments: [
        (["LANG": "fr_FR.UTF-8"], Language.fr),
        (["LC_ALL": "fr_BE.UTF-8", "LANG": "en_GB.UTF-8"], .fr),
        (["LC_ALL": "C", "LANG": "fr_FR.UTF-8"], .en),
        (["LC_ALL": "", "LC_MESSAGES": "fr_CA", "LANG": "en_US.UTF-8"], .fr),
        (["LANG": "en_GB.UTF-8"], .en),
        ([:], .en),
    ])
    func theEnvironmentChoosesTheLanguage(environment: [String: String], language: Language) {
        #expect(Language.asked(by: environment) == language)
    }

    @Test func theSameCommandsInBothLanguages() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path

        let english = await allervers("session", "list", "--store", store)
        let french = await allervers("session", "list", "--store", store, language: .fr)
        #expect(
            english.output.hasPrefix("ID    COURSE       FROM        TO          PLACE        SEATS  WAITING  STATUS\n"),
            "\(english.output)")
        #expect(
            french.output.hasPrefix("ID    FORMATION    DU          AU          LIEU         PLACES  EN ATTENTE  STATUT\n"),
            "\(french.output)")
        // The data is the same; only the words around it change.
        #expect(english.output.split(separator: "\n").count == french.output.split(separator: "\n").count)

        // Values read in the language too, and typed in either.
        #expect(english.output.contains("  planned\n") && french.output.contains("  planifiée\n"), "\(french.output)")
        let planifiee = await allervers("session", "list", "--status", "Planifiee", "--store", store, language: .fr)
        #expect(planifiee.exitCode == 0 && planifiee.output == french.output, "\(planifiee.output)")
        let badStatus = await allervers("session", "list", "--status", "prévue", "--store", store, language: .fr)
        #expect(badStatus.exitCode == 64, "\(badStatus.output)")
        #expect(badStatus.output.contains("« prévue » ne fait pas partie"), "\(badStatus.output)")
        #expect(badStatus.output.contains("planifiée, en cours, clôturée, annulée"), "\(badStatus.output)")

        let none = await allervers("participant", "find", "zzz", "--store", store)
        let aucun = await allervers("participant", "find", "zzz", "--store", store, language: .fr)
        #expect(none.exitCode == 0 && none.output == "No match for \"zzz\".\n")
        #expect(aucun.exitCode == 0 && aucun.output == "Aucun résultat pour « zzz ».\n")

        // An ordinary error: same status, the message in the language.
        let missing = await allervers("certificate", "show", "AV-2026-999999", "--store", store)
        let introuvable = await allervers("certificate", "show", "AV-2026-999999", "--store", store, language: .fr)
        #expect(missing.exitCode == 1 && introuvable.exitCode == 1)
        #expect(missing.error == "no certificate AV-2026-999999 in the workspace", "\(missing.error)")
        #expect(introuvable.error == "certificat AV-2026-999999 introuvable dans l'espace de travail", "\(introuvable.error)")
        #expect(introuvable.output.hasPrefix("Erreur : certificat AV-2026-999999"), "\(introuvable.output)")

        // A usage error, ArgumentParser's own words included: status 64 both ways.
        let usage = await allervers("session", "plan", "--store", store)
        let utilisation = await allervers("session", "plan", "--store", store, language: .fr)
        #expect(usage.exitCode == 64 && utilisation.exitCode == 64)
        #expect(usage.output.hasPrefix("Error: Missing expected argument '<course>'\n"), "\(usage.output)")
        #expect(utilisation.output.hasPrefix("Erreur : argument attendu manquant : « <course> »\n"), "\(utilisation.output)")
        #expect(utilisation.output.contains("\nUtilisation : allervers session plan [<options>] <course>\n"), "\(utilisation.output)")
        #expect(utilisation.output.contains("  Voir « allervers session plan --help » pour plus d'informations."))
        let unknown = await allervers("session", "list", "--colour", "--store", store, language: .fr)
        #expect(unknown.exitCode == 64 && unknown.output.hasPrefix("Erreur : option inconnue : « --colour »"), "\(unknown.output)")
        for result in [french, planifiee, badStatus, aucun, introuvable, utilisation, unknown] {
            #expect(result.untranslated.isEmpty, "\(result.untranslated)")
        }
    }

    /// A trainer's week in French: every line the commands print, and the refusals on the way,
    /// come from the catalogue.
    @Test func aTrainersWeekInFrenchNeedsNoEnglish() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let examples = Fixtures.courses.appendingPathComponent("examples")
        let steps: [([String], Int32)] = [
            (["course", "import", Fixtures.courses.path], 0),
            (["course", "list"], 0),
            (["course", "show", "AV-TERRAIN"], 0),
            (["participant", "import", examples.appendingPathComponent("participants.csv").path], 0),
            (["participant", "list"], 0),
            (
                [
                    "session", "plan", "AV-FOND", "--start", "2026-03-12", "--id", "LYON", "--room", "Salle Rhône", "--address",
                    "3 quai Perrache, 69002 Lyon", "--trainer", "Claire Martin", "--capacity", "5",
                ], 0
            ),
            (["session", "enrol", "LYON", "P-0001", "P-0002", "P-0003", "P-0004", "P-0005", "P-0006"], 0),
            (["session", "show", "LYON"], 0),
            (["attendance", "record", "LYON", "--slot", "2026-03-12-am", "--late", "P-0002:20", "--others-present"], 0),
            (["attendance", "record", "LYON", "--slot", "2026-03-12-pm", "--excused", "P-0004:rendez-vous", "--others-present"], 0),
            (["attendance", "record", "LYON", "--slot", "2026-03-13-am", "--absent", "P-0005", "--others-present"], 0),
            (["attendance", "record", "LYON", "--slot", "2026-03-13-pm", "--others-present"], 0),
            (["attendance", "record", "LYON", "--slot", "2026-03-14-am", "--others-present"], 1),
            (["attendance", "show", "LYON"], 0),
            (["attendance", "hours", "--from", "2026-03-01", "--to", "2026-03-31"], 0),
            (["progress", "set", "LYON", "P-0001", "--objective", "O3", "--assessment", "acquis", "--score", "80"], 0),
            (["progress", "show", "LYON"], 0),
            (["session", "close", "LYON"], 0),
            (["certify", "LYON", "--dry-run", "--date", "2026-03-16"], 0),
            (["certify", "LYON", "--date", "2026-03-16"], 0),
            (["certificate", "list", "LYON"], 0),
            (["certificate", "show", "AV-2026-000001"], 0),
            (["participant", "show", "P-0001"], 0),
            (["verify"], 0),
            (["session", "enrol", "LYON", "P-0009"], 1),
        ]
        let validated = await allervers("course", "validate", Fixtures.courses.path, language: .fr)
        #expect(validated.output == "Tout est valide : 3 formations dans 3 fichiers\n", "\(validated.output)")
        for (arguments, status) in steps {
            let result = await allervers(arguments + ["--store", store], language: .fr)
            #expect(result.exitCode == status, "\(arguments.joined(separator: " ")): \(result.output) \(result.error)")
            #expect(result.untranslated.isEmpty, "\(arguments): \(result.untranslated)")
        }
        // The state a French trainer types is read too.
        let valides = await allervers("certificate", "list", "--state", "valide", "--store", store, language: .fr)
        #expect(
            valides.exitCode == 0 && valides.output.contains("AV-2026-000001") && valides.output.contains("valide"), "\(valides.output)")
    }

    /// An employer's year in French: obligations, training done elsewhere, an exemption, the
    /// report, reminders, the matrix, then a snapshot and its restoration.
    @Test func anEmployersYearInFrenchNeedsNoEnglish() async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        let scan = workspace.url.appendingPathComponent("attestation.txt")
        try Data("Attestation - 14 h\n".utf8).write(to: scan)
        let steps: [([String], Int32)] = [
            (["certify", "LYON", "--date", "2026-03-16"], 0),
            (["employer", "list"], 0),
            (["employer", "show", "CCAS de Villeurbanne"], 0),
            (
                [
                    "obligation", "add", "--employer", "CCAS de Villeurbanne", "--title", "Aller-vers, socle", "--course", "AV-FOND",
                    "--due-months", "12", "--validity", "36", "--counting", "échéance précédente", "--grace", "30",
                ], 0
            ),
            (["obligation", "add", "--employer", "CCAS de Villeurbanne", "--title", "X", "--course", "NOPE", "--due-months", "1"], 1),
            (["obligation", "list"], 0),
            (["obligation", "show", "O-0001"], 0),
            (
                [
                    "external", "add", "P-0004", "--provider", "IRTS", "--title", "Aller vers les publics", "--date", "2026-05-20",
                    "--hours", "14", "--counts-as", "AV-FOND", "--file", scan.path, "--verified-by", "Claire Martin",
                ], 0
            ),
            (["external", "list"], 0),
            (["external", "show", "X-0001", "--check", scan.path], 0),
            (["exemption", "add", "P-0002", "--obligation", "O-0001", "--until", "2029-06-30", "--reason", "congé parental"], 0),
            (["exemption", "list"], 0),
            (["compliance", "--as-of", "2026-03-01"], 0),
            (["compliance", "--as-of", "2029-03-01", "--counts"], 0),
            (["compliance", "--as-of", "2029-03-31"], 0),
            (["compliance", "reminders", "--as-of", "2027-02-12"], 0),
            (["compliance", "matrix", "--employer", "CCAS de Villeurbanne", "--as-of", "2026-12-31"], 0),
            (["compliance", "--as-of", "pas une date"], 64),
            (["obligation", "edit", "O-0001", "--validity", "24", "--dry-run"], 0),
            (["obligation", "edit", "O-0001", "--validity", "24", "--apply-to-existing"], 0),
            (["certificate", "list", "--state", "valide"], 0),
            (["export", "certificates", "--year", "2026", "--out", workspace.url.appendingPathComponent("ccas").path], 0),
            (["organisation", "show"], 0),
            (["key", "show"], 0),
        ]
        for (arguments, status) in steps {
            let result = await allervers(arguments + ["--store", store], language: .fr)
            #expect(result.exitCode == status, "\(arguments.joined(separator: " ")): \(result.output) \(result.error)")
            #expect(result.untranslated.isEmpty, "\(arguments.joined(separator: " ")): \(result.untranslated)")
        }
        // A snapshot is SQLite's; a PostgreSQL store is refused, in French too.
        let snapshot = workspace.url.appendingPathComponent("snapshot.allervers").path
        let backup = await allervers("backup", "--to", snapshot, "--store", store, language: .fr)
        #expect(backup.untranslated.isEmpty, "\(backup.untranslated)")
        guard TestDatabase.current == .sqlite else {
            #expect(backup.exitCode == 1 && backup.error.hasPrefix("une base PostgreSQL se sauvegarde"), "\(backup.error)")
            return
        }
        #expect(backup.exitCode == 0, "\(backup.error)")
        let restored = await allervers(
            "restore", workspace.url.appendingPathComponent("snapshot.allervers").path, "--store",
            workspace.url.appendingPathComponent("restored").path, language: .fr)
        #expect(restored.exitCode == 0 && restored.untranslated.isEmpty, "\(restored.output) \(restored.untranslated)")
    }
}
