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
        #expect(utilisation.output.hasPrefix("Erreur : Argument attendu manquant : « <course> »\n"), "\(utilisation.output)")
        #expect(utilisation.output.contains("\nUtilisation : allervers session plan [<options>] <course>\n"), "\(utilisation.output)")
        #expect(utilisation.output.contains("  Voir « allervers session plan --help » pour plus d'informations."))
        let unknown = await allervers("session", "list", "--colour", "--store", store, language: .fr)
        #expect(unknown.exitCode == 64 && unknown.output.hasPrefix("Erreur : Option inconnue : « --colour »"), "\(unknown.output)")
        for result in [french, aucun, introuvable, utilisation, unknown] {
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
        // The values a French trainer types are read too.
        let shown = await allervers("progress", "show", "LYON", "--store", store, language: .fr)
        #expect(shown.output.contains("PARTICIPANT"), "\(shown.output)")
    }
}
