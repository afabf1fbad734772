/// A way in which a course contradicts itself, found by ``Course/problems()``.
public struct CourseProblem: Sendable, Hashable, CustomStringConvertible {
    /// The part of the course a problem is about, so that a reader can point at its source.
    public enum Subject: Sendable, Hashable {
        /// The course as a whole (its header).
        case course
        /// The prerequisite at this position.
        case prerequisite(Int)
        /// The objective at this position.
        case objective(Int)
        /// The module at this position.
        case module(Int)
        /// The certification rule.
        case certification
        /// The validity.
        case validity
        /// The group size.
        case groupSize
        /// The classification (NSF specialities, general objective).
        case classification
        /// What a catalogue of offers says of it (course format 1.2).
        case offer
    }

    /// What the problem is about.
    public var subject: Subject
    /// The problem, as one sentence a course author can act on.
    public var message: Text

    /// Creates a problem.
    public init(subject: Subject, message: Text) {
        self.subject = subject
        self.message = message
    }

    public var description: String { message.description }
}

extension Course {
    /// The rules a course must satisfy that a schema cannot express: unique identifiers,
    /// references that resolve, hours that add up, a group size that makes sense.
    ///
    /// An empty array means the course is consistent. Problems come in document order.
    public func problems() -> [CourseProblem] {
        var problems: [CourseProblem] = []
        let courseName = "course \(id) version \(version)"

        for (index, prerequisite) in prerequisites.enumerated() {
            if case .course(let other) = prerequisite, other == id {
                problems.append(.init(subject: .prerequisite(index), message: "\(courseName) names itself as a prerequisite"))
            }
        }

        var objectiveIDs: Set<String> = []
        for (index, objective) in objectives.enumerated() where !objectiveIDs.insert(objective.id).inserted {
            problems.append(.init(subject: .objective(index), message: "objective id \"\(objective.id)\" is used twice in \(courseName)"))
        }

        var moduleIDs: Set<String> = []
        for (index, module) in modules.enumerated() {
            if !moduleIDs.insert(module.id).inserted {
                problems.append(.init(subject: .module(index), message: "module id \"\(module.id)\" is used twice in \(courseName)"))
            }
            var seen: Set<String> = []
            for reference in module.objectives {
                if !objectiveIDs.contains(reference) {
                    problems.append(
                        .init(
                            subject: .module(index),
                            message: "module \(module.id) refers to objective \"\(reference)\", which \(courseName) does not define"))
                } else if !seen.insert(reference).inserted {
                    problems.append(.init(subject: .module(index), message: "module \(module.id) lists objective \"\(reference)\" twice"))
                }
            }
        }

        let total = moduleHours
        if total != duration {
            problems.append(
                .init(
                    subject: .course,
                    message: "the modules of \(courseName) add up to \(total.decimal) hours but the course states \(duration.decimal) hours"
                ))
        }

        var required: Set<String> = []
        for reference in certification.requiredModules {
            if !moduleIDs.contains(reference) {
                problems.append(
                    .init(
                        subject: .certification,
                        message: "the certification rule requires module \"\(reference)\", which \(courseName) does not define"))
            } else if !required.insert(reference).inserted {
                problems.append(.init(subject: .certification, message: "the certification rule lists module \"\(reference)\" twice"))
            }
        }
        if !(0...100).contains(certification.minimumAttendancePercent) {
            problems.append(.init(subject: .certification, message: "minimum attendance must be between 0 and 100 percent"))
        }

        if let validity, validity.months < 1 {
            problems.append(.init(subject: .validity, message: "validity must be at least one month"))
        }

        if let classification {
            problems += classification.problems.map { CourseProblem(subject: .classification, message: $0) }
        }
        if let offer {
            problems += offer.problems.map { CourseProblem(subject: .offer, message: $0) }
        }

        if groupSize.minimum < 1 || groupSize.minimum > groupSize.maximum {
            problems.append(
                .init(
                    subject: .groupSize,
                    message: "group size minimum \(groupSize.minimum) must be at least 1 and no more than the maximum \(groupSize.maximum)")
            )
        }
        return problems
    }
}
