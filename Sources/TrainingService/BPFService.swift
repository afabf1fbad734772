public import Foundation
public import TrainingCore
public import TrainingStore

/// The *Bilan pédagogique et financier* of a period, drawn from the records: each figure of
/// the form, and what the records lack to fill it.
public struct BPFReport: Sendable, Hashable, Codable {
    /// A line counting people and hours: trainers and the hours they delivered (cadre E), or
    /// trainees and the hours they attended (cadres F and G).
    public struct Figure: Sendable, Hashable, Codable {
        public var line: BPFForm.Line
        public var people: Int
        public var minutes: Int

        mutating func add(_ minutes: Int) {
            people += 1
            self.minutes += minutes
        }
    }

    /// A line of income, in cents; `nil` when no amount was recorded for the whole period.
    public struct Amount: Sendable, Hashable, Codable {
        public var line: BPFForm.Line
        public var cents: Int?
    }

    /// The form it fills.
    public var form = BPFForm.version
    /// The fiscal year.
    public var from: LocalDate
    public var to: LocalDate
    /// Cadre C, with its total: only amounts recorded on sessions, for the accountant to check.
    public var income: [Amount]
    public var incomeTotal: Amount
    /// Cadre B: whether training was delivered wholly or partly at a distance, and to how many
    /// trainees (a box of form 10443*16 that *17 replaced by the yes or no).
    public var remoteTrainees: Int
    /// Cadre E.
    public var trainers: [Figure]
    /// Cadre F-1 and its total (1).
    public var traineeKinds: [Figure]
    public var traineesTotal: Figure
    /// Cadre F-2 (2): within F-1.
    public var handedOver: Figure
    /// Cadre F-3, RNCP levels within its line a, and its total (3).
    public var objectives: [Figure]
    public var rncpLevels: [Figure]
    public var objectivesTotal: Figure
    /// Cadre F-4: the five main NSF specialities (the code and its label in the line), the
    /// others, and its total (4).
    public var specialities: [Figure]
    public var specialitiesTotal: Figure
    /// Cadre G (5): trainees of actions delivered for another organisation, not in F.
    public var handedIn: Figure
    /// What the records lack: trainees without a kind, courses without an NSF code or a
    /// general objective, trainers not recorded as internal or external, sessions with
    /// half-days in the period but no hours or no trainee.
    public var missing: [String]

    /// Every figure of cadres E to G, in the form's order.
    public var figures: [Figure] {
        var figures = trainers
        figures += traineeKinds
        figures += [traineesTotal, handedOver]
        figures += objectives.prefix(1)
        figures += rncpLevels
        figures += objectives.dropFirst()
        figures.append(objectivesTotal)
        figures += specialities
        figures += [specialitiesTotal, handedIn]
        return figures
    }

    /// Whether the period had any activity.
    public var isEmpty: Bool { traineesTotal.people == 0 && handedIn.people == 0 }
}

/// Builds the BPF from the sessions, their attendance, their courses and their declarations.
///
/// How it counts (each choice is the reading of the form's notice stated in the README):
/// - a trainee is a person in a session who attended some of its hours in the period: a person
///   in two sessions counts twice, so that F-1, F-3 and F-4 count the same trainees;
/// - their hours are those they attended in the period (a session over two fiscal years
///   counts its trainees in each, with the hours of each);
/// - a trainer counts once, with every hour of the half-days they delivered: two trainers of
///   the same half-day both count its hours;
/// - a session delivered for another organisation counts in G and not in F; one handed to
///   another organisation counts in F and again in F-2;
/// - income is the amounts recorded on sessions whose last half-day falls in the period.
public struct BPFService: Sendable {
    let store: Store

