import ArgumentParser
import Foundation
import TrainingCore
import TrainingExport
import TrainingService
import TrainingStore

extension AllerVers {
    struct CertificateCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "certificate", abstract: tr("List, show, revoke and reissue certificates. They are never rewritten."),
                subcommands: [List.self, Show.self, Revoke.self, Reissue.self])
        }
    }
}

extension AllerVers.CertificateCommand {
    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "list",
                abstract: tr("List certificates: a session's, or every session's narrowed by dates, course, employer or state."),
                discussion: tr(
                    """
                    Without a session, every certificate, revoked ones included; --from and --to bound \
                    the training's last day (or, with --by issue, the day of issue); --employer keeps \
                    those held by people the employer employs now; --state valid, expired, revoked or \
                    not-met (issued to someone who did not meet the rule) as of today or --as-of.

                    Example:
                      allervers certificate list AV-FOND-2026-03-LYON
                      allervers certificate list --from 2026-01-01 --to 2026-12-31 \\
                        --employer "CCAS de Villeurbanne" --state valid
                    """))
        }
        @Argument(help: tr("The session's id; without it, every session's.")) var session: String?
        @OptionGroup var filter: CertificateFilterOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func validate() throws {
            if session != nil && filter.isFiltering {
                throw ValidationError(tr("a session's certificates are all listed: name a session or filters, not both"))
            }
        }

        func run() async throws {
            let service = CertificationService(store: try storeOptions.openStore())
            guard let session else {
                let day = filter.day
                let found = try await filter.certificates(from: service)
                if format.json { return try printJSON(found.map { CertificateOnADay(certificate: $0, day: day) }) }
                guard !found.isEmpty else { return say("No certificate matches.") }
                return printTable(
                    header: ["Number", "Participant", "Course", "Session", "Trained until", "Issued", "Valid until", "State"],
                    rows: found.map { certificate in
                        [
                            certificate.number, certificate.participantID, certificate.courseID, certificate.sessionID,
                            certificate.lastDay.description, certificate.issuedOn.description,
                            certificate.validUntil?.description ?? "",
                            certificate.state(on: day).words.description,
                        ]
                    })
            }
            let certificates = try await service.certificates(in: session)
            if format.json { return try printJSON(certificates) }
            guard !certificates.isEmpty else { return say("\(session) has no certificates yet: run `allervers certify \(session)`") }
            printTable(
                header: ["Number", "Participant", "Decision", "Hours", "Issued", "Valid until", "State"],
                rows: certificates.map { certificate in
                    [
                        certificate.number, certificate.participantID, certificate.isEligible ? tr("eligible") : tr("not eligible"),
                        "\(certificate.attended) / \(certificate.planned)", certificate.issuedOn.description,
                        certificate.validUntil?.description ?? "", revocationState(of: certificate),
                    ]
                })
        }
    }

    struct Show: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "show", abstract: tr("Show one certificate: decision, hours, reasons, revocation, signed payload."),
                discussion: tr("Example:\n  allervers certificate show AV-2026-000001"))
        }
        @Argument(help: tr("The certificate's number.")) var number: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let certificate = try await CertificationService(store: try storeOptions.openStore()).certificate(number)
            if format.json { return try printJSON(certificate) }
            let hours: Text = "\(certificate.attended) attended of \(certificate.planned)"
            let decision: Text =
                certificate.isEligible ? "eligible" : "not eligible: \(certificate.reasons.joined(separator: "; "))"
            var fields: [(Text, String)] = [
                ("Number", certificate.number),
                ("Session", certificate.sessionID),
                ("Participant", certificate.participantID),
                ("Course", "\(certificate.courseID) \(certificate.courseVersion)"),
                ("Dates", "\(certificate.firstDay) – \(certificate.lastDay)"),
                ("Hours", hours.description),
                ("Decision", decision.description),
                ("Issued", certificate.issuedOn.description),
                ("State", revocationState(of: certificate).description),
            ]
            if let until = certificate.validUntil { fields.append(("Valid until", until.description)) }
            if let replaces = certificate.replaces { fields.append(("Replaces", replaces)) }
            fields.append(("Public page", "/verify/\(certificate.number)?code=\(certificate.verificationCode)"))
            fields.append(("QR payload", certificate.signedPayload))
            printFields(fields)
        }
    }

    struct Revoke: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "revoke", abstract: tr("Revoke a certificate, for a reason that stays with it."),
                discussion: tr(
                    """
                    The certificate stays in the workspace, marked revoked; `allervers verify` then refuses it \
                    wherever the workspace is at hand.

                    Example:
                      allervers certificate revoke AV-2026-000001 \\
                        --reason "attendance sheet signed by someone else"
                    """))
        }
        @Argument(help: tr("The certificate's number.")) var number: String
        @Option(help: tr("Why it is revoked.")) var reason: String
        @Option(help: tr("Who revokes it. Default: the organisation's signatory.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await CertificationService(store: try storeOptions.openStore()).revoke(number, reason: reason, by: by, at: WorkClock.now)
            say("Revoked \(number): \(reason)")
        }
    }

    struct Reissue: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "reissue", abstract: tr("Replace a certificate with a new one decided from the records as they stand now."),
                discussion: tr(
                    """
                    For a correction: record the corrected attendance or results first, then reissue. The \
                    old certificate is revoked and the new one, with a new number, names it.

                    Example:
                      allervers certificate reissue AV-2026-000001 \\
                        --reason "attendance of 2026-03-13 corrected"
                    """))
        }
        @Argument(help: tr("The certificate's number.")) var number: String
        @Option(help: tr("Why it is reissued. Default: \"reissued as NEW-NUMBER\".")) var reason: String = ""
        @Option(help: tr("The new issue date. Default: today.", valueName: "date")) var date: String?
        @Option(help: tr("Who reissues it. Default: the organisation's signatory.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            try validateDates(date)
        }

        func run() async throws {
            let new = try await CertificationService(store: try storeOptions.openStore()).reissue(
                number, reason: reason, on: date.flatMap(LocalDate.init) ?? today(), by: by, at: WorkClock.now)
            say("Reissued \(number) as \(new.number) (\(new.isEligible ? "eligible" : "not eligible" as Text), \(new.attended) attended)")
        }
    }
}

