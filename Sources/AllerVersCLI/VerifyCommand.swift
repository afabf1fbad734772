import ArgumentParser
import Foundation
import TrainingCore
import TrainingExport
import TrainingService
import TrainingStore

extension AllerVers {
    struct Verify: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "verify",
                abstract: tr("Check a certificate, credential or QR payload; or, with nothing to check, the workspace's records."),
                discussion: tr(
                    """
                    With FILE or PAYLOAD: checks a certificate PDF (its seal covers every byte), an Open \
                    Badges credential (.jwt) or the text of a certificate's QR code. The signature is \
                    checked against the issuer's did:key carried in the statement, with no network. When a \
                    workspace is at hand (the current folder or --store), it also checks that the issuer \
                    is the workspace's key and that the certificate is not revoked; otherwise it checks the \
                    signature alone and says so.

                    With nothing: recomputes the hash chains of the attendance log and of the session log \
                    (closings, reopenings, cancellations, edits), names the first record that no longer \
                    matches, and lists every reopening with who, when and why.

                    Exits with status 1 when anything does not verify.

                    Examples:
                      allervers verify
                      allervers verify AV-2026-000001-certificat-de-realisation.pdf
                      allervers verify eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJ…
                    """))
        }
        @Argument(help: tr("A PDF, a .jwt file, or what a QR code holds.", valueName: "file-or-payload")) var input: String?
        @Option(
            help: tr(
                "A credential's revocation status list (the .jwt its credentialStatus names, /status/YEAR), to check offline.",
                valueName: "file"))
        var statusList: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func validate() throws {
            if statusList != nil && input == nil { throw ValidationError(tr("--status-list checks a credential: give the credential too")) }
        }

        func run() async throws {
            // A workspace named with --store, or whose logs are checked, must open; one looked
            // for upward to check a certificate may be absent.
            let store = storeOptions.folder != nil || input == nil ? try storeOptions.openStore() : try? storeOptions.openStore()
            let service = VerificationService(store: store)
            guard let input else { return try await verifyWorkspace(service) }
            let report: VerificationReport
            let list = try statusList.map { path -> String in
                guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read the file") }
                return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            do {
                if let page = CertificatePage(input) {
                    report = try await service.verify(.token(try await page.statement(in: store)), statusList: list)
                    try page.check(report.statement, publishedAt: try store?.organisation()?.publicAddress)
                } else {
                    report = try await service.verify(try self.read(input), statusList: list)
                }
            } catch let error as VerificationError {
                throw CLIError("\(shown(input)): \(error.description)")
            } catch let error as VerificationFailure {
                throw CLIError("\(input): \(error.description)")
            }
            let statement = report.statement
            if format.json {
                return try printJSON([
                    "kind": statement.kind.rawValue, "number": statement.number, "issuer": statement.issuer.did,
                    "holder": statement.holder ?? "", "course": statement.course ?? "",
                    "checks": report.checks.map { $0.rendered(in: .en) }.joined(separator: "; "),
                ])
            }
            say("Valid \(statement.kind.name): certificate \(statement.number)" + (statement.holder.map { ", \($0)" } ?? ""))
            if let course = statement.course { say("Course: \(course)") }
            for check in report.checks { say("  ✓ \(check)") }
        }

        /// `input` as a file (a PDF, or a token inside) or as a token itself.
        private func read(_ input: String) throws -> VerificationInput {
            guard FileManager.default.fileExists(atPath: input) else {
                // A token is base64url and dots: a slash or a file's suffix means a path.
                if input.contains("/") || [".pdf", ".jwt", ".txt"].contains(where: input.lowercased().hasSuffix) {
                    throw CLIError("\(input): the file does not exist")
                }
                return .token(input.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            guard let data = FileManager.default.contents(atPath: input) else { throw CLIError("\(input): cannot read the file") }
            if data.starts(with: Data("%PDF".utf8)) { return .pdf(data) }
            return .token(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }

        /// A long payload shortened for an error line; a file's path as it is.
        private func shown(_ input: String) -> String {
            !FileManager.default.fileExists(atPath: input) && input.count > 60 ? String(input.prefix(40)) + "…" : input
        }

        private func verifyWorkspace(_ service: VerificationService) async throws {
            let (chains, reopenings) = try await service.verifyLogs()
            if format.json {
                struct Account: Encodable {
                    let attendance: ChainReport
                    let sessions: ChainReport
                    let sheetSignatures: ChainReport
                    let signatureImages: ChainReport
                    let followUps: ChainReport
                    let purges: ChainReport
                    let reopenings: [SessionEvent]
                }
                try printJSON(
                    Account(
                        attendance: chains.attendance, sessions: chains.sessions, sheetSignatures: chains.sheets,
                        signatureImages: chains.images, followUps: chains.followUps, purges: chains.purges, reopenings: reopenings))
            }
            if let problem = chains.problem { throw CLIError(problem) }
            guard !format.json else { return }
            say("Attendance log intact: \(counted(chains.attendance.recordCount, "record")) checked")
            say("Session log intact: \(counted(chains.sessions.recordCount, "event")) checked")
            say("Sheet signatures intact: \(counted(chains.sheets.recordCount, "signature")) checked")
            if chains.images.recordCount > 0 {
                say("Drawn signatures intact: \(counted(chains.images.recordCount, "image")) matching their hashes")
            }
            if chains.followUps.recordCount > 0 {
                say("Follow-ups of absences intact: \(counted(chains.followUps.recordCount, "follow-up")) checked")
            }
            if chains.purges.recordCount > 0 {
                say("Purges intact: \(counted(chains.purges.recordCount, "purge")) checked, each erased row named by its purge")
            }
            for event in reopenings {
                say(
                    "  \(event.sessionID) reopened on \(event.recordedAt.formatted(.iso8601.year().month().day())) by \(event.recordedBy): \(event.detail)"
                )
            }
        }
    }
}

/// A certificate's page address, as its QR code holds it (`https://SITE/verify/NUMBER?code=CODE`,
/// the signed statement after `#`) or as it is printed (without the statement).
struct CertificatePage {
    /// What comes before `/verify/`.
    let site: String
    let number: String
    let code: String
    /// The signed statement after `#`, when the address came from a QR code.
    let statement: String?

    init?(_ text: String) {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.lowercased().hasPrefix("http"), let verify = text.range(of: "/verify/") else { return nil }
        let (address, fragment) =
            text.firstIndex(of: "#").map { (text[..<$0], String(text[text.index(after: $0)...])) } ?? (text[...], nil)
        let rest = address[verify.upperBound...]
        let number = rest.prefix { $0 != "?" && $0 != "/" }
        let query = rest.drop { $0 != "?" }.dropFirst()
        let code = query.split(separator: "&").first { $0.hasPrefix("code=") }?.dropFirst(5) ?? ""
        (site, self.number, self.code, statement) = (String(text[..<verify.lowerBound]), String(number), String(code), fragment)
    }

    /// The signed statement to check: the one after `#`, or, for a printed address, the
    /// certificate's own from the workspace, when the code is its own.
    func statement(in store: Store?) async throws -> String {
        if let statement { return statement }
        guard let store else {
            throw CLIError("a certificate's address without its QR code's statement is checked in its workspace (--store)")
        }
        let certificate = try await CertificationService(store: store).certificate(number)
        if let purge = certificate.erasedIn {
            throw CLIError(
                "certificate \(number)'s holder was anonymised past retention (purge \(purge)): the workspace no longer keeps its signed statement; check the QR code's"
            )
        }
        guard certificate.isVerified(by: code) else { throw CLIError("the code is not certificate \(number)'s") }
        return certificate.signedPayload
    }

    /// That the address names the certificate its statement is, with the statement's own
    /// code, at the organisation's address when the workspace knows it.
    func check(_ statement: VerifiedStatement, publishedAt address: String?) throws {
        guard statement.number == number else {
            throw CLIError("the address names certificate \(number) but its statement is certificate \(statement.number)'s")
        }
        if let signed = self.statement, Certificate.verificationCode(of: signed) != code {
            throw CLIError("the code is not certificate \(number)'s")
        }
        if let address, site.lowercased() != address.lowercased() {
            throw CLIError("the address is not where the organisation publishes its certificates (\(address))")
        }
    }
}
