import ArgumentParser
import Foundation
import TrainingCore
import TrainingService
import TrainingStore

extension AllerVers {
    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write files for others: records for funders and participants, sheets, calendars.",
            subcommands: [Records.self, Sheets.self, Calendar.self])
    }
}

extension AllerVers.ExportCommand {
    struct Calendar: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a session's half-days as an iCalendar file that calendar applications import.",
            discussion: """
                Written to Exports/SESSION/calendar.ics in the current folder unless --out says where.

                Example:
                  allervers export calendar AV-FOND-2026-03-LYON --out lyon.ics
                """)
        @OptionGroup var sessionOptions: SessionOptions
        @Option(help: ArgumentHelp("The file to write.", valueName: "file")) var out: String?

        func run() async throws {
            let (session, text) = try await RecordsService(store: try sessionOptions.storeOptions.openStore()).calendar(
                of: sessionOptions.session, at: Date())
            let url =
                out.map { URL(fileURLWithPath: $0) }
                ?? URL(fileURLWithPath: "Exports/\(session.id)/calendar.ics")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw CLIError("\(url.path): cannot write the file")
            }
            say("Wrote \(counted(session.slots.count, "event")) to \(url.relativePath)")
        }
    }
}
