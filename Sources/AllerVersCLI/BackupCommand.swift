import ArgumentParser
import Foundation
import TrainingCore
import TrainingService
import TrainingStore

extension AllerVers {
    struct Backup: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "backup", abstract: tr("Write a consistent snapshot of the workspace to one file, even while others record."),
                discussion: tr(
                    """
                    The snapshot is SQLite's online backup, read in one transaction, so trainers can go on \\
                    recording while it is taken. The signing keys go into it only with --with-key: keep \\
                    such a file as safely as the keys themselves. The file is readable by its owner only.

                    Examples:
                      allervers backup --to /media/usb/aller-vers-2026-03-14.allervers
                      allervers backup --to coffre/aller-vers.allervers --with-key
                    """))
        }
        @Option(help: tr("The new file to write.", valueName: "file")) var to: String
        @Flag(help: tr("Put the workspace's signing keys in the snapshot too.")) var withKey = false
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let service = WorkspaceService(store: try storeOptions.openStore())
            try await service.backup(to: URL(fileURLWithPath: to), withKeys: withKey)
            say("Backed up \(service.workspace.folder.path) to \(to)" + (withKey ? " with its keys" : " (without the signing keys)"))
        }
    }

    struct Restore: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "restore", abstract: tr("Restore a snapshot into a folder that holds no workspace yet."),
                discussion: tr(
                    """
                    The snapshot must pass SQLite's integrity check and the hash chains of its attendance \\
                    and session logs; otherwise nothing is written. An existing workspace is never \\
                    overwritten. A snapshot taken without --with-key restores without the signing key: \\
                    certificates then verify, but new ones cannot be signed until the key is put back.

                    Example:
                      allervers restore /media/usb/aller-vers-2026-03-14.allervers \\
                        --store ~/formations
                    """))
        }
        @Argument(help: tr("The snapshot.", valueName: "file")) var file: String
        @Option(
            name: .customLong("store"),
            help: tr("The folder to restore into. Default: the current folder.", valueName: "folder"))
        var folder: String?

        func run() throws {
            let workspace = Workspace(folder: URL(fileURLWithPath: folder ?? FileManager.default.currentDirectoryPath))
            let report = try Store.restore(from: URL(fileURLWithPath: file), into: workspace)
            say("Restored \(file) into \(workspace.folder.path)")
            say(
                "  ✓ integrity check; \(counted(report.attendanceRecords, "attendance record", "attendance records")) and \(counted(report.sessionEvents, "session event", "session events")) chained and intact; \(counted(report.certificates, "certificate"))"
            )
            let keys = report.keyFiles.filter { $0.contains("key") }
            say(keys.isEmpty ? "  no signing key in the snapshot" : "  keys: \(keys.joined(separator: ", "))")
        }
    }
}
