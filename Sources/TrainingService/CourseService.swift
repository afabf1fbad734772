import Foundation
import TrainingCore
import TrainingStore
import TrainingXML

/// The course files named on a command line: files as given, folders as the `.xml` files
/// directly inside them, in name order.
struct CourseFiles: Sendable {
    let paths: [String]

    init(arguments: [String]) throws {
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
    func forEachCourse(_ body: (Course, SourceLocation) throws -> Void) throws {
        let reader = CourseReader()
        for path in paths {
            try reader.readCourses(from: URL(fileURLWithPath: path), body)
        }
    }

    /// Imports every course into `store` in one transaction. A course the store refuses
    /// stops the import with its file and line, and nothing is stored.
    ///
    /// Each course is stored while libxml2 parses the next ones on its own thread (see
    /// ``TrainingXML/CourseReader``).
    func importCourses(into store: Store, replacing: Bool, dryRun: Bool) throws -> [ImportedCourse] {
        try store.importCourses(replacing: replacing, dryRun: dryRun) { importer in
            try forEachCourse { course, location in
                do {
                    try importer.add(course)
                } catch let conflict as CourseConflictError {
                    throw CourseImportError(location, conflict.description)
                }
            }
        }
    }
}
