import Foundation
import Testing
import TrainingCore
import TrainingTesting

@testable import TrainingStore

@Suite struct SessionStoreTests {
    let folder: TemporaryFolder
    let store: Store

    init() throws {
        folder = try TemporaryFolder()
        store = try TestDatabase.createStore(in: folder.url, organisation: nil)
        var foundation = Fixtures.course(id: "FOND")
        foundation.prerequisites = []
        var field = Fixtures.course(id: "TERRAIN")
        field.prerequisites = [.course(id: "FOND"), .experience(months: 6, description: "Maraudes")]
        _ = try store.importCourses { importer in
            try importer.add(foundation)
            try importer.add(field)
        }
    }

    func session(
        _ id: String, course: String = "FOND", on date: String, place: String = "Salle Rhône", address: String = "Lyon",
        trainer: String = "Claire", capacity: Int = 2
    )
        throws -> Session
    {
        let course = try store.course(id: course)
        return Session(
            id: id, courseID: course.id, courseVersion: course.version, timeZone: "Europe/Paris",
            place: .room(name: place, address: address),
            trainers: [trainer], capacity: capacity, funder: "OPCO Santé", status: .planned,
            slots: Session.layOut(course, from: LocalDate(date)!))
    }

    func people(_ count: Int) throws -> [String] {
        try store.add((1...count).map { Participant(id: "", firstName: "P\($0)", lastName: "Nom\($0)", email: "p\($0)@example.org") }).map(
            \.id)
    }

    @Test func plannedSessionReadsBack() throws {
        let planned = try session("S1", on: "2026-03-12")
        try store.plan(planned)
        #expect(try store.session(id: "S1") == planned)
        #expect(try store.sessionSummaries().map(\.id) == ["S1"])
    }

