internal import Crypto
public import Foundation
public import TrainingCore

/// The workspace's Ed25519 key: it signs certificates' QR payloads, Open Badges credentials
/// and the PDFs, and names the issuer as a `did:key` that anyone can verify against
/// without asking the organisation.
///
/// Stored as PKCS#8 PEM (what `openssl pkey` reads), readable by its owner only; a key
/// file that others can read is refused.
public struct SigningKey: Sendable {
    /// The 32 bytes of the private key (kept as bytes: swift-crypto's key is not `Sendable`).
    private let raw: Data
    private var key: Curve25519.Signing.PrivateKey {
        // The bytes were checked by init.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }

    /// The public half, as the issuer's `did:key` (derived once: every statement names it).
    public let issuer: IssuerKey

    /// A new random key.
    public init() {
        let key = Curve25519.Signing.PrivateKey()
        raw = key.rawRepresentation
        issuer = IssuerKey(publicKey: key.publicKey.rawRepresentation)
    }

    /// The key from its 32 raw bytes.
    public init(rawRepresentation: Data) throws(SigningKeyError) {
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation) else {
            throw SigningKeyError("not an Ed25519 private key")
        }
        raw = rawRepresentation
        issuer = IssuerKey(publicKey: key.publicKey.rawRepresentation)
    }

    /// The Ed25519 signature of `data`.
    public func signature(for data: some DataProtocol) -> Data {
        // Ed25519 signing only fails on a malformed key, which init refuses.
        (try? key.signature(for: data)) ?? Data()
    }

    /// A compact JWS (`header.payload.signature`) over `payload`, signed with EdDSA.
    func compactJWS(payload: Data, header: JSONValue) -> String {
        let signingInput = Base64URL.encode(header.data) + "." + Base64URL.encode(payload)
        return signingInput + "." + Base64URL.encode(signature(for: Data(signingInput.utf8)))
    }

    // MARK: PEM

    /// ASN.1 prefix of a PKCS#8 Ed25519 private key (RFC 8410), before the 32 key bytes.
    private static let pkcs8Prefix: [UInt8] = [
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]

    /// The key as PKCS#8 PEM.
    public var pem: String {
        let der = Data(Self.pkcs8Prefix) + raw
        return "-----BEGIN PRIVATE KEY-----\n" + der.base64EncodedString() + "\n-----END PRIVATE KEY-----\n"
    }

    /// Reads a PKCS#8 PEM Ed25519 key.
    public init(pem: String) throws(SigningKeyError) {
        let body = pem.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        guard let der = Data(base64Encoded: body), der.count == Self.pkcs8Prefix.count + 32,
            der.prefix(Self.pkcs8Prefix.count).elementsEqual(Self.pkcs8Prefix)
        else { throw SigningKeyError("not a PKCS#8 PEM Ed25519 private key") }
        try self.init(rawRepresentation: Data(der.suffix(32)))
    }

    /// Writes a new key to `url`, created readable and writable by its owner only. Refuses
    /// to replace a key that exists.
    public static func create(at url: URL) throws(SigningKeyError) -> SigningKey {
        let key = SigningKey()
        try KeyFile.create(at: url, contents: Array(key.pem.utf8))
        return key
    }

    /// Reads the key at `url`, refusing a missing, unreadable or malformed file, and one
    /// that anyone but its owner may read or write.
    public static func load(from url: URL) throws(SigningKeyError) -> SigningKey {
        let text = try KeyFile.read(url)
        do { return try SigningKey(pem: text) } catch { throw SigningKeyError("\(url.relativePath): \(error.description)") }
    }
}

/// A private key's file: created owner-only and never replaced, read only while no one
/// else may read it.
enum KeyFile {
    static func create(at url: URL, contents bytes: [UInt8]) throws(SigningKeyError) {
        // Written whole under another name, then linked into place: another process never
        // reads a key half written, and an existing key is never replaced.
        let staging = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial")
        do { try NewFile.write(bytes, to: staging.path, mode: 0o600, durable: true) } catch {
            // Only a file made here is removed.
            guard error.created else { throw SigningKeyError("\(url.relativePath): cannot create the key file") }
            unlink(staging.path)
            throw SigningKeyError("\(url.relativePath): cannot write the key file")
        }
        defer { unlink(staging.path) }
        guard link(staging.path, url.path) == 0 else {
            throw SigningKeyError(
                errno == EEXIST ? "\(url.relativePath): a signing key already exists" : "\(url.relativePath): cannot create the key file")
        }
    }

    static func read(_ url: URL) throws(SigningKeyError) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        else { throw SigningKeyError("\(url.relativePath): no signing key; run `allervers key create` in the workspace") }
        guard mode & 0o077 == 0 else {
            throw SigningKeyError(
                "\(url.relativePath): the signing key is readable by others (mode \(String(mode, radix: 8))); run chmod 600 on it")
        }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw SigningKeyError("\(url.relativePath): cannot read the signing key")
        }
        return text
    }
}

/// SHA-256 digests as lowercase hex.
public enum Digest {
    /// The SHA-256 of `data`.
    public static func sha256(_ data: some DataProtocol) -> [UInt8] {
        Array(SHA256.hash(data: data))
    }

    /// The SHA-256 of `data`, hex.
    public static func sha256Hex(_ data: some DataProtocol) -> String {
        hex(sha256(data))
    }

    /// `bytes` as lowercase hex, two digits each.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// An issuer's public key, named as a `did:key` (multicodec ed25519-pub, base58btc).
public struct IssuerKey: Sendable, Hashable {
    /// The 32 bytes of the Ed25519 public key.
    public let publicKey: Data

    /// The multicodec prefix of an Ed25519 public key (0xed, varint-encoded).
    private static let multicodec: [UInt8] = [0xED, 0x01]

    /// The key from its raw bytes.
    public init(publicKey: Data) {
        self.publicKey = publicKey
        did = "did:key:z" + Base58.encode(Self.multicodec + Array(publicKey))
    }

    /// The key named by a `did:key:z6Mk…` (with or without a `#fragment`), or `nil`.
    public init?(did: String) {
        let bare = did.split(separator: "#", maxSplits: 1).first.map(String.init) ?? did
        guard bare.hasPrefix("did:key:z"), let bytes = Base58.decode(String(bare.dropFirst("did:key:z".count))),
            bytes.count == 34, bytes.prefix(2).elementsEqual(Self.multicodec)
        else { return nil }
        self.init(publicKey: Data(bytes.suffix(32)))
    }

    /// `did:key:z6Mk…`.
    public let did: String

    /// The verification method: the did with its key as fragment.
    public var verificationMethod: String { did + "#" + did.dropFirst("did:key:".count) }

    /// Whether `signature` is this key's Ed25519 signature of `data`.
    public func isValidSignature(_ signature: Data, for data: Data) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: data)
    }
}

/// Why a signing key could not be made, read or used.
public struct SigningKeyError: TextError, Sendable, Hashable {
    /// What is wrong, as one sentence.
    public var text: Text

    init(_ text: Text) {
        self.text = text
    }
}
