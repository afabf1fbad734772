import Foundation
import Testing
import TrainingCore

@testable import TrainingStore

/// How a signature's evidence is kept in the log.
@Suite struct EvidenceTests {
    static func encoded(_ evidence: SignatureEvidence) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(evidence), as: UTF8.self)
    }

    /// The log's text is what `JSONEncoder` wrote before (sorted keys, slashes as they are,
    /// absent members left out), every member included, and it reads back the same.
    @Test func evidenceIsWrittenAsTheEncoderWroteIt() throws {
        let examples = [
            SignatureEvidence(method: .qr),
            SignatureEvidence(
                method: .code, imageSHA256: String(repeating: "ab", count: 32), deviceTime: "2026-03-12T08:31:07.123+01:00",
                address: "2001:db8::1", userAgent: "Mozilla/5.0 (Linux; Android 14) \"Pixel\" \\ é 送",
                onBehalfReason: "arrivée en retard\nsigne à sa place\tavec accord"),
            SignatureEvidence(method: .trainer, onBehalfReason: "</script> & 'quotes'"),
        ]
        for evidence in examples {
            let written = SigningRows.json(evidence)
            #expect(written == (try Self.encoded(evidence)))
            #expect((try JSONDecoder().decode(SignatureEvidence.self, from: Data(written.utf8))) == evidence)
        }
        // Other control characters are escaped as \u00XX, and read back the same.
        let odd = SignatureEvidence(method: .code, deviceTime: "\u{8}\u{C}\u{1}")
        #expect(SigningRows.json(odd) == #"{"deviceTime":"\u0008\u000c\u0001","method":"code"}"#)
        #expect((try JSONDecoder().decode(SignatureEvidence.self, from: Data(SigningRows.json(odd).utf8))) == odd)
    }
}
