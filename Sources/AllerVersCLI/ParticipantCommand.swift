import ArgumentParser
import Foundation
import TrainingCore
import TrainingStore

extension AllerVers {
    struct ParticipantCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "participant",
            abstract: "Add, import, list and show participants.",
            subcommands: [Add.self, Import.self, List.self, Show.self])
    }
}

extension AllerVers.ParticipantCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add one participant.",
            discussion: """
                Example:
                  allervers participant add --first-name Camille --last-name Roux --email camille.roux@example.org \\
                    --profession "éducatrice spécialisée" --employer "CCAS de Villeurbanne" --hire-date 2025-09-01
                """)
        @Option var firstName: String
        @Option var lastName: String
        @Option var email: String?
        @Option(help: "Éducateur spécialisé, assistant de service social, CESF…") var profession: String?
        @Option var employer: String?
        @Option(help: ArgumentHelp("YYYY-MM-DD or DD/MM/YYYY.", valueName: "date")) var hireDate: String?
        @Option(help: "The employer's or funder's id for the person.") var externalID: String?
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if let hireDate, parseDate(hireDate) == nil { throw ValidationError("\"\(hireDate)\" is not a date that exists") }
        }

        func run() throws {
            let added = try storeOptions.openStore().add([
                Participant(
                    id: "", firstName: firstName, lastName: lastName, email: email, profession: profession, employer: employer,
                    hireDate: hireDate.flatMap(parseDate), externalID: externalID)
            ])
            say("Added \(added[0].id): \(added[0].displayName)")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import participants from a CSV file, all of them or none.",
            discussion: """
                Columns (in any order, French or English names): first_name/prenom, last_name/nom, \
                email, profession, employer/employeur, hire_date/date_embauche, external_id/matricule. \
                UTF-8 with or without BOM, `;` or `,`. A participant whose email or external id is \
                already known is refused as a duplicate, with its line.

                Example:
                  allervers participant import Courses/examples/participants.csv
                """)
        @Argument(help: "The CSV file.") var file: String
        @OptionGroup var storeOptions: StoreOptions

        /// Each column's name, then the other names French spreadsheets give it.
        static let columns: [(name: String, aliases: [String])] = [
            ("first_name", ["prenom"]), ("last_name", ["nom"]), ("email", ["courriel", "e_mail"]), ("profession", ["metier"]),
            ("employer", ["employeur"]), ("hire_date", ["date_embauche", "date_d_embauche"]), ("external_id", ["matricule"]),
        ]

        func run() throws {
            let store = try storeOptions.openStore()
            let table = try CSVFile(path: file).table(
                expecting: Self.columns.map(\.name), aliases: Dictionary(uniqueKeysWithValues: Self.columns.map { ($0.name, $0.aliases) }),
                required: ["first_name", "last_name"])
            let keys = Self.columns.map(\.name)
            var participants: [Participant] = []
            var lines: [Int] = []
            for row in table.rows {
                let values = table.fields(row, keys)
                func optional(_ index: Int) -> String? { values[index].isEmpty ? nil : values[index] }
                var hireDate: LocalDate?
                if let text = optional(5) {
                    guard let date = parseDate(text) else { throw CSVFile.error(file, row.line, "\"\(text)\" is not a date that exists") }
                    hireDate = date
                }
                participants.append(
                    Participant(
                        id: "", firstName: values[0], lastName: values[1], email: optional(2), profession: optional(3),
                        employer: optional(4),
                        hireDate: hireDate, externalID: optional(6)))
                lines.append(row.line)
            }
            // Duplicates inside the file, before the store sees them, to name both lines.
            var seen: [String: Int] = [:]
            for (participant, line) in zip(participants, lines) {
                for key in [participant.email?.lowercased(), participant.externalID].compactMap({ $0 }) {
                    if let first = seen[key] { throw CSVFile.error(file, line, "\(key) already appears on line \(first)") }
                    seen[key] = line
                }
            }
            do {
                let added = try store.add(participants)
                say("Imported \(counted(added.count, "participant")) from \(file)")
            } catch let error as ParticipantError {
                throw CSVFile.error(file, lines[error.index], error.description)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List participants.", discussion: "Example:\n  allervers participant list --json")
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() throws {
            let participants = try storeOptions.openStore().participants()
            if format.json { return try printJSON(participants) }
            guard !participants.isEmpty else { return say("No participant yet: add some with `allervers participant import FILE.csv`.") }
            printTable(
                [["ID", "NAME", "PROFESSION", "EMPLOYER", "EMAIL"]]
                    + participants.map { [$0.id, $0.displayName, $0.profession ?? "", $0.employer ?? "", $0.email ?? ""] })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a participant.", discussion: "Example:\n  allervers participant show camille.roux@example.org")
        @Argument(help: "Id, email or external id.") var participant: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() throws {
            let participant = try storeOptions.openStore().participant(participant)
            if format.json { return try printJSON(participant) }
            printTable([
                ["Id", participant.id], ["Name", participant.displayName], ["Email", participant.email ?? ""],
                ["Profession", participant.profession ?? ""], ["Employer", participant.employer ?? ""],
                ["Hired", participant.hireDate?.description ?? ""], ["External id", participant.externalID ?? ""],
            ])
        }
    }
}
