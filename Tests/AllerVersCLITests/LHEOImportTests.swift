import Foundation
import Testing
import TrainingTesting

/// `course import` of LHEO feeds, end to end: the course, its session templates and the
/// sessions planned from them stored in one transaction; warnings counted per file; a
/// version it does not read refused with nothing stored.
@Suite struct LHEOImportTests {
    static func sample(_ name: String) throws -> String {
        let url = try #require(Fixtures.corpora, "../shared/corpora is beside the repository")
            .appendingPathComponent("lheo/samples/\(name)")
        try #require(FileManager.default.fileExists(atPath: url.path))
        return url.path
    }

    @Test func aFeedImportsWithItsActionAndItsSession() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let daeu = try Self.sample("intercarif-trefle/daeu.xml")
        let imported = await allervers("course", "import", daeu, "--store", store)
        #expect(imported.exitCode == 0, "\(imported.error)")
        #expect(imported.output.contains("Imported 1 course from 1 file: 1 added"), "\(imported.output)")
        #expect(imported.output.contains("From the offers' actions: 1 session template, planned 1 session\n  15_464888-S927411"))
        #expect(imported.error.contains("daeu.xml:10: warning: <objectif-formation> holds escaped HTML: imported as plain text"))
        #expect(imported.error.contains("daeu.xml: 2 warnings"), "\(imported.error)")

        let shown = await allervers("course", "show", "15_464888", "--store", store)
        for line in [
            "15_464888 version 2018.9.11 · 250 h", "Offered as action 15_927411", "  Hours: 250, 250 in the centre",
            "  Session 927411: 2018-10-01 to 2019-05-24", "  Funders: 2 Collectivité territoriale - Conseil régional",
        ] {
            #expect(shown.output.contains(line), "\(line) in \(shown.output)")
        }
        let session = await allervers("session", "show", "15_464888-S927411", "--store", store)
        #expect(session.exitCode == 0)
        #expect(session.output.contains("2018-10-01"), "\(session.output)")
        #expect(session.output.contains("Toulouse"))

        // Again: the same course, the same template, the same session; nothing is added.
        let again = await allervers("course", "import", daeu, "--store", store, "--json")
        #expect(again.output.contains("\"outcome\" : \"unchanged\""), "\(again.output)")
        #expect(again.output.contains("\"plannedSessions\" : [\n\n    ]") || again.output.contains("\"plannedSessions\" : []"))
        let sessions = await allervers("session", "list", "--store", store, "--json")
        #expect(sessions.output.components(separatedBy: "\"id\" : \"15_464888-S927411\"").count == 2, "\(sessions.output)")

        // The course exports in the course format and comes back the same.
        let file = workspace.url.appendingPathComponent("daeu-course.xml").path
        #expect(await allervers("course", "export", "15_464888", "--output", file, "--store", store).exitCode == 0)
        #expect(await allervers("course", "validate", file).exitCode == 0)
        #expect(await allervers("course", "import", file, "--store", store).output.contains("0 added, 1 unchanged"))
    }

    /// A session the trainer cancelled is not planned again by importing the same feed.
    @Test func aCancelledSessionStaysCancelled() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let daeu = try Self.sample("intercarif-trefle/daeu.xml")
        #expect(await allervers("course", "import", daeu, "--store", store).exitCode == 0)
        let cancelled = await allervers("session", "cancel", "15_464888-S927411", "--store", store)
        try #require(cancelled.exitCode == 0, "\(cancelled.error)")
        let again = await allervers("course", "import", daeu, "--store", store)
        #expect(again.exitCode == 0)
        #expect(again.error.contains("daeu.xml:65: warning: session 15_464888-S927411 was cancelled: not planned again"), "\(again.error)")
        let sessions = await allervers("session", "list", "--store", store, "--json")
        #expect(sessions.output.contains("\"cancelled\""), "\(sessions.output)")
    }

    /// Two groups of one offer at one address at once: the second is left for the trainer to
    /// plan, with why; the import goes through.
    @Test func aSessionThatWouldClashIsLeftWithAWarning() async throws {
        let workspace = try await initialisedWorkspace()
        let imported = await allervers("course", "import", try Self.sample("intercarif-trefle/clea.xml"), "--store", workspace.url.path)
        #expect(imported.exitCode == 0, "\(imported.error)")
        #expect(imported.output.contains("2 session templates, planned 1 session\n  07_10-S114782"), "\(imported.output)")
        #expect(
            imported.error.contains(
                "clea.xml:300: warning: session 07_10-S123324 is not planned: the place Veigné is booked by session 07_10-S114782"),
            "\(imported.error)")
        #expect(imported.error.contains("clea.xml: 2 warnings"))
    }

    /// LHEO 1.3 anywhere in the files named: nothing of any file is stored.
    @Test func anOldVersionStopsTheWholeImport() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let result = await allervers(
            "course", "import", try Self.sample("intercarif-trefle/poec.xml"), try Self.sample("exemple-photographe-lheo1.3.xml"),
            "--store", store)
        #expect(result.exitCode != 0)
        #expect(result.error.contains("exemple-photographe-lheo1.3.xml:5: this is LHEO 1.3.0"), "\(result.error)")
        #expect(await allervers("course", "list", "--store", store).output.contains("No course yet"))
        let sessions = await allervers("session", "list", "--store", store, "--json")
        #expect(sessions.exitCode == 0 && !sessions.output.contains("\"id\""), "\(sessions.output)")
    }

    /// A résumé of an offer (lheo-index) is a course too; a session known only to the month
    /// is not planned, and says so.
    @Test func anIndexOfOffersImports() async throws {
        let workspace = try await initialisedWorkspace()
        let result = await allervers(
            "course", "import", try Self.sample("intercarif-lheo-index-bob-emploi.xml"), "--store", workspace.url.path, "--dry-run")
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.output.contains("Would import 10 courses from 1 file: 10 added"), "\(result.output)")
        #expect(result.output.contains("would plan 2 sessions"))
        #expect(result.error.contains(":75: warning: the session from 2017-09 is not planned: its first day is 2017-09"), "\(result.error)")
        #expect(result.error.contains("intercarif-lheo-index-bob-emploi.xml: 24 warnings"))
        #expect(await allervers("course", "list", "--store", workspace.url.path).output.contains("No course yet"))
    }

    /// A FORMACODE the feed gives without its nomenclature's version is kept without one,
    /// and the course format says so by leaving the attribute out.
    @Test func aCodeWithoutVersionComesBackWithout() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let imported = await allervers(
            "course", "import", try Self.sample("intercarif-lheo-index-single-offer-bob-emploi.xml"), "--store", store)
        #expect(imported.exitCode == 0, "\(imported.error)")
        let id = "14_AF_0000066306_SE_0000262635"
        #expect(await allervers("course", "show", id, "--store", store).output.contains("  FORMACODE 42780\n  ROME G1605"))
        let file = workspace.url.appendingPathComponent("offer.xml")
        #expect(await allervers("course", "export", id, "--output", file.path, "--store", store).exitCode == 0)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("<formacode>42780</formacode>"))
        #expect(await allervers("course", "import", file.path, "--store", store).output.contains("0 added, 1 unchanged"))
    }
}
