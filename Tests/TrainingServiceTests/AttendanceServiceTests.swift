import Foundation
import Testing
import TrainingCore
import TrainingService
import TrainingStore
import TrainingTesting

/// The attendance use cases called as a front end calls them: the rules of a half-day sheet
/// and of a paper sheet's lines, over a real store in a temporary folder.
@Suite struct AttendanceServiceTests {
    let folder: TemporaryFolder
    let store: Store
    let service: AttendanceService
    let morning = "2026-03-12-am"
    let noon: Date

    init() throws {
        folder = try TemporaryFolder()
        store = try TestDatabase.createStore(in: folder.url, organisation: nil)
        var course = Fixtures.course()
        course.prerequisites = []
        _ = try store.importCourses { try $0.add(course) }
        var session = Fixtures.session(of: course)
        session.status = .planned
        try store.plan(session, allowingPartial: true)
        let people = try store.add(
            (1...3).map { Participant(id: "", firstName: "P\($0)", lastName: "Nom\($0)", email: "p\($0)@example.org") })
        _ = try store.enrol(people.map(\.id), in: session.id)
        service = AttendanceService(store: store)
        noon = try #require(
            Calendar(identifier: .gregorian).date(from: DateComponents(timeZone: .gmt, year: 2026, month: 3, day: 12, hour: 12)))
    }

    @Test func aFirstRecordCoversEverySeatAndACorrectionNamesOnlyWhomItChanges() async throws {
        var partial = HalfDaySheet(slotID: morning)
        partial.absent = ["P-0001"]
        await #expect(throws: SheetError.self) { try await service.record(partial, in: "S", by: "Claire", at: noon) }
        partial.othersPresent = true
        let first = try await service.record(partial, in: "S", by: "Claire", at: noon)
        #expect(first.map(\.status) == [.absent, .present, .present])

        var correction = HalfDaySheet(slotID: morning)
        correction.late = [HalfDaySheet.Minutes(participant: "p1@example.org", minutes: 10)]
        correction.correctionReason = "arrivée à 9 h 10"
        let corrected = try await service.record(correction, in: "S", by: "Claire", at: noon)
        #expect(corrected.map(\.participantID) == ["P-0001"])
        #expect(try store.attendanceHistory(of: "S").last?.correctionReason == "arrivée à 9 h 10")
    }

    @Test func oneNameTwiceOrNobodyIsRefused() async throws {
        var twice = HalfDaySheet(slotID: morning)
        twice.absent = ["P-0002"]
        twice.excused = [HalfDaySheet.Excuse(participant: "P-0002", reason: "malade")]
        let error = await #expect(throws: SheetError.self) { try await service.record(twice, in: "S", by: nil, at: noon) }
        #expect(error?.description == "P-0002 is named twice for 2026-03-12-am (--excused and --absent): name each participant once")
        await #expect(throws: SheetError.self) { try await service.record(HalfDaySheet(slotID: self.morning), in: "S", by: nil, at: noon) }
        #expect(try store.attendanceHistory(of: "S").isEmpty)
    }

    @Test func aPaperSheetNamesTheLineOfItsFirstFault() async throws {
        func line(_ number: Int, _ participant: String, _ status: String) -> AttendanceLine {
            AttendanceLine(
                line: number, session: "S", slot: morning, participant: participant, status: status, minutesLate: "", minutesLeftEarly: "",
                reason: "")
        }
        let refused = await #expect(throws: SheetError.self) {
            try await service.importSheet(
                [line(2, "P-0001", "présente"), line(3, "P-0002", "absente"), line(4, "P-0003", "en retard")], named: "f.csv", by: "Claire",
                correctionReason: nil, at: noon)
        }
        #expect(refused?.line == 4)
        #expect(try store.attendanceHistory(of: "S").isEmpty)
        let count = try await service.importSheet(
            [line(2, "P-0001", "présente"), line(3, "P-0002", "absente"), line(4, "P-0003", "absent")], named: "f.csv", by: "Claire",
            correctionReason: nil, at: noon)
        #expect(count == 3)
        let late = await #expect(throws: SheetError.self) {
            try await service.importSheet(
                [line(7, "P-0001", "absent")], named: "g.csv", by: "Claire", correctionReason: nil, at: noon)
        }
        #expect(late?.line == 7, "a correction without its reason")
    }
}
