import Testing
import TrainingCore
import TrainingTesting

@Suite struct CourseProblemsTests {
    @Test func consistentCourseHasNoProblem() {
        #expect(Fixtures.course().problems().isEmpty)
    }

    @Test func duplicateObjectiveID() {
        var course = Fixtures.course()
        course.objectives.append(Objective(id: "O1", text: "Encore."))
        let problems = course.problems()
        #expect(problems.map(\.subject) == [.objective(2)])
        #expect(problems.first?.message.description.contains("objective id \"O1\" is used twice") == true)
    }

    @Test func duplicateModuleIDAndHours() {
        var course = Fixtures.course()
        course.modules.append(course.modules[0])
        let problems = course.problems()
        #expect(problems.map(\.subject) == [.module(2), .course])
        #expect(problems.last?.message.description.contains("add up to 10.5 hours but the course states 7 hours") == true)
    }

    @Test func danglingObjectiveReference() {
        var course = Fixtures.course()
        course.modules[1].objectives = ["O9"]
        #expect(course.problems().map(\.subject) == [.module(1)])
        #expect(course.problems().first?.message.description.contains("refers to objective \"O9\"") == true)
    }

    @Test func danglingRequiredModule() {
        var course = Fixtures.course()
        course.certification.requiredModules = ["M7"]
        #expect(course.problems().map(\.subject) == [.certification])
    }

    @Test func groupSizeUpsideDown() {
        var course = Fixtures.course()
        course.groupSize = GroupSize(minimum: 15, maximum: 6)
        #expect(course.problems().map(\.subject) == [.groupSize])
    }

    @Test func courseAsItsOwnPrerequisite() {
        var course = Fixtures.course()
        course.prerequisites = [.course(id: course.id)]
        #expect(course.problems().map(\.subject) == [.prerequisite(0)])
    }

    @Test func organisationNeedsElevenDigits() throws {
        #expect(throws: OrganisationError.self) {
            try Organisation(name: "I", address: "A", declarationNumber: "1234", signatoryName: "S", signatoryTitle: "T")
        }
        let organisation = try Organisation(
            name: "I", address: "A", declarationNumber: "52 49 01234 49", signatoryName: "S", signatoryTitle: "T")
        #expect(organisation.declarationNumber == "52490123449")
    }
}
