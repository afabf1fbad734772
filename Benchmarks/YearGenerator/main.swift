// A large organisation's records, year after year, for `make bench`: YEARS years (1, or 20 for
// the flatness rows) ending with LAST, each of 20 courses, 10,000 new participants, 600
// sessions of 13 to 15 seats laid out over the year's working days, every half-day recorded
// (some absent, excused or late), every session closed and certified with the real signer.
// One year is the year of issue 17: about 55,000 half-day marks and 8,000 certificates.
//
//   allervers-bench-year STORE_DIR [YEARS] [LAST]
//
// It writes through the store's use cases in process, in batches (a year's people, its
// marks and its certificates are one transaction each), rather than through thousands of
// CLI calls. The same session, person and certificate ids come out in every store, so a
// command on one item can be timed on a store of one year and on one of twenty.
import Foundation
import TrainingCore
import TrainingService
import TrainingStore

let arguments = CommandLine.arguments
guard arguments.count >= 2, arguments.count <= 4 else {
    FileHandle.standardError.write(Data("usage: allervers-bench-year STORE_DIR [YEARS] [LAST]\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let years = arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1
let lastYear = arguments.count > 3 ? Int(arguments[3]) ?? 2025 : 2025
let peoplePerYear = 10_000
let sessionsPerYear = 600
let rooms = 40  // a room and its trainer host one session at a time: sessions 40 apart are weeks apart

/// A time in Paris on `day`.
func paris(_ day: LocalDate, _ hour: Int) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
    return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour))!
}

let started = Date()
try? FileManager.default.removeItem(at: folder)
let organisation = try Organisation(
    name: "Institut Aller-Vers", address: "12 rue des Lices, 49100 Angers", declarationNumber: "52490123449",
    signatoryName: "Claire Martin",
    signatoryTitle: "Directrice", publicAddress: "https://formation.example.org")
_ = try await WorkspaceService.create(in: Workspace(folder: folder), databaseURL: nil, organisation: organisation)
let store = try Stores.open(Workspace(folder: folder))

// Twenty courses: the shipped three, then variations of them one, two or three times as long
// (2 to 12 half-days), their groups up to 15. Prerequisites are left out: each year's people
// are new, and none has taken a course yet.
let shipped = try CourseFiles(arguments: ["Courses/"])
var templates: [Course] = []
try shipped.forEachCourse { course, _ in templates.append(course) }
templates.sort { $0.id < $1.id }
let courses = (0..<20).map { index -> Course in
    var course = templates[index % templates.count]
    course.prerequisites = []
    guard index >= templates.count else { return course }
    let length = 1 + index % 3
    course.id += "-\(index)"
    course.title += " (\(index))"
    course.duration = Hours(minutes: course.duration.minutes * length)
    for position in course.modules.indices {
        course.modules[position].duration = Hours(minutes: course.modules[position].duration.minutes * length)
    }
    course.groupSize.maximum = max(course.groupSize.maximum, 15)
    return course
}
_ = try store.importCourses { importer in for course in courses { _ = try importer.add(course) } }

let holidays = PublicHolidays()
let jobs = ["éducateur spécialisé", "assistant de service social", "CESF", "moniteur-éducateur"]
let sessionService = SessionService(store: store)
let certification = CertificationService(store: store)
var marks = 0
var certificates = 0
for year in (lastYear - years + 1)...lastYear {
    let first = (year - lastYear + years - 1) * peoplePerYear  // people before this year's
    let people = (1...peoplePerYear).map { index in
        Participant(
            id: "", firstName: "Prénom\(index)", lastName: "Nom\(year)-\(index)", email: "p\(year)-\(index)@example.org",
            profession: jobs[index % jobs.count], employer: "Employeur \(index % 300)",
            hireDate: LocalDate(year: year - 1 - index % 20, month: index % 12 + 1, day: index % 28 + 1),
            externalID: "EXT-\(year)-\(index)")
    }
    let added = try await ParticipantService(store: store).add(people).added
    precondition(added.count == peoplePerYear && added[0].id == String(format: "P-%04d", first + 1))

    // The year's working days; session i starts on day i × 235 / 600, so sessions of one room
    // start about sixteen working days apart and the last ends before Christmas.
    var days: [LocalDate] = []
    var day = LocalDate(year: year, month: 1, day: 2)!
    while day.year == year {
        if !day.isWeekend && holidays.whyNotWorking(day) == nil { days.append(day) }
        day = day.adding(days: 1)
    }
    var sessions: [Session] = []
    var seated = 0
    for index in 0..<sessionsPerYear {
        let course = courses[index % courses.count]
        let session = Session(
            id: String(format: "S-%d-%03d", year, index + 1), courseID: course.id, courseVersion: course.version,
            timeZone: "Europe/Paris",
            place: .room(name: "Salle \(index % rooms + 1)", address: "\(index % rooms + 1) quai Perrache, 69002 Lyon"),
            trainers: ["Formateur \(index % rooms + 1)"], capacity: 15, funder: index % 4 == 0 ? "OPCO Santé" : nil, status: .planned,
            slots: Session.layOut(course, from: days[index * 235 / sessionsPerYear], holidays: holidays))
        try await sessionService.plan(session, allowingPartial: false, by: session.trainers[0], at: paris(session.slots[0].date, 8))
        let seats = 13 + index % 3
        let enrolled = (seated..<seated + seats).map { added[$0].id }
        seated += seats
        _ = try await sessionService.enrol(enrolled, in: session.id, experienceConfirmed: true)
        sessions.append(session)
    }

    // Every half-day of every session, in one batch: mostly present, some absent, excused or late.
    let batch = try sessions.map { session in
        let people = try store.seatedParticipants(in: session.id).map(\.id)
        var sessionMarks: [AttendanceMark] = []
        for (slotIndex, slot) in session.slots.enumerated() {
            for (seat, person) in people.enumerated() {
                var mark = AttendanceMark(participantID: person, slotID: slot.id, status: .present)
                switch ((slotIndex + 1) * 7 + seat) % 50 {
                case 0: mark.status = .absent
                case 1:
                    mark.status = .excused
                    mark.reason = "arrêt maladie"
                case 2: mark.minutesLate = 5 + seat % 40
                default: break
                }
                sessionMarks.append(mark)
            }
        }
        marks += sessionMarks.count
        return (sessionID: session.id, marks: sessionMarks)
    }
    let closing = LocalDate(year: year, month: 12, day: 31)!
    try store.record(batch, by: "Formateur", source: "bench", at: paris(closing, 18))
    for session in sessions {
        try await sessionService.close(session.id, recordingUnrecordedAsAbsent: false, by: nil, at: paris(closing, 19))
    }
    let outcomes = try await certification.certify(sessions.map(\.id), on: closing, by: nil, at: paris(closing, 20))
    certificates += outcomes.reduce(0) { $0 + $1.issued.count }
    FileHandle.standardError.write(Data("\(year): \(Int(Date().timeIntervalSince(started))) s\n".utf8))
}
print(
    "\(years) year(s) to \(lastYear): \(courses.count) courses, \(years * peoplePerYear) participants, \(years * sessionsPerYear) sessions, \(marks) half-day marks, \(certificates) certificates, in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
)
