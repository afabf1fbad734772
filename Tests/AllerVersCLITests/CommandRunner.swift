import AllerVersCLI
import ArgumentParser
import Foundation
import Testing
import TrainingTesting

/// What a command did: its exit code, what it printed, and its error line.
struct CommandResult {
    var exitCode: Int32
    var output: String
    var error: String
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
func allervers(_ arguments: String...) async -> CommandResult {
    await allervers(arguments)
}

func allervers(_ arguments: [String]) async -> CommandResult {
    let buffer = OutputBuffer()
    let notes = OutputBuffer()
    var arguments = arguments
    do {
        // On a PostgreSQL run, every workspace a test makes keeps its records in a new database.
        if arguments.first == "init", !arguments.contains("--database"), let url = try TestDatabase.freshDatabaseURL() {
            arguments += ["--database", url]
        }
        try await Console.$current.withValue(Console({ buffer.append($0) }, errors: { notes.append($0) })) {
            try await AllerVers.run(arguments)
        }
        return CommandResult(exitCode: 0, output: buffer.contents, error: notes.contents)
    } catch {
        return CommandResult(
            exitCode: AllerVers.exitCode(for: error).rawValue, output: buffer.contents + AllerVers.fullMessage(for: error),
            error: notes.contents + AllerVers.message(for: error))
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

/// Runs a program and returns its exit status and standard output and error together.
func execute(_ program: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
