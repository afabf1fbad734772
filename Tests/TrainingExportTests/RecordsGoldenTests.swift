import Foundation
import Testing
import TrainingCore
import TrainingExport
import TrainingTesting

/// The funder CSVs, the xAPI statements and the credential's claims, byte for byte against
/// the files in Golden/. Set AV_UPDATE_GOLDEN=1 to write them anew after a deliberate change,
/// and read the diff.
@Suite struct RecordsGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func matchesGolden(_ data: Data, _ name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["AV_UPDATE_GOLDEN"] == "1" { try data.write(to: url) }
        let golden = try Data(contentsOf: url)
        #expect(data == golden, "\(name) differs from Golden/\(name):\n\(String(decoding: data, as: UTF8.self))")
    }

    /// Two half-days, three people: one late with a formula for an employer, one excused,
    /// one present throughout; O1 assessed for the second.
    struct Week {
        let course = Fixtures.course()
        let session: Session
        let participants = [
            Participant(id: "P-0001", firstName: "Awa", lastName: "Diallo", email: "awa.diallo@example.org", employer: "=1+1"),
            Participant(id: "P-0002", firstName: "Mehdi", lastName: "Benali", employer: "CCAS; Villeurbanne"),
            Participant(id: "P-0003", firstName: "Sophie", lastName: "Lambert", email: "s.lambert@example.org"),
        ]
        let marks = [
            AttendanceMark(participantID: "P-0001", slotID: "2026-03-12-am", status: .present, minutesLate: 20),
            AttendanceMark(participantID: "P-0002", slotID: "2026-03-12-am", status: .present),
            AttendanceMark(participantID: "P-0003", slotID: "2026-03-12-am", status: .present),
            AttendanceMark(participantID: "P-0001", slotID: "2026-03-12-pm", status: .present),
            AttendanceMark(participantID: "P-0002", slotID: "2026-03-12-pm", status: .excused, reason: "rendez-vous \"médical\""),
            AttendanceMark(participantID: "P-0003", slotID: "2026-03-12-pm", status: .present, minutesLeftEarly: 30),
        ]
        let progress = [
            ParticipantProgress(
                participantID: "P-0003", modules: ["M2": .completed],
                results: [
                    ObjectiveResult(participantID: "P-0003", objectiveID: "O1", phase: .assessment, level: .acquired, score: 85),
                    ObjectiveResult(participantID: "P-0003", objectiveID: "O2", phase: .assessment, level: nil, score: 60),
                ])
        ]
        let organisation = try! Organisation(
            name: "Institut Aller-Vers", address: "12 rue des Lices, 49100 Angers", declarationNumber: "52490123449",
            signatoryName: "Claire Martin", signatoryTitle: "Directrice")

        init() {
            session = Session(
                id: "T-1-LYON", courseID: course.id, courseVersion: course.version, timeZone: "Europe/Paris",
                place: .room(name: "Salle Rhône", address: "3 quai Perrache, 69002 Lyon"), trainers: ["Claire Martin"],
                capacity: 12, funder: "OPCO Santé", status: .closed, slots: Session.layOut(course, from: LocalDate("2026-03-12")!))
        }

        var decisions: [CertificationDecision] {
            session.certificationDecisions(course: course, participantIDs: participants.map(\.id), marks: marks, progress: progress)
        }
    }

    @Test func attendanceCSV() throws {
        let week = Week()
        try matchesGolden(
            FunderExport.attendanceCSV(session: week.session, course: week.course, participants: week.participants, marks: week.marks),
            "attendance.csv")
    }

    @Test func hoursCSV() throws {
        let week = Week()
        let certificate = Certificate(
            number: "AV-2026-000007", sessionID: week.session.id, participantID: "P-0003", courseID: week.course.id,
            courseVersion: week.course.version, isEligible: true, reasons: [], attended: Hours(minutes: 390),
            planned: Hours(minutes: 420), firstDay: LocalDate("2026-03-12")!, lastDay: LocalDate("2026-03-12")!,
            issuedOn: LocalDate("2026-03-16")!, validUntil: nil, replaces: nil, signedPayload: "", credential: nil)
        try matchesGolden(
            FunderExport.hoursCSV(
                session: week.session, participants: week.participants, decisions: week.decisions, certificates: [certificate]),
            "hours.csv")
    }

    @Test func xapiStatements() throws {
        let week = Week()
        try matchesGolden(
            XAPIStatements.jsonLines(
                session: week.session, course: week.course, organisation: week.organisation, participants: week.participants,
                marks: week.marks, decisions: week.decisions, progress: week.progress),
            "xapi-statements.jsonl")
    }

    /// The claims of the Open Badges credential, signed with a fixed key so that the issuer
    /// and the salted email hash stay the same.
    @Test func credentialClaims() throws {
        let week = Week()
        let key = try SigningKey(rawRepresentation: Data((0..<32).map { UInt8($0) }))
        let certificate = Certificate(
            number: "AV-2026-000007", sessionID: week.session.id, participantID: "P-0003", courseID: week.course.id,
            courseVersion: week.course.version, isEligible: true, reasons: [], attended: Hours(minutes: 390),
            planned: Hours(minutes: 420), firstDay: LocalDate("2026-03-12")!, lastDay: LocalDate("2026-03-12")!,
            issuedOn: LocalDate("2026-03-16")!, validUntil: LocalDate("2029-03-15"), replaces: nil, signedPayload: "", credential: nil)
        let context = CertificateContext(
            certificate: certificate, participant: week.participants[2], course: week.course, session: week.session,
            organisation: week.organisation, progress: week.progress[0])
        let token = CertificateSigner(key: key).credential(for: context)
        let parts = token.split(separator: ".")
        let header = try #require(Base64URL.decode(parts[0]))
        let claims = try #require(Base64URL.decode(parts[1]))
        try matchesGolden(header + Data("\n".utf8) + claims + Data("\n".utf8), "credential-claims.json")
        #expect(try Verifier.verify(token: token).issuer == key.issuer)
    }
}
