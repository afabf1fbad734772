import ArgumentParser
import Foundation
import TrainingCore
import TrainingService
import TrainingStore

extension AllerVers {
    struct ReportCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "report", abstract: tr("The yearly reports a training organisation files."), subcommands: [BPF.self])
        }
    }

    struct TrainerCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "trainer", abstract: tr("Record trainers as people: of the organisation, or from outside it."),
                subcommands: [SetTrainer.self, List.self])
        }
    }
}

extension AllerVers.ReportCommand {
    struct BPF: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "bpf",
                abstract: tr("The Bilan pédagogique et financier of a fiscal year (Cerfa 10443), from the records."),
                discussion: tr(
                    """
                    A trainee is a person in a session who attended some of its hours in the year: \
                    someone in two sessions counts twice, in F-1, F-3 and F-4 alike, whose totals \
                    are equal. Their hours are the hours attended in the year. A trainer counts once, \
                    with every hour of the half-days they delivered. A session delivered for another \
                    organisation counts in G only; one handed to another counts in F and in F-2. \
                    Cadre C holds only the amounts recorded with `session declare`, for the \
                    accountant to check. What the records lack is listed; --strict then exits with \
                    status 1.

                    Examples:
                      allervers report bpf --year 2026
                      allervers report bpf --year 2026 --pdf bpf-2026.pdf
                      allervers report bpf --from 2025-07-01 --to 2026-06-30 --csv bpf.csv
                    """))
        }
        @Option(help: tr("The calendar year, when the fiscal year is one.", valueName: "year")) var year: Int?
        @Option(help: tr("The fiscal year's first day.", valueName: "date")) var from: String?
        @Option(help: tr("The fiscal year's last day.", valueName: "date")) var to: String?
        @Flag(help: tr("Exit with status 1 when the records lack something the form needs.")) var strict = false
        @Option(help: tr("Also write the figures as CSV to this file.", valueName: "file")) var csv: String?
        @OptionGroup var pdf: PDFOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func validate() throws {
            try validateDates(from, to)
            guard (year == nil) != (from == nil && to == nil), (from == nil) == (to == nil) else {
                throw ValidationError(tr("name the year with --year, or its first and last days with --from and --to"))
            }
            if let year, !(2000...2100).contains(year) { throw ValidationError(tr("--year \(year) is not a year")) }
            if let first = from.flatMap(LocalDate.init), let last = to.flatMap(LocalDate.init), last < first {
                throw ValidationError(tr("--to \(last.description) is before --from \(first.description)"))
            }
        }

        func run() async throws {
            let first = from.flatMap(LocalDate.init) ?? LocalDate(year: year ?? 0, month: 1, day: 1)
            let last = to.flatMap(LocalDate.init) ?? LocalDate(year: year ?? 0, month: 12, day: 31)
            guard let first, let last else { throw ValidationError(tr("--year \(year ?? 0) is not a year")) }
            let service = BPFService(store: try storeOptions.openStore())
            let report = try await service.report(from: first, through: last)
            if let csv { try writeFile(report.csv, to: csv) }
            if let path = pdf.pdf { try writeFile(try service.pdf(report, language: pdf.lang.language), to: path) }
            if format.json {
                try printJSON(report)
            } else {
                Self.print(report)
            }
            if strict && !report.missing.isEmpty { throw ExitCode(1) }
        }

        private static func print(_ report: BPFReport) {
            say("\(report.form): \(report.from.description) to \(report.to.description)")
            if report.isEmpty { say("No training was delivered in the period: the form's figures are zeros.") }
            say()
            printTable(
                header: ["CADRE", "LINE", "LABEL", "PEOPLE", "HOURS", "EUROS"],
                rows: report.rows.map { row in [row[0], row[1], String(row[2].prefix(70)), row[3], row[4], row[5]] })
            say()
            say(
                "Cadre B: training delivered wholly or partly at a distance: \(report.remoteTrainees > 0 ? tr("yes") : tr("no")) (\(counted(report.remoteTrainees, "trainee")))"
            )
            say(
                report.incomeTotal.cents == nil
                    ? "Cadre C: no amount recorded (session declare --funding); left empty for the accountant"
                    : "Cadre C: the amounts recorded on sessions, for the accountant to check")
            guard !report.missing.isEmpty else { return }
            say()
            say("Missing from the records (\(report.missing.count)):")
            for line in report.missing { say(verbatim: "  - \(line)") }
        }
    }
}

