import ArgumentParser
import Foundation
import TrainingCore
import TrainingService
import TrainingStore
import TrainingXML

extension AllerVers {
    struct CourseCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "course",
                abstract: tr("Check, import, list, show and export courses."),
                subcommands: [Validate.self, Import.self, List.self, Show.self, Export.self])
        }
    }
}

extension AllerVers.CourseCommand {
    struct Validate: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "validate",
                abstract: tr(
                    "Check course files, LHEO files and e-learning packages against their format and its rules, without writing anything."),
                discussion: tr("Example:\n  allervers course validate Courses/aller-vers-fondamentaux.xml Courses/"))
        }

        @OptionGroup var input: CourseInput

        @OptionGroup var format: FormatOptions

        func run() throws {
            let input = try self.input.courseFiles()
            let warnings = WarningTally()
            var courses: [[String: String]] = []
            try input.forEachEntry(warn: warnings.add) { entry in
                courses.append(["id": entry.course.id, "version": entry.course.version.description, "location": entry.location.description])
            }
            warnings.summarise()
            if format.json { return try printJSON(courses) }
            say("Valid: \(counted(courses.count, "course")) in \(counted(input.paths.count, "file"))")
        }
    }

    struct Import: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "import", abstract: tr("Import course files into the workspace, all of them or none."),
                discussion: tr(
                    """
                    A course whose id and version are already in the workspace with the same content is left \
                    as it is. With different content it is refused, unless --replace: give a revised programme \
                    a new version instead, and both are kept.

                    An LHEO 2.2 or 2.3 file (a Carif-Oref feed) imports too: each formation becomes a course \
                    (one module of the action's hours, its codes, places, funders and contact in the offer, \
                    its version the date of the offer's last update), each action a session template, and each \
                    session whose first day is known a planned session, laid out on half-days from that day. \
                    What is loose in the file (a day 00, escaped HTML, no hours) is a warning, counted per file.

                    An e-learning package (SCORM 1.2 or 2004, IMS Common Cartridge 1.0 to 1.3, cmi5; a .zip, \
                    a folder holding imsmanifest.xml or cmi5.xml, or the manifest alone) imports as a course of remote \
                    modules: one per item that launches something, titled with the titles of the items \
                    around it, its hours the learning time the item states or --module-hours. Sequencing \
                    rules, launch URLs and other organisations have no equivalent: each kind is a warning.

                    Example:
                      allervers course import Courses/
                      allervers course import offres-carif.xml
                      allervers course import scorm.zip --module-hours 1.5 --course-id AV-WEB
                      allervers course import --dry-run new-catalogue.xml
                    """))
        }

        @OptionGroup var input: CourseInput

        @Flag(help: tr("Check everything, including against the workspace, then store nothing."))
        var dryRun = false

        @Flag(help: tr("Replace a course whose id and version exist with different content."))
        var replace = false

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let input = try self.input.courseFiles()
            let warnings = WarningTally()
            let imported = try await CourseService(store: try storeOptions.openStore()).importCourses(
                input, replacing: replace, dryRun: dryRun, warn: warnings.add)
            warnings.summarise()
            if format.json {
                return try printJSON(
                    imported.map {
                        ImportedCourseJSON(
                            id: $0.id, version: $0.version.description, outcome: $0.outcome.rawValue, templates: $0.templates,
                            plannedSessions: $0.plannedSessions)
                    })
            }
            let count = { (outcome: CourseImportOutcome) in imported.filter { $0.outcome == outcome }.count }
            let verb: Text = dryRun ? "Would import" : "Imported"
            let classified: Text =
                count(.classified) > 0
                ? ", \(count(.classified)) classified (their NSF speciality and objective added)" : Text(verbatim: "")
            let completed: Text =
                count(.completed) > 0 ? ", \(count(.completed)) completed (their offer added)" : Text(verbatim: "")
            say(
                "\(verb) \(counted(imported.count, "course")) from \(counted(input.paths.count, "file")): "
                    + "\(count(.added)) added, \(count(.unchanged)) unchanged, \(count(.replaced)) replaced" + classified + completed)
            let templates = imported.reduce(0) { $0 + $1.templates }
            let sessions = imported.flatMap(\.plannedSessions)
            if templates > 0 || !sessions.isEmpty {
                let templates = counted(templates, "session template", "session templates")
                let planned = counted(sessions.count, "session")
                say(
                    dryRun
                        ? "From the offers' actions: \(templates), would plan \(planned)"
                        : "From the offers' actions: \(templates), planned \(planned)")
                for session in sessions { say(verbatim: "  \(session)") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "list", abstract: tr("List the courses in the workspace, every version."),
                discussion: tr("Example:\n  allervers course list\n  allervers course list --json"))
        }

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let summaries = try await CourseService(store: try storeOptions.openStore()).list()
            if format.json { return try printJSON(summaries.map(CourseSummaryJSON.init)) }
            guard !summaries.isEmpty else { return say("No course yet: import some with `allervers course import FILE`.") }
            printTable(
                header: ["ID", "VERSION", "HOURS", "MODULES", "TITLE"],
                rows: summaries.map { [$0.id, $0.version.description, $0.duration.decimal, String($0.moduleCount), $0.title] })
        }
    }

    struct Show: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "show", abstract: tr("Show one course: objectives, modules, assessment, certification."),
                discussion: tr("Example:\n  allervers course show AV-FOND\n  allervers course show AV-FOND --version 1.0 --json"))
        }

        @Argument(help: tr("The course's id."))
        var id: String

        @OptionGroup var version: VersionOption
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let service = CourseService(store: try storeOptions.openStore())
            let course = try await service.course(id, version: try version.parsed())
            if format.json { return try printJSON(course) }
            CoursePrinter(course: course, templates: try await service.templates(of: course)).print()
        }
    }

    struct Export: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "export",
                abstract: tr(
                    "Write a course as XML in the course format, or the catalogue as LHEO; importing either gives the same courses."),
                discussion: tr(
                    """
                    --format lheo writes LHEO 2.3 for a Carif-Oref base: the organisation by its declaration \
                    number and SIRET (`organisation set --siret`), the course's codes, places, hours, funders \
                    and actions, and with --sessions its planned sessions. What LHEO has no element for travels \
                    in <extras info="allervers">. --lint lists what a base expects that a course does not fill.

                    Example:
                      allervers course export AV-FOND --output AV-FOND.xml
                      allervers course export --all --format lheo --sessions --output offre.xml
                      allervers course export AV-FOND --format lheo --lint
                    """))
        }

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case allervers, lheo
        }

        @Argument(help: tr("The course's id."))
        var id: String?

        @Flag(help: tr("The latest version of every course (LHEO only)."))
        var all = false

        @OptionGroup var version: VersionOption

        @Option(help: tr("allervers (the course format, the default) or lheo (LHEO 2.3)."))
        var format: Format = .allervers

        @Flag(help: tr("With --format lheo, announce the courses' planned sessions."))
        var sessions = false

        @Flag(help: tr("With --format lheo, list what a Carif-Oref base expects that the courses do not fill, and write nothing."))
        var lint = false

        @Option(name: [.short, .long], help: tr("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            guard (id == nil) == all else { throw ValidationError(tr("give a course's id, or --all")) }
            if format == .allervers && (all || sessions || lint) {
                throw ValidationError(tr("--all, --sessions and --lint go with --format lheo"))
            }
        }

        func run() async throws {
            let store = try storeOptions.openStore()
            let service = CourseService(store: store)
            let courses =
                if let id { [try await service.course(id, version: try version.parsed())] } else { try await service.latestCourses() }
            let xml: String
            switch format {
            case .allervers:
                xml = try CourseWriter().document(for: courses)
            case .lheo:
                guard let organisation = try await WorkspaceService(store: store).identity() else {
                    throw CLIError("the workspace has no organisation identity yet: set it with `allervers organisation set`")
                }
                let offers = try await service.lheoOffers(courses, sessions: sessions)
                if lint {
                    for offer in offers {
                        let missing = LHEOWriter.lint(offer, organisation: organisation)
                        let summary: Text = missing.isEmpty ? "nothing missing" : counted(missing.count, "thing missing", "things missing")
                        say("\(offer.course.id): \(summary)")
                        for line in missing { say("  - \(line)") }
                    }
                    return
                }
                xml = try LHEOWriter().document(for: offers, organisation: organisation)
            }
            guard let output else { return Console.current.write(xml) }
            do {
                try xml.write(to: URL(fileURLWithPath: output), atomically: true, encoding: .utf8)
            } catch {
                throw CLIError("\(output): cannot write the file")
            }
            if let course = courses.first, courses.count == 1 {
                say("Wrote \(course.id) version \(course.version) to \(output)")
            } else {
                say("Wrote \(counted(courses.count, "course")) to \(output)")
            }
        }
    }
}

