internal import Crypto
import Foundation
public import TrainingCore

extension Certificate {
    /// The unguessable part of the certificate's public address (`/verify/NUMBER?code=CODE`):
    /// 22 characters, 132 bits, of the SHA-256 of its signed statement, which only the
    /// certificate and its QR code carry. Numbers follow each other; a number alone finds
    /// nothing on the public page.
    public var verificationCode: String {
        let digest = SHA256.hash(data: Data(("allervers-verification:" + signedPayload).utf8))
        return String(Base64URL.encode(Data(digest)).prefix(22))
    }

    /// Whether `code` is this certificate's, compared in constant time.
    public func isVerified(by code: String) -> Bool {
        let expected = Array(verificationCode.utf8)
        let given = Array(code.utf8)
        guard given.count == expected.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
