extension Course {
    /// What stands between `participantID` and a seat in a session of this course: each
    /// required course not completed (`completed` holds the courses they completed), and
    /// declared experience the trainer has not confirmed. Other requirements are the
    /// trainer's to judge and are not checked.
    public func prerequisiteProblems(of participantID: String, completed: Set<String>, experienceConfirmed: Bool) -> [Text] {
        prerequisites.compactMap { prerequisite in
            switch prerequisite {
            case .course(let required):
                completed.contains(required) ? nil : "course \(required) is required and \(participantID) has not completed it"
            case .experience(let months, let description):
                experienceConfirmed
                    ? nil
                    : "the trainer must confirm the declared experience\(months.map { " (\($0) months)" as Text } ?? "") with --experience-confirmed: \(description)"
            case .other:
                nil
            }
        }
    }

    /// Whether attending `hours` of a closed session of this course completes it: at least
    /// the share of the hours its certification rule asks.
    public func isCompleted(by hours: AttendedHours) -> Bool {
        hours.ratePercent >= certification.minimumAttendancePercent
    }

    /// The courses a prerequisite of this one names.
    public var requiredCourses: [String] {
        prerequisites.compactMap { if case .course(let id) = $0 { id } else { nil } }
    }
}