    /// The use cases over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// The BPF of the period from `from` through `to`.
    public func report(from: LocalDate, through to: LocalDate) async throws -> BPFReport {
        guard from <= to else { throw DeclarationError("the period ends on \(to.description), before it starts on \(from.description)") }
        let period = from...to
        let employerKinds = Dictionary(
            try store.employers().map { ($0.employer.name, $0.employer.kind) }, uniquingKeysWith: { first, _ in first })
        let registry = Dictionary(try store.trainers().map { ($0.name.folded, $0.external) }, uniquingKeysWith: { first, _ in first })
        var missing: [String] = []
        var income: [Funding.Source: Int] = [:]
        var anyIncome = false
        // By person and by whether they delivered as one of the organisation: the
        // subcontractor's people of a session handed over are outside it, whatever the records
        // say of them elsewhere.
        var trainerMinutes: [TrainerKey: Int] = [:]
        var unknownTrainers: Set<String> = []
        var kinds = BPFForm.traineeKinds.map { BPFReport.Figure(line: $0.line, people: 0, minutes: 0) }
        var objectives = BPFForm.objectives.map { BPFReport.Figure(line: $0.line, people: 0, minutes: 0) }
        var levels = BPFForm.rncpLevels.map { BPFReport.Figure(line: $0.line, people: 0, minutes: 0) }
        var specialities: [String: BPFReport.Figure] = [:]
        var handedOver = BPFReport.Figure(line: BPFForm.handedOver, people: 0, minutes: 0)
        var handedIn = BPFReport.Figure(line: BPFForm.handedIn, people: 0, minutes: 0)
        var remoteTrainees = 0
        var coursesMissing: Set<String> = []

        for summary in try store.sessionSummaries() where summary.status != .cancelled {
            let session = try store.session(id: summary.id)
            let slots = session.slots.filter { period.contains($0.date) }
            // A session of another year is not read further.
            guard !slots.isEmpty else { continue }
            let declaration = try store.declaration(of: session.id)
            if let last = session.slots.map(\.date).max(), period.contains(last) {
                for funding in declaration.fundings {
                    income[funding.source, default: 0] += funding.cents
                    anyIncome = true
                }
            }
            let course = try store.course(of: session)
            let marks = Dictionary(grouping: try store.currentMarks(in: session.id), by: \.participantID)
            let enrolled = try store.enrolments(in: session.id)
            var trainees = 0
            var delivered: Set<String> = []
            for enrolment in enrolled {
                let person = enrolment.participant
                let theirs = Dictionary(uniqueKeysWithValues: (marks[person.id] ?? []).map { ($0.slotID, $0) })
                let attended = slots.compactMap { slot in theirs[slot.id].map { ($0.attended(in: slot).minutes, slot) } }
                    .filter { $0.0 > 0 }
                let minutes = attended.reduce(0) { $0 + $1.0 }
                guard minutes > 0 else { continue }
                trainees += 1
                for (_, slot) in attended { delivered.insert(slot.id) }
                if attended.contains(where: { $0.1.isRemote }) { remoteTrainees += 1 }
                if declaration.deliveredFor != nil {
                    handedIn.add(minutes)
                    continue
                }
                if declaration.handedTo != nil { handedOver.add(minutes) }
                // Each trainee on one line of F-1, of F-3 and of F-4, so that their totals are
                // equal by construction: what the records do not tell goes on the line for the
                // rest, and into the missing data.
                let kind = declaration.traineeKinds[person.id] ?? TraineeKind.of(employer: person.employer.flatMap { employerKinds[$0] })
                if kind == nil {
                    missing.append(
                        Self.line(
                            "\(person.id) in session \(session.id) has no trainee kind (counted in e): its employer's kind does not tell"))
                }
                kinds[BPFForm.traineeKinds.firstIndex { $0.kind == (kind ?? .other) } ?? 0].add(minutes)
                let objective = course.classification?.generalObjective
                if objective == nil {
                    coursesMissing.insert(
                        Self.line("course \(course.id) version \(course.version) states no general objective (counted in d)"))
                }
                objectives[BPFForm.objectives.firstIndex { $0.objective == (objective ?? .otherProfessional) } ?? 0].add(minutes)
                if objective == .rncp, let level = course.classification?.level,
                    let index = BPFForm.rncpLevels.firstIndex(where: { $0.levels.contains(level) })
                {
                    levels[index].add(minutes)
                }
                let code = course.classification?.mainSpeciality
                if code == nil {
                    coursesMissing.insert(
                        Self.line("course \(course.id) version \(course.version) states no NSF speciality (counted in others)"))
                }
                specialities[code ?? "", default: BPFReport.Figure(line: Self.speciality(code), people: 0, minutes: 0)].add(minutes)
            }
            if trainees == 0 {
                missing.append(Self.line("session \(session.id) has half-days in the period but no hours attended"))
            }
            // Each trainer, with every half-day of the period someone attended.
            for trainer in session.trainers {
                let minutes = slots.filter { delivered.contains($0.id) }.reduce(0) { $0 + $1.duration.minutes }
                guard minutes > 0 else { continue }
                let external = declaration.handedTo != nil || registry[trainer.folded] == true
                trainerMinutes[TrainerKey(person: trainer.folded, external: external), default: 0] += minutes
                if declaration.handedTo == nil && registry[trainer.folded] == nil { unknownTrainers.insert(trainer) }
            }
            if session.trainers.isEmpty { missing.append(Self.line("session \(session.id) has no trainer")) }
        }
        missing.sort()
        missing += coursesMissing.sorted()
        missing += unknownTrainers.sorted().map { Self.line("trainer \($0) is not recorded as of the organisation or external") }

        var own = BPFReport.Figure(line: BPFForm.internalTrainers, people: 0, minutes: 0)
        var external = BPFReport.Figure(line: BPFForm.externalTrainers, people: 0, minutes: 0)
        for (key, minutes) in trainerMinutes {
            if key.external { external.add(minutes) } else { own.add(minutes) }
        }

        // F-4: the five specialities with the most trainees, then the most hours, then by code.
        // Trainees of courses without a speciality are among the others.
        var others = specialities.removeValue(forKey: "") ?? BPFReport.Figure(line: BPFForm.otherSpecialities, people: 0, minutes: 0)
        let ranked = specialities.values.sorted {
            ($0.people, $0.minutes, $1.line.code) > ($1.people, $1.minutes, $0.line.code)
        }
        for figure in ranked.dropFirst(BPFForm.mainSpecialities) {
            others.people += figure.people
            others.minutes += figure.minutes
        }
        let amounts = BPFForm.income.map { BPFReport.Amount(line: $0.line, cents: anyIncome ? income[$0.source] ?? 0 : nil) }
        return BPFReport(
            from: from, to: to, income: amounts,
            incomeTotal: BPFReport.Amount(
                line: BPFForm.Line(
                    cadre: "C", code: "total", label: "Total des produits réalisés au titre de la formation professionnelle"),
                cents: anyIncome ? income.values.reduce(0, +) : nil),
            remoteTrainees: remoteTrainees, trainers: [own, external], traineeKinds: kinds,
            traineesTotal: Self.total(kinds, BPFForm.traineesTotal), handedOver: handedOver, objectives: objectives, rncpLevels: levels,
            objectivesTotal: Self.total(objectives, BPFForm.objectivesTotal),
            specialities: Array(ranked.prefix(BPFForm.mainSpecialities)) + [others],
            specialitiesTotal: Self.total(ranked.prefix(BPFForm.mainSpecialities) + [others], BPFForm.specialitiesTotal),
            handedIn: handedIn,
            missing: missing)
    }

    private struct TrainerKey: Hashable {
        let person: String
        let external: Bool
    }

    /// A line of missing data in the user's language.
    private static func line(_ text: Text) -> String { text.description }

    /// A speciality's line; without a code, the others'.
    private static func speciality(_ code: String?) -> BPFForm.Line {
        code.map { BPFForm.Line(cadre: "F-4", code: $0, label: NSF.label(of: $0) ?? $0) } ?? BPFForm.otherSpecialities
    }

    private static func total(_ figures: [BPFReport.Figure], _ line: BPFForm.Line) -> BPFReport.Figure {
        BPFReport.Figure(line: line, people: figures.reduce(0) { $0 + $1.people }, minutes: figures.reduce(0) { $0 + $1.minutes })
    }
}
