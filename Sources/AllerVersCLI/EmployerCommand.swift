import ArgumentParser
import TrainingCore
import TrainingService
import TrainingStore

extension AllerVers {
    struct EmployerCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "employer", abstract: tr("The employers whose staff train: add, list, show and correct them."),
                subcommands: [Add.self, List.self, Show.self, Edit.self])
        }
    }
}

extension AllerVers.EmployerCommand {
    struct Add: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "add", abstract: tr("Add an employer."),
                discussion: tr(
                    """
                    A participant's employer named in a file or an edit is found by its name, case, accents \
                    and spaces folded ("ccas de  villeurbanne" is "CCAS de Villeurbanne"), and added with \
                    the kind "other" when it is new.

                    Example:
                      allervers employer add "CCAS de Villeurbanne" --kind public-body \\
                        --siret 21690266800013
                    """))
        }
        @Argument(help: tr("The employer's name.")) var name: String
        @Option(help: tr("private-company, association, public-body or other."), transform: choice) var kind: Employer.Kind = .other
        @Option(help: tr("Its SIRET (14 digits).", valueName: "digits")) var siret: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let added = try await EmployerService(store: try storeOptions.openStore()).add(
                Employer(id: "", name: name, kind: kind, siret: siret))
            say("Added employer \(added.id): \(added.name)")
        }
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "list", abstract: tr("List the employers, with their staff and the spellings merged into each."),
                discussion: tr("Example:\n  allervers employer list --json"))
        }
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let employers = try await EmployerService(store: try storeOptions.openStore()).list()
            if format.json { return try printJSON(employers) }
            guard !employers.isEmpty else {
                return say("No employer yet: add one with `allervers employer add NAME`, or import participants with an employer column.")
            }
            printTable(
                header: ["ID", "NAME", "KIND", "SIRET", "STAFF", "ALSO WRITTEN"],
                rows: employers.map { summary in
                    let employer = summary.employer
                    return [
                        employer.id, employer.name, employer.kind.words.description, employer.siret ?? "", String(summary.staff),
                        summary.spellings.filter { $0 != employer.name }.map { "\"\($0)\"" }.joined(separator: ", "),
                    ]
                })
        }
    }

    struct Show: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "show", abstract: tr("Show an employer: its staff now, and those who left it."),
                discussion: tr("Example:\n  allervers employer show \"CCAS de Villeurbanne\""))
        }
        @Argument(help: tr("Its id or name.")) var employer: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let (summary, staff, past) = try await EmployerService(store: try storeOptions.openStore()).details(of: employer)
            if format.json {
                struct Shown: Encodable {
                    let employer: EmployerSummary
                    let staff: [Participant]
                    let left: [PastEmployment]
                }
                return try printJSON(Shown(employer: summary, staff: staff, left: past))
            }
            let employer = summary.employer
            printFields([
                ("Id", employer.id), ("Name", employer.name), ("Kind", employer.kind.words.description), ("SIRET", employer.siret ?? ""),
                ("Also written", summary.spellings.filter { $0 != employer.name }.joined(separator: ", ")),
            ])
            say()
            if staff.isEmpty {
                say("Nobody works there now.")
            } else {
                printTable(
                    header: ["PARTICIPANT", "NAME", "PROFESSION", "HIRED"],
                    rows: staff.map { [$0.id, $0.displayName, $0.profession ?? "", $0.hireDate?.description ?? ""] })
            }
            guard !past.isEmpty else { return }
            say()
            printTable(
                header: ["LEFT", "PROFESSION", "HIRED", "LAST DAY"],
                rows: past.map { [$0.participantID, $0.profession ?? "", $0.hireDate?.description ?? "", $0.leftOn.description] })
        }
    }

    struct Edit: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "edit", abstract: tr("Correct an employer's name, kind or SIRET; its old name stays one of its spellings."),
                discussion: tr("Example:\n  allervers employer edit E-0002 --kind association --siret 73282932000074"))
        }
        @Argument(help: tr("Its id or name.")) var employer: String
        @Option(help: tr("The new name.")) var name: String?
        @Option(help: tr("private-company, association, public-body or other."), transform: choice) var kind: Employer.Kind?
        @Option(help: tr("Its SIRET (14 digits); \"\" clears it.", valueName: "digits")) var siret: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let edited = try await EmployerService(store: try storeOptions.openStore()).edit(employer) { employer in
                if let name { employer.name = name }
                if let kind { employer.kind = kind }
                if let siret { employer.siret = siret.isEmpty ? nil : siret }
            }
            say("Employer \(edited.id): \(edited.name), \(edited.kind.words)" + (edited.siret.map { ", SIRET \($0)" } ?? ""))
        }
    }
}
