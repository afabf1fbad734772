import Foundation
import Testing
import TrainingTesting

/// Several trainers' processes writing into one workspace at once: every record lands, the
/// chain stays whole, and nobody sees "database is locked". `make test` runs two writers on
/// SQLite and eight on PostgreSQL, each recording 264 records in 11 imports (2,112 in all);
/// `make stress` four on SQLite, each recording 504 records in 21 imports.
@Suite struct ConcurrencyTests {
    static let writers = TestDatabase.current == .postgres ? 8 : Stress.full ? 4 : 2
    static let importsPerWriter = TestDatabase.current == .postgres ? 11 : Stress.full ? 21 : 3

    @Test func processesRecordAttendanceAtOnce() async throws {
        let binary = try builtBinary
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        _ = await allervers("course", "import", "--store", store, Fixtures.courses.path)
        _ = await allervers(
            "participant", "import", "--store", store, Fixtures.courses.appendingPathComponent("examples/participants.csv").path)
        var sheets: [URL] = []
        for index in 1...Self.writers {
            let planned = await allervers(
                "session", "plan", "AV-FOND", "--store", store, "--start", "2026-03-12", "--id", "S\(index)", "--room", "Salle \(index)",
                "--address", "Lyon", "--trainer", "Formateur \(index)")
            try #require(planned.exitCode == 0, "\(planned.error)")
            _ = await allervers(["session", "enrol", "--store", store, "S\(index)"] + (1...6).map { "P-000\($0)" })
            var sheet = "session;slot;participant;status;minutes_late;minutes_left_early;reason\n"
            for slot in ["2026-03-12-am", "2026-03-12-pm", "2026-03-13-am", "2026-03-13-pm"] {
                for person in 1...6 { sheet += "S\(index);\(slot);P-000\(person);present;\(person);;\n" }
            }
            sheets.append(try workspace.file("S\(index).csv", sheet))
        }
        // Each writer imports its sheet again and again (the later imports are corrections).
        let started = Date()
        let writers = try sheets.map { sheet in
            let process = Process()
            let script = (0..<Self.importsPerWriter).map { _ in
                "\"\(binary.path)\" attendance import --store \"\(store)\" --by T --reason \"relu\" \"\(sheet.path)\" || exit 1"
            }
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script.joined(separator: "; ")]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return (process, errors)
        }
        for (process, errors) in writers {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(message)")
            #expect(!message.contains("locked"))
        }
        let seconds = Date().timeIntervalSince(started)
        let records = Self.writers * Self.importsPerWriter * 24
        let verified = await allervers("verify", "--store", store)
        #expect(
            verified.output
                == "Attendance log intact: \(records) records checked\nSession log intact: 0 events checked\nSheet signatures intact: 0 signatures checked\n",
            "\(verified.error)")
        print(
            "concurrency: \(Self.writers) processes wrote \(records) records in \(String(format: "%.1f", seconds)) s; all found, chain intact"
        )
    }
}
