import Foundation
import Testing
import TrainingCore
import TrainingTesting

@Suite struct LocalDateTests {
    @Test func parsesRealDaysOnly() {
        #expect(LocalDate("2026-03-12")?.description == "2026-03-12")
        #expect(LocalDate("2024-02-29") != nil)
        for text in [
            "2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "12/03/2026", "2026-3-12", "", "2026-03-120", "2026-03-1", "2026/03/12",
            "2026-03-12 ", "２０２６-03-12", "202a-03-12", "-2026-03-12",
        ] {
            #expect(LocalDate(text) == nil, "\(text)")
        }
        #expect(LocalDate(parsing: "x2026-03-12".dropFirst())?.description == "2026-03-12")
        #expect(TimeOfDay("09:05")?.minutes == 545 && TimeOfDay("23:59")?.minutes == 1439)
        for text in ["24:00", "09:60", "9:05", "09:05:00", "09-05", "", "０9:05", "09:5 "] {
            #expect(TimeOfDay(text) == nil, "\(text)")
        }
    }

    @Test func namesFoldAlikeWhetherPlainOrAccented() {
        #expect("  Nadia \t HADDAD ".folded == "nadia haddad")
        #expect("Éducatrice  Spécialisée".folded == "educatrice specialisee")
        #expect("ASSISTANT de service social".folded == "assistant de service social")
        #expect("".folded == "" && "   ".folded == "")
    }

