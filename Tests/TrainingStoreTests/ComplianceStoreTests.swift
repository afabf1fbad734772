import Foundation
import Testing
import TrainingCore
import TrainingStore
import TrainingTesting

/// What a compliance report is made of, read from the store: each person once per employer,
/// the records of a merged duplicate counted as the person's.
@Suite struct ComplianceStoreTests {
    let folder: TemporaryFolder
    let store: Store

    init() throws {
        folder = try TemporaryFolder()
        store = try TestDatabase.createStore(in: folder.url, organisation: nil)
    }

    let rule = ObligationRule(
        satisfiedBy: [.external(provider: "IRTS", title: "Aller-vers")], firstDue: .monthsAfterHire(12), validityMonths: 36)

    @Test func aJobLeftAndTakenAgainCountsOnceAndAnUnknownHireCountsFromTheRegister() throws {
        let ana = try store.add([Participant(id: "", firstName: "Ana", lastName: "A", employer: "CCAS de Lyon")])[0]
        try store.addObligation(employer: "CCAS de Lyon", title: "Socle", rule: rule, by: "Claire")
        try store.edit(ana.id, by: "Claire") { $0.employer = nil }
        try store.edit(ana.id, by: "Claire") { $0.employer = "CCAS de Lyon" }
        let today = LocalDate.inParis(Date())
        let inputs = try #require(try store.complianceInputs(employer: "CCAS de Lyon", on: today).first)
        #expect(inputs.staff.map(\.participant.id) == [ana.id])
        #expect(inputs.staff.first?.member.hired == today)
        #expect(try store.complianceInputs(employer: "CCAS de Lyon", on: today.adding(days: -1)).first?.staff.isEmpty == true)
    }

    /// An obligation for named people follows a duplicate merged into someone, and keeps its
    /// people from being removed.
    @Test func anObligationForNamedPeopleFollowsAMerge() throws {
        let people = try store.add([
            Participant(id: "", firstName: "Cy", lastName: "C", employer: "CCAS de Lyon", hireDate: LocalDate("2020-01-01")),
            Participant(id: "", firstName: "Cyril", lastName: "C"),
        ])
        var named = rule
        named.appliesTo = .people([people[1].id])
        try store.addObligation(employer: "CCAS de Lyon", title: "Pour Cyril", rule: named, by: "Claire")
        let refused = try #require(throws: ParticipantError.self) { try store.remove(people[1].id, by: "Claire") }
        #expect(refused.description.contains("obligation(s) naming them (O-0001)"), "\(refused)")
        _ = try store.merge(keep: people[0].id, drop: people[1].id, by: "Claire")
        let inputs = try #require(try store.complianceInputs(employer: nil, on: LocalDate.inParis(Date())).first)
        #expect(inputs.obligations.first?.rule.appliesTo == .people([people[0].id]))
        // The id stays taken: a newcomer does not inherit the obligation.
        #expect(try store.add([Participant(id: "", firstName: "Dan", lastName: "D")])[0].id != people[1].id)
    }

    @Test func aMergedDuplicatesTrainingAndExemptionsAreThePersonsAndAPersonWithThemStays() throws {
        let people = try store.add([
            Participant(id: "", firstName: "Bo", lastName: "B", employer: "CCAS de Lyon", hireDate: LocalDate("2020-01-01")),
            Participant(id: "", firstName: "Bob", lastName: "B"),
        ])
        let today = LocalDate.inParis(Date())
        let record = try store.addExternalTraining(
            ExternalTraining(
                id: "", participantID: people[1].id, provider: "IRTS", title: "Aller-vers", completedOn: LocalDate("2024-05-01")!,
                hours: Hours(hours: 14), verifiedBy: "Claire"), today: today, by: "Claire")
        try store.addExemption(
            people[1].id, obligation: nil, Exemption(from: LocalDate("2024-01-01")!, until: LocalDate("2024-02-01")!, reason: "arrêt"),
            by: "Claire")
        let refused = try #require(throws: ParticipantError.self) { try store.remove(people[1].id, by: "Claire") }
        #expect(refused.description.contains("1 record(s) of training done elsewhere, 1 exemption(s)"), "\(refused)")
        _ = try store.merge(keep: people[0].id, drop: people[1].id, by: "Claire")
        #expect(try store.externalTrainings(of: people[0].id).map(\.id) == [record.id])
        #expect(try store.exemptions(of: people[0].id).count == 1)
        try store.addObligation(employer: "CCAS de Lyon", title: "Socle", rule: rule, by: "Claire")
        // The whole workspace, or the one employer's people only: the same records.
        for employer in [nil, "CCAS de Lyon"] {
            let inputs = try #require(try store.complianceInputs(employer: employer, on: today).first)
            #expect(inputs.completions[people[0].id].map(\.evidence) == [record.id])
            #expect(inputs.exemptions[people[0].id]?.count == 1)
        }
    }
}
