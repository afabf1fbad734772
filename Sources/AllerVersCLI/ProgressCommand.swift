import ArgumentParser
import TrainingCore
import TrainingService
import TrainingStore

extension AllerVers {
    struct ProgressCommand: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "progress",
                abstract: tr("Follow each participant's progress: modules done, objectives positioned and assessed."),
                subcommands: [Set.self, Import.self, Show.self])
        }
    }
}

extension AllerVers.ProgressCommand {
    struct Set: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "set", abstract: tr("Record a module's state, or a result on an objective."),
                discussion: tr(
                    """
                    Levels: acquired, partly-acquired, not-acquired (or acquis, en cours d'acquisition, non \
                    acquis); or a --score out of 100. --positioning is the initial positioning, --assessment \
                    the assessment of learning.

                    Example:
                      allervers progress set AV-FOND-2026-03-LYON P-0001 --module M2 \\
                        --status completed
                      allervers progress set AV-FOND-2026-03-LYON P-0001 --objective O3 \\
                        --assessment acquired
                      allervers progress set AV-FOND-2026-03-LYON P-0001 --objective O3 \\
                        --positioning not-acquired --score 30
                    """))
        }
        @Argument(help: tr("The session's id.")) var session: String
        @Argument(help: tr("The participant (id, email or external id).")) var participant: String
        @Option(help: tr("A module of the course.")) var module: String?
        @Option(help: tr("not-started, in-progress or completed."), transform: choice) var status: ModuleProgress?
        @Option(help: tr("An objective of the course.")) var objective: String?
        @Option(help: tr("The initial positioning's level on the objective."), transform: level) var positioning: AcquisitionLevel?
        @Option(help: tr("The assessment's level on the objective."), transform: level) var assessment: AcquisitionLevel?
        @Option(help: tr("A score out of 100, for --positioning or --assessment (alone: the assessment).")) var score: Int?
        @Option(help: tr("Who records. Default: the session's first trainer.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if (module == nil) == (objective == nil) {
                throw ValidationError(tr("give either --module M --status S, or --objective O with a level or --score"))
            }
            if module != nil && status == nil { throw ValidationError(tr("--module needs --status")) }
            if objective != nil && positioning != nil && assessment != nil {
                throw ValidationError(tr("give --positioning or --assessment, not both"))
            }
            if objective != nil && positioning == nil && assessment == nil && score == nil {
                throw ValidationError(tr("give a level or a --score"))
            }
        }

        func run() async throws {
            let service = ProgressService(store: try storeOptions.openStore())
            if let module, let status {
                try await service.set(status, of: participant, module: module, in: session, by: by)
                return say("\(participant): module \(module) \(status.words)")
            }
            guard let objective else { return }
            let phase: ObjectiveResult.Phase = positioning != nil ? .positioning : .assessment
            let result = ObjectiveResult(
                participantID: participant, objectiveID: objective, phase: phase, level: positioning ?? assessment, score: score)
            try await service.record(result, in: session, by: by)
            say("\(participant): objective \(objective) \(phase.words) recorded")
        }
    }

    struct Import: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "import", abstract: tr("Record a group's results on the objectives from a CSV, all or none."),
                discussion: tr(
                    """
                    Columns: participant (id, email or external id); objective; positioning; assessment; \
                    score (out of 100, for the assessment, or the positioning when it is alone), in English \
                    or French (stagiaire, objectif, positionnement, évaluation, note sur 100). Levels in either \
                    language: acquired / acquis, partly-acquired / en cours d'acquisition, not-acquired / \
                    non acquis. A row that cannot be recorded names its line, and nothing is recorded.

                    Example:
                      allervers progress import AV-FOND-2026-03-LYON evaluations.csv
                    """))
        }
        @Argument(help: tr("The session's id.")) var session: String
        @Argument(help: tr("The file: CSV, or the first sheet of an .xlsx or .ods.")) var file: String
        @Option(help: tr("The sheet of an .xlsx or .ods to read. Default: the first.", valueName: "name")) var sheet: String?
        @Option(help: tr("Who records. Default: the session's first trainer.", valueName: "name")) var by: String?
        @OptionGroup var storeOptions: StoreOptions

        static let columns = ["participant", "objective", "positioning", "assessment", "score"]

        func run() async throws {
            let table = try CSVFile(path: file, sheet: sheet).table(
                expecting: Self.columns,
                aliases: [
                    "participant": ["stagiaire", "participant_e", "apprenant", "apprenant_e"], "objective": ["objectif"],
                    "positioning": ["positionnement", "positionnement_initial"], "assessment": ["evaluation", "evaluation_finale"],
                    "score": ["note_sur_100"],
                ], required: ["participant", "objective"])
            var results: [ObjectiveResult] = []
            var lines: [Int] = []
            for row in table.rows {
                let fields = table.fields(row, Self.columns)
                func level(_ text: String) throws -> AcquisitionLevel? {
                    guard !text.isEmpty else { return nil }
                    guard let level = AcquisitionLevel(words: text) else {
                        throw CSVFile.error(
                            file, row.line,
                            "\"\(text)\" is not a level: acquis, en cours d'acquisition, non acquis (or acquired, partly-acquired, not-acquired)"
                        )
                    }
                    return level
                }
                let (positioning, assessment) = (try level(fields[2]), try level(fields[3]))
                var score: Int?
                if !fields[4].isEmpty {
                    guard let number = Int(fields[4]), (0...100).contains(number) else {
                        throw CSVFile.error(file, row.line, "\"\(fields[4])\" is not a score out of 100")
                    }
                    score = number
                }
                guard positioning != nil || assessment != nil || score != nil else {
                    throw CSVFile.error(file, row.line, "the row gives no result: a positioning, an assessment or a score")
                }
                let (participant, objective) = (fields[0], fields[1])
                if positioning != nil {
                    results.append(
                        ObjectiveResult(
                            participantID: participant, objectiveID: objective, phase: .positioning, level: positioning,
                            score: assessment == nil ? score : nil))
                    lines.append(row.line)
                }
                if assessment != nil || (positioning == nil && score != nil) {
                    results.append(
                        ObjectiveResult(
                            participantID: participant, objectiveID: objective, phase: .assessment, level: assessment, score: score))
                    lines.append(row.line)
                }
            }
            do {
                try await ProgressService(store: try storeOptions.openStore()).record(results, in: session, by: by)
            } catch let error as ProgressError {
                guard let index = error.index else { throw error }
                throw CSVFile.error(file, lines[index], error.reasons.joined(separator: "; "))
            }
            say(
                "Recorded \(counted(results.count, "result")) for \(counted(Swift.Set(results.map(\.participantID)).count, "participant")) from \(file)"
            )
        }
    }

    struct Show: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "show", abstract: tr("Each participant's modules and objective results."),
                discussion: tr("Example:\n  allervers progress show AV-FOND-2026-03-LYON"))
        }
        @OptionGroup var sessionOptions: SessionOptions
        @OptionGroup var format: FormatOptions

        func run() async throws {
            let (course, progress) = try await ProgressService(store: try sessionOptions.storeOptions.openStore()).progress(
                in: sessionOptions.session)
            if format.json { return try printJSON(progress) }
            let symbols: [ModuleProgress: String] = [.notStarted: "·", .inProgress: "…", .completed: "✓"]
            printTable(
                header: ["PARTICIPANT"] + (course.modules.map(\.id) + course.objectives.map(\.id)).map(Text.init(verbatim:)),
                rows: progress.map { line in
                    [line.participantID] + course.modules.map { symbols[line.modules[$0.id] ?? .notStarted]! }
                        + course.objectives.map { objective in
                            let results = line.results.filter { $0.objectiveID == objective.id }
                            return results.map(Self.cell).joined(separator: "→")
                        }
                })
            say(
                "Modules: · not started, … in progress, ✓ completed. Objectives: positioning→assessment, A acquired, PA partly, NA not, or a score."
            )
        }

        static func cell(_ result: ObjectiveResult) -> String {
            let level: [AcquisitionLevel: String] = [.acquired: "A", .partlyAcquired: "PA", .notAcquired: "NA"]
            return [result.level.map { level[$0]! }, result.score.map(String.init)].compactMap { $0 }.joined(separator: " ")
        }
    }
}

/// A level in English or in French.
func level(_ text: String) throws -> AcquisitionLevel {
    guard let level = AcquisitionLevel(words: text) else {
        throw ValidationError(
            tr("\"\(text)\" is not a level: acquired, partly-acquired, not-acquired (or acquis, en cours d'acquisition, non acquis)"))
    }
    return level
}

/// Parses one of an enumeration's raw values, or says which ones there are.
func choice<T: Worded>(_ text: String) throws -> T {
    guard let value = T(word: text) else {
        throw ValidationError(tr("\"\(text)\" is not one of \(T.choices)"))
    }
    return value
}
