import Foundation
import Testing
import TrainingTesting

/// A workspace with the organisation set, in a fresh folder.
func initialisedWorkspace() async throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    let result = await allervers(
        "init", "--store", folder.url.path, "--name", "Institut Aller-Vers", "--address", "12 rue des Lices, 49100 Angers",
        "--declaration-number", "52490123449", "--signatory", "Claire Martin", "--signatory-title", "Directrice")
    try #require(result.exitCode == 0, "\(result)")
    return folder
}

@Suite struct CourseCommandTests {
    @Test func trainerImportsListsShowsAndExports() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path

        let validated = await allervers("course", "validate", Fixtures.courses.path)
        #expect(validated.output == "Valid: 3 courses in 3 files\n")

        let imported = await allervers("course", "import", "--store", store, Fixtures.courses.path)
        #expect(imported.output == "Imported 3 courses from 3 files: 3 added, 0 unchanged, 0 replaced\n", "\(imported)")

        let listed = await allervers("course", "list", "--store", store)
        let lines = listed.output.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("ID "))
        #expect(lines[1].hasPrefix("AV-FOND     1.0      14     4        Les fondamentaux"))

        let json = await allervers("course", "list", "--store", store, "--json")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
        #expect(decoded?.compactMap { $0["id"] as? String } == ["AV-FOND", "AV-NONREC", "AV-TERRAIN"])

        let shown = await allervers("course", "show", "AV-TERRAIN", "--store", store)
        #expect(shown.output.contains("M2  3.5    terrain   O2"))
        #expect(shown.output.contains("course AV-FOND completed"))

        let exported = await allervers(
            "course", "export", "AV-TERRAIN", "--store", store, "--output", workspace.url.appendingPathComponent("t.xml").path)
        #expect(exported.exitCode == 0, "\(exported)")
        let again = await allervers("course", "import", "--store", store, workspace.url.appendingPathComponent("t.xml").path)
        #expect(again.output.contains("0 added, 1 unchanged, 0 replaced"), "\(again)")
    }

    @Test func dryRunWritesNothing() async throws {
        let workspace = try await initialisedWorkspace()
        let before = try storeBytes(workspace)
        let result = await allervers("course", "import", "--dry-run", "--store", workspace.url.path, Fixtures.courses.path)
        #expect(result.output.hasPrefix("Would import 3 courses"))
        #expect(try storeBytes(workspace) == before)
    }

    @Test func organisationShows() async throws {
        let workspace = try await initialisedWorkspace()
        let result = await allervers("organisation", "show", "--store", workspace.url.path, "--json")
        #expect(result.output.contains("\"declarationNumber\" : \"52490123449\""))
    }

    @Test func partialIdentityIsRefused() async throws {
        let folder = try TemporaryFolder()
        let result = await allervers("init", "--store", folder.url.path, "--name", "Seul")
        #expect(result.exitCode != 0)
        #expect(result.error.contains("needs all of --name"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".allervers").path))
    }
}

func storeBytes(_ workspace: TemporaryFolder) throws -> Data {
    try TestDatabase.contents(ofWorkspaceAt: workspace.url)
}
