internal import CLibXML2
public import TrainingCore

/// Writes courses in the AllerVers course format, version 1.
///
/// The output is canonical: the same course always gives the same bytes, and reading them
/// back with ``CourseReader`` gives the same course.
///
/// ```swift
/// let xml = try CourseWriter().document(for: [course])
/// ```
public struct CourseWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// One document: a `<course>` root for one course, a `<catalogue>` for several.
    public func document(for courses: [Course]) throws(CourseExportError) -> String {
        try XMLOutput.inMemory { (output: XMLOutput) throws(CourseExportError) in
            if courses.count == 1 {
                try output.document { () throws(CourseExportError) in try output.write(courses[0], declaringNamespace: true) }
            } else {
                try output.catalogue(courses)
            }
        }
    }
}

extension CourseWriter {
    /// Streams a `<catalogue>` of courses to the file at `path`, one course at a time, so
    /// that a catalogue of any size is written in constant memory.
    public func writeCatalogue(_ courses: some Sequence<Course>, toFile path: String) throws(CourseExportError) {
        _ = LibXML2.ready
        guard let writer = xmlNewTextWriterFilename(path, 0) else { throw CourseExportError() }
        defer { xmlFreeTextWriter(writer) }
        try XMLOutput(writer: writer).catalogue(courses)
    }
}

/// libxml2 could not produce the document (it only fails when memory runs out).
public struct CourseExportError: TextError, Sendable {
    public var text: Text { "libxml2 could not write the course document" }
}

struct XMLOutput {
    let writer: xmlTextWriterPtr

    /// What `body` writes, as a string.
    static func inMemory(_ body: (XMLOutput) throws(CourseExportError) -> Void) throws(CourseExportError) -> String {
        _ = LibXML2.ready
        guard let buffer = xmlBufferCreate() else { throw CourseExportError() }
        defer { xmlBufferFree(buffer) }
        do {
            guard let writer = xmlNewTextWriterMemory(buffer, 0) else { throw CourseExportError() }
            defer { xmlFreeTextWriter(writer) }
            try body(XMLOutput(writer: writer))
        }
        guard let content = xmlBufferContent(buffer) else { throw CourseExportError() }
        return String(cString: content)
    }

    func check(_ result: Int32) throws(CourseExportError) {
        if result < 0 { throw CourseExportError() }
    }

    /// An indented UTF-8 document around what `body` writes.
    func document(_ body: () throws(CourseExportError) -> Void) throws(CourseExportError) {
        try check(xmlTextWriterSetIndent(writer, 1))
        try check(xmlTextWriterSetIndentString(writer, "  "))
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
        try body()
        try check(xmlTextWriterEndDocument(writer))
    }

    func catalogue(_ courses: some Sequence<Course>) throws(CourseExportError) {
        try document { () throws(CourseExportError) in
            try start("catalogue")
            try attribute("xmlns", CourseSchema.namespace)
            for course in courses { try write(course, declaringNamespace: false) }
            try end()
        }
    }

    func start(_ name: String) throws(CourseExportError) { try check(xmlTextWriterStartElement(writer, name)) }

    func end() throws(CourseExportError) { try check(xmlTextWriterEndElement(writer)) }

    func attribute(_ name: String, _ value: String) throws(CourseExportError) {
        try check(xmlTextWriterWriteAttribute(writer, name, value))
    }

    func text(_ text: String) throws(CourseExportError) { try check(xmlTextWriterWriteString(writer, text)) }

    func element(_ name: String, _ text: String) throws(CourseExportError) {
        try check(xmlTextWriterWriteElement(writer, name, text))
    }

    func list(_ name: String, _ item: String, _ texts: [String]) throws(CourseExportError) {
        try start(name)
        for text in texts { try element(item, text) }
        try end()
    }

