import Foundation

/// Someone who logs in to `allervers serve`: a trainer, who opens half-days for signing and
/// certifies their sheets, or an employer's correspondent, who sees that employer's staff.
public struct Account: Sendable, Hashable, Codable {
    /// What the account may do.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// Runs the sessions that list their name as a trainer.
        case trainer
        /// Sees one employer's staff, their obligations and certificates.
        case employer
    }

    /// The name typed to log in: lower case, no spaces.
    public var login: String
    /// The person's name; a trainer's is matched against the sessions' trainers (case,
    /// accents and spaces folded).
    public var name: String
    /// Trainer or employer.
    public var role: Role
    /// The employer an employer account sees, by id.
    public var employerID: String?
    /// Whether the account can no longer log in.
    public var disabled: Bool

    /// Creates an account.
    public init(login: String, name: String, role: Role, employerID: String? = nil, disabled: Bool = false) {
        self.login = login
        self.name = name
        self.role = role
        self.employerID = employerID
        self.disabled = disabled
    }

    /// What is wrong with this account, if anything.
    public var problems: [Text] {
        var problems: [Text] = []
        if login.isEmpty || login != login.lowercased() || login.contains(where: { !($0.isLetter || $0.isNumber || "._-@".contains($0)) }) {
            problems.append("a login is lower case, without spaces (letters, digits, '.', '_', '-', '@'): \"\(login)\" is not one")
        }
        if name.allSatisfy(\.isWhitespace) { problems.append("an account needs the person's name") }
        if role == .employer && employerID == nil { problems.append("an employer account names its employer (--employer)") }
        if role == .trainer && employerID != nil { problems.append("a trainer account belongs to no employer") }
        return problems
    }

    /// Whether this account is one of `trainers` (a session's trainers, as planned).
    public func isTrainer(of trainers: [String]) -> Bool {
        role == .trainer && !disabled && trainers.contains { $0.folded == name.folded }
    }
}

extension Account.Role: Worded {}

/// How a signed attendance record came in, kept in the record and in its hash: the proof a
/// controller asks for beside the signature itself.
public struct SignatureEvidence: Sendable, Hashable, Codable {
    /// How the signer reached the half-day.
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// Scanned the QR code on the trainer's screen.
        case qr
        /// Typed the six-character code shown beside it.
        case code
        /// The trainer recorded it on the person's behalf, for a reason.
        case trainer
    }

    /// QR code, typed code, or the trainer on someone's behalf.
    public var method: Method
    /// The SHA-256 of the drawn signature's image, which the store keeps; none when the
    /// trainer recorded the presence on the person's behalf.
    public var imageSHA256: String?
    /// What the signing device's clock said, as it sent it (not trusted, kept to compare).
    public var deviceTime: String?
    /// The address the request came from.
    public var address: String?
    /// The browser's `User-Agent`.
    public var userAgent: String?
    /// Why the trainer signed on someone's behalf.
    public var onBehalfReason: String?

    /// Creates the evidence.
    public init(
        method: Method, imageSHA256: String? = nil, deviceTime: String? = nil, address: String? = nil, userAgent: String? = nil,
        onBehalfReason: String? = nil
    ) {
        self.method = method
        self.imageSHA256 = imageSHA256
        self.deviceTime = deviceTime
        self.address = address
        self.userAgent = userAgent
        self.onBehalfReason = onBehalfReason
    }
}

extension SignatureEvidence.Method: Worded {}

/// A drawn signature: a PNG image, as a browser's canvas gives it.
public struct SignatureImage: Sendable, Hashable {
    /// The image's bytes.
    public var png: [UInt8]

    /// The PNG file's first eight bytes.
    public static let pngMagic: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The largest image accepted: a signature pad's PNG is a few kilobytes.
    public static let maximumBytes = 200_000

    /// The image of `png`, if it is a PNG of a reasonable size.
    public init?(png: [UInt8]) {
        guard png.count > 8, png.count <= Self.maximumBytes, Array(png.prefix(8)) == Self.pngMagic else { return nil }
        self.png = png
    }

    /// The image sent as a `data:image/png;base64,…` address, as `canvas.toDataURL()` gives it.
    public init?(dataURL: String) {
        let prefix = "data:image/png;base64,"
        guard dataURL.hasPrefix(prefix), let bytes = Data(base64Encoded: String(dataURL.dropFirst(prefix.count))) else { return nil }
        self.init(png: Array(bytes))
    }
}
