import ArgumentParser
import Foundation
import TrainingStore

extension AllerVers {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a consistent snapshot of the workspace to one file, even while others record.",
            discussion: """
                The snapshot is SQLite's online backup, read in one transaction, so trainers can go on \\
                recording while it is taken. The signing keys go into it only with --with-key: keep \\
                such a file as safely as the keys themselves. The file is readable by its owner only.

                Examples:
                  allervers backup --to /media/usb/aller-vers-2026-03-14.allervers
                  allervers backup --to coffre/aller-vers.allervers --with-key
                """)
        @Option(help: ArgumentHelp("The new file to write.", valueName: "file")) var to: String
        @Flag(help: "Put the workspace's signing keys in the snapshot too.") var withKey = false
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let store = try storeOptions.openStore()
            let keys = withKey ? try keyFiles(in: store.workspace) : []
            try store.backup(to: URL(fileURLWithPath: to), keyFiles: keys)
            say(
                "Backed up \(store.workspace.folder.path) to \(to)"
                    + (withKey ? " with \(counted(keys.count, "key file"))" : " (without the signing key)"))
        }

        /// The key files of the workspace: everything in `.allervers/` that is not the store.
        private func keyFiles(in workspace: Workspace) throws -> [(name: String, contents: Data)] {
            let names = try FileManager.default.contentsOfDirectory(atPath: workspace.directory.path).filter {
                $0.hasSuffix(".pem") || $0.hasSuffix(".der")
            }.sorted()
            guard !names.isEmpty else { throw CLIError("\(workspace.directory.path) has no signing key to back up") }
            return try names.map { name in
                guard let data = FileManager.default.contents(atPath: workspace.directory.appendingPathComponent(name).path) else {
                    throw CLIError("\(workspace.directory.appendingPathComponent(name).path): cannot read the key")
                }
                return (name, data)
            }
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Restore a snapshot into a folder that holds no workspace yet.",
            discussion: """
                The snapshot must pass SQLite's integrity check and the hash chains of its attendance \\
                and session logs; otherwise nothing is written. An existing workspace is never \\
                overwritten. A snapshot taken without --with-key restores without the signing key: \\
                certificates then verify, but new ones cannot be signed until the key is put back.

                Example:
                  allervers restore /media/usb/aller-vers-2026-03-14.allervers --store ~/formations
                """)
        @Argument(help: ArgumentHelp("The snapshot.", valueName: "file")) var file: String
        @Option(
            name: .customLong("store"),
            help: ArgumentHelp("The folder to restore into. Default: the current folder.", valueName: "folder"))
        var folder: String?

        func run() throws {
            let workspace = Workspace(folder: URL(fileURLWithPath: folder ?? FileManager.default.currentDirectoryPath))
            let report = try Store.restore(from: URL(fileURLWithPath: file), into: workspace)
            say("Restored \(file) into \(workspace.folder.path)")
            say(
                "  ✓ integrity check; \(counted(report.attendanceRecords, "attendance record")) and \(counted(report.sessionEvents, "session event")) chained and intact; \(counted(report.certificates, "certificate"))"
            )
            say(report.keyFiles.isEmpty ? "  no signing key in the snapshot" : "  keys: \(report.keyFiles.joined(separator: ", "))")
        }
    }
}