    /// The byte-by-byte fold (ASCII, and the Latin letters from U+00C0 to U+017F that fold to
    /// one ASCII letter) gives what Foundation gives, for every such letter and for random
    /// mixes of them with the letters it leaves to Foundation (`ß`, `æ`, `Ł`, NBSP, a
    /// combining accent), spaces and punctuation.
    @Test func theFastFoldIsFoundationsFold() {
        func foundation(_ text: String) -> String {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split(whereSeparator: \.isWhitespace)
                .joined(separator: " ")
        }
        var alphabet: [String] = (0xC0...0x17F).map { String(Character(Unicode.Scalar($0)!)) }
        for letter in alphabet {
            #expect(letter.folded == foundation(letter), "U+\(String(letter.unicodeScalars.first!.value, radix: 16))")
        }
        #expect("Françoise LÉVÊQUE-Ñúñez".folded == "francoise leveque-nunez")
        alphabet += ["a", "Z", "e", " ", "  ", "\t", "-", "'", "1", "\u{301}", "\u{A0}", "ß", "ł", "Ø", "İ", "ſ", "\r\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            #expect(text.folded == foundation(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// An address is judged the same whether it is ASCII (read as bytes) or not (read as
    /// characters): random addresses of ASCII pieces and of accented or non-breaking ones.
    @Test func emailsAreJudgedAlikeAsBytesOrCharacters() {
        func plausible(_ email: String) -> Bool {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !email.contains(where: \.isWhitespace)
        }
        func accepted(_ email: String) -> Bool {
            Participant(id: "P-1", firstName: "Awa", lastName: "Diallo", email: email).problems().isEmpty
        }
        #expect(accepted("awa.diallo@example.org") && !accepted("awa.diallo@example") && !accepted("@example.org"))
        #expect(!accepted("awa diallo@example.org") && !accepted("awa@diallo@example.org") && !accepted("awa\r\n@example.org"))
        let pieces = ["a", "B", "@", ".", " ", "\t", "\r\n", "\u{0B}", "\u{1C}", "-", "é", "\u{A0}", "\u{301}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let email = (0..<Int.random(in: 0...9, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(accepted(email) == plausible(email), "\(email.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func weekdaysAndArithmetic() throws {
        let thursday = try #require(LocalDate("2026-03-12"))
        #expect(thursday.weekday == 4)
        #expect(thursday.adding(days: 2).isWeekend)
        #expect(thursday.adding(days: 20).description == "2026-04-01")
        #expect(try #require(LocalDate("2026-12-31")).adding(days: 1).description == "2027-01-01")
        for ordinal in stride(from: -1000, to: 40000, by: 37) {
            #expect(LocalDate(ordinal: ordinal).ordinal == ordinal)
        }
    }

    /// A day keeps its year, month and day in one integer: they read back as given, and days
    /// order as the calendar does, across months, years and before year 1 (arithmetic can go
    /// there), the last day of a month before the first of the next.
    @Test func daysReadBackAndOrderAsTheCalendar() throws {
        for ordinals in [Array(stride(from: -800_000, to: 2_900_000, by: 997)), Array(19_000...19_800)] {
            var previous: LocalDate?
            for ordinal in ordinals {
                let day = LocalDate(ordinal: ordinal)
                #expect(day.ordinal == ordinal)
                if day.year >= 1 {
                    let parsed = try #require(LocalDate(day.description))
                    #expect((parsed.year, parsed.month, parsed.day) == (day.year, day.month, day.day))
                }
                if let previous { #expect(previous < day && !(day < previous) && previous != day) }
                previous = day
            }
        }
        let leap = try #require(LocalDate(year: 2028, month: 2, day: 29))
        #expect((leap.year, leap.month, leap.day) == (2028, 2, 29) && leap.description == "2028-02-29")
        #expect(try #require(LocalDate("2026-01-31")) < #require(LocalDate("2026-02-01")))
        #expect(try #require(LocalDate("2025-12-31")) < #require(LocalDate("2026-01-01")))
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
    }
}

@Suite struct SessionPlanningTests {
    @Test func twoDayCourseFillsFourHalfDays() throws {
        let slots = Session.layOut(Fixtures.course(), from: try #require(LocalDate("2026-03-12")))
        #expect(slots.map(\.id) == ["2026-03-12-am", "2026-03-12-pm"])
        #expect(slots.map(\.modules) == [["M1"], ["M2"]])
        #expect(slots.map(\.duration) == [Hours(minutes: 210), Hours(minutes: 210)])
    }

    @Test func modulesShareAndSpanHalfDaysAndWeekendsAreSkipped() throws {
        var course = Fixtures.course()
        course.modules[0].duration = Hours(minutes: 300)  // 5 h: a morning and 1 h 30 of the afternoon
        course.modules[1].duration = Hours(minutes: 360)  // 6 h: 2 h left that afternoon, 4 h on Monday
        course.duration = Hours(minutes: 660)
        let friday = try #require(LocalDate("2026-03-13"))
        let slots = Session.layOut(course, from: friday)
        #expect(slots.map(\.id) == ["2026-03-13-am", "2026-03-13-pm", "2026-03-16-am", "2026-03-16-pm"])
        #expect(slots.map(\.modules) == [["M1"], ["M1", "M2"], ["M2"], ["M2"]])
        #expect(slots.last?.end.description == "14:00")
        let session = session(slots)
        #expect(session.problems(against: course, allowingPartial: false).isEmpty)
    }

    func session(_ slots: [Slot], timeZone: String = "Europe/Paris") -> Session {
        Session(
            id: "S", courseID: "T-1", courseVersion: CourseVersion("1.0")!, timeZone: timeZone,
            place: .room(name: "Salle", address: "Lyon"),
            trainers: ["Claire"], capacity: 12, funder: nil, status: .planned, slots: slots)
    }

    @Test func refusesWhatCannotRun() throws {
        let day = try #require(LocalDate("2026-03-12"))
        let morning = Slot(date: day, start: TimeOfDay("09:00")!, end: TimeOfDay("12:30")!, modules: ["M1"])
        let overlapping = Slot(date: day, start: TimeOfDay("12:00")!, end: TimeOfDay("15:30")!, modules: ["M9"])
        let problems = session([morning, overlapping], timeZone: "Europe/Nowhere").problems(
            against: Fixtures.course(), allowingPartial: false)
        #expect(problems.contains("the time zone \"Europe/Nowhere\" does not exist"))
        #expect(problems.contains { $0.description.contains("names module M9") })
        #expect(problems.contains { $0.description.contains("no slot covers module M2") })
        let partial = session([morning]).problems(against: Fixtures.course(), allowingPartial: true)
        #expect(partial.isEmpty)
        #expect(
            session([morning]).problems(against: Fixtures.course(), allowingPartial: false).first?.description.contains(
                "add up to 3.5 hours") == true)
        let twice = session([morning, morning, morning]).problems(against: Fixtures.course(), allowingPartial: true)
        #expect(twice.contains { $0.description.contains("overlap") })
    }

    @Test func wallTimeInADaylightSavingGapIsRefused() throws {
        let change = try #require(LocalDate("2026-03-29"))
        let slot = Slot(date: change, start: TimeOfDay("02:15")!, end: TimeOfDay("05:00")!, modules: ["M1"])
        #expect(session([slot]).interval(of: slot) == nil)
        let fine = Slot(date: change, start: TimeOfDay("09:00")!, end: TimeOfDay("12:30")!, modules: ["M1"])
        let interval = try #require(session([fine]).interval(of: fine))
        #expect(interval.start.formatted(.iso8601) == "2026-03-29T07:00:00Z")
    }

    /// The French public holidays, Easter's among them, and Alsace-Moselle's two more; a
    /// course is laid out around them.
    @Test func sessionsAreLaidOutAroundPublicHolidays() throws {
        let france = PublicHolidays()
        let alsace = PublicHolidays(.alsaceMoselle)
        #expect(PublicHolidays.easter(of: 2026) == LocalDate("2026-04-05"))
        #expect(PublicHolidays.easter(of: 2027) == LocalDate("2027-03-28"))
        #expect(PublicHolidays.easter(of: 2038) == LocalDate("2038-04-25"))
        let year = (0..<365).map { LocalDate("2026-01-01")!.adding(days: $0) }
        #expect(
            year.filter { france.holiday(on: $0) != nil }.map(\.description) == [
                "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15",
                "2026-11-01", "2026-11-11", "2026-12-25",
            ])
        #expect(
            Set(year.filter { alsace.holiday(on: $0) != nil }).subtracting(year.filter { france.holiday(on: $0) != nil }).map(\.description)
                .sorted() == ["2026-04-03", "2026-12-26"])
        #expect(france.holiday(on: LocalDate("2026-05-14")!) == "Ascension")
        #expect(france.whyNotWorking(LocalDate("2026-05-16")!) == "a Saturday")
        // Seven hours in mornings: two days, from the day before Ascension Wednesday then Friday.
        let days = { (holidays: PublicHolidays, start: String) in
            Session.layOut(Fixtures.course(), from: LocalDate(start)!, halfDays: [Session.defaultHalfDays[0]], holidays: holidays).map(
                \.date.description)
        }
        #expect(days(france, "2026-05-13") == ["2026-05-13", "2026-05-15"])
        // From Maundy Thursday: Good Friday and Easter Monday are days off in Alsace-Moselle only.
        #expect(days(france, "2026-04-02") == ["2026-04-02", "2026-04-03"])
        #expect(days(alsace, "2026-04-02") == ["2026-04-02", "2026-04-07"])
    }

    /// A night round counts the time that really passes: an hour less on the night the
    /// clocks go forward, an hour more on the night they go back.
    @Test func aNightAcrossAClockChangeLastsTheTimeThatPasses() throws {
        let spring = Slot(
            date: try #require(LocalDate("2026-03-29")), start: TimeOfDay("01:00")!, end: TimeOfDay("04:30")!, modules: ["M1"])
        #expect(spring.duration.minutes == 150 && spring.part == .night && spring.id == "2026-03-29-nt")
        let autumn = Slot(
            date: try #require(LocalDate("2026-10-25")), start: TimeOfDay("01:00")!, end: TimeOfDay("04:30")!, modules: ["M1"])
        #expect(autumn.duration.minutes == 270)
        // The same night elsewhere, and an ordinary night, are as long as the clock says.
        var ordinary = spring
        ordinary.date = try #require(LocalDate("2026-03-22"))
        #expect(ordinary.duration.minutes == 210)
        #expect(session([spring], timeZone: "America/Cayenne").slots[0].duration.minutes == 210)
        #expect(session([spring]).plannedHours.minutes == 150)
    }

    /// An evening maraude that ends after midnight ends the next day; a debrief shares the
    /// morning with a round; each slot is named for its part of the day.
    @Test func outreachDaysHaveEveningsNightsAndSeveralSlotsInAHalfDay() throws {
        let day = try #require(LocalDate("2026-04-02"))
        func slot(_ start: String, _ end: String, on date: LocalDate? = nil) -> Slot {
            Slot(date: date ?? day, start: TimeOfDay(start)!, end: TimeOfDay(end)!, modules: ["M1"])
        }
        let maraude = slot("21:00", "00:30")
        #expect(maraude.crossesMidnight && maraude.duration.minutes == 210)
        #expect(maraude.interval?.end.formatted(.iso8601) == "2026-04-02T22:30:00Z")
        let slots = Slot.numbered([slot("11:00", "12:30"), slot("08:00", "10:30"), slot("18:00", "20:00"), maraude])
        #expect(slots.map(\.id) == ["2026-04-02-am", "2026-04-02-am-2", "2026-04-02-ev", "2026-04-02-nt"])
        #expect(slots.map(\.part) == [.morning, .morning, .evening, .night])
        #expect(session(slots).problems(against: Fixtures.course(), allowingPartial: true).isEmpty)
        // A night that ends after the next morning's slot starts, and a slot of no length.
        let tooLong = slot("21:00", "09:30")
        let nextMorning = slot("09:00", "12:00", on: day.adding(days: 1))
        let problems = session(Slot.numbered([tooLong, nextMorning, slot("10:00", "10:00", on: day.adding(days: 2))])).problems(
            against: Fixtures.course(), allowingPartial: true)
        #expect(
            problems.contains("slot 2026-04-02-nt ends at 09:30 on 2026-04-03, after slot 2026-04-03-am starts at 09:00"), "\(problems)")
        #expect(problems.contains("slot 2026-04-04-am ends at 10:00, when it starts"), "\(problems)")
        // Only an evening or a night ends the next day, and no slot lasts more than 12 hours.
        let slips = Session.problems(of: [slot("13:30", "12:00"), slot("18:00", "07:00", on: day.adding(days: 3))])
        #expect(slips.map(\.slot) == [0, 1])
        // Twelve hours on the clock the night it goes back: thirteen that pass, and allowed.
        let october = slot("21:00", "09:00", on: LocalDate("2026-10-24")!)
        #expect(october.duration.minutes == 13 * 60 && Session.problems(of: [october]).isEmpty)
        #expect(
            slips.map(\.problem) == [
                "slot 2026-04-02-pm ends at 12:00, before it starts at 13:30 (only a slot starting from 18:00 ends the next day)",
                "slot 2026-04-05-ev lasts 13 h: a slot lasts at most 12 h",
            ])
    }
}

@Suite struct AttendanceTests {
    let slot = Slot(date: LocalDate("2026-03-12")!, start: TimeOfDay("09:00")!, end: TimeOfDay("12:30")!, modules: ["M1"])

    @Test func hoursComeFromTheRecords() {
        let afternoon = Slot(date: slot.date, start: TimeOfDay("13:30")!, end: TimeOfDay("17:00")!, modules: ["M2"])
        let session = Session(
            id: "S", courseID: "T-1", courseVersion: CourseVersion("1")!, timeZone: "Europe/Paris", place: .room(name: "R", address: "A"),
            trainers: ["C"], capacity: 4, funder: nil, status: .running, slots: [slot, afternoon])
        let marks = [
            AttendanceMark(participantID: "A", slotID: slot.id, status: .present, minutesLate: 20),
            AttendanceMark(participantID: "A", slotID: afternoon.id, status: .present, minutesLeftEarly: 30),
            AttendanceMark(participantID: "B", slotID: slot.id, status: .excused, reason: "malade"),
            AttendanceMark(participantID: "B", slotID: afternoon.id, status: .absent),
            AttendanceMark(participantID: "C", slotID: slot.id, status: .present),
        ]
        let hours = session.attendedHours(of: ["A", "B", "C"], marks: marks)
        #expect(hours.map(\.attended.minutes) == [420 - 50, 0, 210])
        #expect(hours.map(\.unrecordedSlots) == [0, 0, 1])
        #expect(hours.map(\.ratePercent) == [88, 0, 50])
    }

    @Test func marksThatMakeNoSense() {
        #expect(
            !AttendanceMark(participantID: "A", slotID: slot.id, status: .present, minutesLate: 200, minutesLeftEarly: 10).problems(
                in: slot
            ).isEmpty)
        #expect(
            AttendanceMark(participantID: "A", slotID: slot.id, status: .present, minutesLate: 199, minutesLeftEarly: 10).problems(in: slot)
                .isEmpty)
        #expect(!AttendanceMark(participantID: "A", slotID: slot.id, status: .excused).problems(in: slot).isEmpty)
        #expect(!AttendanceMark(participantID: "A", slotID: slot.id, status: .absent, minutesLate: 5).problems(in: slot).isEmpty)
    }
}

@Suite struct CSVTableTests {
    @Test func frenchSpreadsheetWithBOMSemicolonsAndQuotes() throws {
        let text =
            "\u{FEFF}prénom;nom;note\r\nCamille;Roux;\"dit \"\"Cam\"\"; CCAS\"\r\n\r\nAwa;Diallo;\"sur\ndeux lignes\"\r\nJulien;Moreau;x\r\n"
        let table = try CSVTable(bytes: Array(text.utf8))
        #expect(table.delimiter == ";")
        #expect(table.header == ["prénom", "nom", "note"])
        #expect(table.rows.map(\.line) == [2, 4, 6])
        #expect(table.rows[0].fields == ["Camille", "Roux", "dit \"Cam\"; CCAS"])
        #expect(table.rows[1].fields[2] == "sur\ndeux lignes")
    }

    @Test func commas() throws {
        let table = try CSVTable(bytes: Array("a,b\n1,2\n".utf8))
        #expect(table.delimiter == ",")
        #expect(table.rows.first?.fields == ["1", "2"])
    }

    @Test(arguments: [
        ("a;b\n1;2\n3\n", 3, "this row has 1 fields but the header has 2"),
        ("a;b\n1;\"2\n", 2, "a quoted field is never closed"),
        ("a;b\n1;x\"y\"\n", 2, "a quote in the middle of a field"),
        ("", 1, "the file is empty"),
    ])
    func badFilesNameTheLine(text: String, line: Int, message: String) {
        let error = #expect(throws: CSVError.self) { try CSVTable(bytes: Array(text.utf8)) }
        #expect(error?.line == line)
        #expect(error?.message.description.hasPrefix(message) == true, "\(String(describing: error))")
    }

    /// What Excel saves as "CSV (séparateur: point-virgule)" in France: Windows-1252, with
    /// its accents, œ and curly apostrophe; and rows of empty fields below the last line.
    @Test func windows1252IsReadAndSaidSo() throws {
        // "prénom;nom;fonction" / "Hélène;Lefèvre;cœur d’équipe" / ";;" in Windows-1252.
        let bytes: [UInt8] =
            Array("pr".utf8) + [0xE9] + Array("nom;nom;fonction\r\nH".utf8) + [0xE9] + Array("l".utf8) + [0xE8] + Array("ne;Lef".utf8)
            + [0xE8] + Array("vre;c".utf8) + [0x9C] + Array("ur d".utf8) + [0x92, 0xE9] + Array("quipe\r\n;;\r\n;;\r\n".utf8)
        let table = try CSVTable(bytes: bytes)
        #expect(table.encoding == .windows1252)
        #expect(table.header == ["prénom", "nom", "fonction"])
        #expect(table.rows.map(\.fields) == [["Hélène", "Lefèvre", "cœur d’équipe"]])
        #expect(try CSVTable(bytes: Array("a;b\n1;é\n".utf8)).encoding == .utf8)
    }

    /// A byte Windows-1252 has no character for, and a file mixing UTF-8 and Windows-1252
    /// lines, are refused at their line.
    @Test func neitherEncodingNorAMixIsRead() {
        let undefined = Array("nom;prenom\nRoux;Camille\n".utf8) + [0x48, 0x81, 0x3B, 0x41, 0x0A]
        let neither = #expect(throws: CSVError.self) { try CSVTable(bytes: undefined) }
        #expect(
            neither?.line == 3 && neither?.message.description.contains("neither UTF-8 nor Windows-1252") == true,
            "\(String(describing: neither))")
        let mixed = Array("nom;prenom\nRoux;Hélène\n".utf8) + [0x48, 0xE9, 0x3B, 0x41, 0x0A]
        let mix = #expect(throws: CSVError.self) { try CSVTable(bytes: mixed) }
        #expect(mix?.line == 2 && mix?.message.description.contains("mixes encodings") == true, "\(String(describing: mix))")
    }
}
