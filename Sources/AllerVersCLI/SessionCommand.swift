import ArgumentParser
import Foundation
import TrainingCore
import TrainingService
import TrainingStore

extension AllerVers {
    struct SessionCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "session",
                abstract: tr("Plan sessions of a course, enrol participants, close, reopen or cancel."),
                subcommands: [
                    Plan.self, List.self, Show.self, Edit.self, Declare.self, Enrol.self, Withdraw.self, Close.self, Reopen.self,
                    Cancel.self,
                ])
        }
    }
}

extension AllerVers.SessionCommand {
    struct Plan: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "plan",
                abstract: tr("Plan a session: lay its half-days out from the course's modules, or take them from a file."),
                discussion: tr(
                    """
                    Half-days run 09:00–12:30 and 13:30–17:00 on working days (not a weekend nor a public \
                    holiday; --calendar alsace-moselle adds Good Friday and 26 December) unless \
                    --morning/--afternoon say otherwise; a --start on a day off says so and begins on the \
                    next working day. --slots FILE takes an irregular schedule, a CSV with the columns \
                    date;start;end;modules (modules separated by spaces), such as practice-analysis groups \
                    spread over weeks or outreach days: several slots in a half-day, an evening maraude, \
                    a night round (a slot that ends at or before its start ends the next day, and lasts \
                    the time that really passes, clock changes included). Optional columns place;address \
                    or site;site_description hold a slot elsewhere than the session's place; remote, how \
                    presence was established for a slot held remotely. A slot on a public holiday is \
                    refused unless --allow-holiday. A trainer or a place booked elsewhere at the same time \
                    is refused.

                    Example:
                      allervers session plan AV-FOND --start 2026-03-12 \\
                        --id AV-FOND-2026-03-LYON \\
                        --room "Salle Rhône" --address "3 quai Perrache, 69002 Lyon" \\
                        --trainer "Claire Martin"
                    """))
        }

        @Argument(help: tr("The course's id.")) var course: String
        @OptionGroup var version: VersionOption
        @Option(help: tr("The session's id. Default: COURSE-START.", valueName: "id")) var id: String?
        @Option(help: tr("The first day, YYYY-MM-DD.", valueName: "date")) var start: String?
        @Option(help: tr("A CSV of the slots (date;start;end;modules).", valueName: "file")) var slots: String?
        @Option(help: tr("A training room's name.", valueName: "name")) var room: String?
        @Option(help: tr("The room's postal address.", valueName: "address")) var address: String?
        @Option(help: tr("An outreach site's name, instead of a room.", valueName: "name")) var site: String?
        @Option(help: tr("What and where the outreach site is.", valueName: "text")) var siteDescription: String?
        @Option(help: tr("A trainer; repeat for several.", valueName: "name")) var trainer: [String] = []
        @Option(help: tr("Seats. Default: the course's maximum group size.")) var capacity: Int?
        @Option(help: tr("Who pays: an OPCO, the employer…")) var funder: String?
        @Option(help: tr("The time zone of the slot times.", valueName: "zone")) var timeZone = "Europe/Paris"
        @Option(help: tr("Morning hours, HH:MM-HH:MM.", valueName: "hours")) var morning = "09:00-12:30"
        @Option(help: tr("Afternoon hours, HH:MM-HH:MM.", valueName: "hours")) var afternoon = "13:30-17:00"
        @Flag(help: tr("Accept slots that do not cover the course's hours.")) var allowPartial = false
        @Option(
            help: tr(
                "The public holidays: france (default) or alsace-moselle (Good Friday and 26 December too).", valueName: "name"),
            transform: choice) var calendar: PublicHolidays.Calendar = .france
        @Flag(help: tr("Accept --slots on a public holiday.")) var allowHoliday = false
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if (start == nil) == (slots == nil) { throw ValidationError(tr("give either --start DATE or --slots FILE")) }
            if TimeZone(identifier: timeZone) == nil { throw ValidationError(tr("the time zone \"\(timeZone)\" does not exist")) }
            if allowHoliday && slots == nil {
                throw ValidationError(tr("--allow-holiday is for --slots: --start lays half-days out on working days"))
            }
            try validateDates(start)
            if (room == nil) == (site == nil) {
                throw ValidationError(tr("give the place: --room NAME --address ADDRESS, or --site NAME --site-description TEXT"))
            }
            if room != nil && address == nil { throw ValidationError(tr("a room needs its --address")) }
            if site != nil && siteDescription == nil { throw ValidationError(tr("an outreach site needs its --site-description")) }
            if trainer.isEmpty { throw ValidationError(tr("name at least one --trainer")) }
            _ = try halfDays()
        }

        func halfDays() throws -> [(start: TimeOfDay, end: TimeOfDay)] {
            try [morning, afternoon].map { text in
                let parts = text.split(separator: "-")
                guard parts.count == 2, let start = TimeOfDay(parsing: parts[0]), let end = TimeOfDay(parsing: parts[1]), start < end else {
                    throw ValidationError(tr("\"\(text)\" is not a span of hours such as 09:00-12:30"))
                }
                return (start, end)
            }
        }

        func run() async throws {
            let store = try storeOptions.openStore()
            let course = try await CourseService(store: store).course(course, version: try version.parsed())
            let laidOut: [Slot]
            let holidays = PublicHolidays(calendar)
            if let slots {
                laidOut = try SlotFile(path: slots).slots(in: timeZone, refusing: allowHoliday ? nil : holidays)
            } else {
                let first = LocalDate(start!)!
                laidOut = Session.layOut(course, from: first, halfDays: try halfDays(), holidays: holidays)
                if let why = holidays.whyNotWorking(first), let day = laidOut.first?.date {
                    sayError("Note: \(first) is \(why): the first half-day is on \(day)")
                }
            }
            let place: Place =
                if let room { .room(name: room, address: address ?? "") } else {
                    .outreachSite(name: site ?? "", description: siteDescription ?? "")
                }
            let session = Session(
                id: id ?? "\(course.id)-\(laidOut.first?.date.description ?? "")", courseID: course.id, courseVersion: course.version,
                timeZone: timeZone, place: place, trainers: trainer, capacity: capacity ?? course.groupSize.maximum, funder: funder,
                status: .planned, slots: laidOut)
            try await SessionService(store: store).plan(session, allowingPartial: allowPartial, by: trainer[0], at: WorkClock.now)
            say("Planned session \(session.id): \(counted(session.slots.count, "half-day")), \(session.plannedHours.decimal) hours")
            printSlots(session)
        }
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "list", abstract: tr("List the sessions: seats taken out of the capacity, and how many wait."),
                discussion: tr(
                    """
                    --from/--to keep the sessions running on a day of the period; --trainer compares names \
                    with case, accents and spaces folded.

                    Example:
                      allervers session list --course AV-FOND --from 2026-01-01 --to 2026-06-30 \\
                        --status planned
                    """))
        }
        @Option(help: tr("Of this course.", valueName: "id")) var course: String?
        @Option(help: tr("Taught by this trainer.", valueName: "name")) var trainer: String?
        @Option(help: tr("Running on or after this day, YYYY-MM-DD.", valueName: "date")) var from: String?
        @Option(help: tr("Running on or before this day, YYYY-MM-DD.", valueName: "date")) var to: String?
        @Option(help: tr("planned, running, closed or cancelled.", valueName: "status"), transform: choice) var status: SessionStatus?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func validate() throws {
            try validateDates(from, to)
            if let from = from.flatMap(LocalDate.init), let to = to.flatMap(LocalDate.init), from > to {
                throw ValidationError(tr("--from \(from) is after --to \(to)"))
            }
        }

        func run() async throws {
            let filter = SessionFilter(
                course: course, trainer: trainer, from: from.flatMap(LocalDate.init), to: to.flatMap(LocalDate.init), status: status)
            let sessions = try await SessionService(store: try storeOptions.openStore()).list(filter)
            if format.json { return try printJSON(sessions) }
            guard !sessions.isEmpty else {
                return say(
                    filter == SessionFilter()
                        ? "No session yet: plan one with `allervers session plan COURSE --start DATE`." : "No session matches.")
            }
            printTable(
                header: ["ID", "COURSE", "FROM", "TO", "PLACE", "SEATS", "WAITING", "STATUS"],
                rows: sessions.map {
                    [
                        $0.id, "\($0.courseID) \($0.courseVersion)", $0.firstDay?.description ?? "", $0.lastDay?.description ?? "",
                        $0.placeName, "\($0.enrolled)/\($0.capacity)", String($0.waiting), $0.status.words.description,
                    ]
                })
        }
    }

    struct Show: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "show", abstract: tr("Show a session: its slots and who is enrolled."),
                discussion: tr("Example:\n  allervers session show AV-FOND-2026-03-LYON"))
        }
        @OptionGroup var sessionOptions: SessionOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let details = try await SessionService(store: try sessionOptions.storeOptions.openStore()).details(of: sessionOptions.session)
            if format.json { return try printJSON(details) }
            let (session, enrolments) = (details.session, details.enrolments)
            say("\(session.id) · \(session.courseID) version \(session.courseVersion) · \(session.status.words)")
            say("Place: \(session.place.name), \(session.place.detail)")
            say("Trainers: \(session.trainers.joined(separator: ", "))")
            if let funder = session.funder { say("Funder: \(funder)") }
            let declared = details.declaration
            for funding in declared.fundings {
                say("Income: \(funding.source.rawValue) \(Funding.euros(funding.cents)) €\(funding.payer.map { " (\($0))" } ?? "")")
            }
            if let organisation = declared.deliveredFor { say("Delivered for \(organisation), as its subcontractor") }
            if let organisation = declared.handedTo { say("Handed to \(organisation)") }
            if declared.euFunded { say("Paid for by European funds") }
            let waiting = enrolments.filter { $0.status == .waitlisted }.count
            say(
                "Seats: \(enrolments.filter { $0.status == .enrolled }.count)/\(session.capacity)"
                    + (waiting > 0 ? ", \(waiting) waiting" : ""))
            say()
            printSlots(session)
            say()
            if enrolments.isEmpty {
                say("Nobody enrolled yet.")
            } else {
                printTable(
                    header: ["PARTICIPANT", "NAME", "EMPLOYER", "STATUS"],
                    rows: enrolments.map {
                        [
                            $0.participant.id, $0.participant.displayName, $0.participant.employer ?? "",
                            $0.status.words.description + ($0.position.map { " #\($0)" } ?? ""),
                        ]
                    })
            }
            printSessionHistory(details.history)
        }
    }

    struct Edit: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "edit", abstract: tr("Change a session's trainers, place, or the times of half-days that have not started."),
                discussion: tr(
                    """
                    The same checks as `plan`: a trainer or a place booked elsewhere at the new time is \
                    refused. --trainer replaces the list of trainers. A half-day keeps its id, so a \
                    morning stays a morning. The change is kept in the session's history.

                    Examples:
                      allervers session edit AV-FOND-2026-03-LYON --trainer "Claire Martin" \\
                        --trainer "Inès Haddad"
                      allervers session edit AV-FOND-2026-03-LYON \\
                        --times 2026-03-13-pm=14:00-17:30 --room "Salle Saône" \\
                        --address "3 quai Perrache, 69002 Lyon"
                    """))
        }
        @Argument(help: tr("The session's id.")) var session: String
        @Option(help: tr("A trainer; repeat for several. Replaces the list.", valueName: "name")) var trainer: [String] = []
        @Option(help: tr("A training room's name.", valueName: "name")) var room: String?
        @Option(help: tr("The room's postal address.", valueName: "address")) var address: String?
        @Option(help: tr("An outreach site's name, instead of a room.", valueName: "name")) var site: String?
        @Option(help: tr("What and where the outreach site is.", valueName: "text")) var siteDescription: String?
        @Option(help: tr("New times of a half-day not started yet.", valueName: "SLOT=HH:MM-HH:MM")) var times: [String] = []
        @Option(help: tr("Who changes it. Default: the session's first trainer.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if room != nil && site != nil { throw ValidationError(tr("a session is in a room or on a site, not both")) }
            if room != nil && address == nil { throw ValidationError(tr("a room needs its --address")) }
            if site != nil && siteDescription == nil { throw ValidationError(tr("an outreach site needs its --site-description")) }
            if trainer.isEmpty && room == nil && site == nil && times.isEmpty {
                throw ValidationError(tr("name what changes: --trainer, --room/--address, --site/--site-description or --times"))
            }
            _ = try parsedTimes()
        }

        func parsedTimes() throws -> [String: (start: TimeOfDay, end: TimeOfDay)] {
            var parsed: [String: (start: TimeOfDay, end: TimeOfDay)] = [:]
            for text in times {
                let parts = text.split(separator: "=")
                let span = parts.count == 2 ? parts[1].split(separator: "-") : []
                guard span.count == 2, let start = TimeOfDay(parsing: span[0]), let end = TimeOfDay(parsing: span[1]) else {
                    throw ValidationError(tr("--times takes SLOT=HH:MM-HH:MM, such as 2026-03-13-pm=14:00-17:30, not \"\(text)\""))
                }
                parsed[String(parts[0])] = (start, end)
            }
            return parsed
        }

        func run() async throws {
            let place: Place? =
                if let room { .room(name: room, address: address ?? "") } else {
                    site.map { .outreachSite(name: $0, description: siteDescription ?? "") }
                }
            let summary = try await SessionService(store: try storeOptions.openStore()).edit(
                session, trainers: trainer.isEmpty ? nil : trainer, place: place, times: try parsedTimes(), by: by, at: WorkClock.now)
            say(summary.isEmpty ? "Nothing to change in \(session)" : "Changed \(session): \(summary)")
        }
    }

    struct Enrol: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "enrol", abstract: tr("Enrol participants; past capacity they join the waiting list."),
                discussion: tr(
                    """
                    Participants are named by id, email or external id. The course's prerequisites are \
                    checked; declared experience counts once the trainer confirms it.

                    Example:
                      allervers session enrol AV-TERRAIN-2026-05 P-0001 camille.roux@example.org \\
                        --experience-confirmed
                    """))
        }
        @Argument(help: tr("The session's id.")) var session: String
        @Argument(help: tr("Participants (id, email or external id).")) var participants: [String]
        @Flag(help: tr("The trainer confirms the experience the participants declared.")) var experienceConfirmed = false
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let results = try await SessionService(store: try storeOptions.openStore()).enrol(
                participants, in: session, experienceConfirmed: experienceConfirmed)
            for result in results { say("\(result.participantID): \(result.status.words)") }
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "withdraw", abstract: tr("Withdraw a participant; the first on the waiting list takes the seat."),
                discussion: tr("Example:\n  allervers session withdraw AV-FOND-2026-03-LYON P-0003"))
        }
        @Argument(help: tr("The session's id.")) var session: String
        @Argument(help: tr("The participant (id, email or external id).")) var participant: String
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let movedUp = try await SessionService(store: try storeOptions.openStore()).withdraw(participant, from: session)
            say("Withdrawn: \(participant)")
            if let movedUp { say("\(movedUp) moves up from the waiting list") }
        }
    }

    struct Close: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "close", abstract: tr("Close a session once its last half-day has ended: its records become final."),
                discussion: tr(
                    """
                    Refused while a seated participant has no record for a half-day; the error names the \
                    half-days. --unrecorded absent records those as absent (in the chained log) and closes.

                    Examples:
                      allervers session close AV-FOND-2026-03-LYON
                      allervers session close AV-FOND-2026-03-LYON --unrecorded absent
                    """))
        }
        enum Unrecorded: String, ExpressibleByArgument {
            case absent
        }
        @Argument(help: tr("The session's id.")) var session: String
        @Option(help: tr("Record half-days without a record as absent.", valueName: "absent")) var unrecorded: Unrecorded?
        @Option(help: tr("Who closes it. Default: the session's first trainer.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await SessionService(store: try storeOptions.openStore()).close(
                session, recordingUnrecordedAsAbsent: unrecorded == .absent, by: by, at: WorkClock.now)
            say("Closed \(session)")
        }
    }

    struct Reopen: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "reopen",
                abstract: tr("Reopen a closed session whose certificates are all revoked, or that has none, for a reason."),
                discussion: tr(
                    """
                    The reopening, with who, when and why, stays in the session's history (`session show`) \
                    and in what `allervers verify` reports. Close the session again when the records are right.

                    Example:
                      allervers session reopen AV-FOND-2026-03-LYON \\
                        --reason "feuille du 13 mars retrouvée"
                    """))
        }
        @Argument(help: tr("The session's id.")) var session: String
        @Option(help: tr("Why it is reopened.")) var reason: String
        @Option(help: tr("Who reopens it. Default: the organisation's signatory.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await SessionService(store: try storeOptions.openStore()).reopen(session, reason: reason, by: by, at: WorkClock.now)
            say("Reopened \(session): \(reason)")
        }
    }

    struct Cancel: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "cancel", abstract: tr("Cancel a session that has not been closed."),
                discussion: tr("Example:\n  allervers session cancel AV-FOND-2026-03-LYON"))
        }
        @Argument(help: tr("The session's id.")) var session: String
        @Option(help: tr("Who cancels it. Default: the organisation's signatory.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await SessionService(store: try storeOptions.openStore()).cancel(session, by: by, at: WorkClock.now)
            say("Cancelled \(session)")
        }
    }
}

