import ArgumentParser
import Foundation
import TrainingCore
import TrainingService
import TrainingStore

extension AllerVers {
    struct StoreCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "store", abstract: tr("Move a workspace's records between SQLite and PostgreSQL."), subcommands: [Copy.self])
        }

        struct Copy: AsyncParsableCommand {
            static var configuration: CommandConfiguration {
                CommandConfiguration(
                    commandName: "copy",
                    abstract: tr("Copy a workspace's records into an empty PostgreSQL database, or into a new folder over SQLite."),
                    discussion: tr(
                        """
                        Every record is copied with its keys in one transaction, then checked where it landed: \\
                        the attendance and session logs' hash chains are recomputed and every certificate's \\
                        signatures verified. A target that already holds records is refused. Into a folder, \\
                        the source's key files are copied too; into a database, only the records are: join \\
                        it with `allervers init --database URL` and copy the keys into that workspace.

                        Examples:
                          allervers store copy --from ~/formations \\
                            --to postgres://allervers@db.example.org/formations
                          allervers store copy --from ~/formations-pg --to ~/formations-copie
                        """))
            }
            @Option(help: tr("The workspace folder to copy.", valueName: "folder")) var from: String
            @Option(
                help: tr(
                    "An empty PostgreSQL database (postgres://USER@HOST[:PORT]/DATABASE), or a folder without a workspace.",
                    valueName: "url|folder"))
            var to: String

            func run() async throws {
                let source = try Workspace.existing(at: URL(fileURLWithPath: from))
                let report = try await StoreCopy.copy(from: source, to: to)
                let rows = report.copied.tables.reduce(0) { $0 + $1.rows }
                say("Copied \(source.folder.path) to \(report.target): \(counted(rows, "row")) in \(report.copied.tables.count) tables")
                say(
                    "  ✓ \(counted(report.attendanceRecords, "attendance record", "attendance records")) and \(counted(report.sessionEvents, "session event", "session events")) chained and intact on the copy; "
                        + "\(counted(report.certificates, "certificate"))' signatures verified")
                if !report.keyFiles.isEmpty { say("  keys: \(report.keyFiles.joined(separator: ", "))") }
            }
        }
    }
}
