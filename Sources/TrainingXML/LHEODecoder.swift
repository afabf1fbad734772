import Foundation
import TrainingCore

/// The local names of LHEO's elements the decoder reads, numbered in the order it interns them.
enum LHEOName: UInt8, CaseIterable {
    case lheo, lheoIndex, offres, resumesOffres, resumeOffre, formation, action, session, periode, debut, fin
    case domaineFormation, codeFormacode, codeNSF, codeROME
    case intituleFormation, objectifFormation, resultatsAttendus, contenuFormation
    case contactFormation, coordonnees, nom, prenom, courriel, telfixe, portable, numtel, web, urlweb
    case codeNiveauEntree, codeNiveauSortie, certification, codeRNCP, urlFormation
    case rythmeFormation, codePublicVise, conditionsSpecifiques, modalitesEnseignement, lieuDeFormation
    case adresse, ligne, codepostal, ville, codeInseeCommune
    case langueFormation, accesHandicapes, nombreHeuresCentre, nombreHeuresEntreprise, nombreHeuresTotal
    case organismeFinanceur, codeFinanceur, extras, extra

    /// The element's name in LHEO: `codeFormacode` is `code-FORMACODE`.
    var xmlName: String {
        switch self {
        case .codeFormacode: "code-FORMACODE"
        case .codeNSF: "code-NSF"
        case .codeROME: "code-ROME"
        case .codeRNCP: "code-RNCP"
        case .codeInseeCommune: "code-INSEE-commune"
        default:
            String(describing: self).reduce(into: "") { name, character in
                if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
            }
        }
    }
}

/// The local names of LHEO's attributes the decoder reads, beside the course format's
/// (`ref` is one of those).
enum LHEOAttribute: UInt8, CaseIterable {
    case numero, datemaj, info
}

/// Turns LHEO's three levels into courses: *formation* (or an index's *resume-offre*) →
/// a course with its offer; *action* → a session template; *session* → a period of it.
///
/// LHEO says less than a course states and more loosely, so the course is completed the
/// way a trainer would: one module of the action's hours, one objective of the
/// formation's, the version from the date of the offer's last update. What the schema lets
/// through but cannot be right is refused (a month 13, an end before the start); what is
/// merely loose is a warning (a day `00`, escaped HTML, no hours).
struct LHEODecoder {
    /// The course format's names, then LHEO's: an export carries its course whole in the
    /// course format inside `<extras info="allervers">`, and the course decoder reads it there.
    static let names = TapeNames(
        elements: CourseDecoder.names.elements + LHEOName.allCases.map(\.xmlName),
        attributes: CourseDecoder.names.attributes + LHEOAttribute.allCases.map { String(describing: $0) })
    /// LHEO's element of each recorded index. Names both formats use (`certification`,
    /// `web`) are recorded under the course format's index.
    static let elementByIndex: [LHEOName?] = {
        var table = [LHEOName?](repeating: nil, count: 256)
        for name in LHEOName.allCases {
            table[names.elements.firstIndex(of: name.xmlName)!] = name
        }
        return table
    }()

    /// The recorded index of each LHEO attribute.
    static let attributeIndex: [UInt8] = LHEOAttribute.allCases.map { UInt8(names.attributes.firstIndex(of: String(describing: $0))!) }

    let warn: (CourseImportWarning) -> Void
    /// The columns of the values warned about.
    let columns: ColumnFinder

