import Foundation
import Testing
import TrainingTesting

/// `course export --format lheo`: LHEO 2.3 that xmllint validates against the shipped
/// schema, filled from the workspace, and that imports back to the same courses.
@Suite struct LHEOExportTests {
    static let siret = "88249012300008"

    /// A workspace with the shipped courses and the organisation's SIRET.
    static func catalogueWorkspace() async throws -> TemporaryFolder {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        try #require(await allervers("course", "import", Fixtures.courses.path, "--store", store).exitCode == 0)
        let set = await allervers(
            "organisation", "set", "--name", "Institut Aller-Vers", "--address", "12 rue des Lices, 49100 Angers",
            "--declaration-number", "52490123449", "--signatory", "Claire Martin", "--signatory-title", "Directrice", "--siret", siret,
            "--store", store)
        try #require(set.exitCode == 0, "\(set.error)")
        return workspace
    }

    static func xmllint(_ file: URL) throws -> (status: Int32, output: String) {
        let schema = Fixtures.courses.appendingPathComponent("schema/lheo/lheo-2.3.xsd").path
        return try execute(URL(fileURLWithPath: "/usr/bin/xmllint"), ["--noout", "--nonet", "--schema", schema, file.path])
    }

    @Test func theShippedCatalogueExportsValidAndImportsBackTheSame() async throws {
        let workspace = try await Self.catalogueWorkspace()
        let store = workspace.url.path
        let file = workspace.url.appendingPathComponent("offre.xml")
        let exported = await allervers("course", "export", "--all", "--format", "lheo", "--output", file.path, "--store", store)
        #expect(exported.output == "Wrote 3 courses to \(file.path)\n", "\(exported.error)")
        let lint = try Self.xmllint(file)
        #expect(lint.status == 0, "\(lint.output)")
        let xml = try String(contentsOf: file, encoding: .utf8)
        for piece in [
            "<lheo xmlns=\"http://lheo.gouv.fr/2.3\">", "<formation numero=\"AV-FOND\">", "<numero-activite>52490123449</numero-activite>",
            "<SIRET>\(Self.siret)</SIRET>", "<code-public-vise ref=\"V14\">82044</code-public-vise>",
            "<code-INSEE-commune>69382</code-INSEE-commune>", "<nombre-heures-total>14</nombre-heures-total>",
            "<code-financeur>16</code-financeur>", "<extras info=\"allervers\">",
        ] {
            #expect(xml.contains(piece), "\(piece)")
        }

        // Another workspace imports it and holds the same courses, byte for byte in the course format.
        let other = try TemporaryFolder()
        #expect(await allervers("init", "--store", other.url.path).exitCode == 0)
        let imported = await allervers("course", "import", file.path, "--store", other.url.path)
        #expect(imported.output.hasPrefix("Imported 3 courses from 1 file: 3 added"), "\(imported.output) \(imported.error)")
        for id in ["AV-FOND", "AV-TERRAIN", "AV-NONREC"] {
            let here = await allervers("course", "export", id, "--store", store)
            let there = await allervers("course", "export", id, "--store", other.url.path)
            #expect(here.output == there.output && here.output.contains("<course"), "\(id)")
        }
        // And the workspace it came from finds its own courses unchanged, and no template made up
        // from the action the export made of each course's offer.
        let again = await allervers("course", "import", file.path, "--store", store)
        #expect(again.output == "Imported 3 courses from 1 file: 0 added, 3 unchanged, 0 replaced\n", "\(again.output)")
        #expect(!(await allervers("course", "show", "AV-FOND", "--store", store)).output.contains("Offered as action"))
    }

