import ArgumentParser
import Foundation
import TrainingCore
import TrainingExport
import TrainingService
import TrainingStore

extension AllerVers {
    struct ObligationCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "obligation",
                abstract: tr("An employer's training obligations: who must take which course, by when, how often."),
                subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self])
        }
    }

    struct ComplianceCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "compliance",
                abstract: tr("Where each member of staff stands with each obligation on a day; whom to remind; the training matrix."),
                subcommands: [Report.self, Reminders.self, Matrix.self], defaultSubcommand: Report.self)
        }
    }
}

extension AllerVers.ComplianceCommand {
    struct Report: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "report",
                abstract: tr("Where each member of staff stands with each obligation on a day: compliant, due soon, in grace, overdue…"),
                discussion: tr(
                    """
                    Statuses: compliant (until the due date), due-soon (days left), in-grace (late since; \
                    overdue from), overdue (late since, overdue since), not-yet-due (never trained, due \
                    later), exempt. The due date is the last compliant day. Evidence: the certificate \
                    that counts, or "never trained". Someone counts in an employer's report on the days \
                    they worked there.

                    Example:
                      allervers compliance --employer "CCAS de Villeurbanne" --as-of 2026-12-31
                      allervers compliance report --as-of 2026-12-31 --csv conformite.csv
                      allervers compliance --employer E-0001 --as-of 2026-12-31 \\
                        --pdf conformite.pdf
                    """))
        }
        @Option(help: tr("Only this employer (id or name).", valueName: "employer")) var employer: String?
        @Option(help: tr("The day, YYYY-MM-DD. Default: today.", valueName: "date")) var asOf: String?
        @Option(help: tr("Only what had been recorded by the end of that day (Europe/Paris).", valueName: "date"))
        var knownAt: String?
        @Option(help: tr("Also write the lines as CSV to this file.", valueName: "file")) var csv: String?
        @Flag(help: tr("Only the counts per employer and profession, not a line per person.")) var counts = false
        @OptionGroup var pdf: PDFOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func validate() throws {
            try validateDates(asOf, knownAt)
        }

        func run() async throws {
            let day = asOf.flatMap(LocalDate.init) ?? today()
            let known = knownAt.flatMap(LocalDate.init).map(\.endInParis)
            let service = ComplianceService(store: try storeOptions.openStore())
            // The counts alone need no line per person.
            if counts, pdf.pdf == nil, csv == nil {
                let counts = try await service.counts(employer: employer, asOf: day, knownAt: known)
                return format.json ? try printJSON(Counts(asOf: day, counts: counts)) : Self.printCounts(counts, on: day)
            }
            let report = try await service.report(employer: employer, asOf: day, knownAt: known)
            if let path = pdf.pdf {
                try writeFile(
                    try service.reportPDF(report, employer: employer, knownAt: known, language: pdf.lang.language), to: path)
            }
            if let csv {
                try writeFile(report.csv, to: csv)
            }
            if format.json { return counts ? try printJSON(Counts(asOf: day, counts: report.counts())) : try printJSON(report) }
            guard !report.lines.isEmpty else { return say("Nobody has an obligation on \(day).") }
            if counts { return Self.printCounts(report.counts(), on: day) }
            printTable(
                header: ["EMPLOYER", "PARTICIPANT", "NAME", "OBLIGATION", "STATUS", "DUE", "SINCE", "EVIDENCE"],
                rows: report.lines.map { line in
                    [
                        line.employer, line.participantID, line.name, line.obligationID, line.status.stateText.description,
                        line.status.due?.description ?? "", line.status.sinceText.description,
                        line.status.evidence?.evidence ?? tr("never trained"),
                    ]
                })
            say()
            Self.printCounts(report.counts(), on: day)
        }

        struct Counts: Encodable {
            let asOf: LocalDate
            let counts: [ComplianceReport.Count]
        }

        static func printCounts(_ counts: [ComplianceReport.Count], on day: LocalDate) {
            guard !counts.isEmpty else { return say("Nobody has an obligation on \(day).") }
            let states = ComplianceStatus.State.allCases
            printTable(
                header: ["EMPLOYER", "PROFESSION"] + states.map(\.words),
                rows: counts.map { count in
                    [count.profession == nil ? count.employer : "", count.profession.map { $0.isEmpty ? tr("(none)") : $0 } ?? tr("all")]
                        + states.map { String(count.states[$0] ?? 0) }
                })
        }

    }

    struct Reminders: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "reminders",
                abstract:
                    tr(
                        "Whom to remind of what on a day: entered due-soon, grace or overdue since the last run, or still in it every N days."
                    ),
                discussion: tr(
                    """
                    Sends nothing: a table, or --csv FILE for a mail merge. The same day gives the same list.

                    Example:
                      allervers compliance reminders --as-of 2026-12-01 --every 14 \\
                        --csv rappels.csv
                      allervers compliance reminders --as-of 2026-12-07 \\
                        --since 2026-11-30   # once a week
                    """))
        }
        @Option(help: tr("Only this employer (id or name).", valueName: "employer")) var employer: String?
        @Option(help: tr("The day, YYYY-MM-DD. Default: today.", valueName: "date")) var asOf: String?
        @Option(help: tr("Compare with this day (the last run). Default: the day before.", valueName: "date"))
        var since: String?
        @Option(help: tr("Remind again every N days while someone stays in the state.", valueName: "days")) var every: Int?
        @Option(help: tr("Write the list as CSV to this file.", valueName: "file")) var csv: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func validate() throws {
            try validateDates(asOf, since)
            if let since, since >= (asOf ?? today().description) {
                throw ValidationError(tr("--since comes before the day of the reminders"))
            }
            if let every, every <= 0 { throw ValidationError(tr("--every is a number of days above zero, not \(every)")) }
        }

        func run() async throws {
            let day = asOf.flatMap(LocalDate.init) ?? today()
            let reminders = try await ComplianceService(store: try storeOptions.openStore()).reminders(
                employer: employer, asOf: day, since: since.flatMap(LocalDate.init), every: every)
            if let csv {
                var writer = CSVWriter()
                writer.append(ComplianceReport.csvHeader + ["reason"])
                for reminder in reminders { writer.append(ComplianceReport.csvCells(reminder.line) + [reminder.reason]) }
                try writeFile(writer.data, to: csv)
            }
            if format.json { return try printJSON(reminders) }
            guard !reminders.isEmpty else { return say("Nobody to remind on \(day).") }
            printTable(
                header: ["PARTICIPANT", "NAME", "EMAIL", "OBLIGATION", "STATUS", "DUE", "WHY"],
                rows: reminders.map { reminder in
                    let line = reminder.line
                    return [
                        line.participantID, line.name, line.email ?? "", line.obligationID, line.status.stateText.description,
                        line.status.due?.description ?? "", reminder.reason,
                    ]
                })
        }
    }

    struct Matrix: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "matrix", abstract: tr("An employer's staff × its obligations on a day: the training matrix."),
                discussion: tr(
                    """
                    Cells: ✓ compliant (until the due date), ! due soon (days left), ~ in grace, ✗ overdue, \
                    · not yet due, E exempt, blank where the obligation does not apply.

                    Example:
                      allervers compliance matrix --employer "CCAS de Villeurbanne" \\
                        --csv matrice.csv --pdf matrice.pdf
                    """))
        }
        @Option(help: tr("The employer (id or name).", valueName: "employer")) var employer: String
        @Option(help: tr("The day, YYYY-MM-DD. Default: today.", valueName: "date")) var asOf: String?
        @Option(help: tr("Also write the matrix as CSV to this file.", valueName: "file")) var csv: String?
        @OptionGroup var pdf: PDFOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func validate() throws {
            try validateDates(asOf)
        }

        static func cell(_ status: ComplianceStatus?) -> String {
            guard let status else { return "" }
            switch status.state {
            case .compliant: return "✓ " + (status.due?.description ?? "")
            case .dueSoon: return "! \(status.daysLeft ?? 0) d"
            case .inGrace: return "~ \(status.lateSince?.description ?? "")"
            case .overdue: return "✗ \(status.overdueSince?.description ?? "")"
            case .notYetDue: return "· " + (status.due?.description ?? "")
            case .exempt: return "E " + (status.exemption?.until.description ?? "")
            }
        }

        func run() async throws {
            let day = asOf.flatMap(LocalDate.init) ?? today()
            let service = ComplianceService(store: try storeOptions.openStore())
            let matrix = try await service.matrix(employer: employer, asOf: day)
            if let path = pdf.pdf {
                try writeFile(try service.matrixPDF(matrix, employer: employer, language: pdf.lang.language), to: path)
            }
            let header: [Text] = ["PARTICIPANT", "NAME"] + matrix.obligations.map { Text(verbatim: $0.id) }
            let rows = matrix.rows.map { [$0.participantID, $0.name] + $0.statuses.map(Self.cell) }
            if let csv { try writeFile(matrix.csv, to: csv) }
            if format.json { return try printJSON(matrix) }
            guard !matrix.rows.isEmpty else { return say("No obligation applies to anyone at \(employer) on \(day).") }
            printTable(header: header, rows: rows)
            say("✓ compliant until, ! due soon, ~ in grace since, ✗ overdue since, · not yet due, E exempt until.")
        }
    }
}

