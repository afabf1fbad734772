import Foundation
import Testing
import TrainingCore
import TrainingTesting

/// The rule chain on the fixture course: 2 half-days of 3 h 30 (M1 in the room, M2 on the
/// terrain), 80 % minimum, M2 required, assessment required on O1 and O2.
@Suite struct CertificationRuleTests {
    let course = Fixtures.course()
    let session: Session = {
        let day = LocalDate("2026-03-12")!
        return Session(
            id: "S", courseID: "T-1", courseVersion: CourseVersion("1.0")!, timeZone: "Europe/Paris",
            place: .room(name: "Salle", address: "Lyon"), trainers: ["Claire"], capacity: 12, funder: nil, status: .closed,
            slots: Session.layOut(Fixtures.course(), from: day))
    }()

    func mark(_ slot: String, _ status: AttendanceMark.Status = .present, late: Int = 0) -> AttendanceMark {
        AttendanceMark(participantID: "P", slotID: slot, status: status, minutesLate: late, minutesLeftEarly: 0, reason: nil)
    }

    func passed(_ objectives: [String: AcquisitionLevel?], scores: [String: Int] = [:]) -> ParticipantProgress {
        ParticipantProgress(
            participantID: "P", modules: [:],
            results: objectives.map { id, level in
                ObjectiveResult(participantID: "P", objectiveID: id, phase: .assessment, level: level, score: scores[id])
            })
    }

    func decide(_ marks: [AttendanceMark], _ progress: ParticipantProgress?) -> CertificationDecision {
        session.certificationDecisions(course: course, participantIDs: ["P"], marks: marks, progress: progress.map { [$0] } ?? [])[0]
    }

    @Test func everyRuleMetIsEligible() {
        let decision = decide([mark("2026-03-12-am"), mark("2026-03-12-pm")], passed(["O1": .acquired, "O2": .acquired]))
        #expect(decision.isEligible)
        #expect(decision.hours.attended == Hours(minutes: 420))
    }

    @Test func attendanceIsMeasuredInHoursAgainstTheMinimum() {
        let progress = passed(["O1": .acquired, "O2": .acquired])
        // 84 minutes late of 420: exactly 80 % attended, the minimum.
        #expect(decide([mark("2026-03-12-am", late: 84), mark("2026-03-12-pm")], progress).isEligible)
        let short = decide([mark("2026-03-12-am", late: 85), mark("2026-03-12-pm")], progress)
        #expect(
            short.reasons == [
                .attendanceBelowMinimum(attended: Hours(minutes: 335), planned: Hours(minutes: 420), percent: 79, minimumPercent: 80)
            ])
        #expect(short.reasons[0].description == "attended 5 h 35 of 7 h (79 %), below the minimum of 80 %")
    }

    @Test func everyReasonIsGivenNotOnlyTheFirst() {
        let decision = decide(
            [mark("2026-03-12-am"), mark("2026-03-12-pm", .excused)], passed(["O1": .partlyAcquired]))
        #expect(
            decision.reasons.map(\.description) == [
                "attended 3 h 30 of 7 h (50 %), below the minimum of 80 %",
                "required module M2 not completed",
                "objective O1 not passed",
                "objective O2 not assessed",
            ])
        let unrecorded = decide([mark("2026-03-12-am")], nil)
        #expect(unrecorded.reasons.first == .unrecordedSlots(1))
    }

    @Test func requiredModuleIsCompletedByProgressOrByAttendingItsHalfDays() {
        var progress = passed(["O1": .acquired, "O2": .acquired])
        // Late on the terrain afternoon is still attending it.
        #expect(decide([mark("2026-03-12-am"), mark("2026-03-12-pm", late: 10)], progress).isEligible)
        progress.modules["M2"] = .completed
        var course = self.course
        course.certification.minimumAttendancePercent = 50
        let excused = session.certificationDecisions(
            course: course, participantIDs: ["P"], marks: [mark("2026-03-12-am"), mark("2026-03-12-pm", .excused)],
            progress: [progress])[0]
        #expect(excused.isEligible, "M2 marked completed by the trainer: \(excused.reasons)")
    }

    @Test func aScoreAlonePassesFromFifty() {
        let marks = [mark("2026-03-12-am"), mark("2026-03-12-pm")]
        #expect(decide(marks, passed(["O1": nil, "O2": nil], scores: ["O1": 50, "O2": 90])).isEligible)
        #expect(decide(marks, passed(["O1": nil, "O2": nil], scores: ["O1": 49, "O2": 90])).reasons == [.objectiveNotPassed("O1")])
        // A level, when given, decides over the score.
        #expect(
            decide(marks, passed(["O1": .notAcquired, "O2": .acquired], scores: ["O1": 95])).reasons == [.objectiveNotPassed("O1")])
    }

    @Test func validityEndsTheDayBeforeTheAnniversary() throws {
        #expect(course.validUntil(trainingEndedOn: try #require(LocalDate("2026-03-14")))?.description == "2029-03-13")
        #expect(try #require(LocalDate("2026-01-31")).adding(months: 1).description == "2026-02-28")
        #expect(try #require(LocalDate("2027-12-31")).adding(months: 2).description == "2028-02-29")
        var course = self.course
        course.validity = nil
        #expect(course.validUntil(trainingEndedOn: try #require(LocalDate("2026-03-14"))) == nil)
    }

    @Test func numbersArePrefixYearAndSixDigits() {
        #expect(Certificate.number(prefix: "IAV", year: 2026, sequence: 123) == "IAV-2026-000123")
        #expect(Certificate.number(prefix: "AV", year: 2027, sequence: 1_234_567) == "AV-2027-1234567")
    }
}

