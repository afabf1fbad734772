import Foundation
public import TrainingCore
public import TrainingStore
public import TrainingXML

/// The course files named on a command line: files as given, folders as the `.xml`, `.zip`
/// and `.imscc` files and the package folders directly inside them, in name order; a folder holding `imsmanifest.xml` is
/// an e-learning package (see ``PackageReader``).
public struct CourseFiles: Sendable {
    /// The files, in the order they are read.
    public let paths: [String]
    /// What an e-learning package may not say: its modules' hours, the course's id.
    public var packageOptions = PackageReader.Options()

    /// The files named, or found in the folders named.
    public init(arguments: [String]) throws {
        var paths: [String] = []
        let manager = FileManager.default
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw CourseImportError(SourceLocation(path: argument, line: 0), "no such file or folder")
            }
            guard isFolder.boolValue, !PackageReader.isPackage(argument) else {
                paths.append(argument)
                continue
            }
            let names = (try? manager.contentsOfDirectory(atPath: argument)) ?? []
            let base = argument.hasSuffix("/") ? argument : argument + "/"
            // Course and LHEO files, zipped packages, and the folders of unzipped ones.
            let found = names.sorted().filter { name in
                name.lowercased().hasSuffix(".xml") && !manager.isFolder(base + name) || PackageReader.isPackage(base + name)
            }
            guard !found.isEmpty else {
                throw CourseImportError(SourceLocation(path: argument, line: 0), "this folder holds no course file and no package")
            }
            paths += found.map { base + $0 }
        }
        self.paths = paths
    }

    /// Reads every course of every file in order, with its location.
    public func forEachCourse(_ body: (Course, SourceLocation) throws -> Void) throws {
        try forEachEntry(warn: { _ in }) { entry in try body(entry.course, entry.location) }
    }

    /// Reads every course of every file in order, with what the file says of its sessions;
    /// what is loose in a file goes to `warn`.
    public func forEachEntry(warn: @escaping (CourseImportWarning) -> Void, _ body: (CatalogueEntry) throws -> Void) throws {
        var reader = CourseReader()
        reader.packageOptions = packageOptions
        let packages = PackageReader(options: packageOptions)
        for path in paths {
            if PackageReader.isPackage(path) {
                try body(try packages.read(path, warn: warn))
            } else {
                try reader.readCatalogue(from: URL(fileURLWithPath: path), warn: warn, body)
            }
        }
    }
}

/// The catalogue: importing course files, listing and reading courses.
public struct CourseService: Sendable {
    let store: Store

    /// The use cases over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Imports every course of `files` in one transaction. A course the store refuses stops
    /// the import with its file and line, and nothing is stored.
    ///
    /// A course from an LHEO file comes with its session templates (the offer's actions),
    /// and the sessions whose dates are complete are planned, their half-days laid out from
    /// the first day as `session plan` does. What is loose in a file, and a session that
    /// cannot be planned, go to `warn`.
    ///
    /// Each course is stored while libxml2 parses the next ones on its own thread (see
    /// ``TrainingXML/CourseReader``).
    public func importCourses(
        _ files: CourseFiles, replacing: Bool, dryRun: Bool, warn: @escaping (CourseImportWarning) -> Void = { _ in }
    ) async throws -> [ImportedCourse] {
        let holidays = PublicHolidays()
        return try store.importCourses(replacing: replacing, dryRun: dryRun) { importer in
            try files.forEachEntry(warn: warn) { entry in
                let course = entry.course
                do {
                    try importer.add(course)
                    try importer.setTemplates(entry.templates, of: course)
                } catch let conflict as CourseConflictError {
                    throw CourseImportError(entry.location, conflict.text)
                }
                for offered in entry.sessions {
                    switch OfferedSession.session(of: course, template: offered.template, period: offered.period, holidays: holidays) {
                    case .planned(let session):
                        // An offer's address is not a room: two groups of one offer may meet
                        // there at once. What `session plan` would refuse is said, and the
                        // session left for the trainer to plan.
                        do {
                            if try importer.plan(session, of: course, by: "import") == .cancelled {
                                warn(CourseImportWarning(offered.location, "session \(session.id) was cancelled: not planned again"))
                            }
                        } catch let refused as SessionError {
                            let reason: Text = refused.reasons.first ?? ""
                            warn(CourseImportWarning(offered.location, "session \(session.id) is not planned: \(reason)"))
                        }
                    case .notPlanned(let why):
                        warn(CourseImportWarning(offered.location, why))
                    }
                }
            }
        }
    }