extension AllerVers.TrainerCommand {
    struct SetTrainer: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "set", abstract: tr("Record a trainer as of the organisation (the default) or external."),
                discussion: tr(
                    """
                    Sessions name their trainers; the BPF's cadre E counts them as people of the \
                    organisation or from outside it, by these records (names compared with case, \
                    accents and spaces folded).

                    Examples:
                      allervers trainer set "Claire Martin"
                      allervers trainer set "Bruno Leroy" --external
                    """))
        }
        @Argument(help: tr("The trainer's name, as sessions list it.")) var name: String
        @Flag(help: tr("From outside the organisation: a subcontractor, a freelance trainer.")) var external = false
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try storeOptions.openStore().setTrainer(Trainer(name: name, external: external), at: WorkClock.now)
            say(external ? "\(name): external trainer" : "\(name): trainer of the organisation")
        }
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "list", abstract: tr("The trainers recorded."), discussion: tr("Example:\n  allervers trainer list"))
        }
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let trainers = try storeOptions.openStore().trainers()
            if format.json { return try printJSON(trainers) }
            printTable(
                header: ["TRAINER", "STATUS"],
                rows: trainers.map { [$0.name, ($0.external ? tr("external") : tr("of the organisation")).description] })
        }
    }
}

extension AllerVers.SessionCommand {
    struct Declare: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "declare",
                abstract: tr("Declare a session's income, subcontracting, European funds and trainees' kinds, for the BPF."),
                discussion: tr(
                    """
                    Changes only what is named: --funding replaces the session's list of income, \
                    --delivered-for, --handed-to and --eu-funded replace their value (an empty \
                    name clears it), --trainee-kind sets one person's kind (none clears it). The \
                    change joins the session's history. --funding SOURCE=EUROS names a line of \
                    the BPF's cadre C: employer, opco-apprenticeship, opco-professionalisation, \
                    opco-pro-a, opco-transition, opco-cpf, opco-job-seekers, opco-self-employed, \
                    opco-skills-plan, public-own-agents, europe, state, region, france-travail, \
                    other-public, individual, training-organisation, other. A trainee's kind \
                    (private-employee, apprentice, job-seeker, individual, other) is needed where \
                    their employer's kind does not tell.

                    Example:
                      allervers session declare AV-FOND-2026-03-LYON \\
                        --funding opco-skills-plan=4200 --payer "OPCO Santé" \\
                        --trainee-kind P-0006=job-seeker
                    """))
        }
        @Argument(help: tr("The session's id.")) var session: String
        @Option(help: tr("Income by cadre C line, before tax; repeat for several.", valueName: "SOURCE=EUROS")) var funding: [String] = []
        @Option(help: tr("Who paid, for the history.", valueName: "name")) var payer: String?
        @Option(help: tr("The training organisation this session was delivered for, as its subcontractor.", valueName: "name"))
        var deliveredFor: String?
        @Option(help: tr("The training organisation this session was handed to.", valueName: "name")) var handedTo: String?
        @Option(help: tr("Whether European funds paid for it: yes or no.", valueName: "yes|no")) var euFunded: String?
        @Option(help: tr("A trainee's kind; repeat for several.", valueName: "PARTICIPANT=KIND")) var traineeKind: [String] = []
        @Option(help: tr("Who declares it. Default: the session's first trainer.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            _ = try fundings()
            _ = try kinds()
            _ = try european()
            if funding.isEmpty && deliveredFor == nil && handedTo == nil && euFunded == nil && traineeKind.isEmpty {
                throw ValidationError(
                    tr("name what the session declares: --funding, --delivered-for, --handed-to, --eu-funded or --trainee-kind"))
            }
        }

        func fundings() throws -> [Funding] {
            try funding.map { text in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let source = Funding.Source(rawValue: parts[0]) else {
                    throw ValidationError(tr("--funding takes SOURCE=EUROS with a source of cadre C (see the help), not \"\(text)\""))
                }
                guard let cents = Self.cents(parts[1]) else {
                    throw ValidationError(tr("--funding \(text): \"\(parts[1])\" is not an amount in euros (4200 or 4200.50)"))
                }
                return Funding(source: source, cents: cents, payer: payer)
            }
        }

        /// Each person named and their kind; `nil` clears it.
        func kinds() throws -> [(String, TraineeKind?)] {
            try traineeKind.map { text in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw ValidationError(tr("--trainee-kind takes PARTICIPANT=KIND, not \"\(text)\"")) }
                return (parts[0], parts[1] == "none" ? nil : try choice(parts[1]) as TraineeKind)
            }
        }

        func european() throws -> Bool? {
            guard let euFunded else { return nil }
            switch euFunded.folded {
            case "yes", "oui", "true": return true
            case "no", "non", "false": return false
            default: throw ValidationError(tr("--eu-funded takes yes or no, not \"\(euFunded)\""))
            }
        }

        /// Euros with at most two decimals, a comma or a point: `4200`, `4200,50`; at most a
        /// billion.
        static func cents(_ text: String) -> Int? {
            let parts = text.replacingOccurrences(of: ",", with: ".").split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), (1...10).contains(parts[0].count), parts[0].allSatisfy(\.isNumber),
                let euros = Int(parts[0]), euros <= 1_000_000_000
            else { return nil }
            guard parts.count == 2 else { return euros * 100 }
            guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isNumber), let decimals = Int(parts[1]) else { return nil }
            return euros * 100 + (parts[1].count == 1 ? decimals * 10 : decimals)
        }

        func run() async throws {
            let store = try storeOptions.openStore()
            let found = try store.session(id: session)
            var declaration = try store.declaration(of: found.id)
            if !funding.isEmpty { declaration.fundings = try fundings() }
            if let deliveredFor { declaration.deliveredFor = deliveredFor.isEmpty ? nil : deliveredFor }
            if let handedTo { declaration.handedTo = handedTo.isEmpty ? nil : handedTo }
            if let european = try european() { declaration.euFunded = european }
            for (key, kind) in try kinds() {
                declaration.traineeKinds[try store.participantID(key, inSession: found.id)] = kind
            }
            if declaration.deliveredFor != nil && declaration.handedTo != nil {
                throw CLIError("a session is delivered for another organisation or handed to one, not both")
            }
            try store.declare(declaration, for: found.id, by: by ?? found.trainers.first ?? found.id, at: WorkClock.now)
            say("Declared for \(found.id)")
        }
    }
}

