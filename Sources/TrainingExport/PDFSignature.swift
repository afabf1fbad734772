internal import Crypto
public import Foundation
internal import SwiftASN1
public import TrainingCore
internal import X509
internal import _CryptoExtras

/// The organisation's identity for signing PDFs the way PDF readers check them: an RSA-2048
/// key and a self-signed X.509 certificate that names the organisation and, as its subject
/// alternative name, the issuer's `did:key`, which binds it to the Ed25519 key of the seals
/// and credentials.
///
/// A second key because Debian's `pdfsig` (poppler with NSS) does not accept Ed25519
/// signatures; RSA rather than P-256 because PKCS#1 v1.5 signatures are deterministic, so
/// that a certificate exported twice, or from a restored workspace, is the same file.
public struct PDFSigningIdentity: Sendable {
    let key: X509.Certificate.PrivateKey
    let certificate: X509.Certificate
    let certificateDER: [UInt8]

    /// The workspace's identity: read, or made on first use (a workspace made before PDF
    /// signatures). The key is written owner-only and never replaced; the certificate is a
    /// function of the key and the organisation's name, so a missing one is made again the
    /// same, and two processes making the identity at once end with the same one.
    public static func loadOrCreate(
        keyAt keyURL: URL, certificateAt certificateURL: URL, organisation: String, issuer: IssuerKey
    ) throws(SigningKeyError) -> PDFSigningIdentity {
        do {
            let existing = (try? String(contentsOf: certificateURL, encoding: .utf8)).flatMap { try? X509.Certificate(pemEncoded: $0) }
            if !FileManager.default.fileExists(atPath: keyURL.path) {
                // A certificate without its key is a workspace restored without its keys: a new
                // key would disown every PDF signed so far.
                guard existing == nil else {
                    throw SigningKeyError(
                        "\(keyURL.relativePath) is missing while its certificate is here: put the key back (restore with --with-key)")
                }
                let key = X509.Certificate.PrivateKey(try _RSA.Signing.PrivateKey(keySize: .bits2048))
                do { try KeyFile.create(at: keyURL, contents: Array(try key.serializeAsPEM().pemString.utf8)) } catch {
                    // Another process made it first: use theirs.
                    guard FileManager.default.fileExists(atPath: keyURL.path) else { throw error }
                }
            }
            let key = try X509.Certificate.PrivateKey(pemEncoded: try KeyFile.read(keyURL))
            let current = (try? String(contentsOf: certificateURL, encoding: .utf8)).flatMap { try? X509.Certificate(pemEncoded: $0) }
            if let current {
                guard current.publicKey == key.publicKey else {
                    throw SigningKeyError(
                        "\(certificateURL.relativePath) is not the certificate of \(keyURL.relativePath): put the right pair back")
                }
                return try PDFSigningIdentity(key: key, certificate: current)
            }
            let certificate = try makeCertificate(for: key, organisation: organisation, issuer: issuer)
            try Data(try certificate.serializeAsPEM().pemString.utf8).write(to: certificateURL, options: .atomic)
            return try PDFSigningIdentity(key: key, certificate: certificate)
        } catch let error as SigningKeyError {
            throw error
        } catch {
            throw SigningKeyError("\(keyURL.relativePath): cannot read or make the PDF signing key and certificate (\(error))")
        }
    }

