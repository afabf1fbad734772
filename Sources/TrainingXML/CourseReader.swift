public import Foundation
public import TrainingCore

/// Reads courses from files in the AllerVers course format, one course at a time.
///
/// The file streams through libxml2's reader with the course XSD validating as it goes,
/// so memory stays flat whatever the file's size. Each course is then checked against the
/// rules the XSD cannot express (``TrainingCore/Course/problems()``). The first problem stops
/// the read with a ``CourseImportError`` that says where it is.
///
/// libxml2 reads on a thread of its own and records the nodes on a tape (``TapeChannel``);
/// the courses are decoded, checked and handed to `body` on the calling thread, so that
/// what `body` does (storing each course) overlaps with the parsing of the next ones.
///
/// ```swift
/// try CourseReader().readCourses(from: url) { course, location in
///     print(course.id, location)
/// }
/// ```
public struct CourseReader: Sendable {
    /// The bytes of nodes the parsing thread records before handing them over.
    let tapeSize: Int
    /// What a package's manifest may not say (see ``PackageReader``).
    public var packageOptions = PackageReader.Options()

    /// Creates a reader.
    public init() {
        self.init(tapeSize: 256 << 10)
    }

    init(tapeSize: Int) {
        self.tapeSize = tapeSize
    }

    /// Reads every course in the file at `url`, in document order, and hands each to `body`
    /// as soon as it is complete and checked, with the location of its `<course>` element.
    ///
    /// Errors thrown by `body` stop the read and propagate unchanged.
    public func readCourses(from url: URL, _ body: (Course, SourceLocation) throws -> Void) throws {
        try readCatalogue(from: url, warn: { _ in }) { entry in try body(entry.course, entry.location) }
    }

    /// Reads every course of a file in the AllerVers course format or in LHEO 2.2 or 2.3
    /// (told apart by the root element's namespace), in document order, and hands each to
    /// `body` with what the file says of its sessions. What is loose but not wrong in an
    /// LHEO file goes to `warn`, in document order too. A package's manifest (SCORM, Common
    /// Cartridge) gives one course, its files not looked for (see ``PackageReader``).
    public func readCatalogue(
        from url: URL, warn: @escaping (CourseImportWarning) -> Void, _ body: (CatalogueEntry) throws -> Void
    ) throws {
        // libxml2 is set up once, by the calling thread, before any thread of ours uses it.
        _ = LibXML2.ready
        let stream = try XMLStreamReader(url: url)
        let format = try stream.reading { () throws(CourseImportError) in
            try stream.readRoot(CatalogueFormat.init) { format in
                if case .package = format { true } else { false }
            }
        }
        if case .package = format {
            return try body(try PackageReader(options: packageOptions).read(manifest: url, shownAs: url.relativePath, warn: warn))
        }
        if packageOptions.courseID != nil {
            throw CourseImportError(
                SourceLocation(path: url.relativePath, line: 0),
                "--course-id names the course of an e-learning package; this file is not one")
        }
        let channel = TapeChannel(tapeSize: tapeSize)
        channel.startParsing { channel throws(CourseImportError) in
            try stream.reading { () throws(CourseImportError) in
                try stream.startValidating(schema: format.schema, names: format.names, namespace: format.namespace)
                var tape = channel.emptyTape()
                do throws(CourseImportError) {
                    while try stream.record(into: &tape) {
                        guard tape.count >= channel.tapeSize else { continue }
                        guard channel.send(tape) else { return }
                        tape = channel.emptyTape()
                    }
                } catch {
                    // The nodes read before the error go first: a problem in an earlier
                    // course is the one to report.
                    _ = channel.send(tape)
                    throw error
                }
                _ = channel.send(tape)
            }
        }
        // The parser stops at the decoder's first error, and the file is closed, before this returns.
        defer { channel.cancelAndWait() }
        var cursor = TapeCursor(path: url.relativePath, channel: channel)
        switch format {
        case .course:
            var decoder = CourseDecoder()
            try decoder.decodeDocument(&cursor) { course, location in
                try body(CatalogueEntry(course: course, location: location))
            }
        case .package:
            break  // read by PackageReader above
        case .lheo:
            try LHEODecoder(warn: warn, columns: ColumnFinder(opening: url.path, shownAs: cursor.path)).decodeDocument(&cursor, body)
        }
    }

