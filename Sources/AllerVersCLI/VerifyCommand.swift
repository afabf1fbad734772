import ArgumentParser
import Foundation
import TrainingCore
import TrainingExport
import TrainingStore

extension AllerVers {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a certificate, credential or QR payload; or, with nothing to check, the workspace's records.",
            discussion: """
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
                  allervers verify Exports/AV-FOND-2026-03-LYON/certificates/AV-2026-000001-certificat-de-realisation.pdf
                  allervers verify eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJ…
                """)
        @Argument(help: ArgumentHelp("A PDF, a .jwt file, or a QR payload.", valueName: "file-or-payload")) var input: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() throws {
            guard let input else { return try verifyWorkspace() }
            let statement = try statement(from: input)
            var checks = ["signature valid (Ed25519, \(statement.issuer.did))"]
            // A workspace named with --store must open; one looked for upward may be absent.
            let store = storeOptions.folder != nil ? try storeOptions.openStore() : try? storeOptions.openStore()
            if statement.pdfSigner != nil {
                checks.append("PDF signature (PAdES, RSA-2048) valid over the whole file, its certificate naming the same issuer")
            }
            if let store {
                let issuer = try storeOptions.issuer()
                guard issuer == statement.issuer else {
                    throw CLIError("\(input): signed by \(statement.issuer.did), not by this workspace's key (\(issuer.did))")
                }
                let certificate: Certificate
                do { certificate = try store.certificate(statement.number) } catch is NotFoundError {
                    throw CLIError("\(input): certificate \(statement.number) is not in this workspace")
                }
                if let revocation = certificate.revocation {
                    throw CLIError(
                        "\(input): certificate \(statement.number) was revoked on \(revocation.at.formatted(.iso8601.year().month().day())): \(revocation.reason)"
                            + (revocation.replacedBy.map { "; replaced by \($0)" } ?? ""))
                }
                checks.append("issued by this workspace, not revoked")
                if let signer = statement.pdfSigner {
                    let url = try storeOptions.workspace().pdfSigningCertificateURL
                    guard FileManager.default.fileExists(atPath: url.path), try PDFSigningIdentity.publicCertificate(at: url).der == signer
                    else {
                        throw CLIError("\(input): its PDF signature was not made with this workspace's certificate")
                    }
                    checks.append("PDF signed with this workspace's certificate")
                }
            } else {
                checks.append("no workspace at hand: signature checked alone, revocation not checked")
            }
            if format.json {
                return try printJSON([
                    "kind": statement.kind.rawValue, "number": statement.number, "issuer": statement.issuer.did,
                    "holder": statement.holder ?? "", "course": statement.course ?? "", "checks": checks.joined(separator: "; "),
                ])
            }
            say("Valid \(statement.kind.rawValue): certificate \(statement.number)" + (statement.holder.map { ", \($0)" } ?? ""))
            if let course = statement.course { say("Course: \(course)") }
            for check in checks { say("  ✓ \(check)") }
        }

        /// What `input` is: a file (PDF or a token inside) or a token itself.
        private func statement(from input: String) throws -> VerifiedStatement {
            let isFile = FileManager.default.fileExists(atPath: input)
            // A token is base64url and dots: a slash or a file's suffix means a path.
            if !isFile && (input.contains("/") || [".pdf", ".jwt", ".txt"].contains(where: input.lowercased().hasSuffix)) {
                throw CLIError("\(input): the file does not exist")
            }
            do {
                if isFile {
                    guard let data = FileManager.default.contents(atPath: input) else { throw CLIError("\(input): cannot read the file") }
                    if data.starts(with: Data("%PDF".utf8)) { return try Verifier.verify(pdf: data) }
                    return try Verifier.verify(token: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                }
                return try Verifier.verify(token: input.trimmingCharacters(in: .whitespacesAndNewlines))
            } catch let error as VerificationError {
                let shown = !isFile && input.count > 60 ? String(input.prefix(40)) + "…" : input
                throw CLIError("\(shown): \(error.description)")
            }
        }

        private func verifyWorkspace() throws {
            let store = try storeOptions.openStore()
            let attendance = try store.verifyAttendanceChain()
            let sessions = try store.verifySessionLog()
            let reopenings = try store.reopenings()
            if format.json {
                struct Account: Encodable {
                    let attendance: ChainReport
                    let sessions: ChainReport
                    let reopenings: [SessionEvent]
                }
                try printJSON(Account(attendance: attendance, sessions: sessions, reopenings: reopenings))
            }
            if let problem = attendance.problem ?? sessions.problem { throw CLIError(problem) }
            guard !format.json else { return }
            say("Attendance log intact: \(counted(attendance.recordCount, "record")) checked")
            say("Session log intact: \(counted(sessions.recordCount, "event")) checked")
            for event in reopenings {
                say(
                    "  \(event.sessionID) reopened on \(event.recordedAt.formatted(.iso8601.year().month().day())) by \(event.recordedBy): \(event.detail)"
                )
            }
        }
    }
}
