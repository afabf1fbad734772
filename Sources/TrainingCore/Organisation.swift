/// The training organisation that runs the courses, as its documents must name it.
///
/// French law asks every document (sign-in sheets, certificates) to carry the
/// organisation's name and address, its *numéro de déclaration d'activité* (eleven digits,
/// given by the regional labour administration) and who signs for it.
public struct Organisation: Sendable, Hashable, Codable {
    /// The organisation's name.
    public var name: String
    /// The postal address, one line.
    public var address: String
    /// The *numéro de déclaration d'activité*: eleven digits.
    public var declarationNumber: String
    /// The person who signs documents for the organisation.
    public var signatoryName: String
    /// That person's title (`Directrice`, `Responsable pédagogique`).
    public var signatoryTitle: String
    /// What certificate numbers start with: `AV` gives `AV-2026-000123`. One to ten
    /// capital letters or digits.
    public var certificatePrefix: String
    /// Where `allervers serve` publishes the certificates' pages (`https://formation.example.org`),
    /// which new certificates' QR codes point to; `nil` when it does not.
    public var publicAddress: String?
    /// Its SIRET (14 digits), when known: an LHEO export names the organisation by it.
    public var siret: String?

    /// Creates an organisation identity, or throws when a part is empty, the declaration
    /// number is not eleven digits or the SIRET not fourteen whose Luhn checksum holds.
    public init(
        name: String, address: String, declarationNumber: String, signatoryName: String, signatoryTitle: String,
        certificatePrefix: String = "AV", publicAddress: String? = nil, siret: String? = nil
    ) throws(OrganisationError) {
        let declaration = declarationNumber.filter { $0 != " " }
        guard declaration.count == 11, declaration.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw OrganisationError("the numéro de déclaration d'activité has eleven digits, not \"\(declarationNumber)\"")
        }
        for (label, value) in [("name", name), ("address", address), ("signatory", signatoryName), ("signatory title", signatoryTitle)]
        where value.allSatisfy(\.isWhitespace) {
            throw OrganisationError("the organisation's \(label) is empty")
        }
        guard (1...10).contains(certificatePrefix.count),
            certificatePrefix.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) })
        else {
            throw OrganisationError("the certificate prefix is one to ten capital letters or digits, not \"\(certificatePrefix)\"")
        }
        self.name = name
        self.certificatePrefix = certificatePrefix
        self.address = address
        self.declarationNumber = declaration
        self.signatoryName = signatoryName
        self.signatoryTitle = signatoryTitle
        self.publicAddress = try publicAddress.map(Self.address)
        if let siret {
            let digits = siret.filter { $0 != " " }
            guard Employer.isSIRET(digits) else {
                throw OrganisationError("the SIRET has fourteen digits whose Luhn checksum holds, not \"\(siret)\"")
            }
            self.siret = digits
        }
    }

    /// An address pages are published at: `http://` or `https://`, a host, perhaps a path;
    /// no query, fragment or space; without its final slash.
    private static func address(_ text: String) throws(OrganisationError) -> String {
        var address = text
        while address.hasSuffix("/") { address.removeLast() }
        let scheme = ["https://", "http://"].first { address.lowercased().hasPrefix($0) }
        guard let scheme, address.count > scheme.count, !address.contains(where: { $0.isWhitespace || $0 == "?" || $0 == "#" })
        else {
            throw OrganisationError("the public address is a web address such as https://formation.example.org, not \"\(text)\"")
        }
        return scheme + address.dropFirst(scheme.count)
    }
}

/// Why an organisation identity was refused.
public struct OrganisationError: TextError, Sendable, Hashable {
    /// What is wrong, as one sentence.
    public var text: Text

    init(_ text: Text) {
        self.text = text
    }
}