/// A PDF of a report, for an auditor.
struct PDFOptions: ParsableArguments {
    @Option(help: tr("Also write it as a PDF an auditor can be handed.", valueName: "file")) var pdf: String?
    @Option(help: tr("The PDF's language: fr or en.")) var lang: LanguageOption = .fr
}

/// Writes `data` to `path`, or says which file cannot be written.
func writeFile(_ data: Data, to path: String) throws {
    do {
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw CLIError("\(path): cannot write the file")
    }
}

extension AllerVers.ObligationCommand {
    /// The options that state a rule: all of them for `add` (with defaults), those that
    /// change for `edit`.
    struct RuleOptions: ParsableArguments {
        @Option(help: tr("A course of the workspace that satisfies it.")) var course: [String] = []
        @Option(help: tr("Another provider's course that satisfies it.", valueName: "provider|title")) var external: [String] = []
        @Option(help: tr("Only people of this profession or role.")) var role: [String] = []
        @Option(help: tr("Only this person (id, email or external id).", valueName: "participant")) var person: [String] = []
        @Flag(help: tr("Everyone on the staff (with edit: instead of the roles or people named before).")) var everyone = false
        @Option(help: tr("Months after the hire (or --after role) by which the first is due.", valueName: "months"))
        var dueMonths: Int?
        @Option(help: tr("hire (default) or role: what --due-months counts from."), transform: choice) var after: DueAfter?
        @Option(help: tr("A fixed day by which the first is due.", valueName: "date")) var dueOn: String?
        @Option(help: tr("How long a completion counts.", valueName: "months")) var validity: Int?
        @Flag(help: tr("One completion is enough for good (with edit: no validity any more).")) var forGood = false
        @Option(help: tr("completion, previous-expiry or anniversary."), transform: choice) var counting: ObligationRule.Counting?
        @Option(help: tr("The fixed anniversary, with --counting anniversary.", valueName: "MM-DD")) var anniversary: String?
        @Option(help: tr("Days after the due date before overdue (default 0).", valueName: "days")) var grace: Int?
        @Option(help: tr("Days before the due date when it is due soon (default 30).", valueName: "days")) var lead: Int?
        @Flag(inversion: .prefixedNo, help: tr("Whether training done elsewhere that nobody has verified counts (default: no)."))
        var selfDeclared: Bool?

