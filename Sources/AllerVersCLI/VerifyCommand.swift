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
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            // A workspace named with --store, or whose logs are checked, must open; one looked
            // for upward to check a certificate may be absent.
            let store = storeOptions.folder != nil || input == nil ? try storeOptions.openStore() : try? storeOptions.openStore()
            let service = VerificationService(store: store)
            guard let input else { return try await verifyWorkspace(service) }
            let report: VerificationReport
            do {
                report = try await service.verify(try self.read(input))
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
                    "checks": report.checks.map(\.description).joined(separator: "; "),
                ])
            }
            say("Valid \(statement.kind.name): certificate \(statement.number)" + (statement.holder.map { ", \($0)" } ?? ""))
            if let course = statement.course { say("Course: \(course)") }
            for check in report.checks { say("  ✓ \(check)") }
        }

        /// `input` as a file (a PDF, or a token inside) or as a token itself.
        private func read(_ input: String) throws -> VerificationInput {
            // What a QR code points to: the certificate's page, its signed statement after `#`.
            if input.lowercased().hasPrefix("http"), let mark = input.firstIndex(of: "#") {
                return .token(String(input[input.index(after: mark)...]).trimmingCharacters(in: .whitespacesAndNewlines))
            }
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
            let (attendance, sessions, reopenings) = try await service.verifyLogs()
            if format.json {
                struct Account: Encodable {
                    let attendance: ChainReport
                    let sessions: ChainReport
                    let reopenings: [SessionEvent]
                }
                try printJSON(Account(attendance: attendance, sessions: sessions, reopenings: reopenings))
            }
            if let problem = attendance.problem ?? sessions.problem { throw CLIError(Text(verbatim: problem)) }
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
