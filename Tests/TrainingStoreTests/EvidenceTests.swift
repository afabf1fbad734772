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
        // Control characters too: a backspace and a form feed as JSONEncoder writes them.
        let odd = [
            SignatureEvidence(method: .code, deviceTime: "\u{1}\u{1F}"), SignatureEvidence(method: .code, deviceTime: "\u{8}\u{C}\u{1}"),
            SignatureEvidence(method: .qr, userAgent: "a\u{C}b"),
        ]
        for evidence in examples + odd {
            let written = try SigningRows.json(evidence)
            #expect(written == (try Self.encoded(evidence)))
            #expect((try JSONDecoder().decode(SignatureEvidence.self, from: Data(written.utf8))) == evidence)
        }
        #expect((try SigningRows.json(odd[0])) == #"{"deviceTime":"\u0001\u001f","method":"code"}"#)
    }
}
