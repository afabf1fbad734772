import Foundation
import Testing
import TrainingCore
import TrainingTesting
import TrainingXML

/// Replays every input `make fuzz` turned up (Tests/TrainingXMLTests/FuzzRegressions/): the
/// reader refuses it with one located line, or accepts it and the course survives export
/// and re-import unchanged.
@Suite struct FuzzRegressionTests {
    static let folder = Fixtures.repository.appendingPathComponent("Tests/TrainingXMLTests/FuzzRegressions")
    static let inputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasSuffix(".md") }.sorted()
    }()

    @Test func thereAreFindingsToReplay() {
        #expect(Self.inputs.count >= 8)
    }

    @Test(arguments: inputs) func replayed(name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        do {
            let courses = try CourseReader().courses(from: url)
            let folder = try TemporaryFolder()
            let again = try folder.file("again.xml", try CourseWriter().document(for: courses))
            #expect(try CourseReader().courses(from: again) == courses)
            #expect(name.hasPrefix("accepted"), "\(name) was expected to be refused")
        } catch let error as CourseImportError {
            #expect(!name.hasPrefix("accepted"), "\(name): \(error)")
            #expect(error.location.line >= 1 && !error.description.contains("\n"), "\(error)")
            #expect(error.description.hasPrefix(url.relativePath + ":"), "\(error)")
        }
    }
}
