/// A training course as its programme states it: what it teaches, to whom, how, and what
/// earns the certificate.
///
/// A course is identified by its ``id`` and ``version``: a revised programme is a new
/// version kept beside the old, so that sessions run on the old one keep their meaning.
///
/// ```swift
/// let problems = course.problems()   // the rules an XML schema cannot express
/// ```
public struct Course: Sendable, Hashable, Codable, Identifiable {
    /// The course's identifier, stable across versions (`AV-FOND`).
    public var id: String
    /// The version of the programme.
    public var version: CourseVersion
    /// The language the course is taught in, as a BCP 47 tag (`fr`).
    public var language: String
    /// The title as printed on documents.
    public var title: String
    /// What the course is about, in a few sentences.
    public var summary: String
    /// Who the course is for (professions, settings).
    public var audience: String
    /// The total duration the programme states; the modules' hours must add up to it.
    public var duration: Hours
    /// What a participant must have before enrolling.
    public var prerequisites: [Prerequisite]
    /// What participants can do at work after the course, each observable.
    public var objectives: [Objective]
    /// The parts of the course, in teaching order.
    public var modules: [Module]
    /// How learning is positioned beforehand and assessed.
    public var assessment: Assessment
    /// What earns the certificate.
    public var certification: CertificationRule
    /// How long the certificate stays valid, or `nil` when it does not expire.
    public var validity: Validity?
    /// The smallest and largest group the course runs with.
    public var groupSize: GroupSize
    /// How the course is made accessible to people with disabilities.
    public var accessibility: String
    /// How forms and catalogues classify it (NSF specialities, general objective), when stated.
    public var classification: Classification?
    /// What a catalogue of offers says of it (codes, levels, places, funders, contact), when
    /// stated (course format 1.2).
    public var offer: CourseOffer?

    /// Creates a course from all of its parts.
    public init(
        id: String, version: CourseVersion, language: String, title: String, summary: String,
        audience: String, duration: Hours, prerequisites: [Prerequisite], objectives: [Objective],
        modules: [Module], assessment: Assessment, certification: CertificationRule,
        validity: Validity?, groupSize: GroupSize, accessibility: String, classification: Classification? = nil,
        offer: CourseOffer? = nil
    ) {
        self.id = id
        self.version = version
        self.language = language
        self.title = title
        self.summary = summary
        self.audience = audience
        self.duration = duration
        self.prerequisites = prerequisites
        self.objectives = objectives
        self.modules = modules
        self.assessment = assessment
        self.certification = certification
        self.validity = validity
        self.groupSize = groupSize
        self.accessibility = accessibility
        self.classification = classification
        self.offer = offer
    }

    /// The total of the modules' hours.
    public var moduleHours: Hours {
        modules.reduce(Hours(minutes: 0)) { $0 + $1.duration }
    }
}

/// An objective of a course, stated as a behaviour that can be observed at work.
public struct Objective: Sendable, Hashable, Codable, Identifiable {
    /// The objective's identifier, unique within its course (`O1`).
    public var id: String
    /// The objective in words (`Repérer les situations de non-recours lors d'une maraude`).
    public var text: String

    /// Creates an objective.
    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

/// How a module is delivered.
public enum Modality: String, Sendable, Hashable, Codable, CaseIterable {
    /// In a training room, trainer and group together (*présentiel*).
    case inRoom = "in-room"
    /// At a distance, live or not (*distanciel*).
    case remote
    /// Supervised practice in the field: a street round, a home visit, a mobile unit.
    case terrain

    /// The French word used on documents.
    public var frenchLabel: String {
        switch self {
        case .inRoom: "présentiel"
        case .remote: "distanciel"
        case .terrain: "terrain"
        }
    }
}

/// A part of a course, with its own duration, modality and objectives.
public struct Module: Sendable, Hashable, Codable, Identifiable {
    /// The module's identifier, unique within its course (`M1`).
    public var id: String
    /// The module's title.
    public var title: String
    /// How long the module lasts.
    public var duration: Hours
    /// How the module is delivered.
    public var modality: Modality
    /// The identifiers of the course objectives this module works towards.
    public var objectives: [String]
    /// What the module covers, topic by topic.
    public var content: [String]
    /// The teaching methods used (case studies, role play, supervised round…).
    public var methods: [String]

    /// Creates a module.
    public init(
        id: String, title: String, duration: Hours, modality: Modality, objectives: [String],
        content: [String], methods: [String]
    ) {
        self.id = id
        self.title = title
        self.duration = duration
        self.modality = modality
        self.objectives = objectives
        self.content = content
        self.methods = methods
    }
}

/// Something a participant must have before enrolling in a course.
public enum Prerequisite: Sendable, Hashable, Codable {
    /// Another course, completed with a certificate (`AV-FOND`).
    case course(id: String)
    /// Professional experience the participant declares and the trainer confirms.
    ///
    /// `months` is the minimum length when the programme states one.
    case experience(months: Int?, description: String)
    /// Any other requirement, in words.
    case other(String)
}

/// How learning is positioned before the course and assessed during or after it.
public struct Assessment: Sendable, Hashable, Codable {
    /// How each participant's starting point is established (*positionnement initial*).
    public var initialPositioning: String
    /// How learning is assessed, method by method.
    public var methods: [String]

    /// Creates an assessment description.
    public init(initialPositioning: String, methods: [String]) {
        self.initialPositioning = initialPositioning
        self.methods = methods
    }
}

/// The rule that earns a participant the course's certificate.
public struct CertificationRule: Sendable, Hashable, Codable {
    /// The least share of the course's hours to attend, in percent (0–100).
    public var minimumAttendancePercent: Int
    /// Modules that must be completed whatever the attendance.
    public var requiredModules: [String]
    /// Whether the assessment of learning must be passed.
    public var requiresPassedAssessment: Bool

    /// Creates a certification rule.
    public init(minimumAttendancePercent: Int, requiredModules: [String], requiresPassedAssessment: Bool) {
        self.minimumAttendancePercent = minimumAttendancePercent
        self.requiredModules = requiredModules
        self.requiresPassedAssessment = requiresPassedAssessment
    }
}

/// How long a course's certificate stays valid, and what renews it.
public struct Validity: Sendable, Hashable, Codable {
    /// The number of months the certificate is valid from its issue date.
    public var months: Int
    /// The course that renews it, when the programme names one (often a shorter refresher).
    public var refresherCourse: String?

    /// Creates a validity.
    public init(months: Int, refresherCourse: String?) {
        self.months = months
        self.refresherCourse = refresherCourse
    }
}

/// The number of participants a course runs with.
public struct GroupSize: Sendable, Hashable, Codable {
    /// The fewest participants for the course to run.
    public var minimum: Int
    /// The most participants one group may hold.
    public var maximum: Int

    /// Creates a group size.
    public init(minimum: Int, maximum: Int) {
        self.minimum = minimum
        self.maximum = maximum
    }
}
