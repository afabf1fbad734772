import ArgumentParser
import Foundation
import TrainingCore
import TrainingExport
import TrainingService
import TrainingStore

extension AllerVers {
    struct Certify: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "certify",
                abstract: tr("Decide who earned the certificate of closed sessions and issue the numbered certificates."),
                discussion: tr(
                    """
                    The rule chain reads the records: minimum attendance by hours, required modules \
                    completed, assessment passed where the course requires it. Every seated participant \
                    gets a numbered certificate (it backs the certificat de réalisation, which states the \
                    hours done); eligible participants also get a signed Open Badges 3.0 credential. \
                    Participants who already hold a live certificate for the session are left as they are. \
                    A batch is issued whole or not at all.

                    With --export, the records of the same sessions are then written as `allervers \
                    export records` writes them.

                    Examples:
                      allervers certify AV-FOND-2026-03-LYON --dry-run
                      allervers certify AV-FOND-2026-03-LYON
                      allervers certify --from 2026-01-01 --to 2026-03-31 --export
                    """))
        }
        @OptionGroup var selection: SessionSelection
        @Flag(help: tr("Show each participant's decision and its reasons; issue nothing.")) var dryRun = false
        @Option(help: tr("The issue date. Default: today.", valueName: "date")) var date: String?
        @Option(help: tr("Who issues, for the record. Default: the organisation's signatory.", valueName: "name"))
        var by: String?
        @Flag(help: tr("Then write the sessions' records, as `export records` does.")) var export = false
        @Option(help: tr("With --export: the folder to write SESSION/ into.", valueName: "folder")) var out: String = "Exports"
        @Option(help: tr("With --export: the certificates' language, fr or en.")) var lang: LanguageOption = .fr
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func validate() throws {
            try validateDates(date)
            if export && (dryRun || format.json) { throw ValidationError(tr("--export goes with neither --dry-run nor --json")) }
        }

        func run() async throws {
            let store = try storeOptions.openStore()
            let sessionIDs = try await selection.sessionIDs(in: store)
            let service = CertificationService(store: store)
            if dryRun { return try showDecisions(try await service.decisions(of: sessionIDs)) }
            try await issue(sessionIDs, service: service)
            if export {
                try await RecordFiles.write(sessionIDs, store: store, into: URL(fileURLWithPath: out), language: lang.language)
            }
        }

        private func issue(_ sessionIDs: [String], service: CertificationService) async throws {
            // Counting the seats reads every session once more: only for a bar someone sees.
            let seats = ProgressBar.isVisible ? try await service.seats(in: sessionIDs) : 0
            let progress = ProgressBar(total: seats, label: "certify")
            let outcomes: [CertificationOutcome]
            do {
                outcomes = try await service.certify(
                    sessionIDs, on: date.flatMap(LocalDate.init) ?? today(), by: by, at: WorkClock.now, progress: progress.note)
            } catch {
                progress.finish()
                throw error
            }
            progress.finish()
            if format.json { return try printJSON(outcomes.flatMap(\.issued)) }
            for outcome in outcomes {
                if !outcome.alreadyCertified.isEmpty {
                    say(
                        "\(outcome.sessionID): \(counted(outcome.alreadyCertified.count, "participant already certified, left as they are", "participants already certified, left as they are"))"
                    )
                }
                guard !outcome.issued.isEmpty else { continue }
                say("\(outcome.sessionID): \(counted(outcome.issued.count, "certificate issued", "certificates issued"))")
                Self.warn(outcome.sessionID, outcome.unassessed.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, will: true)
                printTable(
                    header: ["Number", "Participant", "Decision", "Hours", "Valid until"],
                    rows: outcome.issued.map { certificate in
                        [
                            certificate.number, certificate.participantID, certificate.isEligible ? tr("eligible") : tr("not eligible"),
                            "\(certificate.attended) / \(certificate.planned)", certificate.validUntil?.description ?? "",
                        ]
                    })
            }
        }

        private func showDecisions(_ records: [SessionDecisions]) throws {
            if format.json {
                return try printJSON(Dictionary(records.map { ($0.session.id, $0.decisions) }, uniquingKeysWith: { first, _ in first }))
            }
            for record in records {
                let (sessionID, decisions) = (record.session.id, record.decisions)
                let names = Dictionary(record.participants.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
                say("\(sessionID): \(decisions.filter(\.isEligible).count) of \(decisions.count) eligible (dry run: nothing issued)")
                printTable(
                    header: ["Participant", "Name", "Hours", "Rate", "Decision", "Reasons"],
                    rows: decisions.map { decision in
                        [
                            decision.participantID, names[decision.participantID] ?? "",
                            "\(decision.hours.attended) / \(decision.hours.planned)",
                            "\(decision.hours.ratePercent) %", decision.isEligible ? tr("eligible") : tr("not eligible"),
                            decision.reasons.map(\.description).joined(separator: "; "),
                        ]
                    })
                Self.warn(sessionID, record.unassessed, will: false)
            }
        }

        /// One line per person whose attestation prints an objective *non évalué*.
        static func warn(_ sessionID: String, _ unassessed: [(participantID: String, objectives: [String])], will: Bool) {
            for (participantID, objectives) in unassessed {
                say(
                    "Warning: \(sessionID): \(participantID)'s attestation \(will ? "prints" : "would print" as Text) \"non évalué\" for \(objectives.joined(separator: ", ")): it must state the assessment's results (L6353-1); record them with `allervers progress set` or `progress import`"
                )
            }
        }
    }
}