        enum DueAfter: String, Worded { case hire, role }

        func validate() throws {
            try validateDates(dueOn)
            if dueMonths != nil && dueOn != nil { throw ValidationError(tr("give --due-months or --due-on, not both")) }
            if after != nil && dueOn != nil { throw ValidationError(tr("--after goes with --due-months, not --due-on")) }
            if [!role.isEmpty, !person.isEmpty, everyone].filter({ $0 }).count > 1 {
                throw ValidationError(tr("give --role, --person or --everyone, not two of them"))
            }
            if validity != nil && forGood { throw ValidationError(tr("give --validity or --for-good, not both")) }
            for text in external where Self.split(text) == nil {
                throw ValidationError(tr("\"\(text)\" is not PROVIDER|TITLE"))
            }
            if anniversary != nil && counting != nil && counting != .anniversary {
                throw ValidationError(tr("--anniversary goes with --counting anniversary"))
            }
            if let anniversary, Self.parsedAnniversary(anniversary) == nil {
                throw ValidationError(tr("\"\(anniversary)\" is not a day of the year (MM-DD)"))
            }
        }

        static func split(_ text: String) -> (provider: String, title: String)? {
            let parts = text.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            return (parts[0], parts[1])
        }

        static func parsedAnniversary(_ text: String) -> (month: Int, day: Int)? {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, text.count == 5, LocalDate(year: 2024, month: parts[0], day: parts[1]) != nil else { return nil }
            return (parts[0], parts[1])
        }

