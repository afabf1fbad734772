internal import Crypto
public import Foundation
public import TrainingCore
internal import TrainingExport
public import TrainingPDF
public import TrainingStore
internal import TrainingXML

/// One folder for a Qualiopi auditor: the records of the sessions of a period, sorted by the
/// indicator they evidence, with an index (HTML and PDF) and every file's SHA-256.
///
/// Made from the records only, with no clock: the same period gives the same bytes.
public struct AuditPackService: Sendable {
    let store: Store

    /// The use cases over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// A file of the pack: its path in the folder and its bytes.
    public typealias File = (path: String, data: Data)

    /// An indicator of the Qualiopi reference framework and the files that evidence it.
    struct Evidence {
        let indicator: String
        let what: String
        var paths: [String]
    }

    /// The pack of the sessions with a half-day from `from` through `to` (cancelled ones aside).
    public func pack(from: LocalDate, through to: LocalDate, language l: DocumentLanguage = .fr) async throws -> [File] {
        let period = from...to
        var sessions: [Session] = []
        for summary in try store.sessionSummaries() where summary.status != .cancelled {
            let session = try store.session(id: summary.id)
            if session.slots.contains(where: { period.contains($0.date) }) { sessions.append(session) }
        }
        sessions.sort { $0.id < $1.id }
        var files: [File] = []

        // Indicator 1: the programmes of the courses delivered.
        var courses: [String: Course] = [:]
        for session in sessions { courses["\(session.courseID)-\(session.courseVersion)"] = try store.course(of: session) }
        var programmes = Evidence(
            indicator: "1", what: l.pick("Programmes des formations dispensées", "Programmes of the courses delivered"), paths: [])
        for (name, course) in courses.sorted(by: { $0.key < $1.key }) {
            let path = "1-programmes/\(name).xml"
            files.append((path, Data(try CourseWriter().document(for: [course]).utf8)))
            programmes.paths.append(path)
        }

        // Indicator 9: when and where, by whom.
        var delivery = CSVWriter()
        delivery.append(["session", "course", "version", "slot", "date", "start", "end", "place", "remote", "trainers"])
        for session in sessions {
            for slot in session.slots {
                let place = slot.place ?? session.place
                delivery.append([
                    session.id, session.courseID, session.courseVersion.description, slot.id, slot.date.description, slot.start.description,
                    slot.end.description, "\(place.name), \(place.detail)", slot.remotePresence ?? "",
                    session.trainers.joined(separator: ", "),
                ])
            }
        }
        files.append(("9-delivery/sessions.csv", delivery.data))

        // Indicators 8 and 11: positioning and assessment results.
        var results = Evidence(
            indicator: "8, 11", what: l.pick("Positionnement à l'entrée et évaluation des acquis", "Positioning and assessment results"),
            paths: [])
        for session in sessions {
            let (_, lines) = try await ProgressService(store: store).progress(in: session.id)
            var csv = CSVWriter()
            csv.append(["participant", "objective", "phase", "level", "score"])
            for line in lines {
                for result in line.results {
                    csv.append([
                        line.participantID, result.objectiveID, result.phase.rawValue, result.level?.rawValue ?? "",
                        result.score.map(String.init) ?? "",
                    ])
                }
            }
            let path = "8-11-results/\(session.id).csv"
            files.append((path, csv.data))
            results.paths.append(path)
        }

        // Sign-in sheets, certificates and the other records of each session.
        var realisation = Evidence(
            indicator: l.pick("réalisation", "realisation"),
            what: l.pick(
                "Feuilles d'émargement, présences et heures suivies, certificats de réalisation, attestations et badges",
                "Sign-in sheets, attendance and hours, certificates of completion, attestations and badges"), paths: [])
        for made in try await RecordsService(store: store).files(of: sessions.map(\.id), language: l) {
            for (name, data) in made.files.sorted(by: { $0.name < $1.name }) {
                let path = "sessions/\(made.sessionID)/\(name)"
                files.append((path, data))
                realisation.paths.append(path)
            }
        }

        // Indicator 12: the follow-up of absences.
        let ids = Set(sessions.map(\.id))
        var followUps = CSVWriter()
        followUps.append(["#", "session", "participant", "half-days", "channel", "contacted on", "by", "note"])
        for followUp in try store.followUps() where ids.contains(followUp.sessionID) {
            followUps.append([
                String(followUp.sequence), followUp.sessionID, followUp.participantID, followUp.slotIDs.joined(separator: " "),
                followUp.channel.rawValue, followUp.contactedOn.description, followUp.contactedBy, followUp.note,
            ])
        }
        var waiting = CSVWriter()
        waiting.append(["session", "over two days", "participant", "half-day", "date"])
        for alert in try store.absenceAlerts() where ids.contains(alert.sessionID) {
            waiting.append([alert.sessionID, alert.overTwoDays ? "yes" : "no", alert.participantID, alert.slotID, alert.date.description])
        }
        files.append(("12-follow-up/follow-ups.csv", followUps.data))
        files.append(("12-follow-up/absences-without-follow-up.csv", waiting.data))

        // Indicator 2: completion and certification per course.
        var rates = CSVWriter()
        rates.append(["course", "version", "sessions", "trainees", "certificates", "completed", "completion rate (%)"])
        for (name, course) in courses.sorted(by: { $0.key < $1.key }) {
            let theirs = sessions.filter { "\($0.courseID)-\($0.courseVersion)" == name }
            var trainees = 0
            var certificates = 0
            var completed = 0
            for session in theirs {
                trainees += try store.seatedParticipants(in: session.id).count
                let issued = try store.certificates(in: session.id).filter { $0.revocation == nil }
                certificates += issued.count
                completed += issued.filter(\.isEligible).count
            }
            rates.append([
                course.id, course.version.description, String(theirs.count), String(trainees), String(certificates), String(completed),
                trainees == 0 ? "" : String(completed * 100 / trainees),
            ])
        }
        files.append(("2-rates/rates.csv", rates.data))

        let evidence = [
            programmes,
            Evidence(
                indicator: "2", what: l.pick("Taux d'achèvement et de certification", "Completion and certification rates"),
                paths: ["2-rates/rates.csv"]),
            results,
            Evidence(
                indicator: "9",
                what: l.pick(
                    "Conditions de déroulement : calendrier, lieux, formateurs", "Conditions of delivery: calendar, places, trainers"),
                paths: ["9-delivery/sessions.csv"]),
            Evidence(
                indicator: "12", what: l.pick("Suivi des absences et mesures contre l'abandon", "Follow-up of absences against drop-out"),
                paths: ["12-follow-up/follow-ups.csv", "12-follow-up/absences-without-follow-up.csv"]),
            realisation,
        ]
        let organisation = try store.documentOrganisation()
        let title = l.pick("Dossier d'audit Qualiopi", "Qualiopi audit pack")
        let dates = l.pick("du ", "") + l.numericDate(from) + l.pick(" au ", " to ") + l.numericDate(to)
        files.append(
            (
                "index.html",
                Self.html(title: title, organisation: organisation, period: dates, sessions: sessions, evidence: evidence, language: l)
            ))
        let document = TabularDocument(
            title: title,
            facts: [
                (l.pick("Organisme", "Organisation"), organisation.name), (l.pick("Période", "Period"), dates),
                (l.pick("Sessions", "Sessions"), sessions.map(\.id).joined(separator: ", ")),
            ],
            tables: [
                TabularDocument.Table(
                    columns: [
                        (l.pick("Indicateur", "Indicator"), 1.2), (l.pick("Preuve", "Evidence"), 3.5), (l.pick("Fichiers", "Files"), 5),
                    ],
                    rows: evidence.map { [$0.indicator, $0.what, $0.paths.joined(separator: "\n")] })
            ],
            notes: [
                l.pick(
                    "SHA256SUMS donne l'empreinte SHA-256 de chaque fichier du dossier (sha256sum -c SHA256SUMS).",
                    "SHA256SUMS gives each file's SHA-256 (sha256sum -c SHA256SUMS).")
            ],
            createdOn: to)
        files.append(("index.pdf", try Documents.tabular(document, organisation: organisation, language: l)))
        files.sort { $0.path < $1.path }
        let sums = files.map { file in
            SHA256.hash(data: file.data).map { String(format: "%02x", $0) }.joined() + "  " + file.path + "\n"
        }.joined()
        files.append(("SHA256SUMS", Data(sums.utf8)))
        return files
    }

