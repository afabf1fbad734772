internal import CLibXML2
public import TrainingCore

/// A course as an LHEO offer: the course, how it is run (its session templates) and the
/// sessions to announce.
public struct LHEOOffer: Sendable {
    public var course: Course
    /// Its actions; none gives one action made from the course's offer.
    public var templates: [SessionTemplate]
    /// Planned sessions to announce in the first action, beside the templates' own periods.
    public var sessions: [Session]

    /// Creates an offer.
    public init(course: Course, templates: [SessionTemplate] = [], sessions: [Session] = []) {
        self.course = course
        self.templates = templates
        self.sessions = sessions
    }
}

/// Why an LHEO export cannot be written: what the format requires that the workspace lacks.
public struct LHEOExportError: TextError, Sendable, Hashable {
    public var text: Text

    init(_ text: Text) {
        self.text = text
    }
}

/// Writes courses as LHEO 2.3 (`http://lheo.gouv.fr/2.3`), the format Carif-Oref bases read,
/// valid against the schema the tool carries.
///
/// LHEO's elements say what they can of a course, filled as a base expects: the codes, the
/// objective, the programme, places, hours, funders, sessions, and the organisation by its
/// declaration number and SIRET. What LHEO has no element for (each objective's wording,
/// the modules' hours and methods, a declared-experience prerequisite, the certification
/// rule) is in `<extras info="allervers">`, which holds the course whole in the AllerVers
/// course format: importing the export gives back the same course.
public struct LHEOWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// One LHEO document offering `offers`, by `organisation`.
    public func document(for offers: [LHEOOffer], organisation: Organisation) throws -> String {
        guard !offers.isEmpty else { throw LHEOExportError("no course to export: an LHEO file offers one at least") }
        let responsible = try Responsible(organisation)
        for offer in offers where offer.course.offer?.publics.isEmpty ?? true {
            throw LHEOExportError(
                "course \(offer.course.id): LHEO needs the public it is for (code-public-vise): give its <offer> a <public> FORMACODE")
        }
        let xml = try XMLOutput.inMemory { (output: XMLOutput) throws(CourseExportError) in
            try output.document { () throws(CourseExportError) in
                try output.start("lheo")
                try output.attribute("xmlns", LHEOVersion.version23.namespace)
                try output.start("offres")
                for offer in offers { try output.formation(offer, by: responsible) }
                try output.end()
                try output.end()
            }
        }
        // What the workspace holds may still not fit what LHEO allows: say so, rather than
        // hand a base a file it refuses.
        let version = LHEOVersion.version23
        if let violation = version.compiled.violation(of: xml, namespace: version.namespace) {
            throw LHEOExportError("the LHEO written does not match LHEO 2.3's schema: \(Text(verbatim: violation))")
        }
        return xml
    }

    /// What a Carif-Oref base expects of `offer` that the course does not fill, one line each.
    public static func lint(_ offer: LHEOOffer, organisation: Organisation) -> [Text] {
        let course = offer.course
        let about = course.offer ?? CourseOffer()
        var missing: [Text] = []
        if (try? Responsible(organisation)) == nil {
            missing.append("SIRET-organisme-formation: the organisation's SIRET (`allervers organisation set --siret`)")
        }
        if about.formacodes.isEmpty { missing.append("code-FORMACODE: the course's domain (<offer><formacode>)") }
        if course.classification?.nsf.isEmpty ?? true { missing.append("code-NSF: its NSF speciality (<classification><nsf>)") }
        if about.romeCodes.isEmpty { missing.append("code-ROME: the jobs it leads to (<offer><rome>)") }
        if about.publics.isEmpty { missing.append("code-public-vise: the public it is for (<offer><public>), which LHEO requires") }
        if about.expectedResults == nil { missing.append("resultats-attendus: what it leads to (<offer><expectedResults>)") }
        if about.entryLevel == nil { missing.append("code-niveau-entree: the level on entry (<offer><entryLevel>)") }
        if about.contact == nil {
            missing.append("contact-formation: who answers about it (<offer><contact>); the organisation is named instead")
        }
        if about.places.isEmpty && offer.templates.allSatisfy({ $0.place == nil }) {
            missing.append("lieu-de-formation: where it is held (<offer><place>)")
        }
        if about.funders.isEmpty && offer.templates.allSatisfy(\.funders.isEmpty) {
            missing.append("organisme-financeur: who funds it (<offer><funder>)")
        }
        if offer.templates.allSatisfy({ $0.rhythm == nil }) {
            missing.append("rythme-formation: its rhythm, which only an LHEO import gives")
        }
        if course.duration.minutes % 60 != 0 {
            missing.append(
                "nombre-heures-total: LHEO counts whole hours; \(course.duration.decimal) is written \(LHEOHours.whole(course.duration))")
        }
        if offer.sessions.isEmpty && offer.templates.allSatisfy(\.periods.isEmpty) {
            missing.append("session: no planned session (with --sessions), so one without dates is announced")
        }
        return missing
    }
}

