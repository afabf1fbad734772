import ArgumentParser
import Foundation
import TrainingCore
import TrainingService
import TrainingStore

extension AllerVers {
    struct ParticipantCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "participant",
                abstract: tr("Add, import, list, show, edit, merge and remove participants."),
                subcommands: [Add.self, Import.self, List.self, Find.self, Show.self, Edit.self, Merge.self, Remove.self])
        }
    }
}

extension AllerVers.ParticipantCommand {
    struct Add: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "add", abstract: tr("Add one participant."),
                discussion: tr(
                    """
                    Example:
                      allervers participant add --first-name Camille --last-name Roux \\
                        --email camille.roux@example.org \\
                        --profession "éducatrice spécialisée" --employer "CCAS de Villeurbanne" \\
                        --hire-date 2025-09-01
                    """))
        }
        @Option var firstName: String
        @Option var lastName: String
        @Option var email: String?
        @Option(help: tr("Éducateur spécialisé, assistant de service social, CESF…")) var profession: String?
        @Option var employer: String?
        @Option(help: tr("YYYY-MM-DD or DD/MM/YYYY.", valueName: "date")) var hireDate: String?
        @Option(help: tr("When they took their profession or role, if not at the hire.", valueName: "date")) var roleSince: String?
        @Option(help: tr("The employer's or funder's id for the person.")) var externalID: String?
        @Option(help: tr("YYYY-MM-DD or DD/MM/YYYY: tells namesakes apart.", valueName: "date")) var birthDate: String?
        @Option(help: tr("female or male, for the statuses on sheets; unset, they read Présent·e.", valueName: "gender"))
        var gender: GenderOption?
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            for date in [hireDate, roleSince, birthDate].compactMap({ $0 }) where parseDate(date) == nil {
                throw ValidationError(tr("\"\(date)\" is not a date that exists"))
            }
        }

        func run() async throws {
            let participant = Participant(
                id: "", firstName: firstName, lastName: lastName, email: email, profession: profession, employer: employer,
                hireDate: hireDate.flatMap(parseDate), externalID: externalID, birthDate: birthDate.flatMap(parseDate),
                gender: gender?.gender, roleSince: roleSince.flatMap(parseDate))
            let (added, duplicates) = try await ParticipantService(store: try storeOptions.openStore()).add([participant])
            say("Added \(added[0].id): \(added[0].displayName)")
            warn(about: duplicates, added: added)
        }
    }

    struct Import: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "import", abstract: tr("Import participants from a CSV file, all of them or none."),
                discussion: tr(
                    """
                    Columns (in any order, French or English names): first_name/prenom, last_name/nom, \
                    email, profession, employer/employeur, employer_kind/type_employeur (private-company or \
                    entreprise, association, public-body or public, other or autre), employer_siret/siret, \
                    hire_date/date_embauche, role_since/date_prise_de_poste, external_id/matricule, birth_date/date_naissance, gender/genre. \
                    UTF-8 with or without BOM, `;` or `,`. A participant whose email or external id is \
                    already known is refused as a duplicate, with its line.

                    Example:
                      allervers participant import Courses/examples/participants.csv
                    """))
        }
        @Argument(help: tr("The file: CSV, or the first sheet of an .xlsx or .ods.")) var file: String
        @Option(help: tr("The sheet of an .xlsx or .ods to read. Default: the first.", valueName: "name")) var sheet: String?
        @OptionGroup var storeOptions: StoreOptions

        /// Each column's name, then the other names French spreadsheets give it.
        static let columns: [(name: String, aliases: [String])] = [
            ("first_name", ["prenom"]), ("last_name", ["nom", "nom_de_famille"]),
            ("email", ["courriel", "e_mail", "mail", "adresse_mail", "adresse_e_mail", "adresse_electronique"]),
            ("profession", ["metier", "fonction", "poste", "emploi"]), ("employer", ["employeur", "structure"]),
            ("hire_date", ["date_d_embauche", "date_embauche", "date_d_entree", "date_entree"]),
            ("external_id", ["matricule", "n_agent", "numero_agent", "numero_d_agent", "no_agent"]),
            ("birth_date", ["date_naissance", "date_de_naissance"]), ("gender", ["genre", "sexe"]),
            ("employer_kind", ["type_employeur", "type_d_employeur"]), ("employer_siret", ["siret", "siret_employeur"]),
            ("role_since", ["date_prise_de_poste", "date_prise_poste"]),
            // Read, not kept: the department someone works in at their employer.
            ("department", ["service"]),
        ]
        static let kinds: [String: Employer.Kind] = [
            "private-company": .privateCompany, "entreprise": .privateCompany, "entreprise privee": .privateCompany,
            "association": .association, "public-body": .publicBody, "public": .publicBody, "organisme public": .publicBody,
            "collectivite": .publicBody, "other": .other, "autre": .other,
        ]
        static let genders: [String: Participant.Gender] = [
            "female": .female, "f": .female, "femme": .female, "male": .male, "m": .male, "h": .male, "homme": .male,
        ]

        func run() async throws {
            let service = ParticipantService(store: try storeOptions.openStore())
            let table = try CSVFile(path: file, sheet: sheet).table(
                expecting: Self.columns.map(\.name), aliases: Dictionary(uniqueKeysWithValues: Self.columns.map { ($0.name, $0.aliases) }),
                required: ["first_name", "last_name"])
            if table.columns.contains("department") {
                sayError("\(file): the column service is read, not kept: the register keeps the employer")
            }
            let keys = Self.columns.map(\.name)
            var participants: [Participant] = []
            var lines: [Int] = []
            var employers: [Int: Employer] = [:]
            var described: [String: (employer: Employer, line: Int)] = [:]
            for row in table.rows {
                let values = table.fields(row, keys)
                func optional(_ index: Int) -> String? { values[index].isEmpty ? nil : values[index] }
                func date(_ index: Int) throws -> LocalDate? {
                    guard let text = optional(index) else { return nil }
                    guard let date = parseDate(text) else { throw CSVFile.error(file, row.line, dateProblem(text)) }
                    return date
                }
                var gender: Participant.Gender?
                if let text = optional(8) {
                    guard let known = Self.genders[text.lowercased()] else {
                        throw CSVFile.error(file, row.line, "\"\(text)\" is not a gender: F or M (femme, homme), or leave it empty")
                    }
                    gender = known
                }
                if optional(9) != nil || optional(10) != nil {
                    guard let name = optional(4) else {
                        throw CSVFile.error(file, row.line, "the employer's kind and SIRET go with its name, in the employer column")
                    }
                    var kind = Employer.Kind.other
                    if let text = optional(9) {
                        guard let known = Self.kinds[text.folded] else {
                            throw CSVFile.error(
                                file, row.line, "\"\(text)\" is not a kind of employer: private-company, association, public-body or other")
                        }
                        kind = known
                    }
                    let employer = Employer(id: "", name: name, kind: kind, siret: optional(10))
                    if let problem = employer.problems().first { throw CSVFile.error(file, row.line, problem) }
                    // A detail left empty on one line contradicts nothing.
                    if let first = described[name.folded],
                        (first.employer.kind != .other && kind != .other && first.employer.kind != kind)
                            || (first.employer.siret != nil && employer.siret != nil && first.employer.siret != employer.siret)
                    {
                        throw CSVFile.error(file, row.line, "\(name) is described otherwise on line \(first.line)")
                    }
                    described[name.folded] = described[name.folded] ?? (employer, row.line)
                    employers[participants.count] = employer
                }
                participants.append(
                    Participant(
                        id: "", firstName: values[0], lastName: values[1], email: optional(2), profession: optional(3),
                        employer: optional(4), hireDate: try date(5), externalID: optional(6), birthDate: try date(7), gender: gender,
                        roleSince: try date(11)))
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
                let (added, duplicates) = try await service.add(
                    participants, employers: employers)
                say("Imported \(counted(added.count, "participant")) from \(file)")
                warn(about: duplicates, added: added, lines: lines, file: file)
            } catch let error as ParticipantError {
                throw CSVFile.error(file, lines[error.index], error.text)
            }
        }
    }

    struct Find: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "find", abstract: tr("Find people by name, email, employer, id or external id."),
                discussion: tr(
                    """
                    Every word must appear in one of them; case, accents and runs of spaces do not \
                    matter (garnier, Garnier and GARNIÉR find the same people). No match is not an \
                    error, as with grep, unless --require.

                    Example:
                      allervers participant find garnier
                      allervers participant find "ccas villeurbanne" --json
                    """))
        }
        @Argument(help: tr("The words to find.")) var words: [String]
        @Flag(help: tr("Exit with status 1 when nobody matches.")) var require = false
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func validate() throws {
            if words.joined().allSatisfy(\.isWhitespace) {
                throw ValidationError(tr("give a name, an email, an employer or an id to find"))
            }
        }

        func run() async throws {
            let found = try await ParticipantService(store: try storeOptions.openStore()).find(words.joined(separator: " "))
            if format.json {
                try printJSON(found)
            } else if found.isEmpty {
                say("No match for \"\(words.joined(separator: " "))\".")
            } else {
                printTable(
                    header: ["ID", "NAME", "EMPLOYER", "EMAIL", "EXTERNAL ID"],
                    rows: found.map { [$0.id, $0.displayName, $0.employer ?? "", $0.email ?? "", $0.externalID ?? ""] })
            }
            if found.isEmpty && require { throw ExitCode(1) }
        }
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "list", abstract: tr("List participants."), discussion: tr("Example:\n  allervers participant list --json"))
        }
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let participants = try await ParticipantService(store: try storeOptions.openStore()).list()
            if format.json { return try printJSON(participants) }
            guard !participants.isEmpty else { return say("No participant yet: add some with `allervers participant import FILE.csv`.") }
            printTable(
                header: ["ID", "NAME", "PROFESSION", "EMPLOYER", "EMAIL"],
                rows: participants.map { [$0.id, $0.displayName, $0.profession ?? "", $0.employer ?? "", $0.email ?? ""] })
        }
    }

    struct Show: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "show", abstract: tr("Show a participant."),
                discussion: tr("Example:\n  allervers participant show camille.roux@example.org"))
        }
        @Argument(help: tr("Id, email or external id.")) var participant: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let service = ParticipantService(store: try storeOptions.openStore())
            let (participant, changes) = try await service.details(of: participant)
            let day = today()
            let history = try await service.history(of: participant.id, today: day)
            if format.json {
                // The participant's own keys, as before, the change log and the history beside them.
                struct Shown: Encodable {
                    let participant: Participant
                    let changes: [ParticipantChange]
                    let history: ParticipantHistory
                    let day: LocalDate
                    enum Key: CodingKey { case changes, sessions, certificates, obligations }

                    func encode(to encoder: any Encoder) throws {
                        try participant.encode(to: encoder)
                        var container = encoder.container(keyedBy: Key.self)
                        try container.encode(changes, forKey: .changes)
                        try container.encode(history.sessions, forKey: .sessions)
                        try container.encode(
                            history.certificates.map { CertificateOnADay(certificate: $0, day: day) }, forKey: .certificates)
                        try container.encode(history.obligations, forKey: .obligations)
                    }
                }
                return try printJSON(Shown(participant: participant, changes: changes, history: history, day: day))
            }
            printFields([
                ("Id", participant.id), ("Name", participant.displayName), ("Email", participant.email ?? ""),
                ("Profession", participant.profession ?? ""), ("Employer", participant.employer ?? ""),
                ("Hired", participant.hireDate?.description ?? ""), ("In the role since", participant.roleSince?.description ?? ""),
                ("External id", participant.externalID ?? ""),
                ("Born", participant.birthDate?.description ?? ""), ("Gender", participant.gender?.rawValue ?? ""),
            ])
            if !history.sessions.isEmpty {
                say()
                printTable(
                    header: ["SESSION", "COURSE", "FROM", "TO", "SESSION STATUS", "SEAT", "ATTENDED", "PLANNED"],
                    rows: history.sessions.map {
                        [
                            $0.sessionID, $0.courseID, $0.firstDay?.description ?? "", $0.lastDay?.description ?? "", $0.sessionStatus,
                            $0.place, $0.attended.description, $0.planned.description,
                        ]
                    })
            }
            if !history.certificates.isEmpty {
                say()
                printTable(
                    header: ["CERTIFICATE", "COURSE", "SESSION", "ISSUED", "STATE", "VALID UNTIL"],
                    rows: history.certificates.map {
                        [
                            $0.number, $0.courseID, $0.sessionID, $0.issuedOn.description, $0.state(on: day).words.description,
                            $0.validUntil?.description ?? ($0.state(on: day) == .valid ? tr("for good") : ""),
                        ]
                    })
            }
            if !history.obligations.isEmpty {
                say()
                printTable(
                    header: ["OBLIGATION", "TITLE", "STATUS", "DUE", "EVIDENCE"],
                    rows: history.obligations.map {
                        [
                            $0.obligationID, $0.obligation, $0.status.stateText.description,
                            $0.status.due?.description ?? "", $0.status.evidence?.evidence ?? tr("never trained"),
                        ]
                    })
            }
            guard !changes.isEmpty else { return }
            say()
            printTable(
                header: ["CHANGED", "BY", "AT", "FROM", "TO"],
                rows: changes.map {
                    [fieldName($0.field).description, $0.changedBy, $0.changedAt.formatted(.iso8601), $0.before ?? "—", $0.after ?? "—"]
                })
        }
    }
}