        /// `base` with what the options change; without a base, a new rule with the defaults.
        func rule(changing base: ObligationRule?, store: Store) throws -> ObligationRule {
            let people = try person.map { try store.participant($0).id }
            let satisfiers: [ObligationRule.Satisfier] =
                course.map { .course($0) } + external.compactMap(Self.split).map { .external(provider: $0.provider, title: $0.title) }
            var rule =
                base
                ?? ObligationRule(satisfiedBy: [], firstDue: .monthsAfterHire(12), validityMonths: nil)
            if !role.isEmpty { rule.appliesTo = .roles(role) }
            if !people.isEmpty { rule.appliesTo = .people(people) }
            if everyone { rule.appliesTo = .everyone }
            if !satisfiers.isEmpty { rule.satisfiedBy = satisfiers }
            if let day = dueOn.flatMap(LocalDate.init) { rule.firstDue = .on(day) }
            if dueMonths != nil || after != nil {
                let months: Int =
                    switch rule.firstDue {
                    case .monthsAfterHire(let months), .monthsAfterRole(let months): dueMonths ?? months
                    case .on: dueMonths ?? 12
                    }
                let fromRole =
                    after.map { $0 == .role } ?? (base.map { if case .monthsAfterRole = $0.firstDue { true } else { false } } ?? false)
                rule.firstDue = fromRole ? .monthsAfterRole(months) : .monthsAfterHire(months)
            }
            if let validity { rule.validityMonths = validity }
            if forGood { rule.validityMonths = nil }
            if let counting { rule.counting = counting }
            if let anniversary { rule.anniversary = Self.parsedAnniversary(anniversary) }
            if rule.counting != .anniversary { rule.anniversary = nil }
            if let grace { rule.graceDays = grace }
            if let lead { rule.leadDays = lead }
            if let selfDeclared { rule.acceptsSelfDeclared = selfDeclared }
            return rule
        }
    }

