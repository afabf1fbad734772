// Writes a large valid catalogue in the course format, for `make bench`.
//
//   allervers-bench-catalogue OUTPUT.xml [MIB] [COURSES_DIR]
//
// The courses are variations of the shipped curricula (ids, versions, titles and text
// change; structure and sizes stay realistic), so the importer does the same work per byte
// as on real files.
import Foundation
import TrainingCore
import TrainingXML

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: allervers-bench-catalogue OUTPUT.xml [MIB] [COURSES_DIR]\n".utf8))
    exit(2)
}
let output = arguments[1]
let mebibytes = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
let coursesFolder = arguments.count > 3 ? arguments[3] : "Courses"

let folder = URL(fileURLWithPath: coursesFolder)
let files = try FileManager.default.contentsOfDirectory(atPath: coursesFolder).filter { $0.hasSuffix(".xml") }.sorted()
let templates = try files.flatMap { try CourseReader().courses(from: folder.appendingPathComponent($0)) }
let averageBytes = try files.map { try Data(contentsOf: folder.appendingPathComponent($0)).count }.reduce(0, +) / max(files.count, 1)
let count = mebibytes * 1_048_576 / max(averageBytes, 1)

let courses = (0..<count).lazy.map { index -> Course in
    var course = templates[index % templates.count]
    let serial = String(index, radix: 36, uppercase: true)
    course.id = "\(course.id)-\(serial)"
    course.version = CourseVersion("\(1 + index % 4).\(index % 7)")!
    course.title += " (session \(serial))"
    course.summary = "Programme \(serial). " + course.summary
    for position in course.modules.indices {
        course.modules[position].content.append("Variante \(serial) : étude d'un cas du territoire.")
    }
    return course
}
try CourseWriter().writeCatalogue(courses, toFile: output)
let size = (try FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
print("wrote \(count) courses, \(size / 1_048_576) MiB, to \(output)")
