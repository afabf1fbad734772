import Foundation
import Testing
import TrainingTesting

/// The libraries a command loads, as the dynamic loader reports them (`LD_DEBUG=files`).
private func loadedLibraries(_ arguments: [String]) throws -> (status: Int32, libraries: [String], output: String) {
    var environment = ProcessInfo.processInfo.environment
    environment["LD_DEBUG"] = "files"
    let run = try execute(try builtBinary, arguments, environment: environment)
    // "     12345:\tfile=libpango-1.0.so.0 [0];  needed by …" or "…;  dynamically loaded by …"
    let libraries = run.output.split(separator: "\n").compactMap { line -> String? in
        guard let start = line.range(of: "file="), line.contains(" by ") else { return nil }
        return String(line[start.upperBound...].prefix { $0 != " " })
    }
    return (run.status, libraries, run.output)
}

@Suite struct StartupTests {
    static let pdfStack = ["libpangocairo-1.0.so.0", "libpango-1.0.so.0", "libcairo.so.2", "libqrencode.so.4", "libX11.so.6"]

    @Test func commandsThatDrawNothingStartWithoutThePDFLibraries() async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        for arguments in [["--version"], ["organisation", "show", "--store", store], ["session", "show", "LYON", "--store", store]] {
            let run = try loadedLibraries(arguments)
            #expect(run.status == 0, "\(arguments): \(run.output.suffix(500))")
            #expect(run.libraries.contains("libsqlite3.so.0") || arguments == ["--version"], "\(arguments): \(run.libraries)")
            #expect(Set(run.libraries).isDisjoint(with: Self.pdfStack), "\(arguments) loads \(run.libraries)")
        }

        // Drawing loads them, when the first document is drawn.
        let certified = await allervers("certify", "LYON", "--date", "2026-03-16", "--store", store)
        try #require(certified.exitCode == 0, "\(certified.error)")
        let out = workspace.url.appendingPathComponent("out").path
        let export = try loadedLibraries(["export", "records", "LYON", "--out", out, "--store", store])
        #expect(export.status == 0, "\(export.output.suffix(500))")
        #expect(export.output.contains("file=libpangocairo-1.0.so.0 [0];  dynamically loaded by"), "\(export.libraries)")
        #expect(export.output.contains("file=libqrencode.so.4 [0];  dynamically loaded by"), "\(export.libraries)")
        #expect(FileManager.default.fileExists(atPath: out + "/LYON/sign-in-sheets.pdf"))
    }

    /// Without --store, ALLERVERS_STORE names the workspace (read with getenv, not through the
    /// whole environment); empty, it names none, and a folder outside any workspace has none.
    @Test func theStoreCanBeNamedByTheEnvironment() async throws {
        let workspace = try await closedWeekWorkspace()
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("allervers-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        var environment = ProcessInfo.processInfo.environment
        environment["ALLERVERS_STORE"] = workspace.url.path
        let named = try execute(try builtBinary, ["session", "show", "LYON"], in: elsewhere, environment: environment)
        #expect(named.status == 0 && named.output.contains("LYON"), "\(named.output)")
        environment["ALLERVERS_STORE"] = ""
        let unnamed = try execute(try builtBinary, ["session", "show", "LYON"], in: elsewhere, environment: environment)
        #expect(unnamed.status != 0 && unnamed.output.contains("no AllerVers workspace in"), "\(unnamed.output)")
    }
}