/// LHEO's hours are whole.
enum LHEOHours {
    /// The nearest whole number of hours, half up.
    static func whole(_ hours: Hours) -> Int { (hours.minutes + 30) / 60 }
}

/// The organisation as LHEO's `organisme-formation-responsable` needs it: the formats the
/// form fixes checked, and its address in parts.
struct Responsible {
    let organisation: Organisation
    let address: CourseOffer.Place

    init(_ organisation: Organisation) throws(LHEOExportError) {
        let declaration = organisation.declarationNumber
        guard declaration.utf8.count == 11, declaration.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw LHEOExportError("the numéro de déclaration d'activité \(declaration) is not eleven digits")
        }
        guard let siret = organisation.siret else {
            throw LHEOExportError(
                "LHEO names the organisation by its SIRET: set it with `allervers organisation set … --siret 14DIGITS`")
        }
        guard Employer.isSIRET(siret) else { throw LHEOExportError("\"\(siret)\" is not a SIRET (14 digits whose Luhn checksum holds)") }
        guard let address = Self.place(organisation.address) else {
            throw LHEOExportError(
                "the organisation's address \"\(organisation.address)\" does not read as a street, then a postcode and a town (\"12 rue des Lices, 49100 Angers\"), which LHEO needs"
            )
        }
        self.organisation = organisation
        self.address = address
    }

    /// `12 rue des Lices, 49100 Angers` in parts: the lines before the postcode, the postcode,
    /// the town after it.
    static func place(_ text: String) -> CourseOffer.Place? {
        let characters = Array(text)
        var index = characters.count - 5
        while index >= 0 {
            let digits = characters[index..<index + 5]
            let before = index == 0 || !characters[index - 1].isNumber
            let after = index + 5 < characters.count && characters[index + 5] == " "
            if before && after && digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                let city = String(characters[(index + 6)...]).trimmingWhitespace()
                let lines = String(characters[..<index]).split(separator: ",").map { String($0).trimmingWhitespace() }.filter {
                    !$0.isEmpty
                }
                guard !city.isEmpty, !lines.isEmpty else { return nil }
                return CourseOffer.Place(lines: Array(lines.prefix(4)), postcode: String(digits), city: city)
            }
            index -= 1
        }
        return nil
    }
}