    /// Reads every course in the file at `url` into an array. Fine for a few courses; use
    /// ``readCourses(from:_:)`` for catalogues of any size.
    public func courses(from url: URL) throws -> [Course] {
        var courses: [Course] = []
        try readCourses(from: url) { course, _ in courses.append(course) }
        return courses
    }
}

/// A course, with what the file says of its sessions, and where it starts in its file.
public struct CatalogueEntry: Sendable {
    /// The course.
    public var course: Course
    /// Where it starts in its file.
    public var location: SourceLocation
    /// How the course is run when offered (an LHEO file's actions), to store; none in a course file.
    public var templates: [SessionTemplate]
    /// The sessions the file announces, each with the action it belongs to and where it is.
    public var sessions: [OfferedPeriod]

    /// A session a file announces.
    public struct OfferedPeriod: Sendable {
        /// The action it belongs to: its place and funders.
        public var template: SessionTemplate
        public var period: SessionTemplate.Period
        /// Where it is in its file.
        public var location: SourceLocation
    }

    /// Creates an entry.
    public init(course: Course, location: SourceLocation, templates: [SessionTemplate] = [], sessions: [OfferedPeriod] = []) {
        self.course = course
        self.location = location
        self.templates = templates
        self.sessions = sessions
    }
}

/// What is loose in a file but not wrong, said once where it is: the import goes on.
public struct CourseImportWarning: Sendable, Hashable {
    /// Where it is.
    public var location: SourceLocation
    /// What it is, as one sentence without a final period.
    public var message: Text

    /// Creates a warning.
    public init(_ location: SourceLocation, _ message: Text) {
        self.location = location
        self.message = message
    }

    /// `FILE:LINE:COLUMN: warning: message`.
    public var text: Text { "\(location): warning: \(message)" }
}

/// The formats a course file may be in, told apart by the namespace of its root element.
enum CatalogueFormat {
    case course
    case lheo(LHEOVersion)
    /// An e-learning package's manifest, read by ``PackageReader`` (without a schema: the
    /// schema, names and namespace below are never asked of it).
    case package

    /// The format of the file whose root `stream` is on, or an error that says plainly what
    /// the file is, before the XSD's own message ("no matching global declaration") would.
    init(root stream: XMLStreamReader) throws(CourseImportError) {
        let namespace = stream.namespace
        let local = stream.localName
        if namespace == CourseSchema.namespace {
            self = .course
            return
        }
        if let namespace, let version = LHEOVersion(namespace: namespace) {
            guard local == "lheo" || local == "lheo-index" else {
                throw CourseImportError(
                    stream.location, "the root element is \(local); an LHEO \(version.rawValue) file starts with <lheo> or <lheo-index>")
            }
            self = .lheo(version)
            return
        }
        if PackageFormat(root: local, namespace: namespace ?? "") != nil {
            self = .package
            return
        }
        if let namespace, namespace.hasPrefix("urn:allervers:course:") {
            let version = namespace.dropFirst("urn:allervers:course:".count)
            throw CourseImportError(
                stream.location, "this is course format version \(version); this allervers reads version 1 (\(CourseSchema.namespace))")
        }
        if local.hasPrefix("lheo") || (namespace ?? "").contains("lheo") {
            let named = (namespace ?? "").split(separator: "/").last.map(String.init)
            let version: Text =
                switch (local, named) {
                case ("lheo-leger", _): "this is LHEO léger (LHEO 1.3's light form)"
                case (_, .some(let version)) where version.first?.isNumber == true: "this is LHEO \(version)"
                case (_, .some): "this is LHEO in an unknown namespace (\(namespace ?? ""))"
                case (_, nil): "this is LHEO without a namespace (LHEO 1.3 or older)"
                }
            throw CourseImportError(
                stream.location,
                "\(version); this allervers reads LHEO 2.2 (\(LHEOVersion.version22.namespace)) and 2.3 (\(LHEOVersion.version23.namespace))"
            )
        }
        let shown = namespace.map { "{\($0)}\(local)" } ?? local
        throw CourseImportError(
            stream.location,
            "the root element is \(shown); a course file starts with <course> or <catalogue> in the namespace \(CourseSchema.namespace), or is LHEO 2.2 or 2.3, or a SCORM, Common Cartridge or cmi5 manifest"
        )
    }