/// `live`, or `revoked: reason`.
/// A certificate as JSON gives it, with its state on a day beside its own keys.
struct CertificateOnADay: Encodable {
    let certificate: Certificate
    let day: LocalDate
    private enum Key: CodingKey { case state }

    func encode(to encoder: any Encoder) throws {
        try certificate.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(certificate.state(on: day), forKey: .state)
    }
}

/// A certificate's state today, as `certificate list` across sessions names it (valid,
/// expired, not-met), or, revoked, why and by what it was replaced.
func revocationState(of certificate: Certificate) -> String {
    guard let revocation = certificate.revocation else { return certificate.state(on: today()).words.description }
    let state: Text = "revoked: \(revocation.reasonText)"
    return (state + (revocation.replacedBy.map { " (replaced by \($0))" } ?? "")).description
}

/// Which certificates across sessions: by dates, course, employer, state.
struct CertificateFilterOptions: ParsableArguments {
    @Option(help: tr("The first day, YYYY-MM-DD.", valueName: "date")) var from: String?
    @Option(help: tr("The last day, YYYY-MM-DD.", valueName: "date")) var to: String?
    @Option(help: tr("A calendar year: --from YEAR-01-01 --to YEAR-12-31.", valueName: "year")) var year: Int?
    @Option(help: tr("What the dates bound: training (its last day, default) or issue."), transform: choice)
    var by: CertificateFilter.Dating = .training
    @Option(help: tr("Only this course's.")) var course: String?
    @Option(help: tr("Only those held by this employer's staff (id or name).", valueName: "employer")) var employer: String?
    @Option(help: tr("valid, expired, revoked or not-met."), transform: choice) var state: Certificate.State?
    @Option(help: tr("The day the state is taken on, YYYY-MM-DD. Default: today.", valueName: "date")) var asOf: String?

    func validate() throws {
        try validateDates(from, to, asOf)
        if year != nil && (from != nil || to != nil) { throw ValidationError(tr("give --year, or --from and --to, not both")) }
        if let year, !(1900...9999).contains(year) { throw ValidationError(tr("--year \(year) is not a year")) }
        if let first = from.flatMap(LocalDate.init), let last = to.flatMap(LocalDate.init), first > last {
            throw ValidationError(tr("--from \(first) comes after --to \(last)"))
        }
    }

    /// Whether any option narrows the list.
    var isFiltering: Bool { [from, to, course, employer, asOf].contains { $0 != nil } || year != nil || state != nil || by != .training }

    /// The day the state is taken on.
    var day: LocalDate { asOf.flatMap(LocalDate.init) ?? today() }

    /// The certificates kept.
    func certificates(from service: CertificationService) async throws -> [Certificate] {
        let first = year.flatMap { LocalDate(year: $0, month: 1, day: 1) } ?? from.flatMap(LocalDate.init)
        let last = year.flatMap { LocalDate(year: $0, month: 12, day: 31) } ?? to.flatMap(LocalDate.init)
        let filter = CertificateFilter(from: first, to: last, datedBy: by, courseID: course, employer: employer)
        return try await service.certificates(matching: filter, state: state, on: day)
    }
}