extension XMLOutput {
    fileprivate func formation(_ offer: LHEOOffer, by responsible: Responsible) throws(CourseExportError) {
        let course = offer.course
        let about = course.offer ?? CourseOffer()
        try start("formation")
        try attribute("numero", course.id)
        try start("domaine-formation")
        for code in about.formacodes.prefix(5) {
            try start("code-FORMACODE")
            if !code.version.isEmpty { try attribute("ref", code.version) }
            try text(code.code)
            try end()
        }
        var nsf: [String] = []
        for code in course.classification?.nsf ?? [] where !nsf.contains(String(code.prefix(3))) { nsf.append(String(code.prefix(3))) }
        for code in nsf.prefix(3) { try element("code-NSF", code) }
        for code in about.romeCodes.prefix(5) { try element("code-ROME", code) }
        try end()
        try element("intitule-formation", course.title, limit: 255)
        try element("objectif-formation", course.objectives.map(\.text).joined(separator: "\n"), limit: 3000)
        try element(
            "resultats-attendus", about.expectedResults ?? "Attestation de fin de formation et certificat de réalisation", limit: 3000)
        let programme = course.modules.map { "\($0.title) (\($0.duration.decimal) h) : \($0.content.joined(separator: " ; "))" }
        try element("contenu-formation", ([course.summary] + programme).joined(separator: "\n"), limit: 3000)
        let certified = [.rncp, .rs].contains(course.classification?.generalObjective)
        try element("certifiante", certified ? "1" : "0")
        try start("contact-formation")
        let contact = about.contact ?? CourseOffer.Contact(name: responsible.organisation.name)
        try coordinates(name: contact.name, place: nil, phone: contact.phone, email: contact.email, web: contact.web)
        try end()
        try element("parcours-de-formation", "1")
        try element("code-niveau-entree", String(about.entryLevel ?? 0))
        if let classification = course.classification, let code = classification.certificationCode {
            try start("certification")
            let digits = String(code.drop { !$0.isNumber })
            try element(classification.generalObjective == .rs ? "code-RS" : "code-RNCP", digits)
            try end()
        }
        if let level = about.exitLevel { try element("code-niveau-sortie", String(level)) }
        if let web = contact.web {
            try start("url-formation")
            try element("urlweb", web, limit: 400)
            try end()
        }
        let templates = offer.templates.isEmpty ? [SessionTemplate(number: "1")] : offer.templates
        for (index, template) in templates.enumerated() {
            try action(template, of: offer, announcing: index == 0 ? offer.sessions : [], by: responsible)
        }
        try organisationResponsible(responsible)
        try start("extras")
        try attribute("info", "allervers")
        try start("extra")
        try attribute("info", "course")
        try write(course, declaringNamespace: true)
        try end()
        try end()
        try end()
    }

    private func action(
        _ template: SessionTemplate, of offer: LHEOOffer, announcing sessions: [Session], by responsible: Responsible
    ) throws(CourseExportError) {
        let course = offer.course
        let about = course.offer ?? CourseOffer()
        try start("action")
        if template.number != "1" || !offer.templates.isEmpty { try attribute("numero", template.number) }
        try element("rythme-formation", template.rhythm ?? "Non précisé", limit: 3000)
        for code in about.publics.prefix(10) {
            try start("code-public-vise")
            if !code.version.isEmpty { try attribute("ref", code.version) }
            try text(code.code)
            try end()
        }
        try element("niveau-entree-obligatoire", "0")
        try element("modalites-alternance", "Sans objet")
        let remote = course.modules.filter { $0.modality == .remote }.count
        try element("modalites-enseignement", remote == 0 ? "0" : remote == course.modules.count ? "2" : "1")
        let conditions = course.prerequisites.map { prerequisite -> String in
            switch prerequisite {
            case .course(let id): "Avoir suivi la formation \(id)"
            case .experience(let months, let text): months.map { "\(text) (\($0) mois)" } ?? text
            case .other(let text): text
            }
        }
        try element("conditions-specifiques", conditions.isEmpty ? "Aucune" : conditions.joined(separator: "\n"), limit: 3000)
        let funders = template.funders.isEmpty ? about.funders : template.funders
        try element("prise-en-charge-frais-possible", funders.isEmpty ? "0" : "1")
        for place in template.place.map({ [$0] }) ?? about.places {
            try start("lieu-de-formation")
            try coordinates(name: nil, place: place, phone: nil, email: nil, web: nil)
            try end()
        }
        try element("modalites-entrees-sorties", "0")
        var periods = template.periods
        for session in sessions {
            guard let first = session.slots.first?.date, let last = session.slots.last?.date else { continue }
            periods.append(.init(number: session.id, start: .day(first), end: .day(last)))
        }
        if periods.isEmpty { periods = [.init(number: nil, start: .unknown, end: .unknown)] }
        for period in periods {
            try start("session")
            if let number = period.number { try attribute("numero", number) }
            try start("periode")
            try element("debut", Self.lheoDate(period.start))
            try element("fin", Self.lheoDate(period.end))
            try end()
            try start("adresse-inscription")
            try address(responsible.address)
            try end()
            try end()
        }
        if !course.accessibility.isEmpty { try element("acces-handicapes", course.accessibility, limit: 250) }
        if course.language.count == 2 { try element("langue-formation", course.language.uppercased()) }
        if let hours = template.centreHours { try element("nombre-heures-centre", String(LHEOHours.whole(hours))) }
        if let hours = template.companyHours { try element("nombre-heures-entreprise", String(LHEOHours.whole(hours))) }
        try element("nombre-heures-total", String(LHEOHours.whole(template.totalHours ?? course.duration)))
        for funder in funders.prefix(8) {
            try start("organisme-financeur")
            try element("code-financeur", String(funder))
            try end()
        }
        if offer.templates.isEmpty {
            // Made from the course's offer: an import of this file does not store it as a template.
            try start("extras")
            try attribute("info", "allervers")
            try start("extra")
            try attribute("info", "template")
            try text("from-offer")
            try end()
            try end()
        }
        try end()
    }

