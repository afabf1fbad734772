public import Foundation
public import TrainingCore

/// CSV as French spreadsheets open it (UTF-8 with a BOM, `;` between cells, CRLF), with
/// formula injection neutralised: a cell that a spreadsheet would read as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'`.
public struct CSVWriter: Sendable {
    private var text = "\u{FEFF}"

    /// An empty document.
    public init() {}

    /// Adds a row.
    public mutating func append(_ cells: [String]) {
        text += cells.map(Self.cell).joined(separator: ";") + "\r\n"
    }

    /// The document's bytes.
    public var data: Data { Data(text.utf8) }

    /// One cell, neutralised and quoted as needed (RFC 4180).
    public static func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The attendance files funders ask for.
public enum FunderExport {
    /// One row per seated participant per half-day: date, start, end, planned and attended
    /// duration, place, trainers, modules, status, minutes late or left early, reason, and
    /// whether the slot was on site or remote (with how presence was established).
    public static func attendanceCSV(session: Session, course: Course, participants: [Participant], marks: [AttendanceMark]) -> Data {
        var csv = CSVWriter()
        csv.append([
            "Session", "Formation", "Version", "Participant", "Nom", "Prénom", "Employeur", "Date", "Début", "Fin", "Durée prévue (h)",
            "Durée réalisée (h)", "Durée réalisée (min)", "Lieu", "Adresse du lieu", "Formateurs", "Modules", "Statut", "Retard (min)",
            "Départ anticipé (min)", "Motif", "Modalité",
        ])
        let grid = MarkGrid(marks)
        for slot in session.slots {
            for participant in participants {
                let mark = grid[participant.id, slot.id]
                csv.append([
                    session.id, course.id, course.version.description, participant.id, participant.lastName, participant.firstName,
                    participant.employer ?? "", slot.date.description, slot.start.description, slot.end.description,
                    frenchDecimal(slot.duration), mark.map { frenchDecimal($0.attended(in: slot)) } ?? "",
                    mark.map { String($0.attended(in: slot).minutes) } ?? "", slot.isRemote ? "à distance" : session.place(of: slot).name,
                    slot.isRemote ? "" : session.place(of: slot).detail, session.trainers.joined(separator: ", "),
                    slot.modules.joined(separator: ", "),
                    mark.map { status($0) } ?? "non relevé", mark.map { String($0.minutesLate) } ?? "",
                    mark.map { String($0.minutesLeftEarly) } ?? "", mark?.reason ?? "",
                    slot.remotePresence.map { "à distance (\($0))" } ?? "présentiel",
                ])
            }
        }
        return csv.data
    }

    /// One row per seated participant: hours planned and attended, the rate, half-days not
    /// recorded, the decision and the certificate number.
    public static func hoursCSV(
        session: Session, participants: [Participant], decisions: [CertificationDecision], certificates: [Certificate]
    ) -> Data {
        var csv = CSVWriter()
        csv.append([
            "Session", "Participant", "Nom", "Prénom", "Employeur", "Heures prévues", "Heures réalisées", "Minutes réalisées",
            "Taux (%)", "Demi-journées non relevées", "Décision", "Motifs", "Certificat",
        ])
        let decisionsByID = Dictionary(decisions.map { ($0.participantID, $0) }, uniquingKeysWith: { first, _ in first })
        let live = Dictionary(
            certificates.filter { $0.revocation == nil }.map { ($0.participantID, $0.number) }, uniquingKeysWith: { _, last in last })
        for participant in participants {
            guard let decision = decisionsByID[participant.id] else { continue }
            csv.append([
                session.id, participant.id, participant.lastName, participant.firstName, participant.employer ?? "",
                frenchDecimal(decision.hours.planned), frenchDecimal(decision.hours.attended), String(decision.hours.attended.minutes),
                String(decision.hours.ratePercent), String(decision.hours.unrecordedSlots),
                decision.isEligible ? "certifié" : "non certifié", decision.reasons.map(french).joined(separator: " ; "),
                live[participant.id] ?? "",
            ])
        }
        return csv.data
    }

    /// `3,50`, `3,17`: hours to two decimals, as a French spreadsheet reads a number. The
    /// exact figure is in the minutes column beside it.
    static func frenchDecimal(_ hours: Hours) -> String {
        let hundredths = (hours.minutes * 100 + 30) / 60
        let rest = hundredths % 100
        return "\(hundredths / 100)," + (rest < 10 ? "0" : "") + String(rest)
    }

    /// A reason for a funder, in French.
    static func french(_ reason: CertificationReason) -> String {
        switch reason {
        case .attendanceBelowMinimum(let attended, let planned, let percent, let minimum):
            "\(attended) suivies sur \(planned) (\(percent) %), sous le minimum de \(minimum) %"
        case .unrecordedSlots(let count):
            count == 1 ? "1 demi-journée sans relevé de présence" : "\(count) demi-journées sans relevé de présence"
        case .requiredModuleNotCompleted(let module):
            "module obligatoire \(module) non accompli"
        case .objectiveNotAssessed(let objective):
            "objectif \(objective) non évalué"
        case .objectiveNotPassed(let objective):
            "objectif \(objective) non acquis"
        }
    }

    private static func status(_ mark: AttendanceMark) -> String {
        switch mark.status {
        case .present: "présent"
        case .excused: "absent excusé"
        case .absent: "absent"
        }
    }
}