    var schema: CompiledSchema {
        switch self {
        case .course, .package: CourseSchema.compiled
        case .lheo(let version): version.compiled
        }
    }

    var names: TapeNames {
        switch self {
        case .course, .package: CourseDecoder.names
        case .lheo: LHEODecoder.names
        }
    }

    var namespace: String {
        switch self {
        case .course, .package: CourseSchema.namespace
        case .lheo(let version): version.namespace
        }
    }
}

/// The local names of the format's elements, numbered in the order the decoder interns them.
enum Name: UInt8, CaseIterable {
    case catalogue, course, title, summary, audience, prerequisites, completedCourse, experience, requirement
    case objectives, objective, modules, module, content, topic, methods, method
    case assessment, positioning, certification, requiredModule, validity, groupSize, accessibility
    case classification, nsf, generalObjective
    case offer, formacode, rome, expectedResults, entryLevel, exitLevel, `public`, place, funder, contact
    case name, line, postcode, city, insee, phone, email, web
}

/// The local names of the format's attributes, numbered in the order the decoder interns them.
enum Attribute: UInt8, CaseIterable {
    case id, version, language, hours, modality, objectives, ref, months
    case minimumAttendance, assessmentPassed, refresher, minimum, maximum
    case kind, level, code
}

/// Where each part of a course starts in its file, to place the problems found once the
/// whole course is read.
struct CourseLines {
    var course = 0
    var prerequisites: [Int] = []
    var objectives: [Int] = []
    var modules: [Int] = []
    var certification = 0
    var validity = 0
    var groupSize = 0
    var classification = 0
    var offer = 0

    func line(of subject: CourseProblem.Subject) -> Int {
        let line: Int? =
            switch subject {
            case .course: course
            case .prerequisite(let index): prerequisites.indices.contains(index) ? prerequisites[index] : nil
            case .objective(let index): objectives.indices.contains(index) ? objectives[index] : nil
            case .module(let index): modules.indices.contains(index) ? modules[index] : nil
            case .certification: certification
            case .validity: validity
            case .groupSize: groupSize
            case .classification: classification
            case .offer: offer
            }
        return line.flatMap { $0 > 0 ? $0 : nil } ?? course
    }
}

struct CourseDecoder {
    /// The element names, then the attribute names, the decoder reads.
    /// Each case's name is the XML name.
    static let names = TapeNames(
        elements: Name.allCases.map { String(describing: $0) }, attributes: Attribute.allCases.map { String(describing: $0) })

    private var lines = CourseLines()

