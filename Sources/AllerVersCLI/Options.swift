import ArgumentParser
import Foundation
import TrainingCore
import TrainingStore

/// Where the workspace is, for every command that uses one.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "The workspace folder (the one holding .allervers/). Default: the nearest above the current folder.", valueName: "folder"))
    var folder: String?

    /// The workspace named by --store, or the nearest one.
    func workspace() throws -> Workspace {
        if let folder { return try Workspace.existing(at: URL(fileURLWithPath: folder)) }
        return try Workspace.find(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    func openStore() throws -> Store {
        try Store.open(try workspace())
    }
}

/// `--json` for scripts.
struct FormatOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of a table, for scripts.")
    var json = false
}

/// A session named on the command line, with the workspace it is in.
struct SessionOptions: ParsableArguments {
    @Argument(help: "The session's id.") var session: String
    @OptionGroup var storeOptions: StoreOptions

    /// Opens the workspace and reads the session.
    func load() throws -> (store: Store, session: Session) {
        let store = try storeOptions.openStore()
        return (store, try store.session(id: session))
    }
}
