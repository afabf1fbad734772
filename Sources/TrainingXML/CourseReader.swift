public import Foundation
public import TrainingCore

/// Reads courses from files in the AllerVers course format, one course at a time.
///
/// The file streams through libxml2's reader with the course XSD validating as it goes,
/// so memory stays flat whatever the file's size. Each course is then checked against the
/// rules the XSD cannot express (``TrainingCore/Course/problems()``). The first problem stops
/// the read with a ``CourseImportError`` that says where it is.
///
/// ```swift
/// try CourseReader().readCourses(from: url) { course, location in
///     print(course.id, location)
/// }
/// ```
public struct CourseReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads every course in the file at `url`, in document order, and hands each to `body`
    /// as soon as it is complete and checked, with the location of its `<course>` element.
    ///
    /// Errors thrown by `body` stop the read and propagate unchanged.
    public func readCourses(from url: URL, _ body: (Course, SourceLocation) throws -> Void) throws {
        let stream = try XMLStreamReader(url: url)
        try stream.reading {
            try stream.start(schema: CourseSchema.compiled, names: Name.allCases.map(\.rawValue), checkRoot: CourseDecoder.checkRoot)
            var decoder = CourseDecoder(stream: stream)
            try decoder.decodeDocument(body)
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

/// The local names of the format's elements, in the order the decoder interns them.
enum Name: String, CaseIterable {
    case catalogue, course, title, summary, audience, prerequisites, completedCourse, experience, requirement
    case objectives, objective, modules, module, content, topic, methods, method
    case assessment, positioning, certification, requiredModule, validity, groupSize, accessibility
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
            }
        return line.flatMap { $0 > 0 ? $0 : nil } ?? course
    }
}

struct CourseDecoder {
    let stream: XMLStreamReader
    private var lines = CourseLines()

    init(stream: XMLStreamReader) {
        self.stream = stream
    }

    mutating func decodeDocument(_ body: (Course, SourceLocation) throws -> Void) throws {
        var sawRoot = false
        while try stream.advance() {
            switch stream.kind {
            case .element where !sawRoot:
                sawRoot = true
                if currentName == .catalogue {
                    var iterationError: (any Error)?
                    try stream.forEachChild { () throws(CourseImportError) in
                        guard iterationError == nil else { return try stream.skipElement() }
                        let location = stream.location
                        let course = try decodeCourse()
                        do { try body(course, location) } catch { iterationError = error }
                    }
                    if let iterationError { throw iterationError }
                } else {
                    let location = stream.location
                    try body(try decodeCourse(), location)
                }
            default:
                continue
            }
        }
        guard sawRoot else {
            throw CourseImportError(SourceLocation(path: stream.path, line: 0), "the file holds no XML element")
        }
    }

    /// The current element's name, when it is one of the format's.
    private var currentName: Name? { stream.nameIndex.map { Name.allCases[$0] } }

    /// Says plainly what a file is when it is not a course file, before the XSD's own
    /// message ("no matching global declaration") would.
    static func checkRoot(_ stream: XMLStreamReader) throws(CourseImportError) {
        let namespace = stream.namespace
        let local = stream.localName
        if namespace == CourseSchema.namespace { return }
        if let namespace, namespace.hasPrefix("urn:allervers:course:") {
            let version = namespace.dropFirst("urn:allervers:course:".count)
            throw CourseImportError(
                stream.location, "this is course format version \(version); this allervers reads version 1 (\(CourseSchema.namespace))")
        }
        if local == "lheo" || (namespace ?? "").contains("lheo") {
            throw CourseImportError(
                stream.location, "this is an LHEO file; LHEO import is not supported yet, only the AllerVers course format")
        }
        let shown = namespace.map { "{\($0)}\(local)" } ?? local
        throw CourseImportError(
            stream.location,
            "the root element is \(shown); a course file starts with <course> or <catalogue> in the namespace \(CourseSchema.namespace)")
    }

