import Foundation
import Testing
import TrainingCore
import TrainingTesting

@testable import TrainingXML

/// libxml2 parses on its own thread and hands the nodes over on tapes; the courses are
/// decoded on the calling thread. Whatever the tapes' size, the courses, their order and
/// the errors are the same as reading in one go.
@Suite struct TwoThreadReadingTests {
    /// Courses that differ in every list, so that a record read from the wrong place shows.
    static func catalogue(count: Int) -> [Course] {
        (0..<count).map { index in
            var course = Fixtures.course(id: "C-\(index)", version: "1.\(index)")
            course.title = "Cours n° \(index) : « aller-vers » & <terrain>"
            course.modules[0].content.append(String(repeating: "é", count: 1 + index % 50 * 37))
            course.objectives[0].text += " \(index)"
            return course
        }
    }

    @Test(arguments: [1, 7, 64, 4096, 256 << 10])
    func anyTapeSizeGivesTheSameCourses(tapeSize: Int) throws {
        let folder = try TemporaryFolder()
        let courses = Self.catalogue(count: 40)
        let file = try folder.file("catalogue.xml", try CourseWriter().document(for: courses))
        var read: [Course] = []
        var lines: [Int] = []
        try CourseReader(tapeSize: tapeSize).readCourses(from: file) { course, location in
            read.append(course)
            lines.append(location.line)
        }
        #expect(read == courses)
        var oneTape: [Int] = []
        try CourseReader(tapeSize: 1 << 30).readCourses(from: file) { _, location in oneTape.append(location.line) }
        #expect(lines == oneTape)
    }

    /// `text` with `insertion` put just after the first `marker` that follows `anchor`, and
    /// the line where it went.
    static func breaking(_ text: String, after marker: String, in anchor: String, with insertion: String) throws -> (String, Int) {
        let start = try #require(text.range(of: anchor))
        let place = try #require(text.range(of: marker, range: start.upperBound..<text.endIndex))
        var broken = text
        broken.insert(contentsOf: insertion, at: place.upperBound)
        return (broken, text[..<place.upperBound].split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    @Test(arguments: [1, 256 << 10])
    func anInvalidCourseStopsTheReadWithItsLine(tapeSize: Int) throws {
        let folder = try TemporaryFolder()
        let xml = try CourseWriter().document(for: Self.catalogue(count: 40))
        let (broken, line) = try Self.breaking(xml, after: "hours=\"", in: "<course id=\"C-30\"", with: "x")
        let file = try folder.file("catalogue.xml", broken)
        var read: [String] = []
        let error = try #require(throws: CourseImportError.self) {
            try CourseReader(tapeSize: tapeSize).readCourses(from: file) { course, _ in read.append(course.id) }
        }
        #expect(error.location.line == line)
        #expect(error.message.description.contains("'hours'"))
        // libxml2 validates a little ahead of the nodes it hands over: the courses before
        // the invalid one arrive, give or take the last.
        #expect(read == (0..<read.count).map { "C-\($0)" })
        #expect((29...30).contains(read.count))
    }

    @Test(arguments: [1, 256 << 10])
    func theFirstProblemInTheFileIsTheOneReported(tapeSize: Int) throws {
        let folder = try TemporaryFolder()
        let xml = try CourseWriter().document(for: Self.catalogue(count: 40))
        // Course C-2 breaks a rule the XSD cannot see (its modules no longer add up to its
        // hours); course C-30, far after it, breaks the XSD.
        let (ruleBroken, ruleLine) = try Self.breaking(xml, after: "<module id=\"M1\" hours=\"", in: "<course id=\"C-2\"", with: "1")
        let (broken, _) = try Self.breaking(ruleBroken, after: "hours=\"", in: "<course id=\"C-30\"", with: "x")
        let file = try folder.file("catalogue.xml", broken)
        let error = try #require(throws: CourseImportError.self) {
            try CourseReader(tapeSize: tapeSize).readCourses(from: file) { _, _ in }
        }
        #expect(error.location.line <= ruleLine)
        #expect(error.message.description.contains("add up to"))
    }

    struct Stop: Error {}

    @Test func anErrorFromTheCallerStopsTheParserAndClosesTheFile() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("catalogue.xml", try CourseWriter().document(for: Self.catalogue(count: 200)))
        var seen = 0
        #expect(throws: Stop.self) {
            try CourseReader(tapeSize: 64).readCourses(from: file) { _, _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
        let open = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")
        }
        #expect(!open.contains(file.path), "the parsing thread still holds the file")
    }
}