extension AllerVers.ParticipantCommand {
    struct Edit: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "edit", abstract: tr("Correct a participant's details; every change is logged."),
                discussion: tr(
                    """
                    Certificates issued before keep what they printed; those issued after print the new \
                    details. `participant show` lists the changes: who, when, before and after. An empty \
                    value (--email "") clears a detail.

                    Example:
                      allervers participant edit P-0003 --last-name "Roux-Martin" \\
                        --by "Claire Martin"
                      allervers participant edit P-0001 --profession "cheffe de service" \\
                        --role-since 2026-10-01
                    """))
        }
        @Argument(help: tr("Id, email or external id.")) var participant: String
        @Option var firstName: String?
        @Option var lastName: String?
        @Option var email: String?
        @Option var profession: String?
        @Option var employer: String?
        @Option(help: tr("YYYY-MM-DD or DD/MM/YYYY.", valueName: "date")) var hireDate: String?
        @Option(help: tr("When they took their profession or role, if not at the hire.", valueName: "date")) var roleSince: String?
        @Option var externalID: String?
        @Option(help: tr("YYYY-MM-DD or DD/MM/YYYY.", valueName: "date")) var birthDate: String?
        @Option(help: tr("female or male.", valueName: "gender")) var gender: GenderOption?
        @Option(help: tr("Who corrects. Default: the organisation's signatory.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            for date in [hireDate, roleSince, birthDate].compactMap({ $0 }) where !date.isEmpty && parseDate(date) == nil {
                throw ValidationError(tr("\"\(date)\" is not a date that exists"))
            }
            let given: [Any?] = [firstName, lastName, email, profession, employer, hireDate, roleSince, externalID, birthDate, gender]
            if given.allSatisfy({ $0 == nil }) { throw ValidationError(tr("name at least one detail to change, such as --last-name")) }
        }

        func run() async throws {
            func cleared(_ value: String?, _ current: String?) -> String? { value.map { $0.isEmpty ? nil : $0 } ?? current }
            let changes = try await ParticipantService(store: try storeOptions.openStore()).edit(participant, by: by, at: WorkClock.now) {
                person in
                person.firstName = firstName ?? person.firstName
                person.lastName = lastName ?? person.lastName
                person.email = cleared(email, person.email)
                person.profession = cleared(profession, person.profession)
                person.employer = cleared(employer, person.employer)
                person.externalID = cleared(externalID, person.externalID)
                if let hireDate { person.hireDate = parseDate(hireDate) }
                if let roleSince { person.roleSince = parseDate(roleSince) }
                if let birthDate { person.birthDate = parseDate(birthDate) }
                if let gender { person.gender = gender.gender }
            }
            guard !changes.isEmpty else { return say("Nothing to change: \(participant) already reads so") }
            for change in changes {
                say("\(change.participantID) \(fieldName(change.field)): \(change.before ?? "—") → \(change.after ?? "—")")
            }
        }
    }

    struct Merge: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "merge", abstract: tr("Merge a duplicate into the participant to keep."),
                discussion: tr(
                    """
                    DROP's enrolments move to KEEP, KEEP's empty details are filled from DROP's, and DROP \
                    is removed; the change log keeps both sides. Refused when DROP has records signed \
                    under its id (attendance, results, certificates) or both hold a place in one session.

                    Example:
                      allervers participant merge P-0003 P-0011
                    """))
        }
        @Argument(help: tr("The participant to keep.")) var keep: String
        @Argument(help: tr("The duplicate to merge into it.")) var drop: String
        @Option(help: tr("Who merges. Default: the organisation's signatory.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let changes = try await ParticipantService(store: try storeOptions.openStore()).merge(
                keep: keep, drop: drop, by: by, at: WorkClock.now)
            say("Merged \(changes[1].participantID) into \(changes[0].participantID)")
        }
    }

    struct Remove: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "remove", abstract: tr("Remove a participant who has no record at all (never enrolled)."),
                discussion: tr("Example:\n  allervers participant remove P-0012"))
        }
        @Argument(help: tr("Id, email or external id.")) var participant: String
        @Option(help: tr("Who removes. Default: the organisation's signatory.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await ParticipantService(store: try storeOptions.openStore()).remove(participant, by: by, at: WorkClock.now)
            say("Removed \(participant)")
        }
    }
}

