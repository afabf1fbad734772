import Foundation
import Testing
import TrainingCore
import TrainingTesting

@testable import TrainingStore

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
        #expect(inputs.staff.map(\.participantID) == [ana.id])
        #expect(inputs.people.map(\.id) == [ana.id])
        #expect(inputs.staff.first?.hired == today)
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

    /// Each employer's inputs hold the completions of its staff, of someone who left it that
    /// day and of a duplicate merged into one of them without its records moved (a workspace
    /// from before merges moved them), each person's in the order recorded, found the same
    /// with the names read or not; an outsider's and a merged duplicate's own are not held.
    @Test func eachStaffsCompletionsAreTheirsAndNoOneElses() throws {
        let hired = LocalDate("2020-01-01")
        let people = try store.add([
            Participant(id: "", firstName: "Ana", lastName: "A", employer: "CCAS de Lyon", hireDate: hired),
            Participant(id: "", firstName: "Ben", lastName: "B", employer: "Mairie de Brest", hireDate: hired),
            Participant(id: "", firstName: "Cléo", lastName: "C", employer: "CCAS de Lyon", hireDate: hired),
            Participant(id: "", firstName: "Dan", lastName: "D"),
            Participant(id: "", firstName: "Eve", lastName: "E", employer: "CCAS de Lyon", hireDate: hired),
            Participant(id: "", firstName: "Eva", lastName: "E"),
        ])
        let (ana, ben, cleo, dan, eve, eva) = (people[0].id, people[1].id, people[2].id, people[3].id, people[4].id, people[5].id)
        let today = LocalDate.inParis(Date())
        func record(_ person: String, _ day: String, verified: Bool = true) throws -> String {
            try store.addExternalTraining(
                ExternalTraining(
                    id: "", participantID: person, provider: "IRTS", title: "Aller-vers", completedOn: LocalDate(day)!,
                    hours: Hours(hours: 14), verifiedBy: verified ? "Claire" : nil), today: today, by: "Claire"
            ).id
        }
        let anas = [try record(ana, "2024-05-01")]
        let bens = [try record(ben, "2025-01-01"), try record(ben, "2023-03-01", verified: false)]
        let cleos = [try record(cleo, "2022-02-02")]
        _ = try record(dan, "2024-06-01")
        let evas = [try record(eva, "2021-09-09")]
        for employer in ["CCAS de Lyon", "Mairie de Brest"] {
            try store.addObligation(employer: employer, title: "Socle", rule: rule, by: "Claire")
        }
        // Leaves today: on today's staff still, as someone who worked there that day.
        try store.edit(cleo, by: "Claire") { $0.employer = nil }
        try store.database.write { db in
            try db.execute(sql: "UPDATE participant SET mergedInto = ? WHERE id = ?", arguments: [eve, eva])
        }
        for named in [true, false] {
            let all = try store.complianceInputs(employer: nil, on: today, named: named)
            let lyon = try #require(all.first { $0.employer.name == "CCAS de Lyon" })
            let brest = try #require(all.first { $0.employer.name == "Mairie de Brest" })
            let alone = try #require(try store.complianceInputs(employer: "CCAS de Lyon", on: today, named: named).first)
            #expect(Set(lyon.staff.map(\.participantID)) == [ana, cleo, eve])
            #expect(brest.staff.map(\.participantID) == [ben])
            // Named, by family name, each member's details beside them (Cléo, who left, sorted in
            // among the others, with her job there).
            #expect(lyon.people.map(\.id) == (named ? lyon.staff.map(\.participantID) : []))
            if named {
                #expect(lyon.staff.map(\.participantID) == [ana, cleo, eve])
                let leaver = try #require(lyon.people.first { $0.id == cleo })
                #expect(leaver.employer == "CCAS de Lyon" && leaver.hireDate == hired)
            }
            // The whole workspace's inputs share one book; one employer's holds its people's only.
            for (inputs, holdsBen) in [(lyon, true), (brest, true), (alone, false)] {
                func held(_ person: String) -> [String] { inputs.completions[person].map { "\($0.date) \($0.evidence)" } }
                func expected(_ ids: [String], _ days: [String]) -> [String] {
                    zip(days, ids).map { "\($0) \(named ? $1 : "")" }
                }
                #expect(held(ana) == expected(anas, ["2024-05-01"]))
                #expect(held(cleo) == expected(cleos, ["2022-02-02"]))
                #expect(held(eve) == expected(evas, ["2021-09-09"]))
                #expect(held(ben) == (holdsBen ? expected(bens, ["2025-01-01", "2023-03-01"]) : []))
                #expect(held(dan).isEmpty && held(eva).isEmpty)
            }
            #expect(brest.completions[ben].map(\.isVerified) == [true, false])
        }
    }
}
