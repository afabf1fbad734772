import Foundation

/// A person who takes part in training: a social worker, with their employer and job.
public struct Participant: Sendable, Hashable, Codable, Identifiable {
    /// The workspace's identifier for the person (`P-0001`), stable for years.
    public var id: String
    /// The first name.
    public var firstName: String
    /// The family name, printed in capitals on sign-in sheets.
    public var lastName: String
    /// The email address, when known; unique in a workspace.
    public var email: String?
    /// The profession (*éducateur spécialisé*, *assistant de service social*, *CESF*…).
    public var profession: String?
    /// The employer's name.
    public var employer: String?
    /// When the employer hired them: obligations count from it.
    public var hireDate: LocalDate?
    /// The day they took their profession or role, when it is not their hire: obligations
    /// due "N months after taking the role" count from it.
    public var roleSince: LocalDate?
    /// The employer's or funder's own identifier for the person; unique in a workspace.
    public var externalID: String?
    /// The date of birth, when known: it tells two namesakes apart.
    public var birthDate: LocalDate?
    /// The grammatical gender documents use for the person, when known; without it they use
    /// the inclusive form (*Présent·e*).
    public var gender: Gender?

    /// The grammatical gender of a person's statuses on documents.
    public enum Gender: String, Sendable, Hashable, Codable, CaseIterable {
        /// *Présente, absente excusée*.
        case female
        /// *Présent, absent excusé*.
        case male
    }

    /// Creates a participant.
    public init(
        id: String, firstName: String, lastName: String, email: String? = nil, profession: String? = nil, employer: String? = nil,
        hireDate: LocalDate? = nil, externalID: String? = nil, birthDate: LocalDate? = nil, gender: Gender? = nil,
        roleSince: LocalDate? = nil
    ) {
        self.roleSince = roleSince
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.profession = profession
        self.employer = employer
        self.hireDate = hireDate
        self.externalID = externalID
        self.birthDate = birthDate
        self.gender = gender
    }

    /// Whether `email` has one `@`, something before it, a dot after it and no whitespace.
    static func looksLikeEmail(_ email: String) -> Bool {
        let bytes = email.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !email.contains(where: \.isWhitespace)
        }
        // ASCII (nearly every address) is read byte by byte: the same test without breaking
        // the text into characters, which was 8 % of importing 100,000 people.
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at != bytes.startIndex else { return false }
        let domain = bytes[bytes.index(after: at)...]
        return !domain.contains(UInt8(ascii: "@")) && domain.contains(UInt8(ascii: "."))
            && !bytes.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
    }

    /// `NOM Prénom`, as French sign-in sheets list people.
    public var displayName: String { "\(lastName.uppercased()) \(firstName)" }

    /// What is wrong with the participant's details, if anything.
    public func problems() -> [Text] {
        var problems: [Text] = []
        if firstName.allSatisfy(\.isWhitespace) || lastName.allSatisfy(\.isWhitespace) {
            problems.append("a participant needs a first and a last name")
        }
        if let email, !Self.looksLikeEmail(email) { problems.append("\"\(email)\" is not an email address") }
        if let roleSince, let hireDate, roleSince < hireDate {
            problems.append("the role cannot begin (\(roleSince)) before the hire (\(hireDate))")
        }
        return problems
    }
}

extension Participant {
    /// The names as compared for duplicates: case, accents, hyphens and spaces folded
    /// (`Anne-Laure PETIT` and `anne laure petit` are the same).
    public var foldedNames: String { firstName.searchFolded + "|" + lastName.searchFolded }

    /// Why `other` is probably the same person, or `nil`: the same email, or the same names
    /// with the same birth date or the same employer (case and accents folded).
    public func probablySamePerson(as other: Participant) -> Text? {
        if let email, let otherEmail = other.email, email.caseInsensitiveCompare(otherEmail) == .orderedSame { return "same email" }
        guard foldedNames == other.foldedNames else { return nil }
        if let birthDate, birthDate == other.birthDate { return "same names and birth date" }
        if let employer, let otherEmployer = other.employer, employer.folded == otherEmployer.folded {
            return "same names and employer"
        }
        return nil
    }
}

/// A participant's place in a session.
public enum EnrolmentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Holds a seat.
    case enrolled
    /// Waits for a seat; moves up in order when someone withdraws.
    case waitlisted
    /// Left the session before it ran, or was withdrawn.
    case withdrawn
}