    struct Add: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "add", abstract: tr("Add an obligation to an employer."),
                discussion: tr(
                    """
                    Who: everyone on the staff, or --role (repeatable; case and accents folded), or --person \
                    (repeatable). What satisfies it: --course (one of the workspace's, repeatable) or \
                    --external "PROVIDER|TITLE" (another provider's course). First due: --due-months N after \
                    the hire (default 12; --after role counts from the taking of the role), or --due-on DATE. \
                    --validity M months (without it, once is enough), counted from the --counting completion \
                    (default), previous-expiry (early renewal keeps the anniversary) or anniversary (with \
                    --anniversary MM-DD). --grace days after the due date before overdue (default 0), \
                    --lead days of "due soon" (default 30).

                    Example:
                      allervers obligation add --employer "CCAS de Villeurbanne" \\
                        --title "Aller-vers, socle" \\
                        --course AV-FOND --due-months 12 --validity 36 --grace 30
                    """))
        }
        @Option(help: tr("The employer (id or name).", valueName: "employer")) var employer: String
        @Option(help: tr("What people call it.")) var title: String
        @OptionGroup var ruleOptions: RuleOptions
        @Option(help: tr("Who adds it. Default: the organisation's signatory.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if ruleOptions.course.isEmpty && ruleOptions.external.isEmpty {
                throw ValidationError(tr("name what satisfies it: --course or --external"))
            }
        }

        func run() async throws {
            let store = try storeOptions.openStore()
            let rule = try ruleOptions.rule(changing: nil, store: store)
            let added = try await ComplianceService(store: store).add(
                employer: employer, title: title, rule: rule, by: by, at: WorkClock.now)
            say("Added obligation \(added.id): \(added.title)")
        }
    }

    struct Edit: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "edit",
                abstract: tr("Change an obligation's rule: for the periods that begin from today, or with --apply-to-existing for all."),
                discussion: tr(
                    """
                    Give only what changes, with the options of `obligation add`. The new rule governs \
                    the periods that begin from today (a completion from today on, or a hire for someone \
                    never trained); the periods under way keep the rule they began under, unless \
                    --apply-to-existing. Who it applies to and what satisfies it change for everyone at \
                    once. The command says how many periods under way it changes; --dry-run says it \
                    without changing anything. The earlier versions stay: `obligation show` lists them, \
                    and `compliance --known-at` uses the rule as it was known then.

                    Example:
                      allervers obligation edit O-0001 --validity 24 --dry-run
                      allervers obligation edit O-0001 --validity 24 --apply-to-existing
                    """))
        }
        @Argument(help: tr("The obligation's id.")) var id: String
        @Option(help: tr("A new title.")) var title: String?
        @OptionGroup var ruleOptions: RuleOptions
        @Flag(help: tr("The new rule governs the periods under way too.")) var applyToExisting = false
        @Flag(help: tr("Say what it would change, change nothing.")) var dryRun = false
        @Option(help: tr("Who changes it. Default: the organisation's signatory.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let store = try storeOptions.openStore()
            let service = ComplianceService(store: store)
            let current = try await service.obligation(id)
            let rule = try ruleOptions.rule(changing: current.rule, store: store)
            // The same rule for every period, when the latest governs only those from its day on.
            let widened = applyToExisting && current.history.last?.appliesFrom != nil
            guard rule != current.rule || widened || (title != nil && title != current.title) else {
                throw CLIError("nothing to change: give what changes, such as --validity 24")
            }
            let change = try await service.edit(
                id, title: title, rule: rule, applyToExisting: applyToExisting, dryRun: dryRun, today: today(), by: by, at: WorkClock.now)
            if format.json { return try printJSON(change) }
            guard change.newVersion else {
                return say(
                    "\(dryRun ? "Would rename" : "Renamed" as Text) \(id): \(title ?? change.obligation.title) (the rule does not change)")
            }
            let version = change.obligation.history.last?.number ?? 1
            let verb: Text = dryRun ? "would change" : "changes"
            let periods: Text = "\(counted(change.periods, "period")) under way"
            if applyToExisting {
                say(
                    "\(dryRun ? "Would record" : "Recorded" as Text) version \(version) of \(id) for every period: it \(verb) the status of \(change.changed) of the \(periods)."
                )
            } else {
                say(
                    "\(dryRun ? "Would record" : "Recorded" as Text) version \(version) of \(id) for the periods that begin from \(today()): it \(verb) the status of \(change.changed) of the \(periods) now."
                )
                if change.keptEarlier > 0 {
                    say(
                        "\(change.keptEarlier) keep the rule they began under; --apply-to-existing would change the status of \(change.wouldChange) of them."
                    )
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "list", abstract: tr("List the obligations in force."),
                discussion: tr("Example:\n  allervers obligation list --employer E-0001"))
        }
        @Option(help: tr("Only this employer's (id or name).", valueName: "employer")) var employer: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let obligations = try await ComplianceService(store: try storeOptions.openStore()).obligations(of: employer)
            if format.json { return try printJSON(obligations) }
            guard !obligations.isEmpty else { return say("No obligation yet: add one with `allervers obligation add`.") }
            printTable(
                header: ["ID", "EMPLOYER", "TITLE", "WHO", "SATISFIED BY", "FIRST DUE", "VALIDITY"],
                rows: obligations.map { [$0.id, $0.employerID, $0.title] + Show.summary($0.rule) })
        }
    }

    struct Show: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "show", abstract: tr("Show an obligation's rule."),
                discussion: tr("Example:\n  allervers obligation show O-0001 --json"))
        }
        @Argument(help: tr("The obligation's id.")) var id: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let obligation = try await ComplianceService(store: try storeOptions.openStore()).obligation(id)
            if format.json { return try printJSON(obligation) }
            let summary = Self.summary(obligation.rule)
            let rule = obligation.rule
            printFields([
                ("Id", obligation.id), ("Employer", obligation.employerID), ("Title", obligation.title), ("Who", summary[0]),
                ("Satisfied by", summary[1]), ("First due", summary[2]), ("Validity", summary[3]),
                (
                    "Counted from",
                    rule.counting.words.description + (rule.anniversary.map { String(format: " %02d-%02d", $0.month, $0.day) } ?? "")
                ),
                ("Grace", tr("\(rule.graceDays) days")), ("Due soon", tr("\(rule.leadDays) days before")),
                ("Self-declared training", rule.acceptsSelfDeclared ? tr("counts") : tr("counts once verified")),
            ])
            guard obligation.history.count > 1 else { return }
            say()
            printTable(
                header: ["VERSION", "FOR PERIODS", "RECORDED", "BY", "FIRST DUE", "VALIDITY", "COUNTED FROM", "GRACE", "LEAD"],
                rows: obligation.history.map { version in
                    let summary = Self.summary(version.rule)
                    return [
                        String(version.number), version.appliesFrom.map { tr("from \($0)") } ?? tr("all"),
                        version.recordedAt.map { LocalDate.inParis($0).description } ?? "", version.recordedBy ?? "", summary[2],
                        summary[3],
                        version.rule.counting.words.description, tr("\(version.rule.graceDays) d"), tr("\(version.rule.leadDays) d"),
                    ]
                })
        }

        static func summary(_ rule: ObligationRule) -> [String] {
            let who: String =
                switch rule.appliesTo {
                case .everyone: tr("everyone")
                case .roles(let roles): roles.joined(separator: ", ")
                case .people(let ids): ids.joined(separator: ", ")
                }
            let what = rule.satisfiedBy.map { satisfier in
                switch satisfier {
                case .course(let id): id
                case .external(let provider, let title): "\(provider): \(title)"
                }
            }.joined(separator: tr(" or "))
            let first: String =
                switch rule.firstDue {
                case .monthsAfterHire(let months): tr("\(months) months after hire")
                case .monthsAfterRole(let months): tr("\(months) months after taking the role")
                case .on(let day): tr("by \(day)")
                }
            return [who, what, first, rule.validityMonths.map { tr("\($0) months") } ?? tr("for good")]
        }
    }

    struct Remove: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "remove", abstract: tr("End an obligation: it is no longer reported; its record stays."),
                discussion: tr("Example:\n  allervers obligation remove O-0002"))
        }
        @Argument(help: tr("The obligation's id.")) var id: String
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await ComplianceService(store: try storeOptions.openStore()).remove(id, at: WorkClock.now)
            say("Removed obligation \(id)")
        }
    }
}

