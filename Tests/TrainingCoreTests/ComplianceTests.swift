import Foundation
import Testing
import TrainingCore

/// The definitions of `Compliance.swift`, at their edges.
@Suite struct ComplianceTests {
    func day(_ text: String) -> LocalDate { LocalDate(text)! }

    /// Hired 2024-01-15; due 12 months later; valid 36 months from the completion; 30 days'
    /// grace and 30 days' lead.
    var rule: ObligationRule {
        ObligationRule(
            satisfiedBy: [.course("AV-FOND")], firstDue: .monthsAfterHire(12), validityMonths: 36, graceDays: 30, leadDays: 30)
    }
    let member = StaffMember(participantID: "P-0001", role: "Éducatrice spécialisée", hired: LocalDate("2024-01-15")!)

    func certificate(_ date: String, course: String = "AV-FOND", number: String? = nil) -> Completion {
        Completion(date: day(date), courseID: course, evidence: number ?? "AV-\(date)")
    }

    func state(_ rule: ObligationRule, _ evidence: [Completion] = [], exemptions: [Exemption] = [], on date: String)
        -> ComplianceStatus
    {
        rule.status(of: member, evidence: evidence, exemptions: exemptions, asOf: day(date))
    }

    /// Never trained: due on the anniversary of the hire, the last compliant day; late the
    /// day after, in grace 30 days, overdue the day after the grace.
    @Test(arguments: [
        ("2024-12-16", ComplianceStatus.State.notYetDue, nil, nil),
        ("2024-12-17", .dueSoon, nil, nil),
        ("2025-01-14", .dueSoon, nil, nil),
        ("2025-01-15", .dueSoon, nil, nil),
        ("2025-01-16", .inGrace, "2025-01-16", "2025-02-15"),
        ("2025-02-14", .inGrace, "2025-01-16", "2025-02-15"),
        ("2025-02-15", .overdue, "2025-01-16", "2025-02-15"),
    ])
    func aNewcomerBecomesDueLateThenOverdue(on date: String, expected: ComplianceStatus.State, late: String?, overdue: String?) {
        let status = state(rule, on: date)
        #expect(status.state == expected)
        #expect(status.due == day("2025-01-15"))
        #expect(status.isNeverTrained)
        #expect(status.lateSince?.description == late)
        #expect(status.overdueSince?.description == overdue)
    }

    @Test func dueSoonCountsTheDaysLeft() {
        #expect(state(rule, on: "2025-01-14").daysLeft == 1)
        // Each state says the day it began, which reminders count from.
        #expect(state(rule, on: "2025-01-14").stateSince == day("2024-12-17"))
        #expect(state(rule, on: "2025-02-01").stateSince == day("2025-01-16"))
        #expect(state(rule, on: "2025-03-01").stateSince == day("2025-02-15"))
        #expect(state(rule, on: "2024-12-16").stateSince == nil)
        // Never before the hire: due on a fixed day just after it, due soon from the hire.
        var fixed = rule
        fixed.firstDue = .on(day("2024-02-01"))
        #expect(state(fixed, on: "2024-01-20").stateSince == day("2024-01-15"))
        #expect(state(rule, on: "2025-01-15").daysLeft == 0)
        #expect(state(rule, on: "2024-12-17").daysLeft == 29)
        #expect(state(rule, on: "2024-12-16").daysLeft == nil)
    }

    @Test func withoutGraceLateIsOverdue() {
        var strict = rule
        strict.graceDays = 0
        let status = state(strict, on: "2025-01-16")
        #expect(status.state == .overdue)
        #expect(status.lateSince == status.overdueSince)
    }

    /// Trained on 29 February: valid until 28 February, 12 months later, the last compliant
    /// day; late on 1 March.
    @Test func monthsAreClampedToTheEndOfTheMonth() {
        var yearly = rule
        yearly.validityMonths = 12
        let evidence = [certificate("2024-02-29")]
        #expect(state(yearly, evidence, on: "2025-02-28").due == day("2025-02-28"))
        #expect(state(yearly, evidence, on: "2025-02-28").state == .dueSoon)
        #expect(state(yearly, evidence, on: "2025-03-01").state == .inGrace)
        #expect(day("2025-01-31").adding(months: 1) == day("2025-02-28"))
        #expect(day("2024-01-31").adding(months: 1) == day("2024-02-29"))
    }

