public import Foundation
public import TrainingCore
public import TrainingPDF
internal import TrainingStore

/// The compliance report and the training matrix as PDF documents an employer can hand an
/// auditor: who stands where on the day, by what evidence, the counts, and how to read them.
extension ComplianceService {
    /// A report (see ``report(employer:asOf:knownAt:)``, for `employer` as known at
    /// `knownAt`) as a PDF, a table per employer then the counts, with the definitions it follows.
    public func reportPDF(_ report: ComplianceReport, employer: String?, knownAt: Date?, language l: DocumentLanguage) throws -> Data {
        let day = report.asOf
        var tables: [TabularDocument.Table] = []
        var order: [String] = []
        var lines: [String: [ComplianceReport.Line]] = [:]
        for line in report.lines {
            if lines[line.employerID] == nil { order.append(line.employerID) }
            lines[line.employerID, default: []].append(line)
        }
        let wording = StatusWording(language: l)
        for id in order {
            guard let employerLines = lines[id], let first = employerLines.first else { continue }
            tables.append(
                TabularDocument.Table(
                    heading: first.employer,
                    columns: [
                        (l.pick("Nom", "Name"), 2.0), (l.pick("Profession", "Profession"), 1.6), (l.pick("Obligation", "Obligation"), 1.7),
                        (l.pick("Situation", "Status"), 1.7), (l.pick("Échéance", "Due"), 1.45), (l.pick("Retard", "Late"), 2.0),
                        (l.pick("Preuve", "Evidence"), 2.0),
                    ],
                    rows: employerLines.map { line in
                        [
                            line.name, line.profession ?? "", "\(line.obligationID) \(line.obligation)", wording.state(line.status),
                            line.status.due.map(l.numericDate) ?? "", wording.lateness(line.status), wording.evidence(line.status),
                        ]
                    }))
        }
        let states = ComplianceStatus.State.allCases
        tables.append(
            TabularDocument.Table(
                heading: l.pick("Effectifs par situation", "Counts by status"),
                columns: [(l.pick("Employeur", "Employer"), 1.8), (l.pick("Profession", "Profession"), 1.8)]
                    + states.map { (wording.stateName($0), 1.3) },
                rows: report.counts().map { count in
                    [
                        count.profession == nil ? count.employer : "",
                        count.profession.map { $0.isEmpty ? l.pick("(non renseignée)", "(none)") : $0 } ?? l.pick("toutes", "all"),
                    ] + states.map { String(count.states[$0] ?? 0) }
                }))
        let document = TabularDocument(
            title: l.pick("Suivi des obligations de formation", "Training obligations"),
            facts: try facts(employer: employer, asOf: day, knownAt: knownAt, language: l), tables: tables,
            notes: wording.definitions, createdOn: day)
        return try Documents.tabular(document, organisation: try store.documentOrganisation(), language: l)
    }

    /// A training matrix (see ``matrix(employer:asOf:)``, of `employer`) as a PDF: a row per
    /// person, a column per obligation.
    public func matrixPDF(_ matrix: ComplianceMatrix, employer: String, language l: DocumentLanguage) throws -> Data {
        let day = matrix.asOf
        let wording = StatusWording(language: l)
        let table = TabularDocument.Table(
            columns: [(l.pick("Nom", "Name"), 2.5)] + matrix.obligations.map { ("\($0.id) \($0.title)", 2.0) },
            rows: matrix.rows.map { row in
                [row.name]
                    + row.statuses.map { status in
                        status.map { wording.state($0) + ($0.due.map { "\n" + l.pick("échéance ", "due ") + l.numericDate($0) } ?? "") }
                            ?? l.pick("non concerné·e", "not subject")
                    }
            })
        let document = TabularDocument(
            title: l.pick("Matrice de formation", "Training matrix"),
            facts: try facts(employer: employer, asOf: day, knownAt: nil, language: l), tables: [table], notes: wording.definitions,
            createdOn: day)
        return try Documents.tabular(document, organisation: try store.documentOrganisation(), language: l)
    }