    @Test(arguments: [
        ("Salle Rhône", "Bruno", "the place Salle Rhône is booked"), ("Salle Saône", "claire", "trainer claire teaches session S1"),
        ("SALLE  rhône", "Bruno", "the place SALLE  rhône is booked"), ("Salle Saône", " CLAIRE ", "trainer  CLAIRE  teaches session S1"),
    ])
    func clashesAreRefused(place: String, trainer: String, expected: String) throws {
        try store.plan(try session("S1", on: "2026-03-12"))
        let error = try #require(throws: SessionError.self) {
            try store.plan(try session("S2", on: "2026-03-12", place: place, trainer: trainer))
        }
        #expect(error.description.contains(expected), "\(error)")
        try store.plan(try session("S3", on: "2026-03-16", place: place, trainer: trainer))
        try store.cancel(sessionID: "S1", by: "Test")
        try store.plan(try session("S2", on: "2026-03-12", place: place, trainer: trainer))
    }

    /// A slot of twelve hours on the clock, the longest there is, lasts thirteen on the night
    /// the clocks go back, and clashes with one that starts twelve and a half hours after it:
    /// the search of the slots that began before a slot looks back far enough.
    @Test func aNightLongSlotClashesTheNextMorning() throws {
        func night(_ id: String, on date: String, from start: Int, to end: Int, place: String, trainer: String) throws -> Session {
            var planned = try session(id, on: date, place: place, trainer: trainer)
            planned.slots = [
                Slot(
                    date: LocalDate(date)!, start: TimeOfDay(minutes: start)!, end: TimeOfDay(minutes: end)!,
                    modules: planned.slots.flatMap(\.modules))
            ]
            return planned
        }
        let round = try night("NUIT", on: "2026-10-24", from: 18 * 60, to: 6 * 60, place: "Local SIAO", trainer: "Claire")
        #expect(round.slots[0].duration == Hours(minutes: 13 * 60))
        try store.plan(round, allowingPartial: true)
        let error = try #require(throws: SessionError.self) {
            try store.plan(
                try night("AUBE", on: "2026-10-25", from: 5 * 60 + 30, to: 7 * 60, place: "Gare", trainer: "claire"), allowingPartial: true)
        }
        #expect(error.description.contains("trainer claire teaches session NUIT (slot 2026-10-24-ev)"), "\(error)")
        try store.plan(
            try night("MATIN", on: "2026-10-25", from: 6 * 60, to: 8 * 60, place: "Gare", trainer: "Claire"), allowingPartial: true)
    }

    /// Each other session's trainers are its own: two sessions at the same time, each
    /// teaching with one of the new session's trainers, are both named, and a third not.
    @Test func eachOtherSessionIsNamedForItsOwnTrainers() throws {
        try store.plan(try session("S1", on: "2026-03-12", place: "Salle 1", trainer: "Claire"))
        try store.plan(try session("S2", on: "2026-03-12", place: "Salle 2", trainer: "Bruno"))
        try store.plan(try session("S3", on: "2026-03-12", place: "Salle 3", trainer: "Nadia"))
        var both = try session("S4", on: "2026-03-12", place: "Salle 4", trainer: "Bruno")
        both.trainers = ["Bruno", "Claire"]
        let error = try #require(throws: SessionError.self) { try store.plan(both) }
        let text = error.description
        #expect(text.contains("trainer Claire teaches session S1") && text.contains("trainer Bruno teaches session S2"), "\(text)")
        #expect(
            !text.contains("S3") && !text.contains("trainer Bruno teaches session S1")
                && !text.contains("trainer Claire teaches session S2"))
    }

    /// A place is its name and its address: "Salle Rhône" in Lyon and in Marseille are two rooms.
    @Test func aPlaceIsItsNameAndAddress() throws {
        try store.plan(try session("S1", on: "2026-03-12"))
        try store.plan(try session("S2", on: "2026-03-12", address: "Marseille", trainer: "Bruno"))
        #expect(throws: SessionError.self) { try store.plan(try session("S3", on: "2026-03-12", address: " LYON.", trainer: "Nadia")) }
    }

    /// Those waiting are in the order they joined the line, each with their place in it.
    @Test func theWaitingListHasPositions() throws {
        try store.plan(try session("S1", on: "2026-03-12", capacity: 1))
        let ids = try people(4)
        for id in [ids[3], ids[0], ids[2], ids[1]] { _ = try store.enrol([id], in: "S1") }
        let enrolments = try store.enrolments(in: "S1")
        #expect(enrolments.map(\.participant.id) == [ids[3], ids[0], ids[2], ids[1]])
        #expect(enrolments.map(\.position) == [nil, 1, 2, 3])
        let summary = try #require(try store.sessionSummaries().first)
        #expect(summary.enrolled == 1 && summary.waiting == 3 && summary.trainers == ["Claire"])
    }

    @Test func participantsGetIdsAndDuplicatesRefuseTheBatch() throws {
        let ids = try people(2)
        #expect(ids == ["P-0001", "P-0002"])
        let error = try #require(throws: ParticipantError.self) {
            try store.add([
                Participant(id: "", firstName: "New", lastName: "One", email: "new@example.org"),
                Participant(id: "", firstName: "Dup", lastName: "Two", email: "P1@example.org"),
            ])
        }
        #expect(error.index == 1)
        #expect(try store.participants().count == 2)
    }

    /// A list's emails and external ids are checked against the register a few hundred at a
    /// time and against the people before them in the list: each one taken is refused at its
    /// row, naming who has it, past the first few hundred too.
    @Test func aLongListIsCheckedForTakenEmailsAndExternalIDs() throws {
        _ = try store.add([Participant(id: "", firstName: "Ann", lastName: "Old", email: "ann@example.org", externalID: "AG-1")])
        func list(_ count: Int, then last: Participant) -> [Participant] {
            (1...count).map {
                Participant(id: "", firstName: "P\($0)", lastName: "Nom\($0)", email: "p\($0)@example.org", externalID: "EXT-\($0)")
            } + [last]
        }
        let cases: [(Participant, String)] = [
            (Participant(id: "", firstName: "A", lastName: "B", email: "ANN@Example.org"), "ANN@Example.org is already participant P-0001"),
            (Participant(id: "", firstName: "A", lastName: "B", email: "P7@EXAMPLE.ORG"), "P7@EXAMPLE.ORG is already participant P-0008"),
            (Participant(id: "", firstName: "A", lastName: "B", externalID: "AG-1"), "external id AG-1 is already participant P-0001"),
            (
                Participant(id: "", firstName: "A", lastName: "B", externalID: "EXT-1100"),
                "external id EXT-1100 is already participant P-1101"
            ),
        ]
        for (last, expected) in cases {
            let error = try #require(throws: ParticipantError.self) { try store.add(list(1_200, then: last)) }
            #expect(error.index == 1_200 && error.description.contains(expected), "\(error)")
        }
        #expect(try store.participants().count == 1)
        // Emails that differ in more than case are not taken.
        #expect(
            try store.add(list(1_200, then: Participant(id: "", firstName: "A", lastName: "B", email: "anne@example.org"))).count == 1_201)
    }

    @Test func capacityWaitingListAndWithdrawal() throws {
        try store.plan(try session("S1", on: "2026-03-12", capacity: 2))
        let ids = try people(4)
        let results = try store.enrol(ids, in: "S1")
        #expect(results.map(\.status) == [.enrolled, .enrolled, .waitlisted, .waitlisted])
        #expect(try store.withdraw(ids[0], from: "S1") == ids[2])
        #expect(try store.withdraw(ids[3], from: "S1") == nil)
        #expect(try store.enrolments(in: "S1").map(\.status) == [.enrolled, .enrolled, .withdrawn, .withdrawn])
    }

    @Test func prerequisitesAreChecked() throws {
        let past = try session("FOND-1", on: "2020-03-12", capacity: 4)
        try store.plan(past)
        try store.plan(try session("TERRAIN-1", course: "TERRAIN", on: "2026-05-04", place: "Rue", trainer: "Bruno", capacity: 4))
        let ids = try people(2)
        _ = try store.enrol(ids, in: "FOND-1")
        let noCourse = try #require(throws: EnrolmentError.self) { try store.enrol([ids[0]], in: "TERRAIN-1", experienceConfirmed: true) }
        #expect(noCourse.reasons == ["course FOND is required and P-0001 has not completed it"])

        let fullDays = past.slots.map { AttendanceMark(participantID: ids[0], slotID: $0.id, status: .present) }
        let halfDays = past.slots.map {
            AttendanceMark(participantID: ids[1], slotID: $0.id, status: $0 == past.slots[0] ? .present : .absent)
        }
        try store.record(fullDays + halfDays, in: "FOND-1", by: "Claire", source: "test")
        try store.close(sessionID: "FOND-1", by: "Test")

        let noExperience = try #require(throws: EnrolmentError.self) { try store.enrol([ids[0]], in: "TERRAIN-1") }
        #expect(noExperience.reasons.first?.description.contains("--experience-confirmed") == true)
        #expect(try store.enrol([ids[0]], in: "TERRAIN-1", experienceConfirmed: true).map(\.status) == [.enrolled])
        // Half the hours is below the 80 % the course asks.
        #expect(throws: EnrolmentError.self) { try store.enrol([ids[1]], in: "TERRAIN-1", experienceConfirmed: true) }
    }

    @Test func attendanceIsCheckedThenAppendedAndCorrectionsSupersede() throws {
        try store.plan(try session("S1", on: "2026-03-12", capacity: 1))
        let ids = try people(2)
        _ = try store.enrol(ids, in: "S1")
        let slot = "2026-03-12-am"
        let refused = try #require(throws: AttendanceError.self) {
            try store.record(
                [
                    AttendanceMark(participantID: ids[0], slotID: slot, status: .present, minutesLate: 500),
                    AttendanceMark(participantID: ids[1], slotID: slot, status: .present),
                    AttendanceMark(participantID: ids[0], slotID: "2026-03-19-am", status: .present),
                ], in: "S1", by: "Claire", source: "test")
        }
        #expect(refused.reasons.count == 3)
        #expect(try store.attendanceHistory(of: "S1").isEmpty)

        try store.record(
            [AttendanceMark(participantID: ids[0], slotID: slot, status: .present, minutesLate: 20)], in: "S1", by: "Claire", source: "test"
        )
        let correction = [AttendanceMark(participantID: ids[0], slotID: slot, status: .present, minutesLate: 10)]
        let unexplained = try #require(throws: AttendanceError.self) {
            try store.record(correction, in: "S1", by: "Bruno", source: "test")
        }
        #expect(unexplained.description.hasSuffix("a correction needs its reason (--reason)"))
        try store.record(correction, in: "S1", by: "Bruno", source: "test", correctionReason: "retard mal noté")
        let history = try store.attendanceHistory(of: "S1")
        #expect(history.map(\.sequence) == [1, 2])
        #expect(history[1].supersedes == 1)
        #expect(history.map(\.correctionReason) == [nil, "retard mal noté"])
        #expect(try store.currentMarks(in: "S1").map(\.minutesLate) == [10])
        #expect(try store.session(id: "S1").status == .running)
        let report = try store.verifyAttendanceChain()
        #expect(report.isIntact)
        #expect(report.recordCount == 2)
    }

    /// A record's hash is the SHA-256 of its fields, each written as its length in bytes, a
    /// colon and its UTF-8 bytes, after the previous hash: fixed here against a hash computed
    /// apart from the tool (Python's hashlib), with numbers of two digits, the NUL of a record
    /// without a reason, and a correction's reason with an accent.
    @Test func aRecordsHashIsItsFieldsLengthsAndBytes() {
        let fields = [
            "12", "S1", "2026-03-12-am", "P-1", "present", "10", "0", "\u{0}", "Claire", "2026-03-12T08:00:00Z", "test",
            "retard mal noté",
        ]
        #expect(
            AttendanceRows.digest(fields, previous: AttendanceRows.genesis)
                == "ce2fc875d988a8087521d9692ad3b97cd8ba3a186e8f249c5a5b8afc0f312cdd")
    }

    /// Records of every shape — with and without a reason, a correction, signed evidence with
    /// and without a correction's reason — verify as they were hashed when written; a change
    /// to any column a record's hash covers is named at that record, and one to its link to
    /// the record before as a record that does not follow; undone, the log verifies again.
    @Test func everyColumnOfARecordIsInItsHash() throws {
        try store.plan(try session("S1", on: "2026-03-12", capacity: 3))
        let ids = try people(3)
        _ = try store.enrol(ids, in: "S1")
        let slot = "2026-03-12-am"
        try store.record(
            [
                AttendanceMark(participantID: ids[0], slotID: slot, status: .present),
                AttendanceMark(participantID: ids[1], slotID: slot, status: .excused, reason: "arrêt « maladie »"),
            ], in: "S1", by: "Claire", source: "test")
        try store.record(
            [AttendanceMark(participantID: ids[0], slotID: slot, status: .present, minutesLate: 10)], in: "S1", by: "Bruno",
            source: "test", correctionReason: "retard mal noté")
        try store.database.write { db in
            let signed = AttendanceMark(participantID: ids[2], slotID: slot, status: .present, minutesLeftEarly: 15)
            try AttendanceRows.append(
                [signed], sessionID: "S1", recordedBy: "Claire", source: "qr", correctionReason: nil, at: Date(), evidence: #"{"m":"qr"}"#,
                in: db)
            try AttendanceRows.append(
                [signed], sessionID: "S1", recordedBy: "Claire", source: "qr", correctionReason: "signé pour", at: Date(),
                evidence: #"{"m":"trainer"}"#, in: db)
        }
        #expect(try store.verifyAttendanceChain() == ChainReport(recordCount: 5, firstBrokenSequence: nil, problem: nil))

        let sqlite = store.database is SQLiteDatabase
        try store.database.write { db in
            try db.execute(
                sql: sqlite
                    ? "DROP TRIGGER attendanceEventIsAppendOnlyOnUpdate"
                    : "DROP TRIGGER attendanceEventIsAppendOnlyOnUpdate ON attendanceEvent")
        }
        let changes: [(column: String, sequence: Int64, value: any SQLBindable)] = [
            ("status", 1, "absent"), ("minutesLate", 3, 11), ("minutesLeftEarly", 4, 16), ("reason", 2, "arrêt « maladie » "),
            ("reason", 1, "ajouté"), ("recordedBy", 2, "Clara"), ("recordedAt", 1, "2020-01-01T00:00:00Z"), ("source", 4, "code"),
            ("correctionReason", 3, "retard"), ("correctionReason", 4, "ajouté"), ("evidence", 5, #"{"m":"qr"}"#),
            ("evidence", 3, "{}"), ("participantID", 1, ids[1]), ("slotID", 2, "2026-03-12-pm"),
        ]
        for change in changes {
            let before = try #require(
                try store.database.read { db in
                    try db.row(sql: "SELECT \(change.column) FROM attendanceEvent WHERE sequence = ?", arguments: [change.sequence])
                }
            ).values[0]
            try store.database.write { db in
                try db.execute(
                    sql: "UPDATE attendanceEvent SET \(change.column) = ? WHERE sequence = ?", arguments: [change.value, change.sequence])
            }
            let broken = try store.verifyAttendanceChain()
            // Read a page of two rows at a time, the same.
            #expect(try store.database.read { db in try AttendanceRows.verifyChain(db, pageSize: 2) } == broken)
            #expect(broken.firstBrokenSequence == change.sequence, "\(change.column)")
            #expect(broken.problem == "attendance record \(change.sequence) was changed after it was written", "\(change.column)")
            try store.database.write { db in
                try db.execute(
                    sql: "UPDATE attendanceEvent SET \(change.column) = ? WHERE sequence = ?", arguments: [before, change.sequence])
            }
            #expect(try store.verifyAttendanceChain().isIntact, "\(change.column) restored")
        }
        // The log's head: a count beyond its records, then another last hash.
        try store.database.write { db in try db.execute(sql: "UPDATE attendanceChain SET count = 7") }
        #expect(
            try store.verifyAttendanceChain()
                == ChainReport(
                    recordCount: 5, firstBrokenSequence: 6,
                    problem: "the newest 2 records of the attendance log have been removed (it held 7)"
                ))
        try store.database.write { db in
            try db.execute(sql: "UPDATE attendanceChain SET count = 5, lastHash = ?", arguments: [AttendanceRows.genesis])
        }
        #expect(
            try store.verifyAttendanceChain()
                == ChainReport(recordCount: 5, firstBrokenSequence: 6, problem: "the head of the attendance log does not match its records")
        )
        try store.database.write { db in
            try db.execute(sql: "UPDATE attendanceEvent SET previousHash = hash WHERE sequence = 4")
        }
        let unlinked = try store.verifyAttendanceChain()
        #expect(unlinked.firstBrokenSequence == 4 && unlinked.recordCount == 4)
        #expect(unlinked.problem == "attendance record 4 does not follow record 3: a record before it was changed or removed")
    }

    /// Rows written in a batch (PostgreSQL's adapter sends those by `COPY`, whose text format
    /// escapes) come back as given, and the chain's hashes recomputed from them agree.
    @Test func batchedTextReadsBackAsGiven() throws {
        try store.plan(try session("S1", on: "2026-03-12", capacity: 3))
        let ids = try people(3)
        _ = try store.enrol(ids, in: "S1")
        let reasons = ["tab\there \\N and \\ back\\slash", "line\nbreak\r\nand\u{7F} « guillemets »", "\\\\N"]
        let marks = zip(ids, reasons).map { AttendanceMark(participantID: $0, slotID: "2026-03-12-am", status: .excused, reason: $1) }
        try store.record(marks, in: "S1", by: "Claire\tD\\", source: "test")
        let history = try store.attendanceHistory(of: "S1")
        #expect(history.map(\.mark.reason) == reasons)
        #expect(history.map(\.recordedBy) == Array(repeating: "Claire\tD\\", count: 3))
        #expect(try store.verifyAttendanceChain().isIntact)
    }

    @Test func closedSessionsAreFinal() throws {
        try store.plan(try session("S1", on: "2020-03-12"))
        try store.plan(try session("S2", on: "2999-03-12"))
        let ids = try people(1)
        _ = try store.enrol(ids, in: "S1")
        #expect(throws: SessionError.self) { try store.close(sessionID: "S2", by: "Test") }
        try store.record(
            [AttendanceMark(participantID: ids[0], slotID: "2020-03-12-am", status: .present)], in: "S1", by: "C", source: "t")
        let unrecorded = try #require(throws: SessionError.self) { try store.close(sessionID: "S1", by: "Test") }
        #expect(unrecorded.description.hasPrefix("session S1: 2020-03-12-pm: 1 participant without a record; record them"))
        #expect(try store.session(id: "S1").status == .running)
        try store.close(sessionID: "S1", unrecorded: .absent, by: "Test")
        #expect(try store.currentMarks(in: "S1").map(\.status) == [.present, .absent])
        #expect(try store.attendanceHistory(of: "S1").last?.source == "close --unrecorded absent")
        #expect(throws: AttendanceError.self) {
            try store.record(
                [AttendanceMark(participantID: ids[0], slotID: "2020-03-12-am", status: .absent)], in: "S1", by: "C", source: "t")
        }
        #expect(throws: SessionError.self) { try store.cancel(sessionID: "S1", by: "Test") }
        #expect(throws: SessionError.self) { try store.withdraw(ids[0], from: "S1") }
        #expect(throws: SessionError.self) { try store.enrol(ids, in: "S1") }

        // Reopening needs a reason, and is kept in the chained session log.
        #expect(throws: SessionError.self) { try store.reopen(sessionID: "S1", reason: " ", by: "Claire") }
        try store.reopen(sessionID: "S1", reason: "feuille retrouvée", by: "Claire")
        #expect(try store.session(id: "S1").status == .running)
        #expect(try store.sessionHistory(of: "S1").map(\.kind) == [.closed, .reopened])
        #expect(try store.sessionHistory(of: "S1").last?.detail == "feuille retrouvée")
        #expect(try store.reopenings().map(\.recordedBy) == ["Claire"])
        #expect(try store.verifySessionLog().isIntact)
        #expect(try store.verifySessionLog().recordCount == 2)
    }

    @Test func progressKeepsTheLatestStateAndChecksTheCourse() throws {
        try store.plan(try session("S1", on: "2026-03-12", capacity: 1))
        let ids = try people(2)
        _ = try store.enrol(ids, in: "S1")
        try store.setProgress(.inProgress, of: ids[0], module: "M1", in: "S1", by: "Claire")
        try store.setProgress(.completed, of: ids[0], module: "M1", in: "S1", by: "Claire")
        try store.record(
            ObjectiveResult(participantID: ids[0], objectiveID: "O1", phase: .positioning, level: .notAcquired, score: nil), in: "S1",
            by: "C")
        try store.record(
            ObjectiveResult(participantID: ids[0], objectiveID: "O1", phase: .assessment, level: .acquired, score: 85), in: "S1", by: "C")
        let progress = try #require(try store.progress(in: "S1").first)
        #expect(progress.modules == ["M1": .completed])
        #expect(progress.results.map(\.phase) == [.positioning, .assessment])
        #expect(progress.results.last?.score == 85)
        #expect(throws: ProgressError.self) { try store.setProgress(.completed, of: ids[0], module: "M9", in: "S1", by: "C") }
        // The second person waits for a seat: no progress for them.
        #expect(throws: ProgressError.self) { try store.setProgress(.completed, of: ids[1], module: "M1", in: "S1", by: "C") }
        #expect(throws: ProgressError.self) {
            try store.record(
                ObjectiveResult(participantID: ids[0], objectiveID: "O1", phase: .assessment, level: nil, score: 130), in: "S1", by: "C")
        }
    }

    @Test func hoursOverAPeriodCountOnlyItsHalfDaysAndSkipCancelledSessions() throws {
        try store.plan(try session("S1", on: "2026-03-12", capacity: 2))
        try store.plan(try session("S2", on: "2026-03-19", place: "Salle Saône", trainer: "Bruno", capacity: 2))
        let ids = try people(2)
        _ = try store.enrol(ids, in: "S1")
        _ = try store.enrol([ids[0]], in: "S2")
        // A third person waits for a seat in S1: no hours for them.
        let waiting = try store.add([Participant(id: "", firstName: "Léa", lastName: "Attente", email: "lea@example.org")])[0].id
        #expect(try store.enrol([waiting], in: "S1").map(\.status) == [.waitlisted])
        let first = try store.session(id: "S1")
        try store.record(
            first.slots.flatMap { slot in
                [
                    AttendanceMark(participantID: ids[0], slotID: slot.id, status: .present, minutesLate: 30),
                    AttendanceMark(participantID: ids[1], slotID: slot.id, status: .absent),
                ]
            }, in: "S1", by: "C", source: "t")
        try store.cancel(sessionID: "S2", by: "Test")
        // A correction: the second person was there the first morning after all. Hours count
        // the current mark of each half-day, not the first.
        try store.record(
            [AttendanceMark(participantID: ids[1], slotID: first.slots[0].id, status: .present)], in: "S1", by: "C", source: "t",
            correctionReason: "feuille mal lue")
        let hours = try store.attendedHours(from: LocalDate("2026-03-12")!, through: LocalDate("2026-03-12")!)
        #expect(hours.map(\.participantID) == ids)
        #expect(hours.map(\.attended.minutes) == [2 * 180, 210])
        #expect(hours.map(\.planned.minutes) == [420, 420])
        #expect(hours.map(\.sessionCount) == [1, 1])
        #expect(try store.attendedHours(from: LocalDate("2026-03-13")!, through: LocalDate("2026-12-31")!).isEmpty)
        // The same figures when the period's session is one of many: its records are then
        // found by their index rather than read with the whole log.
        for (index, day) in ["2026-06-04", "2026-06-11", "2026-06-18"].enumerated() {
            try store.plan(try session("S\(index + 3)", on: day, capacity: 2))
        }
        let searched = try store.attendedHours(from: LocalDate("2026-03-12")!, through: LocalDate("2026-03-12")!)
        #expect(searched.map(\.participantID) == ids)
        #expect(searched.map(\.attended.minutes) == [2 * 180, 210])
    }

    /// The decisions of several sessions, read together, are each session's own: its current
    /// marks (the latest record of each seat's half-day), by participant then half-day, and the
    /// corrections that set them, dated on the day they were recorded.
    @Test func decisionsOfSeveralSessionsKeepEachSessionsLatestMarks() throws {
        try store.plan(try session("S1", on: "2026-03-12", capacity: 2))
        try store.plan(try session("S2", on: "2026-03-19", place: "Salle Saône", trainer: "Bruno", capacity: 2))
        let ids = try people(2)
        _ = try store.enrol(ids, in: "S1")
        _ = try store.enrol(ids, in: "S2")
        let (first, second) = (try store.session(id: "S1"), try store.session(id: "S2"))
        // The corrections' day, on the session's calendar (taken before and after they are
        // recorded, for a run across midnight).
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: first.timeZone))
        func today() -> LocalDate? {
            let parts = calendar.dateComponents([.year, .month, .day], from: Date())
            return LocalDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
        }
        let before = today()
        for (session, status) in [(first, AttendanceMark.Status.absent), (second, .present)] {
            try store.record(
                session.slots.flatMap { slot in
                    ids.reversed().map { AttendanceMark(participantID: $0, slotID: slot.id, status: status) }
                }, in: session.id, by: "C", source: "t")
        }
        // S1's first morning corrected twice for the second person: the last one counts.
        for status in [AttendanceMark.Status.excused, .present] {
            try store.record(
                [
                    AttendanceMark(
                        participantID: ids[1], slotID: first.slots[0].id, status: status, reason: status == .excused ? "malade" : nil)
                ],
                in: "S1", by: "C", source: "t", correctionReason: "feuille relue (\(status))")
        }
        let after = today()
        // Progress, corrected: each module's and each objective phase's latest record counts.
        try store.setProgress(.inProgress, of: ids[0], module: "M1", in: "S1", by: "C")
        try store.setProgress(.completed, of: ids[0], module: "M1", in: "S1", by: "C")
        try store.setProgress(.inProgress, of: ids[1], module: "M1", in: "S2", by: "C")
        for (level, score) in [(AcquisitionLevel.notAcquired, 40), (.acquired, 85)] {
            try store.record(
                ObjectiveResult(participantID: ids[1], objectiveID: "O1", phase: .assessment, level: level, score: score), in: "S2",
                by: "C")
        }
        try store.record(
            ObjectiveResult(participantID: ids[1], objectiveID: "O1", phase: .positioning, level: .notAcquired, score: nil), in: "S2",
            by: "C")
        let decisions = try store.decisions(of: ["S2", "S1"])
        #expect(decisions.map(\.session.id) == ["S2", "S1"])
        let (two, one) = (decisions[0], decisions[1])
        #expect(two.marks.map(\.participantID) == second.slots.map { _ in ids[0] } + second.slots.map { _ in ids[1] })
        #expect(two.marks.allSatisfy { $0.status == .present } && two.corrections.isEmpty)
        #expect(one.marks.map(\.slotID) == (first.slots + first.slots).map(\.id))
        #expect(one.marks.filter { $0.status == .present }.map(\.participantID) == [ids[1]])
        #expect(one.marks.first { $0.participantID == ids[1] && $0.slotID == first.slots[0].id }?.reason == nil)
        #expect(one.corrections.map(\.reason) == ["feuille relue (present)"])
        #expect(one.corrections.count == 1 && [before, after].contains(one.corrections[0].on))
        #expect(one.progress.map(\.participantID) == ids.sorted())
        #expect(one.progress.map(\.modules) == [["M1": .completed], [:]])
        #expect(one.progress.allSatisfy { $0.results.isEmpty })
        let assessed = try #require(two.progress.first { $0.participantID == ids[1] })
        #expect(assessed.modules == ["M1": .inProgress])
        #expect(assessed.results.map(\.phase) == [.positioning, .assessment])
        #expect(assessed.results.map(\.score) == [nil, 85])
        #expect(try store.progress(in: "S2") == two.progress)
        #expect(try store.progress(in: "S1") == one.progress)
        // Each session's seats, by family name; a person waiting for a seat has none.
        let waiting = try store.add([Participant(id: "", firstName: "Léa", lastName: "Attente", email: "lea@example.org")])[0].id
        #expect(try store.enrol([waiting], in: "S1").map(\.status) == [.waitlisted])
        let seated = try store.decisions(of: ["S1", "S2"]).map { $0.participants.map(\.id) }
        #expect(seated == [ids, ids])
        #expect(throws: NotFoundError.self) { try store.decisions(of: ["S1", "S9"]) }
        // A session asked for twice, once in each batch of 500, is read once.
        let twice = try store.decisions(of: ["S1"] + Array(repeating: "S2", count: 500) + ["S1"])
        #expect(twice.count == 502 && twice.last?.session.slots == first.slots && twice.last?.participants.map(\.id) == ids)
        // Alone, each session reads the same.
        #expect(try store.decisions(of: ["S1"])[0].marks == one.marks)
        #expect(try store.records(of: "S2").marks == two.marks)
    }

    /// A session's records read out of the log's order (as PostgreSQL may give them) are put
    /// back in it, so that a seat's latest record for a half-day is its current mark, and one
    /// read in order is kept as it is.
    /// Progress keeps each thing's record of the highest sequence however the rows come, and
    /// tells apart ids that differ only in their Unicode form, as the stores do.
    @Test func progressReadInAnyOrderKeepsTheLatestRecord() {
        let composed = "O-\u{E9}"
        let decomposed = "O-e\u{301}"
        for order in [[1, 2, 3, 4], [4, 3, 2, 1], [2, 4, 1, 3]] {
            var kept: [LatestRecords.Key: (sequence: Int64, value: String)] = [:]
            let records: [Int: (String, String)] = [1: (composed, "a"), 2: (composed, "b"), 3: (decomposed, "c"), 4: ("O2", "d")]
            for sequence in order {
                let (item, value) = records[sequence]!
                LatestRecords.keep(&kept, LatestRecords.Key(session: "S", participant: "P", item: item), sequence: Int64(sequence), value)
            }
            #expect(kept.count == 3)
            #expect(kept[LatestRecords.Key(session: "S", participant: "P", item: composed)]?.value == "b")
            #expect(kept[LatestRecords.Key(session: "S", participant: "P", item: decomposed)]?.value == "c")
        }
        let results = ["O2", "O10", "o1"].flatMap { objective in
            ObjectiveResult.Phase.allCases.map {
                ObjectiveResult(participantID: "P", objectiveID: objective, phase: $0, level: nil, score: nil)
            }
        }
        let ordered = LatestRecords.inOrder(results.reversed())
        #expect(ordered.map(\.objectiveID) == ["O10", "O10", "O2", "O2", "o1", "o1"])
        #expect(ordered.map(\.phase) == [.positioning, .assessment, .positioning, .assessment, .positioning, .assessment])
    }

    @Test func recordsReadInAnyOrderGiveTheLatestMark() {
        let absent = AttendanceMark(participantID: "P-1", slotID: "AM", status: .absent)
        let present = AttendanceMark(participantID: "P-1", slotID: "AM", status: .present, minutesLate: 10)
        let other = AttendanceMark(participantID: "P-2", slotID: "AM", status: .excused, reason: "malade")
        for records in [[(5, present), (2, absent), (3, other)], [(2, absent), (3, other), (5, present)]] {
            let marks = AttendanceRows.inLogOrder(records.map { (Int64($0.0), $0.1) })
            #expect(marks == [absent, other, present])
            #expect(MarkGrid(marks)["P-1", "AM"] == present)
        }
    }
}