    /// An element whose text LHEO limits to `limit` characters: a longer text is cut, and ends with "…".
    fileprivate func element(_ name: String, _ text: String, limit: Int) throws(CourseExportError) {
        try element(name, text.count <= limit ? text : String(text.prefix(limit - 1)) + "…")
    }

    private func organisationResponsible(_ responsible: Responsible) throws(CourseExportError) {
        let organisation = responsible.organisation
        try start("organisme-formation-responsable")
        try element("numero-activite", organisation.declarationNumber)
        try start("SIRET-organisme-formation")
        try element("SIRET", organisation.siret ?? "")
        try end()
        try element("nom-organisme", organisation.name, limit: 250)
        try element("raison-sociale", organisation.name, limit: 250)
        try start("coordonnees-organisme")
        try coordinates(name: nil, place: responsible.address, phone: nil, email: nil, web: nil)
        try end()
        try start("contact-organisme")
        try coordinates(
            name: "\(organisation.signatoryName), \(organisation.signatoryTitle)", place: nil, phone: nil, email: nil, web: nil)
        try end()
        try end()
    }

    /// LHEO's `coordonnees`, in its order.
    private func coordinates(name: String?, place: CourseOffer.Place?, phone: String?, email: String?, web: String?)
        throws(CourseExportError)
    {
        try start("coordonnees")
        if let name { try element("nom", name, limit: 50) }
        if let place { try address(place) }
        if let phone {
            try start("telfixe")
            try element("numtel", phone, limit: 25)
            try end()
        }
        if let email { try element("courriel", email) }
        if let web {
            try start("web")
            try element("urlweb", web, limit: 400)
            try end()
        }
        try end()
    }

    private func address(_ place: CourseOffer.Place) throws(CourseExportError) {
        try start("adresse")
        if let name = place.name { try element("denomination", name, limit: 255) }
        for line in (place.lines.isEmpty ? [place.city] : place.lines).prefix(4) { try element("ligne", line, limit: 50) }
        try element("codepostal", place.postcode)
        try element("ville", place.city, limit: 50)
        if let insee = place.inseeCode { try element("code-INSEE-commune", insee) }
        try end()
    }

    /// `AAAAMMJJ`, with `00` for what the date does not say.
    static func lheoDate(_ date: SessionTemplate.OfferDate) -> String {
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
        return switch date {
        case .day(let day): "\(day.year)\(two(day.month))\(two(day.day))"
        case .month(let year, let month): "\(year)\(two(month))00"
        case .unknown: "00000000"
        }
    }
}
