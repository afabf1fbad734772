import Foundation
public import TrainingCore
public import TrainingStore
public import TrainingXML

/// The course files named on a command line: files as given, folders as the `.xml` files
/// directly inside them, in name order.
public struct CourseFiles: Sendable {
    /// The files, in the order they are read.
    public let paths: [String]

    /// The files named, or found in the folders named.
    public init(arguments: [String]) throws {
        var paths: [String] = []
        let manager = FileManager.default
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw CourseImportError(SourceLocation(path: argument, line: 0), "no such file or folder")
            }
            guard isFolder.boolValue else {
                paths.append(argument)
                continue
            }
            let names = (try? manager.contentsOfDirectory(atPath: argument)) ?? []
            let xml = names.filter { $0.lowercased().hasSuffix(".xml") }.sorted()
            guard !xml.isEmpty else {
                throw CourseImportError(SourceLocation(path: argument, line: 0), "this folder holds no .xml file")
            }
            let base = argument.hasSuffix("/") ? argument : argument + "/"
            paths += xml.map { base + $0 }
        }
        self.paths = paths
    }

    /// Reads every course of every file in order, with its location.
    public func forEachCourse(_ body: (Course, SourceLocation) throws -> Void) throws {
        let reader = CourseReader()
        for path in paths {
            try reader.readCourses(from: URL(fileURLWithPath: path), body)
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
    /// Each course is stored while libxml2 parses the next ones on its own thread (see
    /// ``TrainingXML/CourseReader``).
    public func importCourses(_ files: CourseFiles, replacing: Bool, dryRun: Bool) async throws -> [ImportedCourse] {
        try store.importCourses(replacing: replacing, dryRun: dryRun) { importer in
            try files.forEachCourse { course, location in
                do {
                    try importer.add(course)
                } catch let conflict as CourseConflictError {
                    throw CourseImportError(location, conflict.text)
                }
            }
        }
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
