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
                abstract: tr("Check course files against the format and its rules, without writing anything."),
                discussion: tr("Example:\n  allervers course validate Courses/aller-vers-fondamentaux.xml Courses/"))
        }

        @Argument(help: tr("Course files, or folders of them.", valueName: "file"))
        var files: [String]

        @OptionGroup var format: FormatOptions

        func run() throws {
            let input = try CourseFiles(arguments: files)
            var courses: [[String: String]] = []
            try input.forEachCourse { course, location in
                courses.append(["id": course.id, "version": course.version.description, "location": location.description])
            }
            if format.json { return try printJSON(courses) }
            say("Valid: \(counted(courses.count, "course")) in \(counted(input.paths.count, "file"))")
        }
    }

    struct Import: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: tr("Import course files into the workspace, all of them or none."),
                discussion: tr(
                    """
                    A course whose id and version are already in the workspace with the same content is left \
                    as it is. With different content it is refused, unless --replace: give a revised programme \
                    a new version instead, and both are kept.

                    Example:
                      allervers course import Courses/
                      allervers course import --dry-run new-catalogue.xml
                    """))
        }

        @Argument(help: tr("Course files, or folders of them.", valueName: "file"))
        var files: [String]

        @Flag(help: tr("Check everything, including against the workspace, then store nothing."))
        var dryRun = false

        @Flag(help: tr("Replace a course whose id and version exist with different content."))
        var replace = false

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let input = try CourseFiles(arguments: files)
            let imported = try await CourseService(store: try storeOptions.openStore()).importCourses(
                input, replacing: replace, dryRun: dryRun)
            if format.json {
                return try printJSON(imported.map { ["id": $0.id, "version": $0.version.description, "outcome": $0.outcome.rawValue] })
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
        }
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: tr("List the courses in the workspace, every version."),
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
                abstract: tr("Show one course: objectives, modules, assessment, certification."),
                discussion: tr("Example:\n  allervers course show AV-FOND\n  allervers course show AV-FOND --version 1.0 --json"))
        }

        @Argument(help: tr("The course's id."))
        var id: String

        @OptionGroup var version: VersionOption
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let course = try await CourseService(store: try storeOptions.openStore()).course(id, version: try version.parsed())
            if format.json { return try printJSON(course) }
            CoursePrinter(course: course).print()
        }
    }

    struct Export: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: tr("Write a course as XML in the course format; importing it gives the same course."),
                discussion: tr("Example:\n  allervers course export AV-FOND --output AV-FOND.xml"))
        }

        @Argument(help: tr("The course's id."))
        var id: String

        @OptionGroup var version: VersionOption

        @Option(name: [.short, .long], help: tr("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            let course = try await CourseService(store: try storeOptions.openStore()).course(id, version: try version.parsed())
            let xml = try CourseWriter().document(for: [course])
            guard let output else { return Console.current.write(xml) }
            do {
                try xml.write(to: URL(fileURLWithPath: output), atomically: true, encoding: .utf8)
            } catch {
                throw CLIError("\(output): cannot write the file")
            }
            say("Wrote \(course.id) version \(course.version) to \(output)")
        }
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
