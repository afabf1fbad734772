import Foundation
import Testing
import TrainingCore
import TrainingTesting

@testable import TrainingExport

/// The PDF signature's own checks, on a small PDF written here: it verifies from public
/// material alone, names the seal's issuer, and a change anywhere is found.
@Suite struct PDFSignatureTests {
    /// A one-page PDF with a classic cross-reference table, as cairo writes them.
    static let minimalPDF: Data = {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
            "<< /Type /Page % a comment, as cairo writes\n   /Parent 2 0 R /MediaBox [ 0 0 200 200 ] >>",
        ]
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { text += String(format: "%010d 00000 n \n", offset) }
        text += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(text.utf8)
    }()

    func identity(in folder: TemporaryFolder, issuer: IssuerKey) throws -> PDFSigningIdentity {
        try PDFSigningIdentity.loadOrCreate(
            keyAt: folder.url.appendingPathComponent("pdf-key.pem"), certificateAt: folder.url.appendingPathComponent("pdf-cert.pem"),
            organisation: "Institut Aller-Vers", issuer: issuer)
    }

    func signed(by seal: SigningKey, _ identity: PDFSigningIdentity) throws -> Data {
        let sealed = Verifier.seal(pdf: Self.minimalPDF, number: "AV-2026-000001", holder: "DUPONT Marie", key: seal)
        return try PDFSignature.sign(sealed, on: try #require(LocalDate("2026-03-16")), identity: identity)
    }

    @Test func signsVerifiesAndIsTheSameEachTime() throws {
        let folder = try TemporaryFolder()
        let seal = SigningKey()
        let identity = try identity(in: folder, issuer: seal.issuer)
        let pdf = try signed(by: seal, identity)
        #expect(try signed(by: seal, identity) == pdf, "RSA PKCS#1 v1.5 and a fixed /M: the same bytes")
        let statement = try Verifier.verify(pdf: pdf)
        let certificate = try PDFSigningIdentity.publicCertificate(at: folder.url.appendingPathComponent("pdf-cert.pem"))
        #expect(statement.pdfSigner == certificate.der)
        #expect(certificate.issuer == seal.issuer)
        #expect(statement.number == "AV-2026-000001")

        // The certificate is made again the same from the key when it is lost.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("pdf-cert.pem"))
        _ = try self.identity(in: folder, issuer: seal.issuer)
        #expect(try PDFSigningIdentity.publicCertificate(at: folder.url.appendingPathComponent("pdf-cert.pem")).der == certificate.der)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent("pdf-key.pem").path)[
            .posixPermissions]
        #expect(mode as? Int == 0o600)
    }

    @Test func aSignatureByAnotherIssuersCertificateIsRefused() throws {
        let seal = SigningKey()
        let stranger = try identity(in: try TemporaryFolder(), issuer: SigningKey().issuer)
        let pdf = try signed(by: seal, stranger)
        #expect(throws: VerificationError.self) { try Verifier.verify(pdf: pdf) }
        do { _ = try Verifier.verify(pdf: pdf) } catch {
            #expect(error.description == "the PDF signature's certificate does not name the issuer of the seal (\(seal.issuer.did))")
        }
    }

    @Test func aChangedSignatureOrUpdateIsFound() throws {
        let seal = SigningKey()
        let identity = try identity(in: try TemporaryFolder(), issuer: seal.issuer)
        let pdf = try signed(by: seal, identity)
        let contents = try #require(pdf.range(of: Data("/Contents <".utf8)))
        // A digit inside the signature value (its last bytes, before the placeholder's zeros).
        let hexStart = contents.upperBound
        let zeros = try #require(pdf[hexStart...].range(of: Data("0000000000".utf8)))
        var forged = pdf
        let digit = zeros.lowerBound - 4
        forged[digit] = forged[digit] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        #expect(throws: VerificationError.self) { try Verifier.verify(pdf: forged) }

        var widened = pdf
        let flags = try #require(pdf.range(of: Data("/F 132".utf8)))
        widened.replaceSubrange(flags, with: Data("/F 128".utf8))
        #expect(throws: VerificationError.self) { try Verifier.verify(pdf: widened) }
    }

    /// A minimal PDF with one part replaced: what a stranger may seal with their own key and
    /// hand to `allervers verify`.
    static func hostile(_ original: String, _ replacement: String) -> Data {
        let text = String(decoding: minimalPDF, as: UTF8.self)
        return Data(text.replacingOccurrences(of: original, with: replacement).utf8)
    }

    @Test(arguments: [
        ("0000000009 00000 n", "-000000001 00000 n"), ("xref\n0 4", "xref\n0 -1"), ("xref\n0 4", "xref\n0 922337203685477580"),
        ("/Size 4", "/Size 9223372036854775807"), ("startxref\n", "startxref\n9223372036854775806\n%"), ("/Root 1 0 R", "/Root -1 0 R"),
    ])
    func aHostileSignedPDFIsRefusedWithoutACrash(original: String, replacement: String) throws {
        let seal = SigningKey()
        let pdf = Self.hostile(original, replacement)
        try #require(pdf != Self.minimalPDF, "the replacement applies")
        let sealed = Verifier.seal(pdf: pdf, number: "AV-2026-000001", holder: "X", key: seal)
        let update = Data("1 0 obj\n<< /V 2 0 R /Contents <3000> /M (D:20260316000000Z) >>\nendobj\n".utf8)
        #expect(throws: VerificationError.self) { try Verifier.verify(pdf: sealed + update) }
    }

    @Test func aSignatureEndingInZeroIsReadWhole() {
        // The DER's own length decides where it ends, not the zeros after it.
        #expect(CMSSignedData.derLength([0x30, 0x03, 0x01, 0x02, 0x00, 0x00, 0x00]) == 5)
        #expect(CMSSignedData.derLength([0x30, 0x82, 0x01, 0x00] + [UInt8](repeating: 0, count: 300)) == 260)
        #expect(CMSSignedData.derLength([0x30, 0x82, 0x01, 0x00, 0x00]) == nil)
        #expect(CMSSignedData.derLength([0x31, 0x00]) == nil)
    }
}
