import Foundation
import Testing
import TrainingCore
import TrainingTesting
import TrainingXML

@Suite struct CourseReaderTests {
    @Test func readsTheShippedCurricula() throws {
        let courses = try Fixtures.shippedCourseFiles.flatMap { try CourseReader().courses(from: $0) }
        #expect(Set(courses.map(\.id)) == ["AV-FOND", "AV-TERRAIN", "AV-NONREC"])
        let terrain = try #require(courses.first { $0.id == "AV-TERRAIN" })
        #expect(terrain.duration == Hours(hours: 14))
        #expect(terrain.prerequisites.first == .course(id: "AV-FOND"))
        #expect(terrain.modules.filter { $0.modality == .terrain }.count == 2)
        #expect(terrain.certification.requiredModules == ["M2", "M3"])
        #expect(courses.first { $0.id == "AV-NONREC" }?.duration == Hours(hours: 7))
    }

    @Test func embeddedSchemaIsTheShippedOne() throws {
        let file = try String(contentsOf: Fixtures.courses.appendingPathComponent("schema/course-1.xsd"), encoding: .utf8)
        #expect(CourseSchema.xsd == file, "run `make schema` to embed Courses/schema/course-1.xsd again")
    }

    @Test func writtenCourseReadsBackIdentical() throws {
        let folder = try TemporaryFolder()
        let original = Fixtures.course()
        let file = try folder.file("course.xml", try CourseWriter().document(for: [original]))
        #expect(try CourseReader().courses(from: file) == [original])
    }

    @Test func shippedCataloguesRoundTrip() throws {
        let folder = try TemporaryFolder()
        let courses = try Fixtures.shippedCourseFiles.flatMap { try CourseReader().courses(from: $0) }
        let single = try folder.file("one.xml", try CourseWriter().document(for: courses))
        #expect(try CourseReader().courses(from: single) == courses)
        let streamed = folder.url.appendingPathComponent("streamed.xml").path
        try CourseWriter().writeCatalogue(courses, toFile: streamed)
        #expect(try CourseReader().courses(from: URL(fileURLWithPath: streamed)) == courses)
    }

    @Test func reportsWhereEachCourseStarts() throws {
        let folder = try TemporaryFolder()
        let xml = try CourseWriter().document(for: [Fixtures.course(id: "A"), Fixtures.course(id: "B")])
        let file = try folder.file("catalogue.xml", xml)
        var lines: [Int] = []
        try CourseReader().readCourses(from: file) { _, location in lines.append(location.line) }
        let expected = xml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains("<course ") }.map { $0.offset + 1 }
        #expect(lines == expected)
    }
}
