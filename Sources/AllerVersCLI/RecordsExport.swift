import ArgumentParser
import Foundation
import TrainingCore
import TrainingExport
import TrainingPDF
import TrainingService
import TrainingStore

/// `--lang fr|en`.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case fr, en

    var language: DocumentLanguage { self == .fr ? .fr : .en }
}

/// Files written to a staging folder first, then moved into place one by one once every
/// file of every session is made: a failure while making them leaves nothing behind.
///
/// The staged files reach the disk together, by one `sync` before they are moved: a year's
/// records are some 25,000 files, and Foundation's `Data.write` waits for the disk after
/// each (an `fsync`, a millisecond apiece here). A file moved into place is on the disk,
/// as before.
struct StagedFiles {
    private let staging: URL
    private var moves: [(from: URL, to: URL)] = []

    init(beside folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        staging = folder.appendingPathComponent(".allervers-staging-\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Stages `data` for `destination`.
    mutating func add(_ data: Data, as destination: URL) throws {
        let staged = staging.appendingPathComponent(String(moves.count))
        do { try NewFile.write(data, to: staged.path, mode: 0o644, durable: false) } catch {
            throw CLIError("\(staging.relativePath): cannot write: \(error.reason)")
        }
        moves.append((staged, destination))
    }

    /// Moves every staged file into place, after removing `replacing` folders (whose
    /// whole content the staged files replace).
    func commit(replacing folders: [URL] = []) throws {
        let manager = FileManager.default
        // Glibc's module does not offer `syncfs`; `sync` waits for every file system's writes.
        sync()
        for folder in folders where manager.fileExists(atPath: folder.path) {
            do { try manager.removeItem(at: folder) } catch { throw CLIError("\(folder.relativePath): cannot replace the folder") }
        }
        for (from, to) in moves {
            try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            if rename(from.path, to.path) != 0 { throw CLIError("\(to.relativePath): cannot write the file") }
        }
        try? manager.removeItem(at: staging)
    }

    /// Removes what was staged.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}

extension AllerVers.ExportCommand {
    struct Records: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "records",
                abstract: tr(
                    "Write a session's records for funders and participants: attendance, hours, xAPI, sign-in sheets, certificates."),
                discussion: tr(
                    """
                    Into FOLDER/SESSION/ (FOLDER is Exports unless --out says otherwise):
                      attendance.csv            one row per participant per half-day, as funders ask
                      hours.csv                 hours planned and attended per participant, decision, certificate
                      xapi-statements.jsonl     attended / completed / passed statements for a learning record store
                      sign-in-sheets.pdf        the feuilles d'émargement, filled from the records
                      certificates/NUMBER-certificat-de-realisation.pdf   every certified participant
                      certificates/NUMBER-attestation-de-fin-de-formation.pdf   eligible participants
                      certificates/NUMBER-open-badge.jwt                   eligible participants (Open Badges 3.0, VC-JWT)
                    CSV files are UTF-8 with a BOM and ';' as French spreadsheets expect; a cell that a \
                    spreadsheet would take for a formula is prefixed with '. Certificate PDFs are sealed: \
                    `allervers verify FILE.pdf` detects any changed byte. Everything is made before \
                    anything is written. A progress bar shows on a terminal.

                    Examples:
                      allervers export records AV-FOND-2026-03-LYON
                      allervers export records AV-FOND-2026-03-LYON --lang en --out /tmp/records
                      allervers export records --from 2026-01-01 --to 2026-03-31
                    """))
        }
        @OptionGroup var selection: SessionSelection
        @Option(help: tr("The folder to write SESSION/ into.", valueName: "folder")) var out: String = "Exports"
        @Option(help: tr("The certificates' language: fr or en.")) var lang: LanguageOption = .fr
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let store = try storeOptions.openStore()
            try await RecordFiles.write(
                try await selection.sessionIDs(in: store), store: store, into: URL(fileURLWithPath: out), language: lang.language)
        }
    }

    struct Sheets: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "sheets",
                abstract: tr("Write a session's sign-in sheets: blank to print before, or filled from the records after."),
                discussion: tr(
                    """
                    One sheet per half-day: course, module, date, times, place, trainers, a row and a \
                    signature box per seated participant, and a box for the trainers.

                    Examples:
                      allervers export sheets AV-FOND-2026-03-LYON --blank
                      allervers export sheets AV-FOND-2026-03-LYON --out emargement.pdf
                    """))
        }
        @OptionGroup var sessionOptions: SessionOptions
        @Flag(help: tr("Leave the attendance column empty, to print before the session.")) var blank = false
        @Option(help: tr("The file to write.", valueName: "file")) var out: String?
        @Option(help: tr("The sheets' language: fr or en.")) var lang: LanguageOption = .fr

        func run() async throws {
            let service = RecordsService(store: try sessionOptions.storeOptions.openStore())
            let (session, pdf) = try await service.sheets(of: sessionOptions.session, blank: blank, language: lang.language)
            let url = URL(fileURLWithPath: out ?? "Exports/\(session.id)/sign-in-sheets\(blank ? "-blank" : "").pdf")
            var staged = try StagedFiles(beside: url.deletingLastPathComponent())
            try staged.add(pdf, as: url)
            try staged.commit()
            say("Wrote \(counted(session.slots.count, "sheet")) to \(url.relativePath)")
        }
    }
}

/// Writing a session's records into `folder/SESSION/`.
enum RecordFiles {
    /// Makes every session's records, then writes them into `folder/SESSION/`: nothing is
    /// written when any of them fails.
    static func write(_ sessionIDs: [String], store: Store, into folder: URL, language: DocumentLanguage) async throws {
        var staged = try StagedFiles(beside: folder)
        let progress = ProgressBar(total: sessionIDs.count, label: "export")
        let made: [SessionFiles]
        do {
            made = try await RecordsService(store: store).files(of: sessionIDs, language: language) { progress.note($0) }
            progress.finish()
            for session in made {
                for (name, data) in session.files {
                    try staged.add(data, as: folder.appendingPathComponent(session.sessionID).appendingPathComponent(name))
                }
            }
            // Certificates revoked since the last export must not linger beside the live ones.
            try staged.commit(replacing: sessionIDs.map { folder.appendingPathComponent($0).appendingPathComponent("certificates") })
        } catch {
            progress.finish()
            staged.discard()
            throw error
        }
        for session in made {
            say("Wrote \(counted(session.files.count, "file")) to \(folder.appendingPathComponent(session.sessionID).relativePath)/")
        }
    }
}
