import Foundation
import Testing
import TrainingTesting

/// `allervers employer …` and the employer's columns of the participant CSV, end to end.
@Suite struct EmployerCommandTests {
    struct Listed: Decodable {
        struct Employer: Decodable {
            let id: String
            let name: String
            let kind: String
            let siret: String?
        }
        let employer: Employer
        let staff: Int
        let spellings: [String]
    }

    func list(_ workspace: TemporaryFolder) async throws -> [Listed] {
        let listed = await allervers("employer", "list", "--json", "--store", workspace.url.path)
        #expect(listed.exitCode == 0, "\(listed.error)")
        return try JSONDecoder().decode([Listed].self, from: Data(listed.output.utf8))
    }

    @Test func aTrainerAddsCorrectsAndListsEmployers() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let added = await allervers(
            "employer", "add", "CCAS de Villeurbanne", "--kind", "public-body", "--siret", "21690266800013", "--store", store)
        #expect(added.output == "Added employer E-0001: CCAS de Villeurbanne\n", "\(added.error)")
        let csv = try workspace.file(
            "staff.csv",
            """
            prenom;nom;employeur;type_employeur;siret
            Camille;Roux;ccas de villeurbanne;;
            Mehdi;Benali;Association Le Relais;association;73282932000074
            Sophie;Lambert;ASSOCIATION LE RELAIS;association;73282932000074
            Julien;Moreau;association le relais;;
            """)
        let imported = await allervers("participant", "import", csv.path, "--store", store)
        #expect(imported.exitCode == 0, "\(imported.error)")
        let employers = try await list(workspace)
        #expect(employers.map(\.employer.name) == ["Association Le Relais", "CCAS de Villeurbanne"])
        #expect(employers.map(\.employer.kind) == ["association", "public-body"])
        #expect(employers.map(\.staff) == [3, 1])
        #expect(employers[0].spellings == ["ASSOCIATION LE RELAIS", "Association Le Relais", "association le relais"])
        let edited = await allervers("employer", "edit", "E-0002", "--name", "Le Relais", "--siret", "", "--store", store)
        #expect(edited.output == "Employer E-0002: Le Relais, association\n", "\(edited.error)")
        let shown = await allervers("employer", "show", "association le relais", "--store", store)
        #expect(shown.output.contains("BENALI Mehdi") && shown.output.contains("LAMBERT Sophie"), "\(shown.output)")
    }

    @Test(arguments: [
        (["employer", "add", "X", "--siret", "21690266800014"], "\"21690266800014\" is not a SIRET (14 digits whose Luhn checksum holds)"),
        (["employer", "add", "X", "--kind", "mairie"], "\"mairie\" is not one of private-company, association, public-body, other"),
        (["employer", "show", "Nowhere"], "no employer Nowhere in the workspace"),
        (["employer", "edit", "E-0009", "--name", "Y"], "no employer E-0009 in the workspace"),
    ])
    func badArgumentsChangeNothing(arguments: [String], expected: String) async throws {
        let workspace = try await initialisedWorkspace()
        let before = try storeBytes(workspace)
        let result = await allervers(arguments + ["--store", workspace.url.path])
        #expect(result.exitCode != 0)
        #expect(result.error.contains(expected), "\(result.error)")
        #expect(!result.error.trimmingCharacters(in: .newlines).contains("\n"), "\(result.error)")
        #expect(try storeBytes(workspace) == before)
    }

    @Test(arguments: [
        ("Ana;B;Relais;mairie;\n", "staff.csv:2: \"mairie\" is not a kind of employer: private-company, association, public-body or other"),
        ("Ana;B;Relais;association;\nBo;C;relais;public;\n", "staff.csv:3: relais is described otherwise on line 2"),
        ("Ana;B;Relais;;123\n", "staff.csv:2: \"123\" is not a SIRET (14 digits whose Luhn checksum holds)"),
        ("Ana;B;CCAS de Lyon;;\nBo;C;CCAS de Lyon;association;\n", "staff.csv:3: CCAS de Lyon (E-0001) is public-body, not association"),
        ("Ana;B;;association;\n", "staff.csv:2: the employer's kind and SIRET go with its name, in the employer column"),
    ])
    func employerColumnsThatDoNotHoldAreRefusedWithTheirLine(rows: String, expected: String) async throws {
        let workspace = try await initialisedWorkspace()
        _ = await allervers("employer", "add", "CCAS de Lyon", "--kind", "public-body", "--store", workspace.url.path)
        let csv = try workspace.file("staff.csv", "first_name;last_name;employer;employer_kind;employer_siret\n" + rows)
        let before = try storeBytes(workspace)
        let result = await allervers("participant", "import", csv.path, "--store", workspace.url.path)
        #expect(result.exitCode != 0)
        #expect(result.error.trimmingCharacters(in: .newlines).hasSuffix(expected), "\(result.error)")
        #expect(try storeBytes(workspace) == before)
    }
}
