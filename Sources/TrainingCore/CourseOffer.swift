/// What a catalogue of training offers says of a course beyond its programme: the codes,
/// levels, places, funders and contact that LHEO (the French standard that Carif-Oref bases,
/// France Travail and Mon Compte Formation read) and funders ask for. Course format 1.2's
/// `<offer>`; every part optional.
public struct CourseOffer: Sendable, Hashable, Codable {
    /// A code of a versioned nomenclature: a FORMACODE (`44028`, version `V12`).
    public struct Code: Sendable, Hashable, Codable {
        /// The code.
        public var code: String
        /// The nomenclature's version (`V12`, `V13`); empty when the source does not say.
        public var version: String

        /// Creates a code.
        public init(_ code: String, version: String) {
            self.code = code
            self.version = version
        }
    }

    /// Where the course is held.
    public struct Place: Sendable, Hashable, Codable {
        /// What the place is called (`Institut Aller-Vers`), when it has a name.
        public var name: String?
        /// The street address, one to four lines.
        public var lines: [String]
        /// The five-digit postcode.
        public var postcode: String
        /// The town.
        public var city: String
        /// The commune's INSEE code (`49007`, `2A004`), when known.
        public var inseeCode: String?

        /// Creates a place.
        public init(name: String? = nil, lines: [String], postcode: String, city: String, inseeCode: String? = nil) {
            self.name = name
            self.lines = lines
            self.postcode = postcode
            self.city = city
            self.inseeCode = inseeCode
        }

        /// What is wrong with the place's codes: a postcode that is not five digits, an INSEE
        /// code of another form.
        public var problems: [Text] {
            var problems: [Text] = []
            if !(postcode.count == 5 && postcode.allSatisfy { $0.isASCII && $0.isNumber }) {
                problems.append("\(postcode) is not a postcode: five digits")
            }
            if let insee = inseeCode, !CourseOffer.isINSEECode(insee) {
                problems.append("\(insee) is not a commune's INSEE code: five characters, 2A or 2B for Corsica")
            }
            return problems
        }
    }

    /// Whom to ask about the course.
    public struct Contact: Sendable, Hashable, Codable {
        /// A person's or a service's name.
        public var name: String?
        /// A telephone number.
        public var phone: String?
        /// An email address.
        public var email: String?
        /// A web address.
        public var web: String?

        /// Creates a contact.
        public init(name: String? = nil, phone: String? = nil, email: String? = nil, web: String? = nil) {
            self.name = name
            self.phone = phone
            self.email = email
            self.web = web
        }
    }

    /// FORMACODE domains, the main one first (LHEO `code-FORMACODE`).
    public var formacodes: [Code]
    /// ROME jobs the course leads to (`K1201`; LHEO `code-ROME`).
    public var romeCodes: [String]
    /// What the course leads to (LHEO `resultats-attendus`).
    public var expectedResults: String?
    /// The level required on entry and reached on exit, as LHEO's dictionary of levels codes
    /// them (``LHEODictionary/levels``).
    public var entryLevel: Int?
    public var exitLevel: Int?
    /// The publics it is for, as FORMACODE codes of publics (LHEO `code-public-vise`).
    public var publics: [Code]
    /// Where it is held.
    public var places: [Place]
    /// Who may pay for it, as LHEO's dictionary of funders codes them
    /// (``LHEODictionary/funders``).
    public var funders: [Int]
    /// Whom to ask.
    public var contact: Contact?

    /// Creates an offer.
    public init(
        formacodes: [Code] = [], romeCodes: [String] = [], expectedResults: String? = nil, entryLevel: Int? = nil,
        exitLevel: Int? = nil, publics: [Code] = [], places: [Place] = [], funders: [Int] = [], contact: Contact? = nil
    ) {
        self.formacodes = formacodes
        self.romeCodes = romeCodes
        self.expectedResults = expectedResults
        self.entryLevel = entryLevel
        self.exitLevel = exitLevel
        self.publics = publics
        self.places = places
        self.funders = funders
        self.contact = contact
    }