    private mutating func decodeCourse() throws(CourseImportError) -> Course {
        lines = CourseLines(course: stream.line)
        let courseLocation = stream.location
        let id = stream.attribute("id") ?? ""
        let version = try parse(stream.attribute("version"), as: "version", CourseVersion.init)
        let language = stream.attribute("language") ?? ""
        let duration = try hours(stream.attribute("hours"), of: "course \(id)")

        var title = "", summary = "", audience = "", accessibility = ""
        var prerequisites: [Prerequisite] = []
        var objectives: [Objective] = []
        var modules: [Module] = []
        var assessment = Assessment(initialPositioning: "", methods: [])
        var certification = CertificationRule(minimumAttendancePercent: 0, requiredModules: [], requiresPassedAssessment: false)
        var validity: Validity?
        var groupSize = GroupSize(minimum: 0, maximum: 0)

        try stream.forEachChild { () throws(CourseImportError) in
            switch currentName {
            case .title: title = try stream.collapsedText()
            case .summary: summary = try stream.collapsedText()
            case .audience: audience = try stream.collapsedText()
            case .accessibility: accessibility = try stream.collapsedText()
            case .prerequisites: prerequisites = try decodePrerequisites()
            case .objectives:
                try stream.forEachChild { () throws(CourseImportError) in
                    lines.objectives.append(stream.line)
                    let id = stream.attribute("id") ?? ""
                    objectives.append(Objective(id: id, text: try stream.collapsedText()))
                }
            case .modules:
                try stream.forEachChild { () throws(CourseImportError) in
                    lines.modules.append(stream.line)
                    modules.append(try decodeModule())
                }
            case .assessment:
                try stream.forEachChild { () throws(CourseImportError) in
                    if currentName == .positioning {
                        assessment.initialPositioning = try stream.collapsedText()
                    } else {
                        assessment.methods.append(try stream.collapsedText())
                    }
                }
            case .certification:
                lines.certification = stream.line
                certification.minimumAttendancePercent = Int(stream.attribute("minimumAttendance") ?? "") ?? -1
                let passed = stream.attribute("assessmentPassed")
                certification.requiresPassedAssessment = passed == "true" || passed == "1"
                try stream.forEachChild { () throws(CourseImportError) in
                    certification.requiredModules.append(stream.attribute("ref") ?? "")
                }
            case .validity:
                lines.validity = stream.line
                validity = Validity(months: Int(stream.attribute("months") ?? "") ?? 0, refresherCourse: stream.attribute("refresher"))
            case .groupSize:
                lines.groupSize = stream.line
                groupSize = GroupSize(
                    minimum: Int(stream.attribute("minimum") ?? "") ?? 0, maximum: Int(stream.attribute("maximum") ?? "") ?? 0)
            default:
                try stream.skipElement()
            }
        }

        let course = Course(
            id: id, version: version, language: language, title: title, summary: summary, audience: audience,
            duration: duration, prerequisites: prerequisites, objectives: objectives, modules: modules,
            assessment: assessment, certification: certification, validity: validity, groupSize: groupSize,
            accessibility: accessibility)
        if let problem = course.problems().first {
            var location = courseLocation
            location.line = lines.line(of: problem.subject)
            throw CourseImportError(location, problem.message)
        }
        return course
    }

    private mutating func decodePrerequisites() throws(CourseImportError) -> [Prerequisite] {
        var prerequisites: [Prerequisite] = []
        try stream.forEachChild { () throws(CourseImportError) in
            lines.prerequisites.append(stream.line)
            switch currentName {
            case .completedCourse:
                prerequisites.append(.course(id: stream.attribute("ref") ?? ""))
            case .experience:
                let months = stream.attribute("months").flatMap { Int($0) }
                prerequisites.append(.experience(months: months, description: try stream.collapsedText()))
            default:
                prerequisites.append(.other(try stream.collapsedText()))
            }
        }
        return prerequisites
    }

    private func decodeModule() throws(CourseImportError) -> Module {
        let id = stream.attribute("id") ?? ""
        let duration = try hours(stream.attribute("hours"), of: "module \(id)")
        let modality = try parse(stream.attribute("modality"), as: "modality", Modality.init(rawValue:))
        // An XSD list is separated by XML whitespace, all ASCII: no Unicode lookup needed.
        let objectives = (stream.attribute("objectives") ?? "").utf8
            .split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
            .map { String(decoding: $0, as: UTF8.self) }
        var title = ""
        var content: [String] = []
        var methods: [String] = []
        try stream.forEachChild { () throws(CourseImportError) in
            switch currentName {
            case .title: title = try stream.collapsedText()
            case .content: try stream.forEachChild { () throws(CourseImportError) in content.append(try stream.collapsedText()) }
            case .methods: try stream.forEachChild { () throws(CourseImportError) in methods.append(try stream.collapsedText()) }
            default: try stream.skipElement()
            }
        }
        return Module(
            id: id, title: title, duration: duration, modality: modality, objectives: objectives, content: content, methods: methods)
    }

    /// The hours of `owner`, named only when the text is wrong (building the name for every
    /// module of a large catalogue costs more than parsing the number).
    private func hours(_ text: String?, of owner: @autoclosure () -> String) throws(CourseImportError) -> Hours {
        let text = text ?? ""
        guard let hours = Hours(decimal: text) else {
            throw CourseImportError(stream.location, "\(owner()): \"\(text)\" hours is not a whole number of minutes")
        }
        return hours
    }

    private func parse<T>(_ text: String?, as what: String, _ make: (String) -> T?) throws(CourseImportError) -> T {
        guard let text, let value = make(text) else {
            throw CourseImportError(stream.location, "\"\(text ?? "")\" is not a valid \(what)")
        }
        return value
    }
}