    /// With --sessions the planned sessions are announced with their periods; an importing
    /// workspace plans them under the same id.
    @Test func plannedSessionsAreAnnounced() async throws {
        let workspace = try await Self.catalogueWorkspace()
        let store = workspace.url.path
        let planned = await allervers(
            "session", "plan", "AV-FOND", "--start", "2027-03-11", "--id", "AV-FOND-2027-03-LYON", "--room", "Salle Rhône", "--address",
            "3 quai Perrache, 69002 Lyon", "--trainer", "Claire Martin", "--store", store)
        try #require(planned.exitCode == 0, "\(planned.error)")
        let file = workspace.url.appendingPathComponent("fond.xml")
        #expect(
            await allervers("course", "export", "AV-FOND", "--format", "lheo", "--sessions", "-o", file.path, "--store", store).exitCode
                == 0)
        #expect(try Self.xmllint(file).status == 0)
        let xml = try String(contentsOf: file, encoding: .utf8)
        #expect(
            xml.contains(
                "<session numero=\"AV-FOND-2027-03-LYON\">\n          <periode>\n            <debut>20270311</debut>\n            <fin>20270312</fin>"
            ), "\(xml)")
        let without = workspace.url.appendingPathComponent("sans.xml")
        #expect(await allervers("course", "export", "AV-FOND", "--format", "lheo", "-o", without.path, "--store", store).exitCode == 0)
        #expect(try String(contentsOf: without, encoding: .utf8).contains("<debut>00000000</debut>"))

        let other = try TemporaryFolder()
        #expect(await allervers("init", "--store", other.url.path).exitCode == 0)
        let imported = await allervers("course", "import", file.path, "--store", other.url.path)
        #expect(imported.output.contains("planned 1 session\n  AV-FOND-2027-03-LYON"), "\(imported.output) \(imported.error)")
        let shown = await allervers("session", "show", "AV-FOND-2027-03-LYON", "--store", other.url.path)
        #expect(shown.output.contains("2027-03-12"), "\(shown.output)")
    }

    /// LHEO's schema leaves what an `extra` holds unchecked: the course there is checked
    /// against the course format's schema, and refused at its line when it does not match.
    @Test func aCourseInTheExtrasMeetsTheCourseSchema() async throws {
        let workspace = try await Self.catalogueWorkspace()
        let store = workspace.url.path
        let file = workspace.url.appendingPathComponent("nonrec.xml")
        #expect(await allervers("course", "export", "AV-NONREC", "--format", "lheo", "-o", file.path, "--store", store).exitCode == 0)
        let xml = try String(contentsOf: file, encoding: .utf8)
        let edited = xml.replacingOccurrences(
            of: "id=\"AV-NONREC\" version=\"1.0\" language=\"fr\"", with: "id=\"AV-NONREC\" version=\"1.0\" language=\"french\"")
        try #require(edited != xml)
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let line = try #require(edited.components(separatedBy: "\n").firstIndex { $0.contains("language=\"french\"") }) + 1
        let other = try TemporaryFolder()
        #expect(await allervers("init", "--store", other.url.path).exitCode == 0)
        let result = await allervers("course", "import", file.path, "--store", other.url.path)
        #expect(result.exitCode == 1)
        #expect(
            result.error.contains("nonrec.xml:\(line): the course the extras carry does not match the course schema: "), "\(result.error)")
        #expect(result.error.contains("'french'"), "\(result.error)")
        #expect(await allervers("course", "list", "--store", other.url.path).output.contains("No course yet"))
    }

    @Test func lintListsWhatABaseExpects() async throws {
        let workspace = try await Self.catalogueWorkspace()
        let result = await allervers("course", "export", "AV-TERRAIN", "--format", "lheo", "--lint", "--store", workspace.url.path)
        #expect(result.exitCode == 0)
        for line in [
            "AV-TERRAIN: 7 things missing", "  - code-FORMACODE: the course's domain (<offer><formacode>)",
            "  - lieu-de-formation: where it is held (<offer><place>)", "  - organisme-financeur: who funds it (<offer><funder>)",
            "  - contact-formation: who answers about it (<offer><contact>); the organisation is named instead",
        ] {
            #expect(result.output.contains(line), "\(line) in \(result.output)")
        }
        #expect(!result.output.contains("code-public-vise"))
    }

    /// What the form fixes is checked before anything is written.
    @Test func anOrganisationWithoutSIRETIsRefused() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        #expect(await allervers("course", "import", Fixtures.courses.path, "--store", store).exitCode == 0)
        let file = workspace.url.appendingPathComponent("offre.xml")
        let result = await allervers("course", "export", "--all", "--format", "lheo", "-o", file.path, "--store", store)
        #expect(result.exitCode == 1)
        #expect(
            result.error.trimmingCharacters(in: .whitespacesAndNewlines)
                == "LHEO names the organisation by its SIRET: set it with `allervers organisation set … --siret 14DIGITS`")
        #expect(!FileManager.default.fileExists(atPath: file.path))
        let lint = await allervers("course", "export", "AV-FOND", "--format", "lheo", "--lint", "--store", store)
        #expect(lint.output.contains("  - SIRET-organisme-formation: the organisation's SIRET"), "\(lint.output)")
        // A SIRET whose Luhn checksum fails is refused when set.
        let bad = await allervers(
            "organisation", "set", "--name", "I", "--address", "1 rue A, 49100 Angers", "--declaration-number", "52490123449",
            "--signatory", "C", "--signatory-title", "D", "--siret", "88249012300009", "--store", store)
        #expect(bad.exitCode != 0)
        #expect(bad.error.contains("the SIRET has fourteen digits whose Luhn checksum holds, not \"88249012300009\""), "\(bad.error)")
        let shown = await allervers("organisation", "show", "--store", store).output
        #expect(shown.contains("not given") && !shown.contains("88249012300009"), "\(shown)")
    }
}
