import ArgumentParser
import Foundation
import TrainingCore
import TrainingService
import TrainingStore
import TrainingXML

extension AllerVers {
    struct AttendanceCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "attendance",
                abstract: tr("Record who was there each half-day, import a paper sheet, show the grid and the history."),
                subcommands: [
                    Record.self, Import.self, Show.self, History.self, Check.self, FollowUp.self, Alerts.self, HoursCommand.self,
                ])
        }
    }
}

extension AllerVers.AttendanceCommand {
    struct Record: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "record", abstract: tr("Record a whole half-day in one command."),
                discussion: tr(
                    """
                    Every participant holding a seat gets a status: --present, --late P:MINUTES, \
                    --left-early P:MINUTES, --excused P:REASON, --absent; --others-present marks everyone \
                    not named present. Recording a participant and slot again is a correction, which \
                    names only the participants it changes: the new record supersedes the old, which \
                    stays in the history.

                    Examples:
                      allervers attendance record AV-FOND-2026-03-LYON --slot 2026-03-12-am \\
                        --late P-0002:15 --excused "P-0004:arrêt maladie" --absent P-0005 \\
                        --others-present
                      allervers attendance record AV-FOND-2026-03-LYON --slot 2026-03-12-am \\
                        --present P-0005
                    """))
        }
        @Argument(help: tr("The session's id.")) var session: String
        @Option(help: tr("The half-day, e.g. 2026-03-12-am.", valueName: "slot")) var slot: String
        @Option(parsing: .upToNextOption, help: tr("Participants present.")) var present: [String] = []
        @Option(help: tr("A participant who arrived late, and by how many minutes.", valueName: "P:MINUTES")) var late: [String] =
            []
        @Option(help: tr("A participant who left early, and by how many minutes.", valueName: "P:MINUTES")) var leftEarly: [String] = []
        @Option(help: tr("A participant away for a valid reason, and the reason.", valueName: "P:REASON")) var excused: [String] =
            []
        @Option(parsing: .upToNextOption, help: tr("Participants away without a valid reason.")) var absent: [String] = []
        @Flag(help: tr("Everyone holding a seat and not named otherwise was present.")) var othersPresent = false
        @Option(help: tr("Why, when this corrects an earlier record; kept in the log and on the sheet.", valueName: "text"))
        var reason: String?
        @Option(help: tr("Who records. Default: the session's first trainer.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            var sheet = HalfDaySheet(slotID: slot)
            func split(_ value: String, _ option: String) throws -> (String, String) {
                guard let colon = value.lastIndex(of: ":") else {
                    throw ValidationError(tr("--\(option) takes PARTICIPANT:VALUE, not \"\(value)\""))
                }
                return (String(value[..<colon]), String(value[value.index(after: colon)...]))
            }
            func minutes(_ value: String, _ option: String) throws -> HalfDaySheet.Minutes {
                let (key, text) = try split(value, option)
                guard let minutes = Int(text), minutes > 0 else {
                    throw ValidationError(tr("--\(option) takes minutes, a whole number, not \"\(text)\""))
                }
                return HalfDaySheet.Minutes(participant: key, minutes: minutes)
            }
            sheet.present = present
            sheet.late = try late.map { try minutes($0, "late") }
            sheet.leftEarly = try leftEarly.map { try minutes($0, "left-early") }
            sheet.excused = try excused.map { value in
                let (key, reason) = try split(value, "excused")
                return HalfDaySheet.Excuse(participant: key, reason: reason)
            }
            sheet.absent = absent
            sheet.othersPresent = othersPresent
            sheet.correctionReason = reason
            let service = AttendanceService(store: try storeOptions.openStore())
            let recorded = try await service.record(sheet, in: session, by: by, at: WorkClock.now)
            say("Recorded \(slot) of \(session): \(counted(recorded.count, "participant"))")
        }
    }

    struct Import: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "import", abstract: tr("Import a digitised paper sheet: a CSV, all of it or none."),
                discussion: tr(
                    """
                    Columns: session, slot, participant (id, email or external id), status (present, \
                    excused, absent; or présent, excusé, absent), minutes_late, minutes_left_early, reason.

                    Example:
                      allervers attendance import feuille-2026-03-12.csv --by "Claire Martin"
                    """))
        }
        @Argument(help: tr("The file: CSV, or the first sheet of an .xlsx or .ods.")) var file: String
        @Option(help: tr("The sheet of an .xlsx or .ods to read. Default: the first.", valueName: "name")) var sheet: String?
        @Option(help: tr("Who recorded the sheet.", valueName: "name")) var by: String
        @Option(help: tr("Why, when the sheet corrects earlier records.", valueName: "text")) var reason: String?
        @OptionGroup var storeOptions: StoreOptions

        static let columns = ["session", "slot", "participant", "status", "minutes_late", "minutes_left_early", "reason"]

        func run() async throws {
            let service = AttendanceService(store: try storeOptions.openStore())
            let table = try CSVFile(path: file, sheet: sheet).table(
                expecting: Self.columns,
                aliases: [
                    "slot": ["creneau", "demi_journee"], "participant": ["stagiaire", "participant_e", "apprenant", "apprenant_e"],
                    "status": ["statut", "presence"], "minutes_late": ["retard", "retard_min", "minutes_de_retard"],
                    "minutes_left_early": ["depart_anticipe", "depart_anticipe_min", "parti_avant_min"], "reason": ["motif", "raison"],
                ], required: ["session", "slot", "participant", "status"])
            let lines = table.rows.map { row in
                let values = table.fields(row, Self.columns)
                return AttendanceLine(
                    line: row.line, session: values[0], slot: values[1], participant: values[2], status: values[3], minutesLate: values[4],
                    minutesLeftEarly: values[5], reason: values[6])
            }
            do {
                try await service.importSheet(
                    lines, named: URL(fileURLWithPath: file).lastPathComponent, by: by, correctionReason: reason, at: WorkClock.now)
            } catch let error as SheetError {
                throw InputFileError(.init(path: file, line: error.line ?? 0), error.text)
            }
            say("Imported \(counted(table.rows.count, "attendance record", "attendance records")) from \(file)")
        }
    }

    struct Show: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "show",
                abstract: tr("The attendance grid of a session: participants × half-days, and the hours each attended."),
                discussion: tr(
                    """
                    Cells: P present, L15 late 15 minutes, E30 left 30 minutes early, EXC excused, ABS absent, \
                    · not recorded yet.

                    Example:
                      allervers attendance show AV-FOND-2026-03-LYON
                    """))
        }
        @OptionGroup var sessionOptions: SessionOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let grid = try await AttendanceService(store: try sessionOptions.storeOptions.openStore()).grid(of: sessionOptions.session)
            let session = grid.session
            if format.json {
                struct Line: Encodable {
                    let participant: String
                    let name: String
                    let marks: [AttendanceMark]
                    let attendedMinutes: Int
                    let plannedMinutes: Int
                    let ratePercent: Int
                }
                return try printJSON(
                    grid.lines.map { line in
                        Line(
                            participant: line.participant.id, name: line.participant.displayName, marks: line.marks,
                            attendedMinutes: line.hours.attended.minutes, plannedMinutes: line.hours.planned.minutes,
                            ratePercent: line.hours.ratePercent)
                    })
            }
            let header: [Text] = ["PARTICIPANT"] + session.slots.map { Text(verbatim: String($0.id.dropFirst(5))) } + ["HOURS", "RATE"]
            let rows = grid.lines.map { line in
                [line.participant.displayName]
                    + session.slots.map { slot in line.marks.first { $0.slotID == slot.id }.map(Self.cell) ?? "·" }
                    + ["\(line.hours.attended) / \(line.hours.planned)", "\(line.hours.ratePercent)%"]
            }
            printTable(header: header, rows: rows)
        }

        static func cell(_ mark: AttendanceMark) -> String {
            switch mark.status {
            case .excused: return "EXC"
            case .absent: return "ABS"
            case .present:
                var cell = ""
                if mark.minutesLate > 0 { cell += "L\(mark.minutesLate)" }
                if mark.minutesLeftEarly > 0 { cell += "E\(mark.minutesLeftEarly)" }
                return cell.isEmpty ? "P" : cell
            }
        }
    }

    struct History: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "history", abstract: tr("Every attendance record of a session, corrections included."),
                discussion: tr("Example:\n  allervers attendance history AV-FOND-2026-03-LYON --participant P-0002"))
        }
        @Argument(help: tr("The session's id.")) var session: String
        @Option(help: tr("Only this participant (id, email or external id).")) var participant: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let service = AttendanceService(store: try storeOptions.openStore())
            let (events, life) = try await service.history(of: session, participant: participant)
            if format.json { return try printJSON(events) }
            printTable(
                header: ["#", "SLOT", "PARTICIPANT", "MARK", "REASON", "BY", "AT", "CORRECTS"],
                rows: events.map {
                    [
                        String($0.sequence), $0.mark.slotID, $0.mark.participantID, Show.cell($0.mark), $0.mark.reason ?? "",
                        $0.recordedBy, $0.recordedAt.formatted(.iso8601), correction($0),
                    ]
                })
            printSessionHistory(life)
            let followUps = try await service.followUps(in: session, participant: participant)
            guard !followUps.isEmpty else { return }
            say()
            say("Follow-ups of absences:")
            printTable(
                header: ["#", "PARTICIPANT", "HALF-DAYS", "CONTACT", "ON", "BY", "NOTE"],
                rows: followUps.map {
                    [
                        String($0.sequence), $0.participantID, $0.slotIDs.joined(separator: " "), $0.channel.words.description,
                        $0.contactedOn.description, $0.contactedBy, $0.note,
                    ]
                })
        }

        /// `#12: feuille corrigée`: the record corrected, and why.
        private func correction(_ event: AttendanceEvent) -> String {
            guard let corrected = event.supersedes else { return "" }
            return "#\(corrected)" + (event.correctionReason.map { ": \($0)" } ?? "")
        }
    }
}

