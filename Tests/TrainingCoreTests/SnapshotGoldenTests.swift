import Foundation
import Testing
import TrainingCore
import TrainingTesting

/// A certificate's snapshot (what its documents print, kept since issue) as format 1 wrote
/// it. Certificates issued years ago must still print: a change to `Participant`, `Course`,
/// `Session`, `Organisation` or `ParticipantProgress` that stops this file from decoding needs
/// a new snapshot format and a reader for format 1.
@Suite struct SnapshotGoldenTests {
    let golden = Fixtures.repository.appendingPathComponent("Tests/TrainingCoreTests/Golden/certificate-snapshot-v1.json")

    @Test func formatOneStillDecodesToWhatItSaid() throws {
        let expected = CertificateSnapshot(Fixtures.certificateContext(eligible: true))
        if ProcessInfo.processInfo.environment["ALLERVERS_WRITE_GOLDEN"] == "1" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            try encoder.encode(expected).write(to: golden)
        }
        let decoded = try JSONDecoder().decode(CertificateSnapshot.self, from: Data(contentsOf: golden))
        #expect(decoded.format == 1)
        #expect(decoded == expected)
    }
}