extension AllerVers {
    struct ExternalCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "external", abstract: tr("Training done with another provider, which obligations may count."),
                subcommands: [Add.self, List.self, Show.self, Remove.self])
        }
    }

    struct ExemptionCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "exemption", abstract: tr("Exempt someone from an obligation for a while, for a reason."),
                subcommands: [Add.self, List.self])
        }
    }
}

extension AllerVers.ExternalCommand {
    struct Add: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "add", abstract: tr("Record training someone did with another provider."),
                discussion: tr(
                    """
                    --file: a scan of its certificate; its SHA-256 is kept (the file stays where you keep \
                    it). --verified-by: who checked that evidence; without it the record is self-declared, \
                    and counts only for obligations that accept that. --counts-as: the course of the \
                    workspace it stands for.

                    Example:
                      allervers external add P-0003 --provider "IRTS Hauts-de-France" \\
                        --title "L'aller-vers" \\
                        --date 2025-06-20 --hours 14 --counts-as AV-FOND --file attestation.pdf \\
                        --verified-by "Claire Martin"
                    """))
        }
        @Argument(help: tr("The person (id, email or external id).")) var participant: String
        @Option(help: tr("The provider.")) var provider: String
        @Option(help: tr("The course's title there.")) var title: String
        @Option(help: tr("Its last day.", valueName: "date")) var date: String
        @Option(help: tr("How long it lasted (7, 3.5).", valueName: "hours")) var hours: String
        @Option(help: tr("The workspace's course it counts as.", valueName: "course")) var countsAs: String?
        @Option(help: tr("A scan of its certificate.", valueName: "file")) var file: String?
        @Option(help: tr("Who checked the evidence.", valueName: "name")) var verifiedBy: String?
        @Option(help: tr("Who records it.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            try validateDates(date)
            guard Hours(decimal: hours) != nil else { throw ValidationError(tr("\"\(hours)\" is not a number of hours (7, 3.5)")) }
        }

        func run() async throws {
            guard let day = LocalDate(date), let duration = Hours(decimal: hours) else { return }
            let record = try await ComplianceService(store: try storeOptions.openStore()).recordExternal(
                ExternalTraining(
                    id: "", participantID: participant, provider: provider, title: title, completedOn: day, hours: duration,
                    countsAs: countsAs, verifiedBy: verifiedBy),
                file: file.map { URL(fileURLWithPath: $0) }, today: today(), by: by, at: WorkClock.now)
            say(
                "Recorded \(record.id) for \(record.participantID)"
                    + (record.fileSHA256.map { ", \(record.fileName ?? "") SHA-256 \($0)" } ?? "")
                    + (record.verifiedBy == nil ? " (self-declared)" : ""))
        }
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "list", abstract: tr("List training done elsewhere."),
                discussion: tr("Example:\n  allervers external list P-0003 --json"))
        }
        @Argument(help: tr("Only this person's.")) var participant: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let records = try await ComplianceService(store: try storeOptions.openStore()).externals(of: participant)
            if format.json { return try printJSON(records) }
            guard !records.isEmpty else { return say("No training done elsewhere recorded.") }
            printTable(
                header: ["ID", "PARTICIPANT", "PROVIDER", "TITLE", "DATE", "HOURS", "COUNTS AS", "VERIFIED BY", "SHA-256"],
                rows: records.map {
                    [
                        $0.id, $0.participantID, $0.provider, $0.title, $0.completedOn.description, $0.hours.decimal, $0.countsAs ?? "",
                        $0.verifiedBy ?? tr("self-declared"), $0.fileSHA256.map { String($0.prefix(16)) + "…" } ?? "",
                    ]
                })
        }
    }

    struct Show: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "show",
                abstract: tr("Show a record of training done elsewhere; with --check, whether a file is its evidence."),
                discussion: tr(
                    """
                    --check FILE computes the file's SHA-256 and compares it with the one recorded: the \
                    scan shown today must be the one seen when the record was made. Exit status 1 when it \
                    differs, or when the record kept no file.

                    Example:
                      allervers external show X-0001 --check attestation-irts.pdf
                    """))
        }
        @Argument(help: tr("The record's id.")) var id: String
        @Option(help: tr("A file to compare with the evidence recorded.", valueName: "file")) var check: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let (entry, matches) = try await ComplianceService(store: try storeOptions.openStore()).external(
                id, checking: check.map { URL(fileURLWithPath: $0) })
            let record = entry.record
            if format.json {
                try printJSON(entry)
            } else {
                printFields([
                    ("Id", record.id), ("Participant", record.participantID), ("Provider", record.provider), ("Title", record.title),
                    ("Completed", record.completedOn.description), ("Hours", record.hours.decimal), ("Counts as", record.countsAs ?? ""),
                    ("Evidence", record.fileName ?? "none kept"), ("SHA-256", record.fileSHA256 ?? ""),
                    ("Verified by", record.verifiedBy ?? "nobody (self-declared)"),
                    ("Recorded", "\(entry.recordedAt.formatted(.iso8601)) by \(entry.recordedBy)"),
                    ("Removed", entry.removedAt.map { $0.formatted(.iso8601) } ?? ""),
                ])
            }
            guard let check, let matches else { return }
            guard matches else {
                throw CLIError(
                    record.fileSHA256 == nil
                        ? "\(id) kept no evidence file to compare \(check) with"
                        : "\(check) is not the evidence recorded for \(id): its SHA-256 differs")
            }
            if !format.json { say("\(check) is the evidence recorded for \(id) (same SHA-256).") }
        }
    }

    struct Remove: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "remove", abstract: tr("Stop counting a record of training done elsewhere; the record stays."),
                discussion: tr("Example:\n  allervers external remove X-0001"))
        }
        @Argument(help: tr("The record's id.")) var id: String
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await ComplianceService(store: try storeOptions.openStore()).removeExternal(id, at: WorkClock.now)
            say("Removed \(id)")
        }
    }
}

