import ArgumentParser
import Foundation
import TrainingCore
import TrainingService
import TrainingStore

extension AllerVers {
    struct RetentionCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "retention", abstract: tr("How long each kind of record is kept after its session ends."),
                subcommands: [Show.self, SetRule.self])
        }
    }

    struct Purge: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "purge",
                abstract: tr("Anonymise the people whose records are all past retention."),
                discussion: tr(
                    """
                    A person's records are past retention when every one of them was kept until a \
                    day before DATE (see `allervers retention show`). Their names, email, external \
                    id, birth date and gender are replaced, in their records, their certificates \
                    (whose signed statements and credentials go) and their follow-ups' notes; their \
                    id, employer, profession and hours stay, so that reports already filed, the \
                    BPF among them, come out the same. Someone still in a session not closed, or \
                    held to an obligation by their current employer, is kept and listed. The \
                    purge joins a chained log that `allervers verify` checks.

                    Examples:
                      allervers purge --before 2026-01-01 --dry-run
                      allervers purge --before 2026-01-01
                    """))
        }
        @Option(help: tr("Records kept until a day before this one are past retention; not after today.", valueName: "date"))
        var before: String
        @Flag(help: tr("Only list who would be anonymised and who kept; change nothing.")) var dryRun = false
        @Option(help: tr("Who purges. Default: the organisation's signatory.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func validate() throws {
            try validateDates(before)
        }

        func run() async throws {
            guard let day = LocalDate(before) else { throw ValidationError(tr("\"\(before)\" is not a date that exists (YYYY-MM-DD)")) }
            let service = RetentionService(store: try storeOptions.openStore())
            let (plan, record) =
                dryRun
                ? (try await service.plan(before: day, today: today()), nil)
                : try await service.purge(before: day, today: today(), by: by, at: WorkClock.now)
            if format.json { return try printJSON(Account(plan: plan, record: record, dryRun: dryRun)) }
            say("Records past retention before \(day.description)")
            say()
            say("Anonymised: \(counted(plan.anonymised.count, "person", "people"))")
            if !plan.anonymised.isEmpty {
                printTable(
                    header: ["ID", "NAME", "KEPT UNTIL"],
                    rows: plan.anonymised.map { [$0.participantID, $0.name, $0.keptUntil.description] })
            }
            if !plan.kept.isEmpty {
                say()
                say("Kept although past retention: \(counted(plan.kept.count, "person", "people"))")
                printTable(
                    header: ["ID", "NAME", "KEPT UNTIL", "STILL NEEDED BY"],
                    rows: plan.kept.map {
                        [$0.participantID, $0.name, $0.keptUntil.description, $0.stillNeededBy.map(\.description).joined(separator: "; ")]
                    })
            }
            if !plan.removed.isEmpty {
                say()
                say(
                    "Removed from the workspace long ago, their names erased from the change log: \(plan.removed.joined(separator: ", "))")
            }
            say()
            say("Within retention: \(counted(plan.withinRetention, "person", "people"))")
            say()
            if dryRun {
                say("Dry run: nothing was changed.")
            } else if let record {
                say(
                    "Purge #\(record.sequence) recorded in the chained log: \(counted(record.participantIDs.count, "person", "people")) anonymised."
                )
                say("Exports, audit packs and backups made before still hold their names: delete them where they are kept.")
            } else {
                say("Nobody to anonymise: nothing was changed.")
            }
        }

        /// The plan as JSON.
        struct Account: Encodable {
            struct Person: Encodable {
                let id: String
                let name: String
                let keptUntil: String
                let stillNeededBy: [String]
            }
            let before: String
            let dryRun: Bool
            let purge: Int64?
            let anonymised: [Person]
            let kept: [Person]
            let withinRetention: Int
            let removed: [String]

            init(plan: PurgePlan, record: PurgeRecord?, dryRun: Bool) {
                func person(_ entry: PurgePlan.Person) -> Person {
                    Person(
                        id: entry.participantID, name: entry.name, keptUntil: entry.keptUntil.description,
                        stillNeededBy: entry.stillNeededBy.map(\.description))
                }
                before = plan.before.description
                self.dryRun = dryRun
                purge = record?.sequence
                anonymised = plan.anonymised.map(person)
                kept = plan.kept.map(person)
                withinRetention = plan.withinRetention
                removed = plan.removed
            }
        }
    }
}

extension AllerVers.RetentionCommand {
    struct Show: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "show", abstract: tr("The retention of each kind of record, and the rules set per funder."),
                discussion: tr("Example:\n  allervers retention show"))
        }
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let policy = try await RetentionService(store: try storeOptions.openStore()).policy()
            if format.json { return try printJSON(policy) }
            var rows = RecordKind.allCases.map { kind in
                [kind.rawValue, tr("every session"), String(policy.years(of: kind)), String(RetentionPolicy.minimum(of: kind).years)]
            }
            for rule in policy.rules {
                guard let funder = rule.funder else { continue }
                rows.append([
                    rule.kind.rawValue, funder.rawValue, String(rule.years), String(RetentionPolicy.minimum(of: rule.kind).years),
                ])
            }
            printTable(header: ["KIND", "SESSIONS", "YEARS", "MINIMUM"], rows: rows)
            say()
            say(
                "Years after the session ends (training elsewhere: after it was completed). A session paid by European funds keeps its records \(RetentionPolicy.euFundedYears) years at least; a funder's rule lengthens its sessions' retention, never shortens it."
            )
        }
    }

    struct SetRule: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "set",
                abstract: tr("Set how many years a kind of record is kept, for every session or a funder's."),
                discussion: tr(
                    """
                    KIND is sign-in-sheets, certificates, assessments, follow-ups or \
                    training-elsewhere. With --funder (a source of cadre C, such as opco-skills-plan \
                    or region), the rule governs the sessions that funder paid for, and must be \
                    longer than the rule for every session. Below four years, refused.

                    Examples:
                      allervers retention set certificates 10 --funder region
                      allervers retention set sign-in-sheets 8
                    """))
        }
        @Argument(help: tr("The kind of record.")) var kind: String
        @Argument(help: tr("How many years after the session ends.")) var years: Int
        @Option(help: tr("Only the sessions this funder paid for.", valueName: "source")) var funder: String?
        @Option(help: tr("Who sets it. Default: the organisation's signatory.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            let _: RecordKind = try choice(kind)
            _ = try source()
        }

        func source() throws -> Funding.Source? {
            guard let funder else { return nil }
            guard let source = Funding.Source(rawValue: funder) else {
                throw ValidationError(
                    tr(
                        "--funder \"\(funder)\" is not a source of cadre C: \(Funding.Source.allCases.map(\.rawValue).joined(separator: ", "))"
                    ))
            }
            return source
        }

        func run() async throws {
            let rule = RetentionRule(kind: try choice(kind), funder: try source(), years: years)
            try await RetentionService(store: try storeOptions.openStore()).set(rule, by: by, at: WorkClock.now)
            say(
                "\(rule.kind.words): \(counted(rule.years, "year")) after the session ends, \(rule.funder.map { tr("for the sessions \($0.rawValue) paid for") } ?? tr("for every session"))"
            )
        }
    }
}
