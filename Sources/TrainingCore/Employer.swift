/// An organisation that employs social workers — a CCAS, a département, an association — and
/// states their training obligations.
public struct Employer: Sendable, Hashable, Codable, Identifiable {
    /// The workspace's identifier for it (`E-0001`).
    public var id: String
    /// Its name, as documents print it.
    public var name: String
    /// What kind of body it is (the BPF counts trainees by it).
    public var kind: Kind
    /// Its SIRET (14 digits), when known.
    public var siret: String?

    /// What kind of body an employer is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A private company.
        case privateCompany = "private-company"
        /// An association (loi 1901).
        case association
        /// A public body: a commune, its CCAS, a département, the State.
        case publicBody = "public-body"
        /// Anything else, or not known yet.
        case other
    }

    /// Creates an employer.
    public init(id: String, name: String, kind: Kind = .other, siret: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.siret = siret
    }

    /// What is wrong with the employer's details, if anything.
    public func problems() -> [Text] {
        var problems: [Text] = []
        if name.allSatisfy(\.isWhitespace) { problems.append("an employer needs a name") }
        if let siret, !Self.isSIRET(siret) {
            problems.append("\"\(siret)\" is not a SIRET (14 digits whose Luhn checksum holds)")
        }
        return problems
    }

    /// Whether `text` is a SIRET: 14 digits whose Luhn checksum holds, or, for La Poste's
    /// establishments (SIREN 356000000), whose digits add up to a multiple of 5.
    public static func isSIRET(_ text: String) -> Bool {
        let digits = text.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == 14, text.count == 14 else { return false }
        if text.hasPrefix("356000000") { return digits.reduce(0, +) % 5 == 0 }
        let sum = digits.reversed().enumerated().reduce(0) { sum, pair in
            let (position, digit) = pair
            let weighted = position % 2 == 1 ? digit * 2 : digit
            return sum + (weighted > 9 ? weighted - 9 : weighted)
        }
        return sum % 10 == 0
    }
}
