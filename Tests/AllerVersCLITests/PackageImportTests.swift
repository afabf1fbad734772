import Foundation
import Testing
import TrainingTesting

/// `course import` of e-learning packages, end to end: a zip becomes a course of remote
/// modules in the store; a broken package, or a batch holding one, stores nothing.
@Suite struct PackageImportTests {
    static let nested = "scorm-imscp/scorm12/ComplexNestedOrganization_SCORM12/imsmanifest.xml"

    @Test func aZippedPackageImportsAsACourseOfRemoteModules() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let folder = try TemporaryFolder()
        let zipped = try Packages.zip(
            try Packages.entries(of: try Packages.folder(from: Self.nested, in: folder)), as: "ligne.zip", in: folder)

        // Without hours for its modules, the package is refused and nothing is stored.
        let hourless = await allervers("course", "import", zipped.path, "--store", store)
        #expect(hourless.exitCode != 0)
        #expect(
            hourless.error.contains(
                "ligne.zip/imsmanifest.xml:21:25: item \"Module 1\" states no typical learning time: give the modules' hours with --module-hours"
            ), "\(hourless.error)")
        #expect(await allervers("course", "list", "--store", store).output.contains("No course yet"))

        let imported = await allervers(
            "course", "import", zipped.path, "--module-hours", "0.5", "--course-id", "AV-LIGNE", "--store", store)
        #expect(imported.exitCode == 0, "\(imported.error)")
        #expect(imported.output.contains("Imported 1 course from 1 file: 1 added"), "\(imported.output)")
        #expect(imported.error.contains("ligne.zip/imsmanifest.xml: 2 warnings"), "\(imported.error)")
        let shown = await allervers("course", "show", "AV-LIGNE", "--store", store)
        for line in [
            "AV-LIGNE version 1.0 · 5 h 30", "M1   0.5    remote    O1          Module 1",
            "M4   0.5    remote    O1          Module 1 — Chapter 1.1 — Section 1.1.1 — Topic 1.1.1.1",
        ] {
            #expect(shown.output.contains(line), "\(line) in \(shown.output)")
        }
        // The same package again changes nothing.
        let again = await allervers("course", "import", zipped.path, "--module-hours", "0.5", "--course-id", "AV-LIGNE", "--store", store)
        #expect(again.output.contains("0 added, 1 unchanged"), "\(again.output)")
    }

    /// A batch with one broken package in it stores nothing, not even the good course file before it.
    @Test func aBatchWithABrokenPackageStoresNothing() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let corpora = try #require(Fixtures.corpora)
        let broken = corpora.appendingPathComponent("scorm-imscp/scorm12/MissingLaunchUrl_SCORM12/imsmanifest.xml").path
        let result = await allervers(
            "course", "import", Fixtures.repository.appendingPathComponent("Courses/aller-vers-fondamentaux.xml").path, broken,
            "--module-hours", "1", "--store", store)
        #expect(result.exitCode != 0)
        #expect(
            result.error.contains(
                "MissingLaunchUrl_SCORM12/imsmanifest.xml:30:27: resource \"resource_1\", which item \"item_1\" launches, has no href (its launch URL)"
            ), "\(result.error)")
        #expect(await allervers("course", "list", "--store", store).output.contains("No course yet"))

        // A folder of unzipped packages reads each; a folder named like a zip is not read as one.
        let lot = try TemporaryFolder()
        for name in ["un", "deux.zip"] {
            try FileManager.default.copyItem(
                at: Fixtures.repository.appendingPathComponent("Courses/examples/av-en-ligne"), to: lot.url.appendingPathComponent(name))
        }
        #expect(mkfifo(lot.url.appendingPathComponent("tube.zip").path, 0o600) == 0)
        let pipe = await allervers("course", "validate", lot.url.appendingPathComponent("tube.zip").path)
        #expect(pipe.error.hasSuffix("tube.zip: not a regular file"), "\(pipe.error)")
        try FileManager.default.removeItem(at: lot.url.appendingPathComponent("tube.zip"))
        let both = await allervers("course", "validate", lot.url.path)
        #expect(both.output.contains("Valid: 2 courses in 2 files"), "\(both.output) \(both.error)")

        // A folder whose files are missing is refused the same way.
        let folder = corpora.appendingPathComponent("scorm-imscp/scorm12/InvalidFileReferences_SCORM12").path
        let missing = await allervers("course", "validate", folder, "--module-hours", "1")
        #expect(missing.exitCode != 0)
        #expect(missing.error.contains("names the file \"content/nonexistent.html\", which the package does not hold"), "\(missing.error)")
    }

    @Test func theOptionsAreChecked() async throws {
        let manifest = try #require(Fixtures.corpora).appendingPathComponent(Self.nested).path
        let twice = await allervers("course", "validate", manifest, manifest, "--course-id", "AV-LIGNE")
        #expect(twice.exitCode != 0)
        #expect(twice.error.contains("--course-id names the course of one package: give one"), "\(twice.error)")
        for hours in ["0", "1.333", "0.01", "deux", "10000"] {
            let bad = await allervers("course", "validate", manifest, "--module-hours", hours)
            #expect(bad.exitCode != 0)
            #expect(
                bad.error.contains("--module-hours takes hours from 0.05 to 9999 in steps of 0.05, such as 1.5 or 0.75"), "\(bad.error)")
        }
        // French decimals.
        #expect(await allervers("course", "validate", manifest, "--module-hours", "1,5").exitCode == 0)
        // --course-id on a course file: said, not ignored.
        let notAPackage = await allervers(
            "course", "validate", Fixtures.repository.appendingPathComponent("Courses/non-recours-aux-droits.xml").path, "--course-id", "X")
        #expect(notAPackage.exitCode != 0)
        #expect(
            notAPackage.error.contains("--course-id names the course of an e-learning package; this file is not one"),
            "\(notAPackage.error)")
        let badID = await allervers("course", "validate", manifest, "--module-hours", "1", "--course-id", "AV LIGNE")
        #expect(badID.exitCode != 0)
        #expect(
            badID.error.contains(
                "--course-id takes letters, digits, \".\", \"_\" and \"-\", starting with a letter or a digit, 64 at most"),
            "\(badID.error)")
    }
}