extension AllerVers.AttendanceCommand {
    struct Check: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "check", abstract: tr("What a funder's controller would reject in a session's signed sheets."),
                discussion: tr(
                    """
                    Signatures on a public holiday or on a day the session does not run, a half-day \
                    whose signatures all came within 10 seconds, a half-day past by a day that no \
                    trainer certified, someone counted present on a signed half-day without a \
                    signature. Exits with status 1 when there is any.

                    Example:
                      allervers attendance check AV-FOND-2026-03-LYON
                    """))
        }
        @Argument(help: tr("The session's id.")) var session: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let problems = try await AttendanceChecks(store: try storeOptions.openStore()).problems(of: session, at: WorkClock.now)
            if format.json {
                try printJSON(problems.map { $0.rendered(in: .en) })
            } else if problems.isEmpty {
                say("Session \(session): nothing a controller would reject")
            } else {
                for problem in problems { say(problem) }
            }
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }
}

extension AllerVers.AttendanceCommand {
    struct HoursCommand: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "hours",
                abstract: tr("Hours each participant attended over a period, across every session."),
                discussion: tr("Example:\n  allervers attendance hours --from 2026-01-01 --to 2026-12-31 --json"))
        }
        @Option(help: tr("The first day, YYYY-MM-DD.", valueName: "date")) var from: String
        @Option(help: tr("The last day, included.", valueName: "date")) var to: String
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func validate() throws {
            try validateDates(from, to)
        }

        func run() async throws {
            let hours = try await AttendanceService(store: try storeOptions.openStore()).hours(
                from: LocalDate(from)!, through: LocalDate(to)!)
            if format.json {
                return try printJSON(
                    hours.map {
                        [
                            "participant": $0.participantID, "sessions": String($0.sessionCount),
                            "attendedMinutes": String($0.attended.minutes),
                            "plannedMinutes": String($0.planned.minutes),
                        ]
                    })
            }
            printTable(
                header: ["PARTICIPANT", "SESSIONS", "ATTENDED", "PLANNED"],
                rows: hours.map { [$0.participantID, String($0.sessionCount), $0.attended.description, $0.planned.description] })
        }
    }
}

