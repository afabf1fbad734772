import Foundation
import Testing
import TrainingCore
import TrainingTesting
import TrainingXML

/// `make stress` sets AV_STRESS=1 for the full runs; `make test` runs the reduced ones.
enum Stress {
    static let full = ProcessInfo.processInfo.environment["AV_STRESS"] == "1"
}

/// A batch that a real `allervers` process runs against a copy of a prepared workspace,
/// and the count that must read either `before` or `after` once it is killed.
struct KilledBatch: Sendable {
    var name: String
    var arguments: [String]
    var countSQL: String
    var before: Int
    var after: Int
}

/// Power cuts: a real process is killed with SIGKILL at a random moment of a large import,
/// an attendance batch or a certification. After each kill the store passes SQLite's
/// integrity check (on SQLite), the batch is entirely there or entirely absent, `allervers
/// verify` passes, and running the batch again completes it. On PostgreSQL, each run works
/// on its own copy of the prepared database.
@Suite(.serialized) struct CrashTests {
    /// Processes killed mid-way per batch: 2 in `make test`, 34 under `make stress` (102 in all).
    static let kills = Stress.full ? 34 : 2

    @Test func courseImportKilled() async throws {
        let template = try await initialisedWorkspace()
        let catalogue = template.url.appendingPathComponent("catalogue.xml")
        let templates = try CourseReader().courses(from: Fixtures.courses.appendingPathComponent("aller-vers-fondamentaux.xml"))
        let count = 1500
        try CourseWriter().writeCatalogue(
            (0..<count).lazy.map { index in
                var course = templates[0]
                course.id = "AV-\(index)"
                return course
            }, toFile: catalogue.path)
        try await survivesKills(
            KilledBatch(
                name: "course import", arguments: ["course", "import", catalogue.path], countSQL: "SELECT count(*) FROM course",
                before: 0, after: count), template: template)
    }

    @Test func attendanceBatchKilled() async throws {
        let template = try await sessionsWorkspace(sessions: 50)
        var sheet = "session;slot;participant;status;minutes_late;minutes_left_early;reason\n"
        for session in 1...50 {
            for slot in ["2026-03-12-am", "2026-03-12-pm", "2026-03-13-am", "2026-03-13-pm"] {
                for person in 1...15 { sheet += "S\(session);\(slot);\(participantID(person));present;\(person % 7);;\n" }
            }
        }
        let file = try template.file("sheet.csv", sheet)
        try await survivesKills(
            KilledBatch(
                name: "attendance import", arguments: ["attendance", "import", "--by", "T", "--reason", "feuille ressaisie", file.path],
                countSQL: "SELECT count(*) FROM attendanceEvent", before: 0, after: 50 * 4 * 15), template: template)
    }

    @Test func certificationKilled() async throws {
        let template = try await sessionsWorkspace(sessions: 8, recordedAndClosed: true)
        try await survivesKills(
            KilledBatch(
                name: "certify", arguments: ["certify", "--from", "2026-03-01", "--to", "2026-03-31"],
                countSQL: "SELECT count(*) FROM certificate", before: 0, after: 8 * 15), template: template)
    }

    func participantID(_ number: Int) -> String { "P-" + String(repeating: "0", count: 4 - String(number).count) + String(number) }