    /// The self-signed certificate of `key`: the organisation as subject and issuer, the
    /// did:key as subject alternative name, a serial from the key's digest (20 bytes, top bit
    /// clear: NSS reports a 21-byte serial as "Unknown Validation Failure"), valid from 2020
    /// to 2070 so that every certificate's signing day falls inside.
    private static func makeCertificate(for key: X509.Certificate.PrivateKey, organisation: String, issuer: IssuerKey) throws
        -> X509.Certificate
    {
        let name = try DistinguishedName {
            CommonName(organisation)
            OrganizationName(organisation)
        }
        var serial = Array(SHA256.hash(data: Array(key.publicKey.subjectPublicKeyInfoBytes)).prefix(20))
        serial[0] = (serial[0] & 0x7F) | 0x01
        return try X509.Certificate(
            version: .v3, serialNumber: X509.Certificate.SerialNumber(bytes: serial), publicKey: key.publicKey,
            notValidBefore: Date(timeIntervalSince1970: 1_577_836_800), notValidAfter: Date(timeIntervalSince1970: 3_155_760_000),
            issuer: name, subject: name, signatureAlgorithm: .sha256WithRSAEncryption,
            extensions: try X509.Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, nonRepudiation: true))
                SubjectAlternativeNames([.uniformResourceIdentifier(issuer.did)])
            }, issuerPrivateKey: key)
    }

    /// The DER of the certificate at `url`, and the issuer's did:key it names.
    public static func publicCertificate(at url: URL) throws(SigningKeyError) -> (der: [UInt8], issuer: IssuerKey?) {
        do {
            let certificate = try X509.Certificate(pemEncoded: try String(contentsOf: url, encoding: .utf8))
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            return (serializer.serializedBytes, try CMSSignedData.issuer(named: certificate))
        } catch {
            throw SigningKeyError("\(url.relativePath): cannot read the PDF signing certificate")
        }
    }

    private init(key: X509.Certificate.PrivateKey, certificate: X509.Certificate) throws {
        guard key.publicKey == certificate.publicKey else { throw SigningKeyError("the PDF signing key is not the certificate's") }
        self.key = key
        self.certificate = certificate
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        certificateDER = serializer.serializedBytes
    }
}

/// Why a PDF could not be signed, or its signature does not match.
public struct PDFSignatureError: TextError, Sendable, Hashable {
    /// What is wrong, as one sentence.
    public var text: Text

    init(_ text: Text) {
        self.text = text
    }
}

/// A PDF signature readers check (PAdES baseline B-B): the file is extended by an
/// incremental update holding a signature field and a CMS detached signature over every
/// byte but the signature itself, with the signer's certificate and the ESS
/// signing-certificate-v2 attribute. `pdfsig` reports it valid, and a changed byte as a
/// digest mismatch.
public enum PDFSignature {
    /// Bytes kept for the CMS (as hex): a signature with its certificate takes about 1.5 KB.
    static let reservedBytes = 8_192
    /// The hex string's placeholder, made once: `String(repeating:count:)` builds its 16,384
    /// digits a digit at a time, which was 2 % of a certificate's time.
    private static let emptyContents = String(repeating: "0", count: 2 * reservedBytes)

    /// `pdf` signed on `day` (the signature's `/M`, so that signing again gives the same file).
    public static func sign(_ pdf: Data, on day: LocalDate, identity: PDFSigningIdentity) throws(PDFSignatureError) -> Data {
        var (file, contents) = try update(of: pdf, signedOn: signingDate(day))
        let cms: [UInt8]
        do { cms = try CMSSignedData.pades(content: signedBytes(of: file, outside: contents), identity: identity) } catch {
            throw PDFSignatureError("cannot sign the PDF: \(error)")
        }
        let hex = Array(Digest.hex(cms).utf8)
        guard hex.count <= contents.count else { throw PDFSignatureError("the PDF signature does not fit its placeholder") }
        file.replaceSubrange(contents.lowerBound..<(contents.lowerBound + hex.count), with: hex)
        return file
    }