    func decodeDocument(_ cursor: inout TapeCursor, _ body: (CatalogueEntry) throws -> Void) throws {
        var iterationError: (any Error)?
        func each(_ cursor: inout TapeCursor, _ wanted: LHEOName, _ item: (inout TapeCursor) throws(CourseImportError) -> Void)
            throws(CourseImportError)
        {
            try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                if iterationError == nil, name(cursor) == wanted { try item(&cursor) } else { try cursor.skipElement() }
            }
        }
        func deliver(_ entry: CatalogueEntry) {
            do { try body(entry) } catch { iterationError = error }
        }
        guard try cursor.advance() else {
            throw CourseImportError(SourceLocation(path: cursor.path, line: 0), "the file holds no XML element")
        }
        if name(cursor) == .lheoIndex {
            try each(&cursor, .resumesOffres) { (cursor: inout TapeCursor) throws(CourseImportError) in
                try each(&cursor, .resumeOffre) { (cursor: inout TapeCursor) throws(CourseImportError) in
                    if let entry = try decodeFormation(&cursor) { deliver(entry) }
                }
            }
        } else {
            try each(&cursor, .offres) { (cursor: inout TapeCursor) throws(CourseImportError) in
                try each(&cursor, .formation) { (cursor: inout TapeCursor) throws(CourseImportError) in
                    if let entry = try decodeFormation(&cursor) { deliver(entry) }
                }
            }
        }
        if let iterationError { throw iterationError }
        // The end of the document: the parser's last checks (the root's end) come with it.
        while try cursor.advance() {}
    }

    private func name(_ cursor: TapeCursor) -> LHEOName? {
        Self.elementByIndex[Int(cursor.nameIndex)]
    }

    /// What a formation or a résumé of an offer states, gathered before the course is made.
    private struct Formation {
        var number = ""
        var updated: String?
        var title = ""
        var objective = ""
        var content = ""
        var conditions = ""
        var accessibility = ""
        var language: String?
        var modality: Int?
        var nsf: [String] = []
        var rncp: String?
        var offer = CourseOffer()
        var contact = CourseOffer.Contact()
        var actions: [Action] = []
        /// Every action's places, in order.
        var places: [CourseOffer.Place] = []
        /// The course whole, from an AllerVers export's extras.
        var embedded: Course?
    }

    /// An action as read: its template, the lines of its sessions, and whether an AllerVers
    /// export made it from the course's offer (then it is not stored).
    private struct Action {
        var template: SessionTemplate
        var sessionLines: [Int] = []
        var fromOffer = false
    }

    /// The course of a formation, or `nil` (with a warning) when it states no hours.
    private func decodeFormation(_ cursor: inout TapeCursor) throws(CourseImportError) -> CatalogueEntry? {
        let location = cursor.location
        var formation = Formation()
        formation.number = cursor.lheoAttribute(.numero) ?? ""
        formation.updated = cursor.lheoAttribute(.datemaj)
        // A résumé of an offer states its place, hours and session directly, as one action.
        var summary = Action(template: SessionTemplate(number: "1"))
        var summaryPlace = CourseOffer.Place(lines: [], postcode: "", city: "")
        try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
            switch name(cursor) {
            case .domaineFormation:
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    switch name(cursor) {
                    case .codeFormacode:
                        let version = nomenclatureVersion(cursor.attribute(.ref))
                        let code = CourseOffer.Code(try cursor.collapsedText(), version: version)
                        if !formation.offer.formacodes.contains(code) { formation.offer.formacodes.append(code) }
                    case .codeNSF: formation.nsf.append(try cursor.collapsedText())
                    case .codeROME: formation.offer.romeCodes.append(try cursor.collapsedText())
                    default: try cursor.skipElement()
                    }
                }
            case .intituleFormation: formation.title = try plainText(&cursor, .intituleFormation)
            case .objectifFormation: formation.objective = try plainText(&cursor, .objectifFormation)
            case .resultatsAttendus: formation.offer.expectedResults = try plainText(&cursor, .resultatsAttendus)
            case .contenuFormation: formation.content = try plainText(&cursor, .contenuFormation)
            case .contactFormation:
                // LHEO 2.3 allows several: the first is the course's.
                let contact = try decodeContact(&cursor)
                if formation.contact == CourseOffer.Contact() { formation.contact = contact }
            case .codeNiveauEntree: formation.offer.entryLevel = Int(try cursor.collapsedText())
            case .codeNiveauSortie: formation.offer.exitLevel = Int(try cursor.collapsedText())
            case .certification:
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    if name(cursor) == .codeRNCP, formation.rncp == nil {
                        formation.rncp = try cursor.collapsedText()
                    } else {
                        try cursor.skipElement()
                    }
                }
            case .urlFormation:
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    let url = try cursor.collapsedText()
                    if formation.contact.web == nil, !url.isEmpty { formation.contact.web = url }
                }
            case .action:
                let number = actionNumber(cursor.lheoAttribute(.numero), among: formation.actions, at: cursor.location)
                formation.actions.append(try decodeAction(&cursor, number: number, into: &formation))
            // A résumé of an offer (lheo-index).
            case .codePublicVise: try addPublic(&cursor, to: &formation)
            case .modalitesEnseignement: formation.modality = Int(try cursor.collapsedText())
            case .nombreHeuresTotal: summary.template.totalHours = try wholeHours(&cursor, .nombreHeuresTotal)
            case .codepostal: summaryPlace.postcode = try cursor.collapsedText()
            case .ville: summaryPlace.city = try cursor.collapsedText()
            case .codeInseeCommune: summaryPlace.inseeCode = try cursor.collapsedText()
            case .session:
                summary.sessionLines.append(cursor.line)
                summary.template.periods.append(try decodePeriod(&cursor))
            case .extras where cursor.lheoAttribute(.info) == "allervers":
                formation.embedded = try decodeEmbeddedCourse(&cursor) ?? formation.embedded
            default: try cursor.skipElement()
            }
        }
        if formation.actions.isEmpty {
            if !summaryPlace.postcode.isEmpty || !summaryPlace.city.isEmpty {
                summary.template.place = Self.addressed(summaryPlace)
                formation.places.append(Self.addressed(summaryPlace))
            }
            formation.actions = [summary]
        }
        return try makeEntry(formation, at: location)
    }

    /// The course an AllerVers export carries in `<extras info="allervers"><extra info="course">`.
    private func decodeEmbeddedCourse(_ cursor: inout TapeCursor) throws(CourseImportError) -> Course? {
        var course: Course?
        try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
            guard name(cursor) == .extra, cursor.lheoAttribute(.info) == "course" else { return try cursor.skipElement() }
            try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                guard cursor.nameIndex == Name.course.rawValue else { return try cursor.skipElement() }
                let location = cursor.location
                var decoder = CourseDecoder()
                let decoded = try decoder.decodeCourse(&cursor)
                if let violation = CourseSchema.violation(of: decoded) {
                    throw CourseImportError(
                        location, "the course the extras carry does not match the course schema: \(Text(verbatim: violation))")
                }
                course = decoded
            }
        }
        return course
    }

    /// An action's number: its `numero`, or its rank when it has none or repeats one (with a
    /// warning then): numbers name the course's templates, one each.
    private func actionNumber(_ given: String?, among actions: [Action], at location: SourceLocation) -> String {
        let used = Set(actions.map(\.template.number))
        if let given = given.flatMap(meaningful), !used.contains(given) { return given }
        var rank = actions.count + 1
        while used.contains(String(rank)) { rank += 1 }
        if let given = given.flatMap(meaningful) {
            warn(.init(location, "action numero \(given) repeats an earlier one's: this one is action \(rank)"))
        }
        return String(rank)
    }

    private func decodeAction(_ cursor: inout TapeCursor, number: String, into formation: inout Formation) throws(CourseImportError)
        -> Action
    {
        let location = cursor.location
        var template = SessionTemplate(number: number)
        var action = Action(template: template)
        try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
            switch name(cursor) {
            case .rythmeFormation: template.rhythm = meaningful(try plainText(&cursor, .rythmeFormation))
            case .codePublicVise: try addPublic(&cursor, to: &formation)
            case .conditionsSpecifiques:
                let conditions = try plainText(&cursor, .conditionsSpecifiques)
                if formation.conditions.isEmpty { formation.conditions = conditions }
            case .modalitesEnseignement:
                let modality = Int(try cursor.collapsedText())
                if formation.modality == nil { formation.modality = modality }
            case .lieuDeFormation:
                // LHEO 2.3 allows several: the first is the template's, all are the offer's.
                if let place = try decodePlace(&cursor) {
                    if template.place == nil { template.place = place }
                    formation.places.append(place)
                }
            case .session:
                action.sessionLines.append(cursor.line)
                template.periods.append(try decodePeriod(&cursor))
            case .langueFormation:
                let language = try cursor.collapsedText().lowercased()
                if formation.language == nil { formation.language = language }
            case .accesHandicapes:
                let access = try plainText(&cursor, .accesHandicapes)
                if formation.accessibility.isEmpty { formation.accessibility = meaningful(access) ?? "" }
            case .nombreHeuresCentre: template.centreHours = try wholeHours(&cursor, .nombreHeuresCentre)
            case .nombreHeuresEntreprise: template.companyHours = try wholeHours(&cursor, .nombreHeuresEntreprise)
            case .nombreHeuresTotal: template.totalHours = try wholeHours(&cursor, .nombreHeuresTotal)
            case .organismeFinanceur:
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    guard name(cursor) == .codeFinanceur else { return try cursor.skipElement() }
                    if let code = Int(try cursor.collapsedText()), !template.funders.contains(code) { template.funders.append(code) }
                }
            case .extras where cursor.lheoAttribute(.info) == "allervers":
                // An AllerVers export marks the action it made from the course's offer.
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    guard name(cursor) == .extra, cursor.lheoAttribute(.info) == "template" else { return try cursor.skipElement() }
                    if try cursor.collapsedText() == "from-offer" { action.fromOffer = true }
                }
            default: try cursor.skipElement()
            }
        }
        if template.hours == nil {
            warn(.init(location, "action \(number) states no hours (nombre-heures-centre, -entreprise or -total)"))
        }
        action.template = template
        return action
    }

    private func addPublic(_ cursor: inout TapeCursor, to formation: inout Formation) throws(CourseImportError) {
        let version = nomenclatureVersion(cursor.attribute(.ref))
        let code = CourseOffer.Code(try cursor.collapsedText(), version: version)
        if !formation.offer.publics.contains(code) { formation.offer.publics.append(code) }
    }

    private func decodeContact(_ cursor: inout TapeCursor) throws(CourseImportError) -> CourseOffer.Contact {
        var contact = CourseOffer.Contact()
        var names: [String] = []
        try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
            try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                switch name(cursor) {
                case .prenom, .nom: names.append(try cursor.collapsedText())
                case .courriel:
                    let email = meaningful(try cursor.collapsedText())
                    if contact.email == nil { contact.email = email }
                case .telfixe, .portable:
                    try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                        let number = try cursor.collapsedText()
                        if contact.phone == nil { contact.phone = meaningful(number) }
                    }
                case .web:
                    try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                        let url = try cursor.collapsedText()
                        if contact.web == nil { contact.web = meaningful(url) }
                    }
                default: try cursor.skipElement()
                }
            }
        }
        contact.name = meaningful(names.joined(separator: " "))
        return contact
    }

    private func decodePlace(_ cursor: inout TapeCursor) throws(CourseImportError) -> CourseOffer.Place? {
        var place: CourseOffer.Place?
        try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
            try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                guard name(cursor) == .adresse else { return try cursor.skipElement() }
                var address = CourseOffer.Place(lines: [], postcode: "", city: "")
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    switch name(cursor) {
                    case .ligne: if let line = meaningful(try cursor.collapsedText()) { address.lines.append(line) }
                    case .codepostal: address.postcode = try cursor.collapsedText()
                    case .ville: address.city = try cursor.collapsedText()
                    case .codeInseeCommune: address.inseeCode = try cursor.collapsedText()
                    default: try cursor.skipElement()
                    }
                }
                place = Self.addressed(address)
            }
        }
        return place
    }

    private func decodePeriod(_ cursor: inout TapeCursor) throws(CourseImportError) -> SessionTemplate.Period {
        var period = SessionTemplate.Period(number: cursor.lheoAttribute(.numero), start: .unknown, end: .unknown)
        var end = (line: cursor.line, text: "")
        try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
            guard name(cursor) == .periode else { return try cursor.skipElement() }
            try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                switch name(cursor) {
                case .debut: period.start = try offerDate(&cursor).date
                case .fin: (period.end, end.line, end.text) = try offerDate(&cursor)
                default: try cursor.skipElement()
                }
            }
        }
        if period.start.isAfter(period.end) {
            throw CourseImportError(
                columns.locating(end.text, onLine: end.line), "the session ends on \(period.end), before it starts on \(period.start)")
        }
        return period
    }

    /// An `AAAAMMJJ` date, with its line and text, for messages.
    private func offerDate(_ cursor: inout TapeCursor) throws(CourseImportError) -> (
        date: SessionTemplate.OfferDate, line: Int, text: String
    ) {
        let line = cursor.line
        let text = try cursor.collapsedText()
        func refuse(_ message: Text) -> CourseImportError {
            CourseImportError(columns.locating(text, onLine: line), message)
        }
        let digits = text.utf8.map { Int($0) - 0x30 }
        guard digits.count == 8, digits.allSatisfy({ (0...9).contains($0) }) else {
            throw refuse("\"\(text)\" is not a date: LHEO writes AAAAMMJJ")
        }
        let year = digits[0...3].reduce(0) { $0 * 10 + $1 }
        let month = digits[4] * 10 + digits[5]
        let day = digits[6] * 10 + digits[7]
        if year == 0 && month == 0 && day == 0 { return (.unknown, line, text) }
        guard year > 0 else { throw refuse("\(text) has the year 0000") }
        guard (1...12).contains(month) else { throw refuse("\(text) has the month \(month): a month is 01 to 12") }
        if day == 0 {
            let month = SessionTemplate.OfferDate.month(year: year, month: month)
            warn(.init(columns.locating(text, onLine: line), "\(text) has the day 00: read as some day of \(month)"))
            return (month, line, text)
        }
        guard let date = LocalDate(year: year, month: month, day: day) else {
            throw refuse("\(text) is not a date: that month has no day \(day)")
        }
        return (.day(date), line, text)
    }

    /// A number of hours: LHEO states whole hours. Empty is a warning, and no hours.
    private func wholeHours(_ cursor: inout TapeCursor, _ element: LHEOName) throws(CourseImportError) -> Hours? {
        let location = cursor.location
        let text = try cursor.collapsedText()
        guard !text.isEmpty else {
            warn(.init(location, "<\(element.xmlName)> is empty: no hours read"))
            return nil
        }
        guard let hours = Int(text), hours >= 0, hours <= 100_000 else {
            throw CourseImportError(
                columns.locating(text, onLine: location.line), "<\(element.xmlName)> holds \"\(text)\": LHEO states a whole number of hours"
            )
        }
        return Hours(hours: hours)
    }

    /// A text field as plain text: HTML that a feed escaped into it (`&lt;br /&gt;`) is
    /// turned into words, with a warning.
    private func plainText(_ cursor: inout TapeCursor, _ element: LHEOName) throws(CourseImportError) -> String {
        let location = cursor.location
        let text = try cursor.collapsedText()
        guard let plain = HTMLText.plain(text) else { return text }
        warn(.init(location, "<\(element.xmlName)> holds escaped HTML: imported as plain text"))
        return plain
    }

    /// A place with a line of address: the town, when the offer gives no street (or `-`).
    private static func addressed(_ place: CourseOffer.Place) -> CourseOffer.Place {
        var place = place
        if place.lines.isEmpty && place.name == nil { place.lines = [place.city] }
        return place
    }

    /// A nomenclature's version as the course format writes it (`V12`), or none.
    private func nomenclatureVersion(_ ref: String?) -> String {
        guard let ref, ref.utf8.count >= 2, ref.utf8.count <= 4, ref.first == "V", ref.dropFirst().allSatisfy(\.isASCII),
            ref.dropFirst().allSatisfy(\.isNumber)
        else { return "" }
        return ref
    }

    /// Feeds write `-` or nothing for a field they must fill and do not know.
    private func meaningful(_ text: String) -> String? {
        text.isEmpty || text == "-" ? nil : text
    }

    private func makeEntry(_ formation: Formation, at location: SourceLocation) throws(CourseImportError) -> CatalogueEntry? {
        var formation = formation
        let id = try courseID(formation.number, at: location)
        let sessions = formation.actions.flatMap { action in
            zip(action.template.periods, action.sessionLines).map { period, line in
                CatalogueEntry.OfferedPeriod(
                    template: action.template, period: period, location: SourceLocation(path: location.path, line: line))
            }
        }
        let templates = formation.actions.map(\.template)
        let kept = formation.actions.filter { !$0.fromOffer }.map(\.template)
        if let course = formation.embedded {
            guard course.id == id else {
                throw CourseImportError(location, "the formation's numero \(id) is not the id of the course its extras carry, \(course.id)")
            }
            return CatalogueEntry(course: course, location: location, templates: kept, sessions: sessions)
        }
        let version = formation.updated.flatMap(Self.version(updated:)) ?? CourseVersion("1")!
        guard let hours = templates.lazy.compactMap(\.hours).first(where: { $0.minutes > 0 }) else {
            warn(.init(location, "\(id) is not imported: it states no hours, and a course is counted in hours"))
            return nil
        }
        for template in templates {
            if let other = template.hours, other != hours {
                warn(
                    .init(
                        location,
                        "action \(template.number) states \(other.decimal) hours; the course takes \(hours.decimal), the first action's"))
            }
        }
        let objectives = [Objective(id: "O1", text: meaningful(formation.objective) ?? formation.title)]
        let modality: Modality = formation.modality == 2 ? .remote : .inRoom
        let module = Module(
            id: "M1", title: formation.title, duration: hours, modality: modality, objectives: objectives.map(\.id),
            content: [meaningful(formation.content) ?? formation.title], methods: [Self.unstated])
        for place in formation.places where !formation.offer.places.contains(place) { formation.offer.places.append(place) }
        for template in templates {
            for funder in template.funders where !formation.offer.funders.contains(funder) { formation.offer.funders.append(funder) }
        }
        let contact = formation.contact
        if contact != CourseOffer.Contact() { formation.offer.contact = contact }
        formation.offer = keepingWhatTheFormatHolds(formation.offer, at: location)
        var nsf: [String] = []
        for code in formation.nsf where !nsf.contains(code) {
            if Classification(nsf: [code]).problems.isEmpty {
                nsf.append(code)
            } else {
                warn(.init(location, "\(code) is not a speciality of the NSF: left out"))
            }
        }
        var classification: Classification? = nsf.isEmpty ? nil : Classification(nsf: nsf)
        if let rncp = formation.rncp, let level = Self.certificationLevel(formation.offer.exitLevel) {
            var certified = classification ?? Classification(nsf: [])
            certified.generalObjective = .rncp
            certified.level = level
            certified.certificationCode = "RNCP" + rncp
            if certified.problems.isEmpty {
                classification = certified
            } else {
                warn(.init(location, "RNCP \(rncp) is not a number of the register: left out"))
            }
        }
        let prerequisites = meaningful(formation.conditions).map { [Prerequisite.other($0)] } ?? []
        let course = Course(
            id: id, version: version, language: formation.language.flatMap { $0.count == 2 ? $0 : nil } ?? "fr",
            title: formation.title, summary: meaningful(formation.content) ?? formation.title,
            audience: formation.offer.publics.isEmpty
                ? Self.unstated : "Publics (FORMACODE) : " + formation.offer.publics.map(\.code).joined(separator: ", "),
            duration: hours, prerequisites: prerequisites, objectives: objectives, modules: [module],
            assessment: Assessment(initialPositioning: Self.unstated, methods: [Self.unstated]),
            certification: CertificationRule(minimumAttendancePercent: 100, requiredModules: [], requiresPassedAssessment: false),
            validity: nil, groupSize: GroupSize(minimum: 1, maximum: 20),
            accessibility: formation.accessibility.isEmpty ? Self.unstated : formation.accessibility,
            classification: classification, offer: formation.offer)
        if let problem = course.problems().first {
            throw CourseImportError(location, problem.message)
        }
        // What the course format's schema holds a course to, that LHEO's does not (lengths, forms).
        if let violation = CourseSchema.violation(of: course) {
            throw CourseImportError(
                location, "the course made from this offer does not match the course schema: \(Text(verbatim: violation))")
        }
        return CatalogueEntry(course: course, location: location, templates: kept, sessions: sessions)
    }

    /// `offer` without what the course format cannot hold, each part left out with a warning:
    /// a contact's phone, email or web address of another form, a place without a postcode
    /// or with a line too long, codes beyond the format's counts.
    private func keepingWhatTheFormatHolds(_ offer: CourseOffer, at location: SourceLocation) -> CourseOffer {
        var offer = offer
        func leaveOut(_ what: Text) { warn(.init(location, "\(what): left out")) }
        if var contact = offer.contact {
            if let name = contact.name, name.count > 50 {
                leaveOut("the contact's name \"\(name)\" is longer than 50 characters")
                contact.name = nil
            }
            if let phone = contact.phone, !(1...25).contains(phone.count) || !phone.allSatisfy({ "0123456789+(). -".contains($0) }) {
                leaveOut("the contact's phone \"\(phone)\" is not a phone number")
                contact.phone = nil
            }
            if let email = contact.email, !CourseOffer.isEmail(email) {
                leaveOut("the contact's email \"\(email)\" is not an email address")
                contact.email = nil
            }
            if let web = contact.web, !(web.hasPrefix("http://") || web.hasPrefix("https://")) || web.count < 9 || web.contains(" ") {
                leaveOut("the contact's web address \"\(web)\" does not start with http:// or https://")
                contact.web = nil
            }
            offer.contact = contact == CourseOffer.Contact() ? nil : contact
        }
        offer.places = offer.places.filter { place in
            // The course format's place: its codes, and lines and town of 1 to 50 characters.
            let fits =
                place.problems.isEmpty && (1...50).contains(place.city.count) && place.lines.allSatisfy { (1...50).contains($0.count) }
                && (place.name?.count ?? 0) <= 300
            if !fits {
                leaveOut("the place \"\((place.lines + [place.postcode, place.city]).joined(separator: ", "))\" is not a full address")
            }
            return fits
        }
        for (name, count, limit) in [
            ("FORMACODE", offer.formacodes.count, 5), ("ROME code", offer.romeCodes.count, 5), ("public", offer.publics.count, 10),
            ("place", offer.places.count, 20),
        ] where count > limit {
            leaveOut("\(count - limit) \(name) beyond the first \(limit)")
        }
        offer.formacodes = Array(offer.formacodes.prefix(5))
        offer.romeCodes = Array(offer.romeCodes.prefix(5))
        offer.publics = Array(offer.publics.prefix(10))
        offer.places = Array(offer.places.prefix(20))
        return offer
    }

    /// What the course states where LHEO has nothing to say: the course format asks for
    /// every part of a programme, and the course is in French.
    static let unstated = "Non précisé dans l'offre LHEO"

    /// The course's id: the formation's number, when it is one an id can be.
    private func courseID(_ number: String, at location: SourceLocation) throws(CourseImportError) -> String {
        let allowed = number.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2E
                || byte == 0x5F || byte == 0x2D
        }
        guard !number.isEmpty, number.utf8.count <= 64, allowed, number.first != "-", number.first != ".", number.first != "_" else {
            throw CourseImportError(
                location,
                "the offer's numero \"\(number)\" cannot name a course: give it one of letters, digits, '.', '_' and '-', up to 64")
        }
        return number
    }

    /// `20180911` → version `2018.9.11`: a feed updated later imports as a newer version.
    static func version(updated: String) -> CourseVersion? {
        guard updated.utf8.count == 8, let year = Int(updated.prefix(4)), let month = Int(updated.dropFirst(4).prefix(2)),
            let day = Int(updated.suffix(2)), year > 0, (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return CourseVersion("\(year).\(month).\(day)")
    }

    /// The level of the national nomenclature (3 to 8) an LHEO exit level stands for.
    static func certificationLevel(_ code: Int?) -> Int? {
        switch code {
        case .some(let code) where (13...18).contains(code): code - 10
        case .some(let code) where (4...8).contains(code): code - 1
        default: nil
        }
    }
}

extension TapeCursor {
    /// The value of the current element's LHEO attribute `name`.
    func lheoAttribute(_ name: LHEOAttribute) -> String? {
        attribute(at: LHEODecoder.attributeIndex[Int(name.rawValue)])
    }
}