    @Test func aCompletionCountsFromItsDayAndMayComeBeforeTheHire() {
        let status = state(rule, [certificate("2024-05-02")], on: "2025-06-01")
        #expect(status.state == .compliant)
        #expect(status.due == day("2027-05-02"))
        #expect(status.evidence?.evidence == "AV-2024-05-02")
        // Trained elsewhere three years before the hire: expired, but a newcomer is never
        // late before the first due date.
        let old = state(rule, [certificate("2020-06-01")], on: "2024-12-01")
        #expect(old.state == .compliant && old.due == day("2025-01-15"))
    }

    @Test func aCourseTheRuleDoesNotNameDoesNotCount() {
        let status = state(rule, [certificate("2024-05-02", course: "AV-TERRAIN")], on: "2025-06-01")
        #expect(status.state == .overdue && status.isNeverTrained)
    }

    /// Early renewal in each way of counting, 36 months' validity.
    @Test func earlyRenewalFromTheCompletionStartsAgainFromIt() {
        let status = state(rule, [certificate("2024-05-02"), certificate("2026-11-20")], on: "2027-06-01")
        #expect(status.due == day("2029-11-20"))
        #expect(status.evidence?.evidence == "AV-2026-11-20")
    }

    @Test func earlyRenewalWithinTheLeadTimeKeepsTheAnniversary() {
        var anniversary = rule
        anniversary.counting = .previousExpiry
        // Within the 30 days before 2027-05-02: the new validity ends 36 months after the old.
        #expect(state(anniversary, [certificate("2024-05-02"), certificate("2027-04-10")], on: "2027-06-01").due == day("2030-05-02"))
        // In the grace after it: late for a while, the anniversary kept all the same.
        #expect(state(anniversary, [certificate("2024-05-02"), certificate("2027-05-20")], on: "2027-06-01").due == day("2030-05-02"))
        // The first day due soon (29 days left) opens the window; the day before does not.
        #expect(state(anniversary, [certificate("2024-05-02"), certificate("2027-04-03")], on: "2027-06-01").due == day("2030-05-02"))
        #expect(state(anniversary, [certificate("2024-05-02"), certificate("2027-04-02")], on: "2027-06-01").due == day("2030-04-02"))
        // The last day of grace is in it; the first overdue day is not.
        #expect(state(anniversary, [certificate("2024-05-02"), certificate("2027-06-01")], on: "2027-06-02").due == day("2030-05-02"))
        #expect(state(anniversary, [certificate("2024-05-02"), certificate("2027-06-02")], on: "2027-06-02").due == day("2030-06-02"))
        // Long before: from the completion, which is later than the anniversary.
        #expect(state(anniversary, [certificate("2024-05-02"), certificate("2026-01-10")], on: "2027-06-01").due == day("2029-01-10"))
        // After the grace: from the completion.
        #expect(state(anniversary, [certificate("2024-05-02"), certificate("2027-08-01")], on: "2027-09-01").due == day("2030-08-01"))
        // Two certificates of the same session's days count once, not twice.
        #expect(
            state(anniversary, [certificate("2024-05-02"), certificate("2024-05-02", number: "X")], on: "2025-01-01").due
                == day("2027-05-02"))
    }

    @Test func aFixedAnniversaryEndsOnTheFirstOneAfterTheValidity() {
        var calendarYear = rule
        calendarYear.validityMonths = 12
        calendarYear.counting = .anniversary
        calendarYear.anniversary = (12, 31)
        #expect(state(calendarYear, [certificate("2024-03-10")], on: "2025-06-01").due == day("2025-12-31"))
        #expect(state(calendarYear, [certificate("2024-12-31")], on: "2025-06-01").due == day("2025-12-31"))
        // Renewing early in the year keeps the end of the next year.
        #expect(state(calendarYear, [certificate("2024-03-10"), certificate("2025-02-01")], on: "2025-06-01").due == day("2026-12-31"))
        // A 29 February anniversary in a common year is the 28th.
        calendarYear.anniversary = (2, 29)
        #expect(state(calendarYear, [certificate("2024-01-10")], on: "2024-06-01").due == day("2025-02-28"))
    }

    @Test func oneCompletionIsEnoughWithoutValidity() {
        var once = rule
        once.validityMonths = nil
        let status = state(once, [certificate("2024-05-02")], on: "2040-01-01")
        #expect(status.state == .compliant && status.due == nil)
    }

    @Test func trainingDoneElsewhereCountsWhenVerifiedOrWhenTheRuleAcceptsItUnverified() {
        let declared = Completion(
            date: day("2024-06-01"), courseID: nil, provider: "IRTS  Hauts-de-France", title: "L'aller-vers", isVerified: false,
            evidence: "EXT-1")
        var accepting = rule
        accepting.satisfiedBy.append(.external(provider: "irts hauts-de-france", title: "l'aller-vers"))
        #expect(state(accepting, [declared], on: "2025-02-01").state == .inGrace)
        var verified = declared
        verified.isVerified = true
        #expect(state(accepting, [verified], on: "2025-02-01").state == .compliant)
        accepting.acceptsSelfDeclared = true
        #expect(state(accepting, [declared], on: "2025-02-01").state == .compliant)
        // Counted as one of the organisation's courses.
        let countsAs = Completion(date: day("2024-06-01"), courseID: "AV-FOND", provider: "CNFPT", title: "Aller vers", evidence: "EXT-2")
        #expect(state(rule, [countsAs], on: "2025-02-01").evidence?.evidence == "EXT-2")
    }

    @Test func anExemptPersonIsNotLateAndIsDueTheDayAfterItEnds() {
        let leave = Exemption(from: day("2024-10-01"), until: day("2025-03-31"), reason: "congé parental")
        let during = state(rule, exemptions: [leave], on: "2025-02-01")
        #expect(during.state == .exempt && during.exemption == leave)
        #expect(state(rule, exemptions: [leave], on: "2025-03-31").state == .exempt)
        let after = state(rule, exemptions: [leave], on: "2025-04-01")
        #expect(after.state == .inGrace)
        #expect(after.lateSince == day("2025-04-01"))
        #expect(after.overdueSince == day("2025-05-01"))
        // An exemption that ended before the due date changes nothing.
        let early = Exemption(from: day("2024-02-01"), until: day("2024-03-01"), reason: "arrêt")
        #expect(state(rule, exemptions: [early], on: "2025-01-16").lateSince == day("2025-01-16"))
        // Nor does one that began after: the lateness before it stays.
        let later = Exemption(from: day("2025-02-01"), until: day("2025-02-02"), reason: "arrêt")
        let overdue = state(rule, exemptions: [later], on: "2025-03-01")
        #expect(overdue.state == .overdue && overdue.lateSince == day("2025-01-16"))
    }

    @Test(arguments: [(nil as String?, false), ("ÉDUCATRICE  spécialisée", true), ("Assistante sociale", false)])
    func aRuleForRolesFoldsCaseAccentsAndSpaces(role: String?, applies: Bool) {
        let forEducators = ObligationRule(
            appliesTo: .roles(["éducatrice spécialisée"]), satisfiedBy: [.course("AV-FOND")], firstDue: .monthsAfterHire(12),
            validityMonths: 36)
        #expect(forEducators.applies(toRole: role, participantID: "P-0001") == applies)
    }

    @Test func theFirstDueDateCanFollowTheRoleOrADay() {
        var role = rule
        role.firstDue = .monthsAfterRole(6)
        #expect(role.firstDueDate(hiredOn: day("2020-01-01"), roleSince: day("2024-03-31")) == day("2024-09-30"))
        var fixed = rule
        fixed.firstDue = .on(day("2025-06-30"))
        #expect(fixed.firstDueDate(hiredOn: day("2020-01-01"), roleSince: nil) == day("2025-06-30"))
        #expect(fixed.firstDueDate(hiredOn: day("2025-09-01"), roleSince: nil) == day("2025-09-01"))
    }

    @Test func aRuleThatCannotWorkSaysWhy() {
        var long = rule
        long.validityMonths = 1
        long.graceDays = 31
        #expect(long.problems() == ["a grace period of 31 days is longer than the validity of 1 months"])
        long.graceDays = 30
        #expect(long.problems().isEmpty)
        var nothing = rule
        nothing.satisfiedBy = []
        #expect(nothing.problems() == ["an obligation needs at least one course that satisfies it"])
        var anniversary = rule
        anniversary.counting = .anniversary
        #expect(anniversary.problems() == ["counting from a fixed anniversary needs its month and day"])
        anniversary.anniversary = (2, 30)
        #expect(anniversary.problems() == ["2-30 is not a day of the year"])
    }

    /// A rule's versions: each governs the periods from its day; one made for every period
    /// governs them all, until a later one from a day; the latest says who and what counts.
    @Test func aPeriodFollowsTheVersionInForceWhenItBegan() {
        let first = rule
        var shorter = rule
        shorter.validityMonths = 24
        var everyone = rule
        everyone.validityMonths = 12
        everyone.satisfiedBy = [.course("AV-FOND"), .external(provider: "IRTS", title: "Aller-vers")]
        var obligation = Obligation(id: "O-0001", employerID: "E-0001", title: "Socle", rule: first)
        obligation = obligation.changed(to: shorter, from: day("2026-01-10"))
        #expect(obligation.version(forPeriodBeginning: day("2026-01-09")).number == 1)
        #expect(obligation.version(forPeriodBeginning: day("2026-01-10")).number == 2, "the day of the change is under the new rule")
        obligation = obligation.changed(to: everyone, from: nil)
        #expect(obligation.version(forPeriodBeginning: day("2020-01-01")).number == 3)
        var later = everyone
        later.graceDays = 0
        obligation = obligation.changed(to: later, from: day("2027-01-01"))
        #expect(obligation.version(forPeriodBeginning: day("2026-06-01")).number == 3)
        #expect(obligation.version(forPeriodBeginning: day("2027-01-01")).number == 4)
        // An earlier version keeps its timing but takes the latest who and what.
        let two = Obligation(id: "O-0002", employerID: "E-0001", title: "Socle", rule: first).changed(to: everyone, from: day("2026-01-10"))
        let governing = two.version(forPeriodBeginning: day("2025-01-01"))
        #expect(governing.number == 1 && governing.rule.validityMonths == 36)
        let elsewhere = Completion(date: day("2025-06-01"), courseID: nil, provider: "irts", title: "ALLER-VERS", evidence: "X-0001")
        #expect(governing.rule.accepts(elsewhere))
        // The period under way began at the latest completion: under version 1, 36 months.
        let status = two.status(of: member, evidence: [certificate("2025-03-01")], exemptions: [], asOf: day("2026-06-01"))
        #expect(status.version == 1 && status.status.due == day("2028-03-01"))
        let renewed = two.status(
            of: member, evidence: [certificate("2025-03-01"), certificate("2026-02-01")], exemptions: [], asOf: day("2026-06-01"))
        #expect(renewed.version == 2 && renewed.status.due == day("2027-02-01"))
    }

    /// A rule and a completion read back from JSON compare, apply and accept as before.
    @Test func rulesAndCompletionsRoundTripThroughJSON() throws {
        var rule = ObligationRule(
            appliesTo: .roles(["Éducatrice  spécialisée"]),
            satisfiedBy: [.course("AV-FOND"), .external(provider: "IRTS Hauts-de-France", title: "L'aller-vers")],
            firstDue: .monthsAfterRole(6), validityMonths: 36, counting: .anniversary, anniversary: (12, 31), graceDays: 10, leadDays: 20)
        rule.acceptsSelfDeclared = true
        let decoded = try JSONDecoder().decode(ObligationRule.self, from: try JSONEncoder().encode(rule))
        #expect(decoded == rule && decoded.anniversary?.month == 12 && decoded.anniversary?.day == 31)
        #expect(decoded.applies(toRole: "educatrice specialisee", participantID: "P-0009"))
        let elsewhere = Completion(
            date: day("2025-06-01"), courseID: nil, provider: "irts hauts-de-france", title: "L'ALLER-VERS", isVerified: false,
            evidence: "X-0001")
        let back = try JSONDecoder().decode(Completion.self, from: try JSONEncoder().encode(elsewhere))
        #expect(back == elsewhere && decoded.accepts(back))
        #expect(!String(decoding: try JSONEncoder().encode(elsewhere), as: UTF8.self).contains("source"), "only what was given is written")
    }
}
