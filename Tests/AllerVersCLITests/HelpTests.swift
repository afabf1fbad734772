import AllerVersServer
import ArgumentParser
import Foundation
import Testing
import TrainingCore
import TrainingService
import TrainingTesting

@testable import AllerVersCLI

/// `--help` that can be copied: on an 80-column terminal the examples come out as written,
/// not re-wrapped, and no option is listed twice.
@Suite struct HelpTests {
    /// Every command, with its path of names.
    static func commands(_ type: any ParsableCommand.Type, path: [String] = []) -> [(path: [String], type: any ParsableCommand.Type)] {
        let name = type.configuration.commandName ?? String(describing: type).lowercased()
        let here = path + [name]
        return [(here, type)] + type.configuration.subcommands.flatMap { commands($0, path: here) }
    }

    /// In both languages; in French, every text of every help has its entry in the catalogue.
    @Test(arguments: Language.allCases) func examplesAreNotRewrappedAndNoOptionIsListedTwice(language: Language) throws {
        var problems: [String] = []
        let untranslated = OutputBuffer()
        for (path, type) in Self.commands(AllerVers.self) {
            let (help, discussion) = Language.$current.withValue(language) {
                Text.$missing.withValue({ untranslated.append("\(path.joined(separator: " ")): \($0)\n") }) {
                    (ArgumentParserText.rendered(AllerVers.helpMessage(for: type, columns: 80)), type.configuration.discussion)
                }
            }
            let lines = Set(help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            // The example block: the indented lines after "Example:" or "Examples:" ("Exemple").
            if let start = discussion.range(of: "Example")?.lowerBound ?? discussion.range(of: "Exemple")?.lowerBound {
                for line in discussion[start...].split(separator: "\n").dropFirst() where line.hasPrefix("  ") {
                    if !lines.contains(String(line)) { problems.append("\(path.joined(separator: " ")): \(line)") }
                }
            }
            // Each option's first name, once in the OPTIONS section.
            let names = help.split(separator: "\n").compactMap { line -> String? in
                let trimmed = line.drop { $0 == " " }
                guard line.hasPrefix("  -"), let name = trimmed.split(separator: " ").first else { return nil }
                return String(name.trimmingCharacters(in: CharacterSet(charactersIn: ",")))
            }
            for name in Set(names) where names.count(where: { $0 == name }) > 1 {
                problems.append("\(path.joined(separator: " ")): \(name) listed twice")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(untranslated.contents.isEmpty, "\(untranslated.contents)")
    }

    /// `serve`'s signing times are its options, in minutes, within a working day.
    @Test func theServersSigningTimesAreItsOptions() throws {
        let serve = try AllerVers.Serve.parse(["--sign-before", "5", "--sign-after", "0"])
        #expect(serve.limits.signing.before == 300 && serve.limits.signing.after == 0)
        let defaults = try AllerVers.Serve.parse([])
        #expect(defaults.limits.signing.before == 15 * 60 && defaults.limits.signing.after == 30 * 60)
        #expect(throws: (any Error).self) { try AllerVers.Serve.parse(["--sign-before", "721"]) }
        #expect(throws: (any Error).self) { try AllerVers.Serve.parse(["--sign-after", "-1"]) }
    }

    /// Every command names itself: without a name, ArgumentParser makes one from the type's
    /// name at every start, a search of the binary's conformances that took more than half of
    /// `organisation show` (78 ms, 36 ms with the names given).
    @Test func everyCommandNamesItself() {
        let unnamed = Self.commands(AllerVers.self).filter { $0.type.configuration.commandName == nil }.map {
            $0.path.joined(separator: " ")
        }
        #expect(unnamed.isEmpty, "\(unnamed)")
        #expect(Self.commands(AllerVers.self).count > 100)
    }

    /// `allervers --version` gives the tool's; after a command, `--version V` is a course's.
    @Test func theToolsVersionAndACoursesVersion() async throws {
        #expect(await allervers("--version").output == "\(AllerVers.release)\n")
        let workspace = try await initialisedWorkspace()
        #expect(await allervers("course", "import", "--store", workspace.url.path, Fixtures.courses.path).exitCode == 0)
        let shown = await allervers("course", "show", "AV-FOND", "--version", "1.0", "--store", workspace.url.path)
        #expect(shown.exitCode == 0 && shown.output.contains("AV-FOND"), "\(shown.output) \(shown.error)")
        let unknown = await allervers("course", "show", "AV-FOND", "--version", "9.9", "--store", workspace.url.path)
        #expect(unknown.exitCode != 0, "\(unknown.output)")
        #expect(await allervers().output.contains("USAGE: allervers <subcommand>"))
    }
}