    private func facts(employer: String?, asOf day: LocalDate, knownAt: Date?, language l: DocumentLanguage) throws -> [(
        label: String, value: String
    )] {
        var facts: [(label: String, value: String)] = []
        if let employer {
            let found = try store.employer(employer).summary.employer
            facts.append((l.pick("Employeur", "Employer"), found.name + (found.siret.map { " — SIRET \($0)" } ?? "")))
        } else {
            facts.append((l.pick("Employeurs", "Employers"), l.pick("tous", "all")))
        }
        facts.append((l.pick("Situation au", "As of"), l.numericDate(day)))
        if let knownAt {
            facts.append(
                (
                    l.pick("Données connues au", "Records known at"),
                    l.numericDate(LocalDate.inParis(knownAt))
                        + l.pick(" (ce qui a été enregistré depuis n'est pas compté)", " (what was recorded since does not count)")
                ))
        }
        return facts
    }
}

/// How a status reads in a document, in French or English.
struct StatusWording {
    let language: DocumentLanguage

    func stateName(_ state: ComplianceStatus.State) -> String {
        let l = language
        return switch state {
        case .compliant: l.pick("À jour", "Compliant")
        case .dueSoon: l.pick("À échéance proche", "Due soon")
        case .inGrace: l.pick("En retard (délai de grâce)", "Late (in grace)")
        case .overdue: l.pick("En dépassement", "Overdue")
        case .notYetDue: l.pick("Pas encore dû", "Not yet due")
        case .exempt: l.pick("Dispensé·e", "Exempt")
        }
    }

    func state(_ status: ComplianceStatus) -> String {
        let l = language
        switch status.state {
        case .dueSoon:
            let days = status.daysLeft ?? 0
            return stateName(.dueSoon) + l.pick(" (\(days) j)", " (\(days) d)")
        case .exempt:
            guard let exemption = status.exemption else { return stateName(.exempt) }
            return stateName(.exempt) + l.pick(" jusqu'au ", " until ") + l.numericDate(exemption.until) + " — " + exemption.reason
        default: return stateName(status.state)
        }
    }

    func lateness(_ status: ComplianceStatus) -> String {
        guard let late = status.lateSince, let overdue = status.overdueSince else { return "" }
        let l = language
        return l.pick("en retard depuis le ", "late since ") + l.numericDate(late) + "\n"
            + (status.state == .inGrace
                ? l.pick("dépassement à partir du ", "overdue from ") : l.pick("en dépassement depuis le ", "overdue since "))
            + l.numericDate(overdue)
    }

    func evidence(_ status: ComplianceStatus) -> String {
        let l = language
        guard let evidence = status.evidence else { return l.pick("jamais formé·e", "never trained") }
        let source = evidence.provider.map { l.pick("formation externe, ", "external, ") + $0 } ?? l.pick("certificat", "certificate")
        return "\(evidence.evidence)\n\(source), \(l.numericDate(evidence.date))"
    }

    /// The definitions of `Compliance.swift`, as a reader of the report needs them.
    var definitions: [String] {
        language.pick(
            [
                "L'échéance est le dernier jour où la personne est à jour. Le retard commence le lendemain ; le délai de grâce de l'obligation court à partir de ce jour ; le dépassement commence le lendemain de la fin du délai de grâce (sans délai de grâce, dès le premier jour de retard).",
                "Les mois sont des mois du calendrier de Paris, ramenés au dernier jour du mois : une formation achevée le 29 février et valable 12 mois l'est jusqu'au 28 février suivant. Un renouvellement anticipé ne raccourcit jamais une validité.",
                "Une dispense couvre ses jours de début et de fin ; une échéance qui y tombe est reportée à sa fin. Une formation suivie ailleurs ne compte qu'une fois sa preuve vérifiée, sauf si l'obligation accepte les déclarations.",
            ],
            [
                "The due date is the last compliant day. Lateness starts the day after; the obligation's grace period runs from that day; overdue starts the day after the grace ends (without grace, on the first late day).",
                "Months are calendar months in Europe/Paris, clamped to the end of the month: training completed on 29 February and valid for 12 months is valid until the next 28 February. An early renewal never shortens a validity.",
                "An exemption covers its first and last days; a due date within it moves to its end. Training done elsewhere counts once its evidence is verified, unless the obligation accepts self-declared training.",
            ])
    }
}

extension DocumentLanguage {
    /// `31/12/2026` in French, `2026-12-31` in English.
    func numericDate(_ day: LocalDate) -> String {
        self == .fr ? String(format: "%02d/%02d/%04d", day.day, day.month, day.year) : day.description
    }

    /// The French or the English text.
    func pick<T>(_ french: T, _ english: T) -> T { self == .fr ? french : english }
}