    mutating func decodeDocument(_ cursor: inout TapeCursor, _ body: (Course, SourceLocation) throws -> Void) throws {
        var sawRoot = false
        while try cursor.advance() {
            switch cursor.kind {
            case .element where !sawRoot:
                sawRoot = true
                if name(cursor) == .catalogue {
                    var iterationError: (any Error)?
                    try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                        guard iterationError == nil else { return try cursor.skipElement() }
                        let location = cursor.location
                        let course = try decodeCourse(&cursor)
                        do { try body(course, location) } catch { iterationError = error }
                    }
                    if let iterationError { throw iterationError }
                } else {
                    let location = cursor.location
                    try body(try decodeCourse(&cursor), location)
                }
            default:
                continue
            }
        }
        guard sawRoot else {
            throw CourseImportError(SourceLocation(path: cursor.path, line: 0), "the file holds no XML element")
        }
    }

    /// The current element's name, when it is one of the format's.
    private func name(_ cursor: TapeCursor) -> Name? {
        Name(rawValue: cursor.nameIndex)
    }

    /// The course whose `<course>` element the cursor is on, checked.
    mutating func decodeCourse(_ cursor: inout TapeCursor) throws(CourseImportError) -> Course {
        lines = CourseLines(course: cursor.line)
        let courseLocation = cursor.location
        let id = cursor.attribute(.id) ?? ""
        let version = try parse(cursor.attribute(.version), as: "version", at: cursor, CourseVersion.init)
        let language = cursor.attribute(.language) ?? ""
        let duration = try hours(cursor.attribute(.hours), of: "course \(id)", at: cursor)

        var title = "", summary = "", audience = "", accessibility = ""
        var prerequisites: [Prerequisite] = []
        var objectives: [Objective] = []
        var modules: [Module] = []
        var assessment = Assessment(initialPositioning: "", methods: [])
        var certification = CertificationRule(minimumAttendancePercent: 0, requiredModules: [], requiresPassedAssessment: false)
        var validity: Validity?
        var groupSize = GroupSize(minimum: 0, maximum: 0)
        var classification: Classification?
        var offer: CourseOffer?

        try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
            switch name(cursor) {
            case .title: title = try cursor.collapsedText()
            case .summary: summary = try cursor.collapsedText()
            case .audience: audience = try cursor.collapsedText()
            case .accessibility: accessibility = try cursor.collapsedText()
            case .prerequisites: prerequisites = try decodePrerequisites(&cursor)
            case .objectives:
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    lines.objectives.append(cursor.line)
                    let id = cursor.attribute(.id) ?? ""
                    objectives.append(Objective(id: id, text: try cursor.collapsedText()))
                }
            case .modules:
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    lines.modules.append(cursor.line)
                    modules.append(try decodeModule(&cursor))
                }
            case .assessment:
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    if name(cursor) == .positioning {
                        assessment.initialPositioning = try cursor.collapsedText()
                    } else {
                        assessment.methods.append(try cursor.collapsedText())
                    }
                }
            case .certification:
                lines.certification = cursor.line
                certification.minimumAttendancePercent = Int(cursor.attribute(.minimumAttendance) ?? "") ?? -1
                let passed = cursor.attribute(.assessmentPassed)
                certification.requiresPassedAssessment = passed == "true" || passed == "1"
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    certification.requiredModules.append(cursor.attribute(.ref) ?? "")
                    try cursor.skipElement()
                }
            case .validity:
                lines.validity = cursor.line
                validity = Validity(months: Int(cursor.attribute(.months) ?? "") ?? 0, refresherCourse: cursor.attribute(.refresher))
                try cursor.skipElement()
            case .groupSize:
                lines.groupSize = cursor.line
                groupSize = GroupSize(
                    minimum: Int(cursor.attribute(.minimum) ?? "") ?? 0, maximum: Int(cursor.attribute(.maximum) ?? "") ?? 0)
                try cursor.skipElement()
            case .classification:
                lines.classification = cursor.line
                classification = try decodeClassification(&cursor)
            case .offer:
                lines.offer = cursor.line
                offer = try decodeOffer(&cursor)
            default:
                try cursor.skipElement()
            }
        }

        let course = Course(
            id: id, version: version, language: language, title: title, summary: summary, audience: audience,
            duration: duration, prerequisites: prerequisites, objectives: objectives, modules: modules,
            assessment: assessment, certification: certification, validity: validity, groupSize: groupSize,
            accessibility: accessibility, classification: classification, offer: offer)
        if let problem = course.problems().first {
            var location = courseLocation
            location.line = lines.line(of: problem.subject)
            throw CourseImportError(location, problem.message)
        }
        return course
    }

    /// The schema has checked the codes' form and the objective's words.
    private func decodeClassification(_ cursor: inout TapeCursor) throws(CourseImportError) -> Classification {
        var classification = Classification(nsf: [])
        try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
            if name(cursor) == .nsf {
                classification.nsf.append(try cursor.collapsedText())
            } else {
                classification.generalObjective = cursor.attribute(.kind).flatMap(Classification.GeneralObjective.init(rawValue:))
                classification.level = cursor.attribute(.level).flatMap { Int($0) }
                classification.certificationCode = cursor.attribute(.code)
                try cursor.skipElement()
            }
        }
        return classification
    }

    /// The schema has checked the codes' form, the order and how many of each.
    private func decodeOffer(_ cursor: inout TapeCursor) throws(CourseImportError) -> CourseOffer {
        var offer = CourseOffer()
        try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
            switch name(cursor) {
            case .formacode:
                let version = cursor.attribute(.version) ?? ""
                offer.formacodes.append(CourseOffer.Code(try cursor.collapsedText(), version: version))
            case .public:
                let version = cursor.attribute(.version) ?? ""
                offer.publics.append(CourseOffer.Code(try cursor.collapsedText(), version: version))
            case .rome: offer.romeCodes.append(try cursor.collapsedText())
            case .expectedResults: offer.expectedResults = try cursor.collapsedText()
            case .entryLevel, .exitLevel:
                let level = cursor.attribute(.code).flatMap { Int($0) }
                if name(cursor) == .entryLevel { offer.entryLevel = level } else { offer.exitLevel = level }
                try cursor.skipElement()
            case .funder:
                if let code = cursor.attribute(.code).flatMap({ Int($0) }) { offer.funders.append(code) }
                try cursor.skipElement()
            case .place:
                var place = CourseOffer.Place(lines: [], postcode: "", city: "")
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    switch name(cursor) {
                    case .name: place.name = try cursor.collapsedText()
                    case .line: place.lines.append(try cursor.collapsedText())
                    case .postcode: place.postcode = try cursor.collapsedText()
                    case .city: place.city = try cursor.collapsedText()
                    default: place.inseeCode = try cursor.collapsedText()
                    }
                }
                offer.places.append(place)
            default:
                var contact = CourseOffer.Contact()
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    switch name(cursor) {
                    case .name: contact.name = try cursor.collapsedText()
                    case .phone: contact.phone = try cursor.collapsedText()
                    case .email: contact.email = try cursor.collapsedText()
                    default: contact.web = try cursor.collapsedText()
                    }
                }
                offer.contact = contact
            }
        }
        return offer
    }

    private mutating func decodePrerequisites(_ cursor: inout TapeCursor) throws(CourseImportError) -> [Prerequisite] {
        var prerequisites: [Prerequisite] = []
        try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
            lines.prerequisites.append(cursor.line)
            switch name(cursor) {
            case .completedCourse:
                prerequisites.append(.course(id: cursor.attribute(.ref) ?? ""))
                try cursor.skipElement()
            case .experience:
                let months = cursor.attribute(.months).flatMap { Int($0) }
                prerequisites.append(.experience(months: months, description: try cursor.collapsedText()))
            default:
                prerequisites.append(.other(try cursor.collapsedText()))
            }
        }
        return prerequisites
    }

    private func decodeModule(_ cursor: inout TapeCursor) throws(CourseImportError) -> Module {
        let id = cursor.attribute(.id) ?? ""
        let duration = try hours(cursor.attribute(.hours), of: "module \(id)", at: cursor)
        let modality = try parse(cursor.attribute(.modality), as: "modality", at: cursor, Modality.init(rawValue:))
        // An XSD list is separated by XML whitespace, all ASCII: no Unicode lookup needed.
        let objectives = (cursor.attribute(.objectives) ?? "").utf8
            .split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            .map { String(decoding: $0, as: UTF8.self) }
        var title = ""
        var content: [String] = []
        var methods: [String] = []
        try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
            switch name(cursor) {
            case .title: title = try cursor.collapsedText()
            case .content:
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    content.append(try cursor.collapsedText())
                }
            case .methods:
                try cursor.forEachChild { (cursor: inout TapeCursor) throws(CourseImportError) in
                    methods.append(try cursor.collapsedText())
                }
            default: try cursor.skipElement()
            }
        }
        return Module(
            id: id, title: title, duration: duration, modality: modality, objectives: objectives, content: content, methods: methods)
    }

    /// The hours of `owner`, named only when the text is wrong (building the name for every
    /// module of a large catalogue costs more than parsing the number).
    private func hours(_ text: String?, of owner: @autoclosure () -> String, at cursor: TapeCursor) throws(CourseImportError) -> Hours {
        let text = text ?? ""
        guard let hours = Hours(decimal: text) else {
            throw CourseImportError(cursor.location, "\(owner()): \"\(text)\" hours is not a whole number of minutes")
        }
        return hours
    }

    private func parse<T>(_ text: String?, as what: Text, at cursor: TapeCursor, _ make: (String) -> T?) throws(CourseImportError) -> T {
        guard let text, let value = make(text) else {
            throw CourseImportError(cursor.location, "\"\(text ?? "")\" is not a valid \(what)")
        }
        return value
    }
}
