// libFuzzer target for the course importer, run by `make fuzz`.
//
// Each input is written to a file (the reader opens files, as the importer does) and read
// with the validating streaming reader. Whatever the bytes, the reader must either refuse
// them with a located error or return courses; and a course it accepts must come back
// identical after export and re-import. A crash, a hang or a broken round trip is a
// finding: libFuzzer saves the input, and it becomes a case in
// Tests/TrainingXMLTests/FuzzRegressions/.
import CFuzzerDriver
import Foundation
import TrainingCore
import TrainingXML

let scratch = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("allervers-fuzz-\(getpid()).xml")
let reread = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("allervers-fuzz-\(getpid())-again.xml")

/// libFuzzer's callback, by the name its own `main` looks for.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    guard FileManager.default.createFile(atPath: scratch.path, contents: bytes) else { return 0 }
    guard let courses = try? CourseReader().courses(from: scratch), !courses.isEmpty else { return 0 }
    do {
        try CourseWriter().writeCatalogue(courses, toFile: reread.path)
        let again = try CourseReader().courses(from: reread)
        precondition(again == courses, "a course changed through export and re-import")
    } catch {
        preconditionFailure("an accepted course failed to export and re-import: \(error)")
    }
    return 0
}

// Built with -sanitize=fuzzer, libFuzzer drives `fuzzOne`; this main hands it the command
// line (or, built without, says how to build it).
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) }
try? FileManager.default.removeItem(at: scratch)
try? FileManager.default.removeItem(at: reread)
exit(status)
