import Foundation
import Testing
import TrainingCore
import TrainingExport
import TrainingTesting

@Suite struct SigningKeyTests {
    @Test func didKeyRoundTripsAndNamesAnEd25519Key() throws {
        let key = SigningKey()
        #expect(key.issuer.did.hasPrefix("did:key:z6Mk"))
        #expect(IssuerKey(did: key.issuer.did) == key.issuer)
        #expect(IssuerKey(did: key.issuer.verificationMethod) == key.issuer)
        #expect(IssuerKey(did: "did:key:z6MkBAD0") == nil)
        #expect(IssuerKey(did: "did:web:example.org") == nil)
    }

    /// The did:key specification's first Ed25519 example and its key, in base64url (RFC 8037 form).
    @Test func matchesTheDidKeySpecificationVector() throws {
        let publicKey = try #require(Base64URL.decode("Lm_M42cB3HkUiODQsXRcweM6TByfzEHGO9ND274JcOY"))
        #expect(IssuerKey(publicKey: publicKey).did == "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")
    }

    @Test func pemIsWhatOpenSSLReads() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("key.pem")
        let key = try SigningKey.create(at: url)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let der = folder.url.appendingPathComponent("public.der")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["pkey", "-in", url.path, "-pubout", "-outform", "DER", "-out", der.path]
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
        #expect(try Data(contentsOf: der).suffix(32) == key.issuer.publicKey)
        #expect(try SigningKey.load(from: url).issuer == key.issuer)
        #expect(throws: SigningKeyError.self) { try SigningKey.create(at: url) }
    }

    @Test func refusesAKeyOthersCanReadAMissingOneAndGarbage() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("key.pem")
        #expect(loadError(url)?.hasSuffix("no signing key; run `allervers key create` in the workspace") == true)
        _ = try SigningKey.create(at: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
        #expect(loadError(url)?.hasSuffix("the signing key is readable by others (mode 644); run chmod 600 on it") == true)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        try Data("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".utf8).write(to: url)
        #expect(loadError(url)?.hasSuffix("not a PKCS#8 PEM Ed25519 private key") == true)
    }

    func loadError(_ url: URL) -> String? {
        do {
            _ = try SigningKey.load(from: url)
            return nil
        } catch { return error.description }
    }
}

@Suite struct VerifierTests {
    let key = SigningKey()

    @Test func sealedPDFVerifiesAndAnyChangedByteFails() throws {
        let pdf = Data("%PDF-1.5\nsome content\n%%EOF\n".utf8)
        let sealed = Verifier.seal(pdf: pdf, number: "AV-2026-000001", holder: "DUPONT Marie", key: key)
        let statement = try Verifier.verify(pdf: sealed)
        #expect(statement.number == "AV-2026-000001" && statement.issuer == key.issuer && statement.kind == .pdf)
        for offset in [3, 12, pdf.count + 30, sealed.count - 10] {
            var changed = sealed
            changed[offset] ^= 0x01
            #expect(throws: VerificationError.self, "byte \(offset)") { try Verifier.verify(pdf: changed) }
        }
        var content = sealed
        content[12] = UInt8(ascii: "S")
        #expect(verifyError { try Verifier.verify(pdf: content) }?.contains("changed after it was sealed") == true)
        #expect(verifyError { try Verifier.verify(pdf: pdf) } == "the PDF carries no AllerVers seal")
    }

    @Test func aSealFromAnotherKeyOverTheSameDigestIsNotThisIssuer() throws {
        let pdf = Data("%PDF-1.5\n%%EOF\n".utf8)
        let other = SigningKey()
        #expect(try Verifier.verify(pdf: Verifier.seal(pdf: pdf, number: "N", holder: "H", key: other)).issuer != key.issuer)
    }

    @Test func tokensFailOnAnyChangeWithTheReason() throws {
        let signer = CertificateSigner(key: key)
        let context = Fixtures.certificateContext()
        let payload = signer.payload(for: context)
        #expect(try Verifier.verify(token: payload).number == context.certificate.number)
        var parts = payload.split(separator: ".").map(String.init)
        let claims = try #require(Base64URL.decode(parts[1]))
        let forged = String(decoding: claims, as: UTF8.self).replacingOccurrences(of: "\"ok\":false", with: "\"ok\":true")
        #expect(forged != String(decoding: claims, as: UTF8.self))
        parts[1] = Base64URL.encode(Data(forged.utf8))
        #expect(verifyError { try Verifier.verify(token: parts.joined(separator: ".")) }?.hasPrefix("the signature does not match") == true)
        #expect(verifyError { try Verifier.verify(token: "hello") }?.hasPrefix("not a signed statement") == true)
        let none = Base64URL.encode(Data(#"{"alg":"none"}"#.utf8)) + "." + parts[1] + "."
        #expect(verifyError { try Verifier.verify(token: none) } == "signed with none, not EdDSA")
        let hs = Base64URL.encode(Data(#"{"alg":"HS256"}"#.utf8)) + "." + parts[1] + "." + parts[2]
        #expect(verifyError { try Verifier.verify(token: hs) } == "signed with HS256, not EdDSA")
    }

    @Test func onlyEligibleParticipantsGetACredential() throws {
        var context = Fixtures.certificateContext()
        #expect(CertificateSigner(key: key).signatures(for: context).credential == nil)
        context.certificate.isEligible = true
        let credential = try #require(CertificateSigner(key: key).signatures(for: context).credential)
        let statement = try Verifier.verify(token: credential)
        #expect(statement.kind == .credential && statement.number == context.certificate.number)
        #expect(statement.holder == "DUPONT Marie")
    }

    func verifyError(_ body: () throws -> VerifiedStatement) -> String? {
        do {
            _ = try body()
            return nil
        } catch { return "\(error)" }
    }
}

@Suite struct FunderExportTests {
    @Test func formulaCellsAreNeutralisedAndSeparatorsQuoted() {
        #expect(CSVWriter.cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVWriter.cell("+33 6 12") == "'+33 6 12")
        #expect(CSVWriter.cell("-2+3") == "'-2+3")
        #expect(CSVWriter.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.cell("\tx") == "'\tx")
        #expect(CSVWriter.cell("Salle 1; étage 2") == "\"Salle 1; étage 2\"")
        #expect(CSVWriter.cell("Marie-Claire") == "Marie-Claire")
        var csv = CSVWriter()
        csv.append(["a", "b"])
        #expect(csv.data == Data("\u{FEFF}a;b\r\n".utf8))
    }
}

/// Base64url (RFC 4648 §5) byte by byte: the RFC's test vectors, Foundation's base64 with the
/// URL alphabet and no padding for every length up to 64, and what is not base64url refused.
@Suite struct Base64URLTests {
    @Test func encodesAsTheRFCAndFoundationDo() throws {
        for (text, expected) in [
            ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy"),
        ] {
            #expect(Base64URL.encode(Array(text.utf8)) == expected)
            #expect(Base64URL.bytes(expected) == Array(text.utf8))
        }
        var generator = SystemRandomNumberGenerator()
        for length in 0...64 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let foundation = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == foundation)
            #expect(Base64URL.decode(foundation) == Data(bytes))
        }
        // The standard alphabet's + and /, padding, a length no bytes have, unused bits set.
        for bad in ["Zm9v+w", "Zm9/", "Zg==", "Zm8=", "Z", "Zm9vY", "Zh", "Zm9", "é"] { #expect(Base64URL.bytes(bad) == nil, "\(bad)") }
        #expect(Base64URL.bytes("Zm8") == Array("fo".utf8))
    }
}