    /// What is wrong: a code of the wrong shape, a level or a funder LHEO's dictionaries do
    /// not have, a postcode that is not five digits.
    public var problems: [Text] {
        var problems: [Text] = []
        func digits(_ text: String, _ count: Int) -> Bool { text.count == count && text.allSatisfy { $0.isASCII && $0.isNumber } }
        for code in formacodes + publics where !digits(code.code, 5) {
            problems.append("\(code.code) is not a FORMACODE: five digits")
        }
        for code in romeCodes
        where !(code.count == 5 && code.first.map { $0 >= "A" && $0 <= "N" } == true && digits(String(code.dropFirst()), 4)) {
            problems.append("\(code) is not a ROME code: a letter from A to N and four digits")
        }
        if let level = entryLevel, LHEODictionary.levels[level] == nil {
            problems.append("the entry level \(level) is not one of LHEO's dictionary: 0 to 8, or 11 to 18 for levels 1 to 8")
        }
        if let level = exitLevel, LHEODictionary.levels[level] == nil {
            problems.append("the exit level \(level) is not one of LHEO's dictionary: 0 to 8, or 11 to 18 for levels 1 to 8")
        }
        for funder in funders where LHEODictionary.funders[funder] == nil {
            problems.append("\(funder) is not a funder of LHEO's dictionary (0 to 20)")
        }
        if Set(funders).count != funders.count { problems.append("a funder is named twice") }
        problems += places.flatMap(\.problems)
        if let email = contact?.email, !Self.isEmail(email) { problems.append("\"\(email)\" is not an email address") }
        return problems
    }

    /// One `@`, no space, a dot in the domain, at most 160 characters: the course format's form.
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && text.count <= 160
            && !text.contains(where: \.isWhitespace)
    }

    /// Five digits, or 2A or 2B and three digits.
    public static func isINSEECode(_ code: String) -> Bool {
        let characters = Array(code)
        guard characters.count == 5 else { return false }
        let tail = characters[2...].allSatisfy { $0.isASCII && $0.isNumber }
        if characters[0] == "2" && (characters[1] == "A" || characters[1] == "B") { return tail }
        return characters.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// LHEO 2.3's dictionaries that a course's offer uses, with their labels (lheo-gml-2.3).
public enum LHEODictionary {
    /// `code-financeur`: who may pay.
    public static let funders: [Int: String] = [
        0: "Autre", 1: "Code(s) obsolète(s)", 2: "Collectivité territoriale - Conseil régional", 3: "Fonds européens - FSE",
        4: "Pôle emploi", 5: "Entreprise", 6: "ACSÉ (anciennement FASILD)", 7: "AGEFIPH",
        8: "Collectivité territoriale - Conseil général", 9: "Collectivité territoriale - Commune", 10: "Bénéficiaire de l'action",
        11: "État - Ministère chargé de l'emploi", 12: "État - Ministère de l'éducation nationale", 13: "État - Autre",
        14: "Fonds européens - Autre", 15: "Collectivité territoriale - Autre", 16: "OPCO", 17: "Transition Pro", 18: "LADOM",
        19: "État - Ministère de l'intérieur", 20: "OFII",
    ]

    /// `code-niveau-entree` and `code-niveau-sortie`: the former levels (0 to 8), and levels 1
    /// to 8 of the national framework (11 to 18; an RNCP level n is 10 + n).
    public static let levels: [Int: String] = [
        0: "Information non communiquée", 1: "Sans niveau spécifique", 2: "Niveau VI (illettrisme, analphabétisme)",
        3: "Niveau V bis (préqualification)", 4: "Niveau V (CAP, BEP, CFPA du premier degré)",
        5: "Niveau IV (BP, BT, baccalauréat professionnel ou technologique)", 6: "Niveau III (BTS, DUT)",
        7: "Niveau II (licence ou maîtrise universitaire)", 8: "Niveau I (supérieur à la maîtrise)", 11: "Niveau 1", 12: "Niveau 2",
        13: "Niveau 3 (CAP, BEP)", 14: "Niveau 4 (baccalauréat)", 15: "Niveau 5 (bac + 2)", 16: "Niveau 6 (licence, bac + 3)",
        17: "Niveau 7 (master, bac + 5)", 18: "Niveau 8 (doctorat)",
    ]
}