/// The course files a command reads, and what a package's modules need that it may not say.
struct CourseInput: ParsableArguments {
    @Argument(
        help: tr(
            "Course files, LHEO files, e-learning packages (.zip, .imscc, a folder, or the manifest alone), or folders of them.",
            valueName: "file"))
    var files: [String]

    @Option(help: tr("The hours of each module of a package whose item states no learning time.", valueName: "hours"))
    var moduleHours: String?

    @Option(help: tr("The id of the course one package makes, instead of one made from its manifest's identifier.", valueName: "id"))
    var courseId: String?

    func courseFiles() throws -> CourseFiles {
        var input = try CourseFiles(arguments: files)
        if let moduleHours {
            // 1,5 as French writes it; the course format's hours have two decimals: steps of 0.05 (3 minutes).
            guard let hours = Hours(decimal: moduleHours.replacingOccurrences(of: ",", with: ".")), hours.minutes > 0,
                hours.minutes % 3 == 0, hours.minutes <= 9999 * 60
            else {
                throw ValidationError(tr("--module-hours takes hours from 0.05 to 9999 in steps of 0.05, such as 1.5 or 0.75"))
            }
            input.packageOptions.moduleHours = hours
        }
        if let courseId {
            guard input.paths.count == 1 else { throw ValidationError(tr("--course-id names the course of one package: give one")) }
            guard courseId.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", options: .regularExpression) != nil else {
                throw ValidationError(
                    tr("--course-id takes letters, digits, \".\", \"_\" and \"-\", starting with a letter or a digit, 64 at most"))
            }
            input.packageOptions.courseID = courseId
        }
        return input
    }
}