@Suite struct EnrolmentRuleTests {
    let course = Fixtures.course()

    @Test func prerequisitesNameWhatIsMissing() {
        #expect(
            course.prerequisiteProblems(of: "P-1", completed: [], experienceConfirmed: false) == [
                "course AV-FOND is required and P-1 has not completed it",
                "the trainer must confirm the declared experience (6 months) with --experience-confirmed: Maraudes.",
            ])
        #expect(course.prerequisiteProblems(of: "P-1", completed: ["AV-FOND"], experienceConfirmed: true).isEmpty)
        #expect(course.requiredCourses == ["AV-FOND"])
    }

    @Test func aCourseIsCompletedFromItsMinimumShareOfHours() throws {
        let session = Fixtures.session(of: course)
        try #require(session.plannedHours.minutes == 420 && session.slots.count == 2)
        func hours(late: Int) -> AttendedHours {
            session.attendedHours(
                of: ["P-1"],
                marks: [
                    AttendanceMark(participantID: "P-1", slotID: session.slots[0].id, status: .present),
                    AttendanceMark(participantID: "P-1", slotID: session.slots[1].id, status: .present, minutesLate: late),
                ])[0]
        }
        #expect(course.isCompleted(by: hours(late: 84)))  // 336 of 420 minutes: 80 %
        #expect(!course.isCompleted(by: hours(late: 85)))
    }

    /// What a certificate is worth on a day: the validity's end is its last valid day.
    @Test func aCertificatesStateOnADay() throws {
        func certificate(eligible: Bool = true, validUntil: String? = "2029-03-13", revoked: Bool = false) throws -> Certificate {
            Certificate(
                number: "AV-2026-000001", sessionID: "S", participantID: "P-0001", courseID: "AV-FOND",
                courseVersion: try #require(CourseVersion("1.0")), isEligible: eligible, reasons: [], attended: Hours(minutes: 840),
                planned: Hours(minutes: 840), firstDay: try #require(LocalDate("2026-03-12")),
                lastDay: try #require(LocalDate("2026-03-13")),
                issuedOn: try #require(LocalDate("2026-03-16")), validUntil: validUntil.flatMap(LocalDate.init), replaces: nil,
                signedPayload: "", credential: nil,
                revocation: revoked ? Certificate.Revocation(at: Date(timeIntervalSince1970: 0), reason: "erreur", replacedBy: nil) : nil)
        }
        let lastDay = try #require(LocalDate("2029-03-13"))
        #expect(try certificate().state(on: lastDay) == .valid)
        #expect(try certificate().state(on: lastDay.adding(days: 1)) == .expired)
        #expect(try certificate(validUntil: nil).state(on: lastDay.adding(days: 4000)) == .valid)
        #expect(try certificate(revoked: true).state(on: lastDay) == .revoked)
        #expect(try certificate(eligible: false, validUntil: nil).state(on: lastDay) == .notMet)
    }
}
