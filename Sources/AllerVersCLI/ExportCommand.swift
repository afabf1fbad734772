import ArgumentParser
import Foundation
import TrainingCore
import TrainingService
import TrainingStore

extension AllerVers {
    struct ExportCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "export", abstract: tr("Write files for others: records for funders and participants, sheets, calendars."),
                subcommands: [Records.self, Certificates.self, Sheets.self, Calendar.self])
        }
    }
}

extension AllerVers.ExportCommand {
    struct Certificates: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "certificates",
                abstract: tr("Write certificates' documents and credentials from every session into one folder: a year's, an employer's."),
                discussion: tr(
                    """
                    The certificates `certificate list` gives with the same options; for each, its \
                    certificat de réalisation and, when the rule was met, its attestation (as printed at \
                    issue, sealed and signed) and its Open Badges credential, and an index.csv of them \
                    all. Revoked certificates are left out. Written to Exports/certificates unless --out \
                    says where; files already there are replaced.

                    Example:
                      allervers export certificates --year 2026 \\
                        --employer "CCAS de Villeurbanne" \\
                        --out ccas-2026
                    """))
        }
        @OptionGroup var filter: CertificateFilterOptions
        @Option(help: tr("The folder to write.", valueName: "folder")) var out: String = "Exports/certificates"
        @Option(help: tr("The documents' language: fr or en.")) var lang: LanguageOption = .fr
        @OptionGroup var storeOptions: StoreOptions

        /// The file that marks a folder as an export of certificates, which the next one replaces.
        static let marker = ".allervers-certificates"

        func run() async throws {
            let store = try storeOptions.openStore()
            let folder = URL(fileURLWithPath: out)
            // The folder is new, or an earlier export of certificates (it holds the marker), whose
            // files this one replaces.
            let present = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
                !$0.hasPrefix(".allervers-staging-")
            }
            if !present.isEmpty && !present.contains(Self.marker) {
                throw CLIError("\(folder.relativePath) holds files that no export of certificates wrote: give another --out")
            }
            let certificates = try await filter.certificates(from: CertificationService(store: store))
            guard !certificates.isEmpty else { return say("No certificate matches.") }
            let revoked = certificates.filter { $0.revocation != nil }.count
            let (files, written) = try await RecordsService(store: store).certificateFiles(certificates, language: lang.language)
            var staged = try StagedFiles(beside: folder)
            do {
                for (name, data) in files { try staged.add(data, as: folder.appendingPathComponent(name)) }
                try staged.add(
                    Data("Written by allervers export certificates; the next export replaces this folder's files.\n".utf8),
                    as: folder.appendingPathComponent(Self.marker))
                try staged.commit()
            } catch {
                staged.discard()
                throw error
            }
            // Then what the earlier export wrote and this one did not: a certificate revoked
            // since, or no longer matching, must not linger beside the others.
            let kept = Set(files.map(\.name) + [Self.marker])
            for name in present where !kept.contains(name) {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
            say(
                "Wrote \(counted(written, "certificate")) (\(counted(files.count, "file"))) to \(folder.relativePath)/"
                    + (revoked > 0 ? "; \(revoked) revoked left out" : ""))
        }
    }

    struct Calendar: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "calendar",
                abstract: tr("Write a session's half-days as an iCalendar file that calendar applications import."),
                discussion: tr(
                    """
                    Written to Exports/SESSION/calendar.ics in the current folder unless --out says where.

                    Example:
                      allervers export calendar AV-FOND-2026-03-LYON --out lyon.ics
                    """))
        }
        @OptionGroup var sessionOptions: SessionOptions
        @Option(help: tr("The file to write.", valueName: "file")) var out: String?

        func run() async throws {
            let (session, text) = try await RecordsService(store: try sessionOptions.storeOptions.openStore()).calendar(
                of: sessionOptions.session, at: Date())
            let url =
                out.map { URL(fileURLWithPath: $0) }
                ?? URL(fileURLWithPath: "Exports/\(session.id)/calendar.ics")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw CLIError("\(url.path): cannot write the file")
            }
            say("Wrote \(counted(session.slots.count, "event")) to \(url.relativePath)")
        }
    }
}