struct VersionOption: ParsableArguments {
    @Option(help: tr("A version of the course. Default: the latest.", valueName: "version"))
    var version: String?

    func parsed() throws -> CourseVersion? {
        guard let version else { return nil }
        guard let parsed = CourseVersion(version) else {
            throw ValidationError(tr("\"\(version)\" is not a course version (dot-separated numbers, such as 1.0)"))
        }
        return parsed
    }
}

private struct CourseSummaryJSON: Encodable {
    let id: String
    let version: String
    let title: String
    let hours: String
    let modules: Int
    let importedAt: Date

    init(_ summary: CourseSummary) {
        id = summary.id
        version = summary.version.description
        title = summary.title
        hours = summary.duration.decimal
        modules = summary.moduleCount
        importedAt = summary.importedAt
    }
}

/// An imported course as `course import --json` prints it.
struct ImportedCourseJSON: Encodable {
    var id: String
    var version: String
    var outcome: String
    var templates: Int
    var plannedSessions: [String]
}

/// The warnings of a read, printed as they come and counted per file at the end.
final class WarningTally {
    private var counts: [(path: String, count: Int)] = []

    func add(_ warning: CourseImportWarning) {
        sayError(warning.text)
        let path = warning.location.path
        if counts.last?.path == path { counts[counts.count - 1].count += 1 } else { counts.append((path, 1)) }
    }

    /// One line per file with warnings, on the error stream with them.
    func summarise() {
        for (path, count) in counts { sayError("\(path): \(counted(count, "warning"))") }
    }
}