extension AllerVers.AttendanceCommand {
    struct FollowUp: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "follow-up",
                abstract: tr("Record a contact with a participant after an unexcused absence."),
                discussion: tr(
                    """
                    What Qualiopi's indicator 12 asks for, in actions over two days: measures \
                    against drop-out, formalised and applied. The follow-up answers the half-days \
                    named with --slot, or else every absence of that person not yet followed up. \
                    It joins a chained log, like attendance: it is never changed.

                    Example:
                      allervers attendance follow-up AV-FOND-2026-03-LYON P-0002 --note Malade
                    """))
        }
        @Argument(help: tr("The session's id.")) var session: String
        @Argument(help: tr("The participant (id, email or external id).")) var participant: String
        @Option(help: tr("Who made the contact. Default: the session's first trainer.", valueName: "name")) var by: String?
        @Option(help: tr("What was said and agreed.", valueName: "text")) var note: String
        @Option(help: tr("How the participant was reached: call, message or meeting.", valueName: "channel")) var channel = "call"
        @Option(
            help: tr("A half-day the contact answers; repeat for several. Default: every absence not yet followed up.", valueName: "slot"))
        var slot: [String] = []
        @Option(help: tr("The day of the contact. Default: today.", valueName: "date")) var on: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func validate() throws {
            try validateDates(on)
            let _: AbsenceFollowUp.Channel = try choice(channel)
        }

        func run() async throws {
            let followUp = try await AttendanceService(store: try storeOptions.openStore()).followUp(
                in: session, participant: participant, slots: slot, channel: try choice(channel),
                on: on.flatMap(LocalDate.init) ?? today(), by: by, note: note, at: WorkClock.now)
            if format.json { return try printJSON(followUp) }
            say(
                "Follow-up #\(followUp.sequence) recorded: \(followUp.participantID), \(followUp.channel.words) on \(followUp.contactedOn.description) by \(followUp.contactedBy), for \(followUp.slotIDs.joined(separator: ", "))"
            )
        }
    }

    struct Alerts: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "alerts", abstract: tr("Unexcused absences that no follow-up answers yet."),
                discussion: tr(
                    """
                    Every session that is not cancelled, or the one named. OVER 2 DAYS marks the \
                    sessions where Qualiopi's indicator 12 expects a follow-up.

                    Example:
                      allervers attendance alerts --session AV-FOND-2026-03-LYON
                    """))
        }
        @Option(help: tr("Only this session.", valueName: "session")) var session: String?
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let alerts = try await AttendanceService(store: try storeOptions.openStore()).alerts(in: session)
            if format.json { return try printJSON(alerts) }
            guard !alerts.isEmpty else { return say("No absence waits for a follow-up") }
            printTable(
                header: ["SESSION", "OVER 2 DAYS", "PARTICIPANT", "NAME", "HALF-DAY", "DATE"],
                rows: alerts.map { alert in
                    [
                        alert.sessionID, (alert.overTwoDays ? tr("yes") : tr("no")).description, alert.participantID,
                        alert.participantName, alert.slotID, alert.date.description,
                    ]
                })
        }
    }
}
