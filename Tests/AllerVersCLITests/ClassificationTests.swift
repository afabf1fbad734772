import Foundation
import Testing
import TrainingTesting

/// A course's classification (course format 1.1): NSF specialities and general objective, read,
/// shown, written back, and refused where the nomenclature or the form does not have it.
@Suite struct ClassificationTests {
    @Test func theShippedCoursesAreSocialWorkAndComeBackWhole() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        #expect(await allervers("course", "import", Fixtures.courses.path, "--store", store).exitCode == 0)
        let shown = await allervers("course", "show", "AV-FOND", "--store", store)
        #expect(
            shown.output.contains("Classification\n  NSF 332 Travail social\n  General objective: other-professional\n"), "\(shown.output)")
        let file = workspace.url.appendingPathComponent("AV-FOND.xml")
        #expect(await allervers("course", "export", "AV-FOND", "--output", file.path, "--store", store).exitCode == 0)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains("<classification>\n    <nsf>332</nsf>\n    <generalObjective kind=\"other-professional\"/>"), "\(written)")
        // Importing the export gives the same course: unchanged.
        let again = await allervers("course", "import", file.path, "--store", store)
        #expect(again.output.contains("0 added, 1 unchanged"), "\(again.output)")
    }

    /// A workspace that imported the shipped courses before they had a classification gets it
    /// by importing them again; any other difference is still a conflict.
    @Test func coursesImportedBeforeTheirClassificationGetIt() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let before = workspace.url.appendingPathComponent("before")
        try FileManager.default.createDirectory(at: before, withIntermediateDirectories: true)
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Fixtures.courses.path).filter { $0.hasSuffix(".xml") }.sorted()
        for name in shipped {
            let text = try String(contentsOf: Fixtures.courses.appendingPathComponent(name), encoding: .utf8)
            let start = try #require(text.range(of: "  <classification>"))
            let end = try #require(text.range(of: "</classification>\n"))
            try (text[..<start.lowerBound] + text[end.upperBound...]).write(
                to: before.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        #expect(await allervers("course", "import", before.path, "--store", store).exitCode == 0)
        #expect(!(await allervers("course", "show", "AV-FOND", "--store", store)).output.contains("Classification"))
        let again = await allervers("course", "import", Fixtures.courses.path, "--store", store)
        #expect(again.exitCode == 0, "\(again.error)")
        #expect(
            again.output.hasSuffix(
                "0 added, 0 unchanged, 0 replaced, \(shipped.count) classified (their NSF speciality and objective added)\n"),
            "\(again.output)")
        #expect((await allervers("course", "show", "AV-FOND", "--store", store)).output.contains("NSF 332 Travail social"))
        #expect((await allervers("course", "import", Fixtures.courses.path, "--store", store)).output.contains("0 added, 3 unchanged"))

        // Another change beside the classification is the conflict it always was.
        let file = before.appendingPathComponent("aller-vers-fondamentaux.xml")
        let changed = try String(contentsOf: Fixtures.courses.appendingPathComponent("aller-vers-fondamentaux.xml"), encoding: .utf8)
            .replacingOccurrences(of: "<nsf>332</nsf>", with: "<nsf>331</nsf>")
        try changed.write(to: file, atomically: true, encoding: .utf8)
        let conflict = await allervers("course", "import", file.path, "--store", store)
        #expect(conflict.exitCode == 1, "\(conflict.output)")
    }

    /// The schema checks the codes' form; the nomenclature and the form's rules are checked
    /// after it, with the line of the classification.
    @Test(arguments: [
        ("<nsf>339</nsf>", ":7: 339 is not a speciality of the Nomenclature des spécialités de formation"),
        ("<nsf>332h</nsf>", ":7: 332h is not a speciality of the Nomenclature des spécialités de formation"),
        ("<nsf>332</nsf><generalObjective kind=\"rncp\"/>", ":7: an RNCP certification states its level (3 to 8)"),
        ("<nsf>332</nsf><generalObjective kind=\"rs\" code=\"RNCP1234\"/>", ":7: RNCP1234 is not a code of the RS"),
        ("<nsf>33</nsf>", ":8:"),
        ("<generalObjective kind=\"vae\"/>", ":8:"),
    ])
    func aClassificationTheFormDoesNotHaveIsRefused(classification: String, message: String) async throws {
        try await expectRefusedCourse(ending: "<classification>\n    \(classification)\n  </classification>", message: message)
    }
}