    /// How `course` is run when offered: its session templates, from an LHEO file's actions.
    public func templates(of course: Course) async throws -> [SessionTemplate] {
        try store.sessionTemplates(of: course.id, version: course.version)
    }

    /// `courses` as LHEO offers: each with its session templates and, with `sessions`, its
    /// planned sessions to announce.
    public func lheoOffers(_ courses: [Course], sessions: Bool) async throws -> [LHEOOffer] {
        let planned = sessions ? try store.sessionSummaries().filter { $0.status == .planned } : []
        return try courses.map { course in
            let templates = try store.sessionTemplates(of: course.id, version: course.version)
            // A session planned from a template's period is announced by that period already.
            let announced = Set(
                templates.flatMap(\.periods).compactMap { period in
                    period.start.day.map { OfferedSession.id(of: period, in: course, starting: $0) }
                })
            let mine = planned.filter {
                $0.courseID == course.id && $0.courseVersion == course.version && !announced.contains($0.id)
            }
            return LHEOOffer(
                course: course, templates: templates, sessions: try mine.map { try store.session(id: $0.id) })
        }
    }

    /// The latest version of every course, by id.
    public func latestCourses() async throws -> [Course] {
        var latest: [String: CourseVersion] = [:]
        for summary in try store.courseSummaries() where latest[summary.id].map({ $0 < summary.version }) ?? true {
            latest[summary.id] = summary.version
        }
        return try latest.keys.sorted().map { try store.course(id: $0, version: latest[$0]) }
    }

    /// Every course, every version.
    public func list() async throws -> [CourseSummary] {
        try store.courseSummaries()
    }

    /// A course: the version given, or the latest.
    public func course(_ id: String, version: CourseVersion?) async throws -> Course {
        try store.course(id: id, version: version)
    }
}

/// A session an offer announces, as the session the workspace plans for it.
enum OfferedSession {
    case planned(Session)
    case notPlanned(Text)

    /// The session for `period` of `template`: the course laid out on half-days from its
    /// first day, at the template's place (or the course's first), in Europe/Paris. Not
    /// planned when the period does not say its first day, or the half-days would run past
    /// its last, or no place is known.
    static func session(of course: Course, template: SessionTemplate, period: SessionTemplate.Period, holidays: PublicHolidays)
        -> OfferedSession
    {
        let name: Text =
            period.number.map { "session \($0)" } ?? (period.start == .unknown ? "a session" : "the session from \(period.start)")
        guard let start = period.start.day else {
            return .notPlanned(
                period.start == .unknown
                    ? "\(name) is not planned: the offer gives no first day" : "\(name) is not planned: its first day is \(period.start)")
        }
        guard let place = template.place ?? course.offer?.places.first else {
            return .notPlanned("\(name) is not planned: the offer gives no place")
        }
        let slots = Session.layOut(course, from: start, holidays: holidays)
        if let last = slots.last?.date, let end = period.end.range?.upperBound, last > end {
            return .notPlanned(
                "\(name) is not planned: \(course.duration.decimal) hours laid out on half-days from \(start) end on \(last), after the session's end (\(period.end))"
            )
        }
        return .planned(session(course, id: id(of: period, in: course, starting: start), place: place, template: template, slots: slots))
    }

    /// The id of the session planned for `period`: a session this tool exported keeps its
    /// id; another offer's is the course's id and the offer's session number (or first day).
    static func id(of period: SessionTemplate.Period, in course: Course, starting start: LocalDate) -> String {
        guard let number = period.number else { return "\(course.id)-\(start)" }
        if number.hasPrefix(course.id + "-") { return number }
        let plain = number.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F || $0 == 0x2D
        }
        return plain ? "\(course.id)-S\(number)" : "\(course.id)-\(start)"
    }

    private static func session(_ course: Course, id: String, place: CourseOffer.Place, template: SessionTemplate, slots: [Slot])
        -> Session
    {
        let address = (place.lines + ["\(place.postcode) \(place.city)"]).joined(separator: ", ")
        return Session(
            id: id, courseID: course.id, courseVersion: course.version, timeZone: "Europe/Paris",
            place: .room(name: place.name ?? place.city, address: address), trainers: [], capacity: course.groupSize.maximum,
            funder: template.funders.first.flatMap { LHEODictionary.funders[$0] }, status: .planned, slots: slots)
    }
}

extension FileManager {
    fileprivate func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