extension AllerVers.ExemptionCommand {
    struct Add: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "add", abstract: tr("Exempt someone from an obligation (or all) until a day, for a reason."),
                discussion: tr(
                    """
                    While exempt, the person is not late; a due date that falls within the exemption moves \
                    to its end.

                    Example:
                      allervers exemption add P-0005 --obligation O-0001 --until 2026-12-31 \\
                        --reason "congé parental"
                    """))
        }
        @Argument(help: tr("The person (id, email or external id).")) var participant: String
        @Option(help: tr("Only this obligation. Default: all.", valueName: "id")) var obligation: String?
        @Option(help: tr("The first day. Default: today.", valueName: "date")) var from: String?
        @Option(help: tr("The last day.", valueName: "date")) var until: String
        @Option(help: tr("Why.")) var reason: String
        @Option(help: tr("Who grants it.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            try validateDates(from, until)
        }

        func run() async throws {
            guard let last = LocalDate(until) else { return }
            let record = try await ComplianceService(store: try storeOptions.openStore()).exempt(
                participant, from: obligation, Exemption(from: from.flatMap(LocalDate.init) ?? today(), until: last, reason: reason),
                by: by,
                at: WorkClock.now)
            say(
                "\(record.participantID) exempt from \(record.obligationID.map(Text.init(verbatim:)) ?? "every obligation") until \(record.exemption.until)"
            )
        }
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "list", abstract: tr("List the exemptions."), discussion: tr("Example:\n  allervers exemption list P-0005"))
        }
        @Argument(help: tr("Only this person's.")) var participant: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let records = try await ComplianceService(store: try storeOptions.openStore()).exemptions(of: participant)
            if format.json { return try printJSON(records) }
            guard !records.isEmpty else { return say("No exemption recorded.") }
            printTable(
                header: ["PARTICIPANT", "OBLIGATION", "FROM", "UNTIL", "REASON"],
                rows: records.map {
                    [
                        $0.participantID, $0.obligationID ?? tr("all"), $0.exemption.from.description, $0.exemption.until.description,
                        $0.exemption.reason,
                    ]
                })
        }
    }
}