    /// Checks what follows `signedPart`: exactly the update that ``sign(_:on:identity:)``
    /// appends to it, but for the signature's hex (nothing else was added or changed), holding
    /// a CMS signature whose digest is that of the byte range and whose signature verifies
    /// against the certificate inside it. Returns that certificate's DER and the issuer it names.
    static func check(_ pdf: Data, after signedPart: Int) throws(PDFSignatureError) -> (certificate: [UInt8], issuer: IssuerKey?) {
        let tail = pdf[signedPart...]
        guard let open = tail.range(of: Data("/M (".utf8)), let close = tail[open.upperBound...].firstIndex(of: UInt8(ascii: ")")) else {
            throw PDFSignatureError("something was appended to the PDF after it was sealed")
        }
        let date = String(decoding: pdf[open.upperBound..<close], as: UTF8.self)
        let (expected, contents) = try update(of: pdf[..<signedPart], signedOn: date)
        guard expected.count == pdf.count,
            expected[..<contents.lowerBound].elementsEqual(pdf[pdf.startIndex..<(pdf.startIndex + contents.lowerBound)]),
            expected[contents.upperBound...].elementsEqual(pdf[(pdf.startIndex + contents.upperBound)...])
        else { throw PDFSignatureError("the PDF was changed after it was signed: its last update is not the signature's") }
        let hex = pdf[(pdf.startIndex + contents.lowerBound)..<(pdf.startIndex + contents.upperBound)]
        var cms: [UInt8] = []
        var high: UInt8?
        for digit in hex {
            guard let value = hexValue(digit) else { throw PDFSignatureError("the PDF signature is not hex") }
            if let first = high {
                cms.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        do {
            return try CMSSignedData.verify(cms, content: signedBytes(of: pdf, outside: contents))
        } catch let error as PDFSignatureError { throw error } catch {
            throw PDFSignatureError("the PDF signature cannot be read (\(error))")
        }
    }

    /// The bytes the signature covers: the whole file but the `/Contents` hex string and its
    /// angle brackets (`contents` counts from the file's start).
    private static func signedBytes(of file: Data, outside contents: Range<Int>) -> [UInt8] {
        let start = file.startIndex
        return Array(file[start..<(start + contents.lowerBound - 1)]) + Array(file[(start + contents.upperBound + 1)...])
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// `D:20260316000000Z`.
    static func signingDate(_ day: LocalDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "D:\(day.year)\(two(day.month))\(two(day.day))000000Z"
    }

    /// `pdf` with the update appended: the signature dictionary (its `/Contents` zeros, its
    /// `/ByteRange` final), the widget, the first page with it in `/Annots`, the catalog with
    /// the form. Returns the file and the range of the `/Contents` hex digits.
    static func update(of pdf: Data, signedOn date: String) throws(PDFSignatureError) -> (Data, Range<Int>) {
        let bytes = Array(pdf)
        let document = try ClassicPDF(bytes)
        let page = try document.firstPage()
        let signature = document.size
        let widget = document.size + 1
        let placeholder = "/ByteRange [0 ********** ********** **********]"
        let objects: [(Int, String)] = [
            (page.number, try ClassicPDF.adding("/Annots [ \(widget) 0 R ]", to: page.dictionary, unless: "/Annots")),
            (
                document.root,
                try ClassicPDF.adding("/AcroForm << /Fields [ \(widget) 0 R ] /SigFlags 3 >>", to: document.catalog, unless: "/AcroForm")
            ),
            (
                signature,
                "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached\n   \(placeholder)\n   /Contents <"
                    + emptyContents + ">\n   /M (\(date))\n>>"
            ),
            (
                widget,
                "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1)\n   /V \(signature) 0 R /F 132 /Rect [0 0 0 0] /P \(page.number) 0 R\n>>"
            ),
        ].sorted { $0.0 < $1.0 }
        var out = bytes
        if out.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
        var offsets: [Int: Int] = [:]
        for (number, body) in objects {
            offsets[number] = out.count
            out += Array("\(number) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n"
        var index = 0
        while index < objects.count {
            var end = index
            while end + 1 < objects.count && objects[end + 1].0 == objects[end].0 + 1 { end += 1 }
            table += "\(objects[index].0) \(end - index + 1)\n"
            for (number, _) in objects[index...end] {
                let offset = String(offsets[number] ?? 0)
                table += String(repeating: "0", count: 10 - offset.count) + offset + " 00000 n \n"
            }
            index = end + 1
        }
        table += "trailer\n<< /Size \(document.size + 2) /Root \(document.root) 0 R"
        table += (document.info.map { " /Info \($0) 0 R" } ?? "") + " /Prev \(document.startXref) >>\nstartxref\n\(xref)\n%%EOF\n"
        out += Array(table.utf8)
        // The byte range leaves out the hex string and its angle brackets.
        let signatureStart = offsets[signature] ?? 0
        guard let less = find(Array("/Contents <".utf8), in: out, from: signatureStart),
            let range = find(Array(placeholder.utf8), in: out, from: signatureStart)
        else { throw PDFSignatureError("cannot lay out the PDF signature") }
        let digits = (less + 11)..<(less + 11 + 2 * reservedBytes)
        var byteRange = "/ByteRange [0 \(digits.lowerBound - 1) \(digits.upperBound + 1) \(out.count - digits.upperBound - 1)]"
        byteRange += String(repeating: " ", count: max(0, placeholder.count - byteRange.count))
        out.replaceSubrange(range..<(range + placeholder.count), with: Array(byteRange.utf8))
        return (Data(out), digits)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count, start >= 0 else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

/// A PDF with one classic cross-reference table, as cairo writes it: enough of it to find
/// the catalog and the first page and to append an update.
struct ClassicPDF {
    let bytes: [UInt8]
    let startXref: Int
    let size: Int
    let root: Int
    let info: Int?
    let catalog: String
    private let offsets: [Int: Int]

    init(_ bytes: [UInt8]) throws(PDFSignatureError) {
        self.bytes = bytes
        guard let marker = Self.lastIndex(of: Array("startxref".utf8), in: bytes),
            let start = Int(Self.token(after: marker + 9, in: bytes))
        else { throw PDFSignatureError("not a PDF: no startxref") }
        startXref = start
        guard start <= bytes.count - 4, bytes[start..<(start + 4)].elementsEqual(Array("xref".utf8)) else {
            throw PDFSignatureError("the PDF has a cross-reference stream, not a table: only PDFs this tool drew are signed")
        }
        var offsets: [Int: Int] = [:]
        var position = start + 4
        var trailer = ""
        while true {
            let line = Self.line(at: &position, in: bytes)
            if line.hasPrefix("trailer") {
                guard let end = PDFSignature.find(Array("startxref".utf8), in: bytes, from: position) else {
                    throw PDFSignatureError("the PDF's trailer is cut short")
                }
                trailer = line + String(decoding: bytes[position..<end], as: UTF8.self)
                break
            }
            // Every number is checked against the file's size before it is used: a signed PDF
            // given to `verify` may come from anyone.
            let header = line.split(separator: " ")
            guard header.count == 2, let first = Self.natural(header[0]), let count = Self.natural(header[1]),
                first <= Self.largestObject, count <= (bytes.count - position) / 20
            else { throw PDFSignatureError("the PDF's cross-reference table is malformed") }
            for entry in 0..<count {
                let text = String(decoding: bytes[(position + 20 * entry)..<(position + 20 * entry + 18)], as: UTF8.self)
                if text.hasSuffix("n"), let offset = Self.natural(text.prefix(10)), offset < bytes.count { offsets[first + entry] = offset }
            }
            position += 20 * count
        }
        guard !trailer.contains("/Prev"), !trailer.contains("/Encrypt") else {
            throw PDFSignatureError("the PDF was already updated or is encrypted: only PDFs this tool drew are signed")
        }
        guard let size = Self.integer(after: "/Size", in: trailer), (1...Self.largestObject).contains(size),
            let root = Self.reference(after: "/Root", in: trailer)
        else { throw PDFSignatureError("the PDF's trailer names no /Size or /Root") }
        self.size = size
        self.root = root
        self.info = Self.reference(after: "/Info", in: trailer)
        self.offsets = offsets
        self.catalog = try Self.dictionary(of: root, offsets: offsets, in: bytes)
    }

    /// The first page's object number and dictionary, down the page tree's first kids.
    func firstPage() throws(PDFSignatureError) -> (number: Int, dictionary: String) {
        guard var number = Self.reference(after: "/Pages", in: catalog) else { throw PDFSignatureError("the PDF's catalog has no pages") }
        for _ in 0..<32 {
            let node = try Self.dictionary(of: number, offsets: offsets, in: bytes)
            guard node.contains("/Kids") else { return (number, node) }
            guard let kid = Self.reference(after: "/Kids [", in: node) ?? Self.reference(after: "/Kids[", in: node) else {
                throw PDFSignatureError("the PDF's page tree is empty")
            }
            number = kid
        }
        throw PDFSignatureError("the PDF's page tree is too deep")
    }

    /// `dictionary` with `entry` before its closing `>>` (cairo's dictionaries hold `%`
    /// comments, so nothing goes right after `<<`); refused when it already has `key`.
    static func adding(_ entry: String, to dictionary: String, unless key: String) throws(PDFSignatureError) -> String {
        guard !dictionary.contains(key) else { throw PDFSignatureError("the PDF already has \(key)") }
        var body = Substring(dictionary.dropLast(2))
        while body.last?.isWhitespace == true { body = body.dropLast() }
        return body + "\n   " + entry + "\n>>"
    }

    /// More objects than any PDF this tool draws could hold.
    static let largestObject = 10_000_000

    /// A number written with digits only, no sign.
    private static func natural(_ text: some StringProtocol) -> Int? {
        guard !text.isEmpty, text.count <= 12, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func dictionary(of number: Int, offsets: [Int: Int], in bytes: [UInt8]) throws(PDFSignatureError) -> String {
        guard let offset = offsets[number], let end = PDFSignature.find(Array("endobj".utf8), in: bytes, from: offset) else {
            throw PDFSignatureError("the PDF has no object \(number)")
        }
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        guard let open = text.range(of: "<<"), let close = text.range(of: ">>", options: .backwards), open.lowerBound < close.lowerBound
        else { throw PDFSignatureError("object \(number) of the PDF is not a dictionary") }
        return String(text[open.lowerBound..<close.upperBound])
    }

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        var index = bytes.count - needle.count
        while index >= 0 {
            if bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    private static func token(after index: Int, in bytes: [UInt8]) -> String {
        var position = index
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D { position += 1 }
        var end = position
        while end < bytes.count, bytes[end] >= UInt8(ascii: "0") && bytes[end] <= UInt8(ascii: "9") { end += 1 }
        return String(decoding: bytes[position..<end], as: UTF8.self)
    }

    private static func line(at position: inout Int, in bytes: [UInt8]) -> String {
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D { position += 1 }
        let start = position
        while position < bytes.count, bytes[position] != 0x0A && bytes[position] != 0x0D { position += 1 }
        let line = String(decoding: bytes[start..<position], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if position < bytes.count, bytes[position] == 0x0D { position += 1 }
        if position < bytes.count, bytes[position] == 0x0A { position += 1 }
        return line
    }

    private static func integer(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key) else { return nil }
        return natural(text[range.upperBound...].drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber })
    }

    /// The object number of `key N 0 R`.
    private static func reference(after key: String, in text: String) -> Int? {
        guard let range = text.range(of: key) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " || $0 == "\n" }
        let parts = rest.split(separator: " ", maxSplits: 3)
        guard parts.count >= 3, parts[2].hasPrefix("R"), let number = natural(parts[0]), number <= largestObject else { return nil }
        return number
    }
}

/// The CMS SignedData of a PAdES B-B signature. swift-certificates signs CMS only with
/// content-type, message-digest and signing-time; PAdES wants the ESS signing-certificate-v2
/// attribute and the time in the signature dictionary instead, so the structure is built
/// here with swift-asn1 (RFC 5652, RFC 5035), and the signature itself by swift-certificates.
enum CMSSignedData {
    enum OID {
        static let signedData: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 7, 2]
        static let data: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 7, 1]
        static let contentType: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 9, 3]
        static let messageDigest: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 9, 4]
        static let signingCertificateV2: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 9, 16, 2, 47]
        static let sha256: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 1]
        static let sha256WithRSA: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 11]
    }

    static func pades(content: [UInt8], identity: PDFSigningIdentity) throws -> [UInt8] {
        let context = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
        let essCertificateID = try der {
            try $0.appendConstructedNode(identifier: .sequence) { try $0.serialize(octets(SHA256.hash(data: identity.certificateDER))) }
        }
        let signingCertificate = der {
            $0.appendConstructedNode(identifier: .sequence) {
                $0.appendConstructedNode(identifier: .sequence) { $0.serializeRawBytes(essCertificateID) }
            }
        }
        let attributes = [
            try attribute(OID.contentType, der { try $0.serialize(OID.data) }),
            try attribute(OID.messageDigest, der { try $0.serialize(octets(SHA256.hash(data: content))) }),
            try attribute(OID.signingCertificateV2, signingCertificate),
        ]
        let signature = try identity.key.sign(bytes: setOf(attributes, tag: .set), signatureAlgorithm: .sha256WithRSAEncryption)
        let digestAlgorithm = try algorithm(OID.sha256)
        let signerInfo = try der {
            try $0.appendConstructedNode(identifier: .sequence) { info in
                try info.serialize(1)
                try info.appendConstructedNode(identifier: .sequence) { issuer in
                    try issuer.serialize(identity.certificate.issuer)
                    try issuer.serialize(identity.certificate.serialNumber.bytes)
                }
                info.serializeRawBytes(digestAlgorithm)
                info.serializeRawBytes(setOf(attributes, tag: context))
                info.serializeRawBytes(try algorithm(OID.sha256WithRSA, nullParameters: true))
                try info.serialize(octets(signature.rawRepresentation))
            }
        }
        return try der {
            try $0.appendConstructedNode(identifier: .sequence) { contentInfo in
                try contentInfo.serialize(OID.signedData)
                try contentInfo.appendConstructedNode(identifier: context) { explicit in
                    try explicit.appendConstructedNode(identifier: .sequence) { signedData in
                        try signedData.serialize(1)
                        signedData.appendConstructedNode(identifier: .set) { $0.serializeRawBytes(digestAlgorithm) }
                        try signedData.appendConstructedNode(identifier: .sequence) { try $0.serialize(OID.data) }
                        signedData.appendConstructedNode(identifier: context) { $0.serializeRawBytes(identity.certificateDER) }
                        signedData.appendConstructedNode(identifier: .set) { $0.serializeRawBytes(signerInfo) }
                    }
                }
            }
        }
    }

    /// Checks a CMS made by ``pades(content:identity:)`` (the DER may be followed by the
    /// placeholder's zeros): its message digest is the SHA-256 of `content`, its RSA signature
    /// over the signed attributes verifies with the certificate inside it. Returns that
    /// certificate's DER and the issuer's did:key it names.
    static func verify(_ cms: [UInt8], content: [UInt8]) throws -> (certificate: [UInt8], issuer: IssuerKey?) {
        func children(_ node: ASN1Node) throws -> [ASN1Node] {
            guard case .constructed(let nodes) = node.content else { throw PDFSignatureError("the PDF signature is not a CMS SignedData") }
            return Array(nodes)
        }
        func primitive(_ node: ASN1Node) throws -> ArraySlice<UInt8> {
            guard case .primitive(let bytes) = node.content else { throw PDFSignatureError("the PDF signature is not a CMS SignedData") }
            return bytes
        }
        // The DER is followed by the placeholder's zeros: its own header says where it ends
        // (its last byte, the signature's, may well be zero itself).
        guard let length = derLength(cms), cms[length...].allSatisfy({ $0 == 0 }) else {
            throw PDFSignatureError("the PDF signature is not a CMS SignedData")
        }
        let root = try DER.parse(Array(cms[..<length]))
        let top = try children(root)
        guard top.count == 2, try ASN1ObjectIdentifier(derEncoded: top[0]) == OID.signedData,
            let signedData = try children(top[1]).first
        else { throw PDFSignatureError("the PDF signature is not a CMS SignedData") }
        let parts = try children(signedData)
        let context = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
        guard let certificates = parts.first(where: { $0.identifier == context }), let certificateNode = try children(certificates).first,
            let signerInfos = parts.last, let signerInfo = try children(signerInfos).first
        else { throw PDFSignatureError("the PDF signature carries no certificate or signer") }
        let certificateDER = Array(certificateNode.encodedBytes)
        let certificate = try X509.Certificate(derEncoded: certificateDER)
        let info = try children(signerInfo)
        guard info.count == 6, info[3].identifier == context else { throw PDFSignatureError("the PDF signature has no signed attributes") }
        var digest: ArraySlice<UInt8>?
        for attribute in try children(info[3]) {
            let pair = try children(attribute)
            if pair.count == 2, try ASN1ObjectIdentifier(derEncoded: pair[0]) == OID.messageDigest, let value = try children(pair[1]).first
            {
                digest = try primitive(value)
            }
        }
        guard let digest, digest.elementsEqual(SHA256.hash(data: content)) else {
            throw PDFSignatureError("the PDF was changed after it was signed: its digest does not match the signed one")
        }
        guard try children(info[4]).first.map({ try ASN1ObjectIdentifier(derEncoded: $0) }) == OID.sha256WithRSA else {
            throw PDFSignatureError("the PDF signature uses an algorithm this tool does not write")
        }
        // The attributes are signed as a SET (tag 0x31), and carried as [0] IMPLICIT.
        var attributes = Array(info[3].encodedBytes)
        attributes[0] = 0x31
        guard certificate.publicKey.isValidSignature(try primitive(info[5]), for: attributes, signatureAlgorithm: .sha256WithRSAEncryption)
        else { throw PDFSignatureError("the PDF signature does not verify with the certificate it carries") }
        return (certificateDER, try issuer(named: certificate))
    }

    /// The length, header included, of the DER element `bytes` start with (a definite-length
    /// SEQUENCE), or `nil` when it does not fit in `bytes`.
    static func derLength(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2, bytes[0] == 0x30 else { return nil }
        let first = Int(bytes[1])
        if first < 0x80 { return 2 + first <= bytes.count ? 2 + first : nil }
        let octets = first & 0x7F
        guard (1...3).contains(octets), bytes.count >= 2 + octets else { return nil }
        let content = bytes[2..<(2 + octets)].reduce(0) { $0 << 8 | Int($1) }
        let total = 2 + octets + content
        return total <= bytes.count ? total : nil
    }

    /// The did:key a certificate names as its subject alternative name.
    static func issuer(named certificate: X509.Certificate) throws -> IssuerKey? {
        guard let names = try certificate.extensions.subjectAlternativeNames else { return nil }
        for name in names {
            if case .uniformResourceIdentifier(let uri) = name, let issuer = IssuerKey(did: uri) { return issuer }
        }
        return nil
    }

    private static func der(_ build: (inout DER.Serializer) throws -> Void) rethrows -> [UInt8] {
        var serializer = DER.Serializer()
        try build(&serializer)
        return serializer.serializedBytes
    }

    private static func octets(_ bytes: some Sequence<UInt8>) -> ASN1OctetString {
        ASN1OctetString(contentBytes: ArraySlice(bytes))
    }

    private static func algorithm(_ oid: ASN1ObjectIdentifier, nullParameters: Bool = false) throws -> [UInt8] {
        try der {
            try $0.appendConstructedNode(identifier: .sequence) { node in
                try node.serialize(oid)
                if nullParameters { try node.serialize(ASN1Null()) }
            }
        }
    }

    private static func attribute(_ oid: ASN1ObjectIdentifier, _ value: [UInt8]) throws -> [UInt8] {
        try der {
            try $0.appendConstructedNode(identifier: .sequence) { node in
                try node.serialize(oid)
                node.appendConstructedNode(identifier: .set) { $0.serializeRawBytes(value) }
            }
        }
    }

    /// A DER SET OF: the elements sorted by their encodings (X.690, 11.6).
    private static func setOf(_ elements: [[UInt8]], tag: ASN1Identifier) -> [UInt8] {
        let sorted = elements.sorted { $0.lexicographicallyPrecedes($1) }
        return der { $0.appendConstructedNode(identifier: tag) { node in sorted.forEach { node.serializeRawBytes($0) } } }
    }
}
