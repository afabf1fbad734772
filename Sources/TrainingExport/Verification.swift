public import Foundation
public import TrainingCore

/// What a signed statement, credential or sealed PDF says, once its signature checked out.
public struct VerifiedStatement: Sendable, Hashable {
    /// What was checked.
    public enum Kind: String, Sendable, Hashable {
        /// The statement of a certificate's QR code.
        case certificatePayload = "certificate QR payload"
        /// An Open Badges 3.0 credential (VC-JWT).
        case credential = "Open Badges credential"
        /// A certificate or attestation PDF sealed by the tool.
        case pdf = "sealed PDF"

        /// The kind in words.
        public var name: Text { Text(key: rawValue, values: []) }
    }

    /// What was checked.
    public var kind: Kind
    /// The key that signed it.
    public var issuer: IssuerKey
    /// The certificate number it speaks of.
    public var number: String
    /// The holder's name, when the statement carries it.
    public var holder: String?
    /// The course's title or id, when the statement carries it.
    public var course: String?
    /// For a PDF signed after its seal: the signer's X.509 certificate (DER), whose signature
    /// over the whole file was checked and which names the same issuer as the seal.
    public var pdfSigner: [UInt8]?
    /// Where a credential's revocation is published: its status list and its entry there.
    public var status: StatusEntry?

    /// A credential's entry in a Bitstring Status List.
    public struct StatusEntry: Sendable, Hashable {
        /// The status list credential's address.
        public var list: String
        /// The credential's bit.
        public var index: Int
    }
}

/// Why a statement, credential or PDF does not verify.
public struct VerificationError: TextError, Sendable, Hashable {
    /// What is wrong, as one sentence.
    public var text: Text

    init(_ text: Text) {
        self.text = text
    }
}

/// Checks signed statements offline: the key is the issuer's `did:key`, carried in the
/// statement itself, so nothing has to be fetched.
public enum Verifier {
    /// The mark that starts a sealed PDF's signature line, after `%%EOF`.
    static let sealMarker = Data("%AllerVers-Seal ".utf8)

    /// Verifies a compact JWS: a QR payload or a credential.
    public static func verify(token: String) throws(VerificationError) -> VerifiedStatement {
        let (issuer, claims) = try checkedClaims(of: token)
        guard let jti = claims["jti"] as? String else { throw VerificationError("the signed statement names no certificate (jti)") }
        if (claims["type"] as? [String])?.contains("BitstringStatusListCredential") == true {
            throw VerificationError("this is a revocation status list, not a certificate: give it with --status-list")
        }
        if let subject = claims["credentialSubject"] as? [String: Any] {
            let achievement = subject["achievement"] as? [String: Any]
            let holder = (subject["identifier"] as? [[String: Any]])?.first { $0["identityType"] as? String == "name" }
            let status = (claims["credentialStatus"] as? [String: Any]).flatMap { entry -> VerifiedStatement.StatusEntry? in
                guard entry["statusPurpose"] as? String == "revocation", let list = entry["statusListCredential"] as? String,
                    let index = (entry["statusListIndex"] as? String).flatMap(Int.init)
                else { return nil }
                return VerifiedStatement.StatusEntry(list: list, index: index)
            }
            return VerifiedStatement(
                kind: .credential, issuer: issuer, number: jti.replacingOccurrences(of: "urn:allervers:certificate:", with: ""),
                holder: holder?["identityHash"] as? String, course: achievement?["name"] as? String, status: status)
        }
        return VerifiedStatement(
            kind: .certificatePayload, issuer: issuer, number: jti, holder: claims["sub"] as? String, course: claims["crs"] as? String)
    }

    /// Verifies a PDF sealed by ``seal(pdf:number:holder:key:)``: the seal's signature, that
    /// the bytes before it are the ones that were sealed, and that anything after it is the
    /// PDF signature that ``PDFSignature/sign(_:on:identity:)`` appends, unchanged but for
    /// its CMS (which PDF readers check).
    public static func verify(pdf: Data) throws(VerificationError) -> VerifiedStatement {
        guard let range = pdf.range(of: sealMarker, options: .backwards) else {
            throw VerificationError("the PDF carries no AllerVers seal")
        }
        let sealed = pdf[pdf.startIndex..<range.lowerBound]
        let lineEnd = pdf[range.upperBound...].firstIndex(of: UInt8(ascii: "\n")) ?? pdf.endIndex
        let token = String(decoding: pdf[range.upperBound..<lineEnd], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let (issuer, claims) = try checkedClaims(of: token)
        guard let number = claims["jti"] as? String, let digest = claims["sha256"] as? String else {
            throw VerificationError("the PDF's seal names no certificate or digest")
        }
        guard Digest.sha256Hex(sealed) == digest else {
            throw VerificationError("the PDF was changed after it was sealed: its content no longer matches the signed digest")
        }
        var signer: [UInt8]?
        if lineEnd < pdf.endIndex, lineEnd + 1 < pdf.endIndex {
            let checked: (certificate: [UInt8], issuer: IssuerKey?)
            do { checked = try PDFSignature.check(pdf, after: lineEnd + 1) } catch { throw VerificationError(error.text) }
            guard checked.issuer == issuer else {
                throw VerificationError("the PDF signature's certificate does not name the issuer of the seal (\(issuer.did))")
            }
            signer = checked.certificate
        }
        return VerifiedStatement(
            kind: .pdf, issuer: issuer, number: number, holder: claims["sub"] as? String, course: nil, pdfSigner: signer)
    }

    /// Appends a seal to a PDF: a comment line after `%%EOF` that PDF readers ignore,
    /// holding a JWS over the certificate number and the SHA-256 of every byte before it.
    public static func seal(pdf: Data, number: String, holder: String, key: SigningKey) -> Data {
        let claims: JSONValue = [
            "iss": .string(key.issuer.did), "jti": .string(number), "sub": .string(holder), "sha256": .string(Digest.sha256Hex(pdf)),
        ]
        let token = key.compactJWS(payload: claims.data, header: ["alg": "EdDSA", "typ": "JWT"])
        return pdf + sealMarker + Data(token.utf8) + Data("\n".utf8)
    }

    static func checkedClaims(of token: String) throws(VerificationError) -> (IssuerKey, [String: Any]) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = Base64URL.decode(parts[0]), let header = JSON.object(headerData),
            let payload = Base64URL.decode(parts[1]), let claims = JSON.object(payload), let signature = Base64URL.decode(parts[2])
        else { throw VerificationError("not a signed statement: expected a compact JWS (three base64url parts)") }
        guard header["alg"] as? String == "EdDSA" else {
            throw VerificationError(
                "signed with \(header["alg"].flatMap { $0 as? String }.map(Text.init(verbatim:)) ?? "no algorithm"), not EdDSA")
        }
        guard let did = (header["kid"] as? String) ?? (claims["iss"] as? String), let issuer = IssuerKey(did: did) else {
            throw VerificationError("the issuer is not a did:key")
        }
        if let iss = claims["iss"] as? String, IssuerKey(did: iss) != issuer {
            throw VerificationError("the key that signed (\(did)) is not the issuer the statement names (\(iss))")
        }
        guard issuer.isValidSignature(signature, for: Data("\(parts[0]).\(parts[1])".utf8)) else {
            throw VerificationError("the signature does not match: the statement was changed, or not signed by \(issuer.did)")
        }
        return (issuer, claims)
    }
}
