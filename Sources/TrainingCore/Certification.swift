/// Why a participant does or does not earn a course's certificate.
public enum CertificationReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Attended less than the course's minimum share of the hours.
    case attendanceBelowMinimum(attended: Hours, planned: Hours, percent: Int, minimumPercent: Int)
    /// Some half-days have no attendance record yet.
    case unrecordedSlots(Int)
    /// A module the course requires is neither marked completed nor fully attended.
    case requiredModuleNotCompleted(String)
    /// The course requires a passed assessment and this objective was not assessed.
    case objectiveNotAssessed(String)
    /// The course requires a passed assessment and this objective was not passed.
    case objectiveNotPassed(String)

    /// The reason in the user's language.
    public var description: String { text.description }

    /// The reason in words.
    public var text: Text {
        switch self {
        case .attendanceBelowMinimum(let attended, let planned, let percent, let minimum):
            "attended \(attended) of \(planned) (\(percent) %), below the minimum of \(minimum) %"
        case .unrecordedSlots(let count):
            count == 1 ? "1 half-day has no attendance record" : "\(count) half-days have no attendance record" as Text
        case .requiredModuleNotCompleted(let module):
            "required module \(module) not completed"
        case .objectiveNotAssessed(let objective):
            "objective \(objective) not assessed"
        case .objectiveNotPassed(let objective):
            "objective \(objective) not passed"
        }
    }
}

/// A participant's certification decision: eligible, or not with every reason.
public struct CertificationDecision: Sendable, Hashable, Codable {
    /// The participant.
    public var participantID: String
    /// The hours attended and planned, as computed from the attendance records.
    public var hours: AttendedHours
    /// Every reason that stands in the way; empty when eligible.
    public var reasons: [CertificationReason]

    /// Whether the participant earns the certificate.
    public var isEligible: Bool { reasons.isEmpty }
}

extension Course {
    /// The rule chain: minimum attendance by hours, required modules completed,
    /// assessment passed where the course requires it. Every rule is checked, so the
    /// decision carries every reason, not only the first.
    ///
    /// A required module counts as completed when its progress says so, or when the
    /// participant attended (present, possibly late or leaving early) every half-day that
    /// teaches it. The assessment is passed when every objective's latest assessment
    /// ``ObjectiveResult/isPassed``.
    public func decide(
        for hours: AttendedHours, progress: ParticipantProgress?, in session: Session, marks: MarkGrid
    ) -> CertificationDecision {
        var reasons: [CertificationReason] = []
        if hours.unrecordedSlots > 0 { reasons.append(.unrecordedSlots(hours.unrecordedSlots)) }
        let rule = certification
        if hours.attended.minutes * 100 < rule.minimumAttendancePercent * hours.planned.minutes || hours.planned.minutes == 0 {
            reasons.append(
                .attendanceBelowMinimum(
                    attended: hours.attended, planned: hours.planned, percent: hours.ratePercent,
                    minimumPercent: rule.minimumAttendancePercent))
        }
        for module in rule.requiredModules where progress?.modules[module] != .completed {
            let teaching = session.slots.filter { $0.modules.contains(module) }
            if teaching.isEmpty || !teaching.allSatisfy({ marks[hours.participantID, $0.id]?.status == .present }) {
                reasons.append(.requiredModuleNotCompleted(module))
            }
        }
        if rule.requiresPassedAssessment {
            for objective in objectives {
                guard let result = progress?.assessment(of: objective.id) else {
                    reasons.append(.objectiveNotAssessed(objective.id))
                    continue
                }
                if !result.isPassed { reasons.append(.objectiveNotPassed(objective.id)) }
            }
        }
        return CertificationDecision(participantID: hours.participantID, hours: hours, reasons: reasons)
    }

    /// The last day a certificate is valid, when the course has a validity: the day before
    /// the anniversary of the end of the training (the last half-day attended), never
    /// counted from the day of issue, so that certifying late or reissuing does not move it.
    public func validUntil(trainingEndedOn end: LocalDate) -> LocalDate? {
        guard let validity else { return nil }
        return end.adding(months: validity.months).adding(days: -1)
    }
}

extension Session {
    /// Every seated participant's decision, from the current attendance marks and progress.
    public func certificationDecisions(
        course: Course, participantIDs: [String], marks: [AttendanceMark], progress: [ParticipantProgress]
    ) -> [CertificationDecision] {
        let byParticipant = Dictionary(progress.map { ($0.participantID, $0) }, uniquingKeysWith: { first, _ in first })
        let grid = MarkGrid(marks)
        return attendedHours(of: participantIDs, grid: grid).map { hours in
            course.decide(for: hours, progress: byParticipant[hours.participantID], in: self, marks: grid)
        }
    }
}

extension LocalDate {
    /// The same day `months` months later, or the month's last day when it has fewer days
    /// (31 January + 1 month = 28 or 29 February).
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        let lastDay = LocalDate.days(inMonth: newMonth, of: newYear)
        return LocalDate(year: newYear, month: newMonth, day: min(day, lastDay)) ?? self
    }
}