/// A session's life as `session show` and `attendance history` print it.
func printSessionHistory(_ events: [SessionEvent]) {
    guard !events.isEmpty else { return }
    say()
    printTable(
        header: ["#", "EVENT", "BY", "AT", "DETAIL"],
        rows: events.map { [String($0.sequence), $0.kind.words.description, $0.recordedBy, $0.recordedAt.formatted(.iso8601), $0.detail] })
}

func printSlots(_ session: Session) {
    printTable(
        header: ["SLOT", "DATE", "START", "END", "HOURS", "MODULES", "WHERE"],
        rows: session.slots.map {
            [
                $0.id, $0.date.description, $0.start.description, $0.end.description + ($0.crossesMidnight ? tr(" (+1 day)") : ""),
                $0.duration.decimal, $0.modules.joined(separator: " "),
                $0.remotePresence.map { tr("remote (\($0))") } ?? $0.place.map { "\($0.name), \($0.detail)" } ?? "",
            ]
        })
}

/// A `--slots` file: `date;start;end;modules`, and for a slot held elsewhere than the
/// session's place `place;address` (a room) or `site;site_description` (an outreach site), and
/// for a slot held remotely `remote`, how presence was established.
struct SlotFile {
    let path: String

    static let columns = ["date", "start", "end", "modules", "place", "address", "site", "site_description", "remote"]