extension AllerVers {
    struct AuditPack: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "audit-pack",
                abstract: tr("One folder for a Qualiopi auditor: the period's records, by indicator, with an index and their SHA-256."),
                discussion: tr(
                    """
                    The sessions with a half-day in the period: the programmes of their courses \
                    (indicator 1), completion and certification rates per course (2), positioning and \
                    assessment results (8, 11), calendar, places and trainers (9), the follow-up of \
                    absences (12), and each session's sign-in sheets, hours and certificates. \
                    index.html opens in a browser and links every file; index.pdf is the same; \
                    SHA256SUMS gives each file's SHA-256 (sha256sum -c SHA256SUMS). A pack made again \
                    for the same period is byte for byte the same. The folder must be new or empty.

                    Example:
                      allervers audit-pack --from 2026-01-01 --to 2026-06-30 --out audit-2026-s1
                    """))
        }
        @Option(help: tr("The period's first day.", valueName: "date")) var from: String
        @Option(help: tr("The period's last day.", valueName: "date")) var to: String
        @Option(help: tr("The folder to write, new or empty.", valueName: "folder")) var out: String
        @Option(help: tr("The documents' language: fr or en.")) var lang: LanguageOption = .fr
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            try validateDates(from, to)
            if let first = LocalDate(from), let last = LocalDate(to), last < first {
                throw ValidationError(tr("--to \(last.description) is before --from \(first.description)"))
            }
        }

        func run() async throws {
            let folder = URL(fileURLWithPath: out)
            if let existing = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
                throw CLIError("\(out): the folder is not empty: name a new one")
            }
            guard let first = LocalDate(from), let last = LocalDate(to) else { return }
            let files = try await AuditPackService(store: try storeOptions.openStore()).pack(
                from: first, through: last, language: lang.language)
            var staged = try StagedFiles(beside: folder)
            do {
                for file in files { try staged.add(file.data, as: folder.appendingPathComponent(file.path)) }
                try staged.commit()
            } catch {
                staged.discard()
                throw error
            }
            say("Wrote \(counted(files.count, "file")) to \(out)/: open \(out)/index.html")
        }
    }
}
