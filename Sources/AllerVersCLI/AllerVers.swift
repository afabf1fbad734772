public import ArgumentParser
import TrainingCore

/// The `allervers` command: the root of every subcommand.
public struct AllerVers: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "allervers",
            abstract: tr("Run professional training: courses, sessions, attendance and the records that prove it."),
            discussion: tr(
                """
                Commands find the workspace from the current folder upward, as git finds a repository, \
                or take --store FOLDER.

                Example:
                  allervers init --name "Institut Aller-Vers" \\
                    --address "12 rue des Lices, 49100 Angers" \\
                    --declaration-number 52490123449 --signatory "Claire Martin" \\
                    --signatory-title Directrice
                  allervers course import Courses/
                  allervers course list
                """),
            subcommands: [
                Init.self, OrganisationCommand.self, CourseCommand.self, SessionCommand.self, ParticipantCommand.self, EmployerCommand.self,
                ObligationCommand.self, ExternalCommand.self, ExemptionCommand.self, ComplianceCommand.self,
                AttendanceCommand.self,
                ProgressCommand.self, Certify.self, CertificateCommand.self, ExportCommand.self, KeyCommand.self,
                TrainerCommand.self, ReportCommand.self, AuditPack.self, RetentionCommand.self, Purge.self, Verify.self, Serve.self,
                AccountCommand.self, Backup.self,
                Restore.self,
                StoreCommand.self,
            ]
        )
    }

    public init() {}

    /// The tool's version, which `allervers --version` prints. Not ArgumentParser's version
    /// flag: that one is read at every level of the command line, where `--version V` is a
    /// course's version, and every help would list it beside that option.
    public static let release = "0.1.0"
}

extension AllerVers {
    /// Parses a command line (the process's when `nil`) and runs its command, awaiting the
    /// asynchronous ones: what `main` does, and what tests call in process.
    public static func run(_ arguments: [String]? = nil) async throws {
        if (arguments ?? Array(CommandLine.arguments.dropFirst())) == ["--version"] { return say(verbatim: release) }
        var command = try parseAsRoot(arguments)
        if var asynchronous = command as? any AsyncParsableCommand {
            try await asynchronous.run()
        } else {
            try command.run()
        }
    }
}