    func write(_ course: Course, declaringNamespace: Bool) throws(CourseExportError) {
        try start("course")
        if declaringNamespace { try attribute("xmlns", CourseSchema.namespace) }
        try attribute("id", course.id)
        try attribute("version", course.version.description)
        try attribute("language", course.language)
        try attribute("hours", course.duration.decimal)
        try element("title", course.title)
        try element("summary", course.summary)
        try element("audience", course.audience)

        try start("prerequisites")
        for prerequisite in course.prerequisites {
            switch prerequisite {
            case .course(let id):
                try start("completedCourse")
                try attribute("ref", id)
                try end()
            case .experience(let months, let description):
                try start("experience")
                if let months { try attribute("months", String(months)) }
                try check(xmlTextWriterWriteString(writer, description))
                try end()
            case .other(let text):
                try element("requirement", text)
            }
        }
        try end()

        try start("objectives")
        for objective in course.objectives {
            try start("objective")
            try attribute("id", objective.id)
            try check(xmlTextWriterWriteString(writer, objective.text))
            try end()
        }
        try end()

        try start("modules")
        for module in course.modules {
            try start("module")
            try attribute("id", module.id)
            try attribute("hours", module.duration.decimal)
            try attribute("modality", module.modality.rawValue)
            try attribute("objectives", module.objectives.joined(separator: " "))
            try element("title", module.title)
            try list("content", "topic", module.content)
            try list("methods", "method", module.methods)
            try end()
        }
        try end()

        try start("assessment")
        try element("positioning", course.assessment.initialPositioning)
        for method in course.assessment.methods { try element("method", method) }
        try end()

        try start("certification")
        try attribute("minimumAttendance", String(course.certification.minimumAttendancePercent))
        try attribute("assessmentPassed", course.certification.requiresPassedAssessment ? "true" : "false")
        for module in course.certification.requiredModules {
            try start("requiredModule")
            try attribute("ref", module)
            try end()
        }
        try end()

        if let validity = course.validity {
            try start("validity")
            try attribute("months", String(validity.months))
            if let refresher = validity.refresherCourse { try attribute("refresher", refresher) }
            try end()
        }

        try start("groupSize")
        try attribute("minimum", String(course.groupSize.minimum))
        try attribute("maximum", String(course.groupSize.maximum))
        try end()

        try element("accessibility", course.accessibility)
        if let classification = course.classification {
            try start("classification")
            for code in classification.nsf { try element("nsf", code) }
            if let objective = classification.generalObjective {
                try start("generalObjective")
                try attribute("kind", objective.rawValue)
                if let level = classification.level { try attribute("level", String(level)) }
                if let code = classification.certificationCode { try attribute("code", code) }
                try end()
            }
            try end()
        }
        if let offer = course.offer { try write(offer) }
        try end()
    }

    /// The `<offer>` of course format 1.2, in the schema's order.
    private func write(_ offer: CourseOffer) throws(CourseExportError) {
        func code(_ name: String, _ code: CourseOffer.Code) throws(CourseExportError) {
            try start(name)
            if !code.version.isEmpty { try attribute("version", code.version) }
            try check(xmlTextWriterWriteString(writer, code.code))
            try end()
        }
        func level(_ name: String, _ value: Int?) throws(CourseExportError) {
            guard let value else { return }
            try start(name)
            try attribute("code", String(value))
            try end()
        }
        try start("offer")
        for formacode in offer.formacodes { try code("formacode", formacode) }
        for rome in offer.romeCodes { try element("rome", rome) }
        if let results = offer.expectedResults { try element("expectedResults", results) }
        try level("entryLevel", offer.entryLevel)
        try level("exitLevel", offer.exitLevel)
        for audience in offer.publics { try code("public", audience) }
        for place in offer.places {
            try start("place")
            if let name = place.name { try element("name", name) }
            for line in place.lines { try element("line", line) }
            try element("postcode", place.postcode)
            try element("city", place.city)
            if let insee = place.inseeCode { try element("insee", insee) }
            try end()
        }
        for funder in offer.funders {
            try start("funder")
            try attribute("code", String(funder))
            try end()
        }
        if let contact = offer.contact {
            try start("contact")
            for (name, value) in [("name", contact.name), ("phone", contact.phone), ("email", contact.email), ("web", contact.web)] {
                if let value { try element(name, value) }
            }
            try end()
        }
        try end()
    }
}