    /// Sessions of AV-FOND at the same time in different rooms, fifteen participants in each.
    func sessionsWorkspace(sessions: Int, recordedAndClosed: Bool = false) async throws -> TemporaryFolder {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        var people = "prénom;nom;email\n"
        for person in 1...15 { people += "Prénom\(person);Nom\(person);p\(person)@example.org\n" }
        let peopleFile = try workspace.file("people.csv", people)
        for arguments in [["course", "import", Fixtures.courses.path], ["participant", "import", peopleFile.path]] {
            let result = await allervers(arguments + ["--store", store])
            try #require(result.exitCode == 0, "\(result.error)")
        }
        for session in 1...sessions {
            let planned = await allervers(
                "session", "plan", "AV-FOND", "--store", store, "--start", "2026-03-12", "--id", "S\(session)", "--room",
                "Salle \(session)", "--address", "Lyon", "--trainer", "Formateur \(session)")
            try #require(planned.exitCode == 0, "\(planned.error)")
            let enrolled = await allervers(["session", "enrol", "--store", store, "S\(session)"] + (1...15).map(participantID))
            try #require(enrolled.exitCode == 0, "\(enrolled.error)")
            guard recordedAndClosed else { continue }
            for slot in ["2026-03-12-am", "2026-03-12-pm", "2026-03-13-am", "2026-03-13-pm"] {
                let recorded = await allervers("attendance", "record", "S\(session)", "--slot", slot, "--others-present", "--store", store)
                try #require(recorded.exitCode == 0, "\(recorded.error)")
            }
            _ = await allervers("session", "close", "S\(session)", "--store", store)
        }
        return workspace
    }

    func survivesKills(_ batch: KilledBatch, template: TemporaryFolder) async throws {
        let binary = try builtBinary
        // How long the batch takes when nothing interrupts it: kills fall anywhere in it.
        let timing = try TemporaryFolder()
        try copyWorkspace(template, to: timing)
        let start = Date()
        let full = try execute(binary, batch.arguments + ["--store", timing.url.path])
        var duration = Date().timeIntervalSince(start)
        try #require(full.status == 0, "\(batch.name): \(full.output)")
        var interrupted = 0
        var landed = 0
        var runs = 0
        // A run that ends before its kill counts as a run, not a kill: go on until enough were killed.
        while interrupted < Self.kills && runs < Self.kills * 4 {
            let kill = runs
            runs += 1
            let copy = try TemporaryFolder()
            try copyWorkspace(template, to: copy)
            let store = copy.url.path
            let process = Process()
            process.executableURL = binary
            process.arguments = batch.arguments + ["--store", store]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let started = Date()
            try process.run()
            let delay = Double.random(in: 0...duration)
            try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
            if process.isRunning {
                Foundation.kill(process.processIdentifier, SIGKILL)
                interrupted += 1
                process.waitUntilExit()
            } else {
                // The timing run was slower than this one (the machine was busier): kills
                // fall within the batch as it runs now.
                process.waitUntilExit()
                duration = min(duration, Date().timeIntervalSince(started))
            }
            if TestDatabase.current == .sqlite {
                let integrity = try TestDatabase.query(workspaceAt: copy.url, "PRAGMA integrity_check;")
                #expect(integrity == "ok", "\(batch.name), kill \(kill) after \(delay) s: \(integrity)")
            }
            let counted = try TestDatabase.query(workspaceAt: copy.url, batch.countSQL)
            if counted == String(batch.after) { landed += 1 }
            #expect(
                counted == String(batch.before) || counted == String(batch.after),
                "\(batch.name), kill \(kill) after \(delay) s: \(counted) rows, neither \(batch.before) nor \(batch.after)")
            let verified = try execute(binary, ["verify", "--store", store])
            #expect(verified.status == 0, "\(batch.name), kill \(kill): \(verified.output)")
            // The next command works, and completes the batch.
            let again = try execute(binary, batch.arguments + ["--store", store])
            #expect(again.status == 0, "\(batch.name), kill \(kill): \(again.output)")
            let final = try TestDatabase.query(workspaceAt: copy.url, batch.countSQL)
            #expect(Int(final).map { $0 >= batch.after } == true, "\(batch.name), kill \(kill): \(final) rows after the rerun")
        }
        #expect(interrupted >= Self.kills, "\(batch.name): only \(interrupted) of \(runs) runs were still going when killed")
        print(
            "\(batch.name): \(runs) runs, \(interrupted) killed with SIGKILL, \(landed) found whole, \(runs - landed) found absent;"
                + " batch of \(batch.after) rows, \(String(format: "%.2f", duration)) s uninterrupted")
    }

    func copyWorkspace(_ source: TemporaryFolder, to destination: TemporaryFolder) throws {
        try TestDatabase.copyWorkspace(from: source.url, to: destination.url)
    }
}
