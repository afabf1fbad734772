internal import CGzip
public import Foundation
public import TrainingCore

/// A W3C Bitstring Status List (v1.0): one bit per credential, set when it is revoked,
/// gzip-compressed and multibase-encoded (`u` + base64url) in a signed credential that a
/// verifier fetches once and checks any number of credentials against, offline.
///
/// The list of a year holds the certificates numbered that year, bit N for number N: index 0,
/// the first bit, is the most significant bit of the first byte, as the specification says.
public struct BitstringStatusList: Sendable, Hashable {
    /// The bits, eight to a byte.
    public private(set) var bytes: [UInt8]

    /// The smallest list the specification allows: 16 KiB, 131,072 entries, so that a list
    /// tells little about how many credentials there are (herd privacy).
    public static let minimumBits = 131_072

    /// A list of at least `count` entries, none set.
    public init(count: Int) {
        let bits = max(Self.minimumBits, (count + 7) / 8 * 8)
        bytes = [UInt8](repeating: 0, count: bits / 8)
    }

    /// How many entries it holds.
    public var count: Int { bytes.count * 8 }

    /// Sets entry `index` (revoked).
    public mutating func set(_ index: Int) {
        bytes[index / 8] |= 0x80 >> UInt8(index % 8)
    }

    /// Whether entry `index` is set; `nil` past the end of the list.
    public func isSet(_ index: Int) -> Bool? {
        guard index >= 0, index < count else { return nil }
        return bytes[index / 8] & (0x80 >> UInt8(index % 8)) != 0
    }

    /// The `encodedList` of a status list credential.
    public var encoded: String { "u" + Base64URL.encode(Gzip.compress(bytes)) }

    /// The list an `encodedList` holds, or `nil` when it is not one.
    public init?(encoded: String) {
        guard encoded.first == "u", let compressed = Base64URL.decode(encoded.dropFirst()),
            let bytes = Gzip.decompress(Array(compressed), limit: 16 * 1024 * 1024), bytes.count * 8 >= Self.minimumBits
        else { return nil }
        self.bytes = bytes
    }
}

/// gzip (RFC 1952) through zlib.
enum Gzip {
    static func compress(_ input: [UInt8]) -> Data {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip header and trailer rather than zlib's.
        guard
            deflateInit2_(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return Data() }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        var input = input
        let written = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return 0 }
                return target.count - Int(stream.avail_out)
            }
        }
        return Data(output.prefix(written))
    }

    /// The bytes `input` inflates to, at most `limit` of them; `nil` when it is not gzip.
    static func decompress(_ input: [UInt8], limit: Int) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = input
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let finished = input.withUnsafeMutableBufferPointer { source -> Bool in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { target -> (Int32, Int) in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    return (status, target.count - Int(stream.avail_out))
                }
                output += chunk.prefix(produced)
                if status == Z_STREAM_END { return true }
                guard status == Z_OK, output.count <= limit else { return false }
            }
        }
        return finished ? output : nil
    }
}

/// A verified status list credential.
public struct VerifiedStatusList: Sendable {
    /// Who signed it.
    public var issuer: IssuerKey
    /// Its address (`id`): what a credential's `statusListCredential` names.
    public var id: String
    /// The list.
    public var list: BitstringStatusList
}

extension CertificateSigner {
    /// The signed status list credential of the certificates numbered in `year`, published at
    /// `address`, with the entries of `revoked` set, as of `now` (a verifier refuses a list
    /// that is not valid yet: never midnight ahead of the clock).
    public func statusList(address: String, revoked: [Int], at now: Date) -> String {
        let seconds = Int(now.timeIntervalSince1970)
        var list = BitstringStatusList(count: (revoked.max() ?? 0) + 1)
        for index in revoked { list.set(index) }
        let credential: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": .string(address),
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": .string(key.issuer.did),
            "validFrom": .string(Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(.iso8601)),
            "credentialSubject": [
                "id": "\(address)#list", "type": "BitstringStatusList", "statusPurpose": "revocation", "encodedList": .string(list.encoded),
            ],
            // The JWT's own claims beside the credential's members.
            "iss": .string(key.issuer.did), "jti": .string(address), "nbf": .integer(seconds),
        ]
        return key.compactJWS(
            payload: credential.data, header: ["alg": "EdDSA", "typ": "JWT", "kid": .string(key.issuer.verificationMethod)])
    }

    /// A credential's status entry: its bit in the status list of its number's year, at the
    /// organisation's public address; `nil` without one or for a number not `PREFIX-YEAR-N`.
    static func statusEntry(of certificate: Certificate, site: String?) -> JSONValue? {
        guard let site, let (year, index) = statusPosition(of: certificate.number) else { return nil }
        let list = "\(site)/status/\(year)"
        return [
            "id": "\(list)#\(index)", "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": .string(String(index)), "statusListCredential": .string(list),
        ]
    }
}

extension CertificateSigner {
    /// A certificate's list and bit: the year and the sequence of its number, `PREFIX-YEAR-N`.
    public static func statusPosition(of number: String) -> (year: Int, index: Int)? {
        let parts = number.split(separator: "-")
        guard parts.count >= 3, let year = Int(parts[parts.count - 2]), let index = Int(parts[parts.count - 1]) else { return nil }
        return (year, index)
    }
}

extension Verifier {
    /// Verifies a status list credential: its signature, and that it holds a revocation list.
    public static func verify(statusList token: String) throws(VerificationError) -> VerifiedStatusList {
        let (issuer, claims) = try checkedClaims(of: token)
        guard (claims["type"] as? [String])?.contains("BitstringStatusListCredential") == true, let id = claims["id"] as? String,
            let subject = claims["credentialSubject"] as? [String: Any], subject["statusPurpose"] as? String == "revocation",
            let list = (subject["encodedList"] as? String).flatMap(BitstringStatusList.init(encoded:))
        else { throw VerificationError("not a revocation status list (BitstringStatusListCredential)") }
        return VerifiedStatusList(issuer: issuer, id: id, list: list)
    }
}
