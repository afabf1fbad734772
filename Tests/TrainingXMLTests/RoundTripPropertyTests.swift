import Foundation
import PropertyBased
import Testing
import TrainingCore
import TrainingTesting
import TrainingXML

/// Import → export → import gives the same course, for courses made at random: text with
/// XML's special characters, accents, quotes and emoji; one to five objectives and modules
/// of random lengths and modalities; optional validity and prerequisites; an offer or none.
@Suite struct RoundTripPropertyTests {
    static let words = Gen<String?>.element(of: [
        "aller-vers", "maraude", "non-recours", "<droits>", "R&D", "\"guillemets\"", "l'accueil", "«aide»", "é", "œuvre", "Ça",
        "ÉQUIPE", "100%", "a>b", "x<y", "&amp;", "]]>", "😀", "الحق", "数据", "—", "…", "1/2", "#1", "tab",
    ]).map { $0 ?? "mot" }
    static let text = words.array(of: 1...8).map { $0.joined(separator: " ") }

    /// The shape: counts, and a number the durations, modalities and rules are drawn from.
    static let shape = zip(Gen.int(in: 1...5), Gen.int(in: 1...4), Gen.int(in: 0...Int(UInt32.max)))

    static let course = zip(text, text, shape).map { (title: String, summary: String, shape: (Int, Int, Int)) -> Course in
        let (objectiveCount, moduleCount, draw) = shape
        let halfHours = (0..<4).map { 1 + (draw >> (4 * $0)) % 16 }
        let modalities = (0..<4).map { Modality.allCases[(draw >> (16 + 2 * $0)) % Modality.allCases.count] }
        let minimum = draw % 101
        let validityMonths = (draw / 101) % 49
        let passed = draw % 2 == 0
        var course = Fixtures.course(id: "P-\(title.count)", version: "\(objectiveCount).\(moduleCount)")
        course.title = title
        course.summary = summary
        course.objectives = (1...objectiveCount).map { Objective(id: "O\($0)", text: "\(summary) \($0)") }
        course.modules = (1...moduleCount).map { index in
            Module(
                id: "M\(index)", title: "\(title) \(index)", duration: Hours(minutes: 30 * halfHours[index - 1]),
                modality: modalities[index - 1], objectives: ["O\(1 + index % objectiveCount)"], content: [summary, title],
                methods: [title])
        }
        course.duration = course.modules.reduce(Hours(minutes: 0)) { $0 + $1.duration }
        course.certification = CertificationRule(
            minimumAttendancePercent: minimum, requiredModules: ["M\(moduleCount)"], requiresPassedAssessment: passed)
        course.validity = validityMonths == 0 ? nil : Validity(months: validityMonths, refresherCourse: passed ? "AV-FOND" : nil)
        if validityMonths % 3 == 0 { course.prerequisites = [] }
        // Two courses in three state an offer (course format 1.2), its parts drawn too.
        if draw % 3 != 0 {
            func short(_ text: String) -> String { String(text.prefix(40)).trimmingCharacters(in: .whitespaces) }
            let funder = draw % 21
            course.offer = CourseOffer(
                formacodes: draw % 2 == 0 ? [CourseOffer.Code("44028", version: "V12"), CourseOffer.Code("32154", version: "V13")] : [],
                romeCodes: draw % 5 == 0 ? ["K1201"] : [], expectedResults: draw % 4 == 0 ? nil : summary,
                entryLevel: [0, 1, 4, 11, 18][draw % 5], exitLevel: draw % 7 == 0 ? nil : 13,
                publics: [CourseOffer.Code("80056", version: "V13")],
                places: [
                    CourseOffer.Place(
                        name: draw % 2 == 0 ? short(title) : nil, lines: [short(summary), "2 rue <b> & \"c\""], postcode: "69002",
                        city: short(title), inseeCode: draw % 4 == 0 ? "2A004" : nil)
                ], funders: funder == 16 ? [16] : [16, funder],
                contact: draw % 6 == 0
                    ? nil
                    : CourseOffer.Contact(
                        name: short(title), phone: draw % 2 == 0 ? "+33 (0)2 41-00.00" : nil, email: "accueil@exemple.fr",
                        web: "https://exemple.fr/offre?a=1&b=<2>"))
        }
        return course
    }

    @Test func importExportImportIsTheIdentity() async throws {
        let folder = try TemporaryFolder()
        await propertyCheck(count: 200, input: Self.course) { course in
            #expect(course.problems().isEmpty, "the generator made an invalid course: \(course.problems())")
            do {
                let written = try CourseWriter().document(for: [course])
                let file = try folder.file("course.xml", written)
                let read = try CourseReader().courses(from: file)
                #expect(read == [course])
                #expect(try CourseWriter().document(for: read) == written)
            } catch {
                Issue.record("\(course.id): \(error)")
            }
        }
    }
}