    /// The slots, their times in `timeZone`, none on a public holiday of `holidays` when given.
    func slots(in timeZone: String, refusing holidays: PublicHolidays? = nil) throws -> [Slot] {
        let table = try CSVFile(path: path).table(
            expecting: Self.columns, aliases: ["site_description": ["description"], "remote": ["a_distance", "distanciel"]],
            required: ["date", "start", "end", "modules"])
        let slots = try table.rows.map { row in
            let fields = table.fields(row, Self.columns)
            guard let date = LocalDate(fields[0]) else {
                throw CSVFile.error(path, row.line, "\"\(fields[0])\" is not a date that exists (YYYY-MM-DD)")
            }
            guard let start = TimeOfDay(fields[1]), let end = TimeOfDay(fields[2]) else {
                throw CSVFile.error(path, row.line, "times are written HH:MM")
            }
            if let name = holidays?.holiday(on: date) {
                throw CSVFile.error(path, row.line, "\(date) is a public holiday (\(name)): give --allow-holiday to hold a slot then")
            }
            var slot = Slot(date: date, start: start, end: end, modules: fields[3].split(separator: " ").map(String.init))
            let (place, address, site, description, remote) = (fields[4], fields[5], fields[6], fields[7], fields[8])
            switch (place.isEmpty, site.isEmpty) {
            case (false, false): throw CSVFile.error(path, row.line, "a slot is held in a place or on a site, not both")
            case (false, true):
                if address.isEmpty { throw CSVFile.error(path, row.line, "the room \(place) needs its address") }
                slot.place = .room(name: place, address: address)
            case (true, false):
                if description.isEmpty { throw CSVFile.error(path, row.line, "the outreach site \(site) needs its site_description") }
                slot.place = .outreachSite(name: site, description: description)
            case (true, true):
                if !address.isEmpty || !description.isEmpty {
                    throw CSVFile.error(path, row.line, "an address or a description needs the place or site it belongs to")
                }
            }
            slot.remotePresence = remote.isEmpty ? nil : remote
            slot.timeZone = timeZone
            return (slot, row.line)
        }.sorted { ($0.0.date, $0.0.start) < ($1.0.date, $1.0.start) }
        let numbered = Slot.numbered(slots.map(\.0))
        // What the slots say of themselves, at the row that says it.
        if let (index, problem) = Session.problems(of: numbered).first {
            throw CSVFile.error(path, slots[index].1, problem)
        }
        return numbered
    }
}
