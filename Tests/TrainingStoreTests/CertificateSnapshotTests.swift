import Foundation
import Testing
import TrainingCore
import TrainingTesting

@testable import TrainingStore

/// A certificate's snapshot is written from parts shared across a session's certificates; it
/// must be the JSON the encoder makes of the whole snapshot, byte for byte.
@Suite struct CertificateSnapshotTests {
    @Test func aSnapshotPutTogetherIsTheEncodersJSONOfTheWhole() throws {
        let encoder = CertificateSnapshotRows.encoder()
        let writer = CertificateSnapshotRows.Writer()
        let context = Fixtures.certificateContext(eligible: true)
        var snapshots: [CertificateSnapshot] = []
        // Two holders of one session, one with progress and one without, then another
        // session's: the second holder reuses the parts of the first, the third may not.
        var first = CertificateSnapshot(context)
        first.progress = ParticipantProgress(
            participantID: "P-0001", modules: [:],
            results: [ObjectiveResult(participantID: "P-0001", objectiveID: "O1", phase: .assessment, level: .acquired, score: nil)])
        snapshots.append(first)
        var second = CertificateSnapshot(context)
        second.participant = Participant(id: "P-0002", firstName: "Jean/Luc", lastName: "Martin \"dit\" Jo", profession: "CESF")
        snapshots.append(second)
        var third = CertificateSnapshot(context)
        third.session.id = "S-2"
        third.session.place = .outreachSite(name: "Maraude", description: "Gare Part-Dieu")
        snapshots.append(third)
        var fourth = third
        fourth.organisation.name = "Autre institut"
        snapshots.append(fourth)
        for snapshot in snapshots {
            let whole = String(decoding: try encoder.encode(snapshot), as: UTF8.self)
            #expect(try writer.json(snapshot) == whole)
            let decoded = try JSONDecoder().decode(CertificateSnapshot.self, from: Data(try writer.json(snapshot).utf8))
            #expect(decoded == snapshot)
        }
    }
}
