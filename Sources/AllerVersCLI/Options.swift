import ArgumentParser
import Foundation
import TrainingCore
import TrainingService
import TrainingStore

/// Where the workspace is, for every command that uses one.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: tr(
            """
            The workspace folder (the one holding .allervers/), or a PostgreSQL database (postgres://USER@HOST[:PORT]/DATABASE, \
            the password from PGPASSWORD or ~/.pgpass). Default: $ALLERVERS_STORE, else the nearest workspace above the current folder.
            """, valueName: "folder|url"))
    var folder: String?

    /// What --store or ALLERVERS_STORE says, if anything. The variable is read alone:
    /// `ProcessInfo.environment` would copy the whole environment into a dictionary.
    private var named: String? { folder ?? getenv("ALLERVERS_STORE").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }

    /// The workspace named by --store, or the nearest one. With a database URL, the nearest
    /// workspace (or the current folder) is where the signing keys are.
    func workspace() throws -> Workspace {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let named, Stores.isDatabaseURL(named) { return (try? Workspace.find(from: here)) ?? Workspace(folder: here) }
        if let named { return try Workspace.existing(at: URL(fileURLWithPath: named)) }
        return try Workspace.find(from: here)
    }

    func openStore(readers: Int = 0) throws -> Store {
        if let named, Stores.isDatabaseURL(named) { return try Stores.open(named, keys: try workspace()) }
        return try Stores.open(try workspace(), readers: readers)
    }
}

/// `--json` for scripts.
struct FormatOptions: ParsableArguments {
    @Flag(help: tr("Print JSON instead of a table, for scripts."))
    var json = false
}

/// A session named on the command line, with the workspace it is in.
struct SessionOptions: ParsableArguments {
    @Argument(help: tr("The session's id.")) var session: String
    @OptionGroup var storeOptions: StoreOptions
}

/// Sessions named one by one, or every closed session that ended within a period.
struct SessionSelection: ParsableArguments {
    @Argument(help: tr("The sessions' ids.")) var sessions: [String] = []
    @Option(help: tr("With --to: every closed session whose last day falls in the period.", valueName: "date"))
    var from: String?
    @Option(help: tr("The period's last day, included.", valueName: "date")) var to: String?

    func validate() throws {
        try validateDates(from, to)
        guard (from == nil) == (to == nil) else { throw ValidationError(tr("--from and --to go together")) }
        guard sessions.isEmpty != (from == nil) else { throw ValidationError(tr("name sessions, or give a period with --from and --to")) }
    }

    /// The ids, in the order given, or the closed sessions of the period by first day.
    func sessionIDs(in store: Store) async throws -> [String] {
        guard let from = from.flatMap(LocalDate.init), let to = to.flatMap(LocalDate.init) else { return sessions }
        let found = try await SessionService(store: store).closedSessions(endingFrom: from, through: to)
        guard !found.isEmpty else { throw CLIError("no closed session ended between \(from) and \(to)") }
        return found
    }
}

/// Refuses a date option (YYYY-MM-DD) that is not a day of the calendar; absent ones pass.
func validateDates(_ texts: String?...) throws {
    for text in texts.compactMap({ $0 }) where LocalDate(text) == nil {
        throw ValidationError(tr("\"\(text)\" is not a date that exists (YYYY-MM-DD)"))
    }
}

/// Today on the organisation's calendar (Europe/Paris).
func today() -> LocalDate {
    LocalDate.inParis(WorkClock.now)
}
