import AllerVersCLI
import ArgumentParser
import Foundation
import Testing
import TrainingTesting

@testable import TrainingCore

/// What a command did: its exit code, what it printed, and its error line.
struct CommandResult {
    var exitCode: Int32
    var output: String
    var error: String
    /// The texts the French catalogue lacked while the command ran in French.
    var untranslated: [String] = []
}

final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func append(_ piece: String) {
        lock.withLock { text += piece }
    }

    var contents: String { lock.withLock { text } }
}

/// Runs `allervers` with these arguments in process, as `main` would.
func allervers(_ arguments: String..., language: Language = .en) async -> CommandResult {
    await allervers(arguments, language: language)
}

func allervers(_ arguments: [String], language: Language = .en) async -> CommandResult {
    let buffer = OutputBuffer()
    let notes = OutputBuffer()
    let missing = OutputBuffer()
    var arguments = arguments
    var result: CommandResult
    do {
        // On a PostgreSQL run, every workspace a test makes keeps its records in a new database.
        if arguments.first == "init", !arguments.contains("--database"), let url = try TestDatabase.freshDatabaseURL() {
            arguments += ["--database", url]
        }
        try await Language.$current.withValue(language) {
            try await Text.$missing.withValue({ missing.append($0 + "\n") }) {
                try await Console.$current.withValue(Console({ buffer.append($0) }, errors: { notes.append($0) })) {
                    try await AllerVers.run(arguments)
                }
            }
        }
        result = CommandResult(exitCode: 0, output: buffer.contents, error: notes.contents)
    } catch {
        let failure = Language.$current.withValue(language) {
            Text.$missing.withValue({ missing.append($0 + "\n") }) {
                (AllerVers.failure(error), AllerVers.failureMessage(error))
            }
        }
        result = CommandResult(
            exitCode: failure.0.status.rawValue, output: buffer.contents + failure.0.message, error: notes.contents + failure.1)
    }
    result.untranslated = missing.contents.split(separator: "\n").map(String.init)
    if language == .fr { result.untranslated += englishLeft(in: result.output + result.error) }
    return result
}

/// The English texts of the catalogue found whole in a French output: a text printed as a
/// `String` where it should have been a `Text`, which no catalogue lookup sees. Only pieces
/// long enough to be words, not values (and that the French does not repeat), are looked for.
func englishLeft(in output: String) -> [String] {
    englishPieces.filter { output.contains($0) }.map { "English left: \($0)" }
}

private let englishPieces: [String] = Text.french.flatMap { key, french in
    key.components(separatedBy: "{}").flatMap { $0.components(separatedBy: "\n") }.filter { piece in
        piece.count >= 10 && piece.contains(" ") && piece.contains(where: \.isLowercase) && !french.contains(piece)
    }
}

/// The built binary, for the tests that run it as a user would.
var builtBinary: URL {
    get throws {
        let url = Fixtures.repository.appendingPathComponent(".build/debug/allervers")
        try #require(FileManager.default.isExecutableFile(atPath: url.path), "build allervers first (make test does)")
        return url
    }
}

/// Noon in Paris on `day`: a fixed clock for `WorkClock.$fixed`.
func noon(_ day: String) throws -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "Europe/Paris"))
    let parts = day.split(separator: "-").compactMap { Int($0) }
    return try #require(calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)))
}