/// `--gender female|male`.
enum GenderOption: String, ExpressibleByArgument, CaseIterable {
    case female, male

    var gender: Participant.Gender { self == .female ? .female : .male }
}

/// One line per probable duplicate among those just added.
func warn(about duplicates: [ProbableDuplicate], added: [Participant], lines: [Int] = [], file: String? = nil) {
    for duplicate in duplicates where duplicate.index < added.count {
        let newcomer = added[duplicate.index]
        let place = file.map { "\($0):\(lines[duplicate.index]): " } ?? ""
        let existing = duplicate.existing.id.isEmpty ? "someone earlier in the file" : duplicate.existing.id
        say(
            "Warning: \(place)\(newcomer.id) \(newcomer.displayName) is probably \(existing) (\(duplicate.reason)); if so: allervers participant merge \(duplicate.existing.id.isEmpty ? "ID" : duplicate.existing.id) \(newcomer.id)"
        )
    }
}

/// A participant's detail, as the change log names it, in words.
func fieldName(_ field: String) -> Text {
    switch field {
    case "firstName": "first name"
    case "lastName": "last name"
    case "email": "email"
    case "profession": "profession"
    case "employer": "employer"
    case "hireDate": "hire date"
    case "roleSince": "role since"
    case "externalID": "external id"
    case "birthDate": "birth date"
    case "gender": "gender"
    default: Text(verbatim: field)
    }
}