    /// The index as a page that opens in any browser, every file a relative link.
    static func html(
        title: String, organisation: Organisation, period: String, sessions: [Session], evidence: [Evidence], language l: DocumentLanguage
    ) -> Data {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func link(_ path: String) -> String {
            let href = path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }
                .joined(separator: "/")
            return "<a href=\"\(escaped(href))\">\(escaped(path))</a>"
        }
        let listed = sessions.isEmpty ? l.pick("aucune", "none") : sessions.map(\.id).joined(separator: ", ")
        let declaration = l.pick("déclaration d'activité n° ", "declaration number ") + organisation.declarationNumber
        let (indicator, proof, files) = (l.pick("Indicateur", "Indicator"), l.pick("Preuve", "Evidence"), l.pick("Fichiers", "Files"))
        let sums = l.pick(
            "l'empreinte SHA-256 de chaque fichier (sha256sum -c SHA256SUMS)", "each file's SHA-256 (sha256sum -c SHA256SUMS)")
        var html = """
            <!doctype html>
            <html lang="\(l == .fr ? "fr" : "en")">
            <head><meta charset="utf-8"><title>\(escaped(title))</title>
            <style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.4em;text-align:left;vertical-align:top}th{background:#eee}</style>
            </head>
            <body>
            <h1>\(escaped(title))</h1>
            <p>\(escaped(organisation.name)) — \(escaped(declaration))</p>
            <p>\(escaped(period)) — sessions : \(escaped(listed))</p>
            <table>
            <tr><th>\(escaped(indicator))</th><th>\(escaped(proof))</th><th>\(escaped(files))</th></tr>

            """
        for item in evidence {
            html +=
                "<tr><td>\(escaped(item.indicator))</td><td>\(escaped(item.what))</td><td>"
                + (item.paths.isEmpty ? escaped(l.pick("aucun", "none")) : item.paths.map(link).joined(separator: "<br>")) + "</td></tr>\n"
        }
        html += """
            </table>
            <p>\(link("index.pdf")) · \(link("SHA256SUMS")) — \(escaped(sums))</p>
            </body>
            </html>

            """
        return Data(html.utf8)
    }
}
