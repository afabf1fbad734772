import Foundation
import Testing
import TrainingCore
import TrainingStore
import TrainingTesting

/// Employers are records: one per employer however its name is typed, with the people it
/// employs now and those who left.
@Suite struct EmployerStoreTests {
    let folder: TemporaryFolder
    let store: Store

    init() throws {
        folder = try TemporaryFolder()
        store = try TestDatabase.createStore(in: folder.url, organisation: nil)
    }

    func person(_ first: String, employer: String?, hired: String? = nil) -> Participant {
        Participant(
            id: "", firstName: first, lastName: "Nom", email: "\(first.lowercased())@example.org", profession: "éducatrice",
            employer: employer, hireDate: hired.flatMap(LocalDate.init))
    }

    @Test func spellingsThatFoldAlikeAreOneEmployer() throws {
        try store.add([
            person("Ana", employer: "CCAS de Lyon"), person("Bea", employer: "ccas  de LYON"),
            person("Cy", employer: "Département du Rhône"),
            person("Dom", employer: "departement du rhone"), person("Eve", employer: nil),
        ])
        let employers = try store.employers()
        #expect(employers.map(\.employer.name) == ["CCAS de Lyon", "Département du Rhône"])
        #expect(employers.map(\.staff) == [2, 2])
        #expect(employers[0].spellings == ["CCAS de Lyon", "ccas  de LYON"])
        #expect(try store.participant("bea@example.org").employer == "CCAS de Lyon")
        #expect(try store.participant("eve@example.org").employer == nil)
        // By name, folded, or by id.
        #expect(try store.employer("ccas de lyon").summary.employer.id == employers[0].employer.id)
        #expect(try store.employer(employers[1].employer.id).staff.map(\.firstName) == ["Cy", "Dom"])
    }

    @Test func anEmployerIsAddedOnceAndCorrected() throws {
        let added = try store.addEmployer(Employer(id: "", name: " CCAS de  Villeurbanne ", kind: .publicBody, siret: "21690266800013"))
        #expect(added.id == "E-0001" && added.name == "CCAS de Villeurbanne")
        let again = try #require(throws: EmployerError.self) { try store.addEmployer(Employer(id: "", name: "ccas de villeurbanne")) }
        #expect(again.description == "ccas de villeurbanne is already employer E-0001")
        #expect(throws: EmployerError.self) { try store.addEmployer(Employer(id: "", name: "Autre", siret: "21690266800014")) }
        let edited = try store.editEmployer("E-0001") { $0.name = "Centre communal d'action sociale de Villeurbanne" }
        #expect(edited.kind == .publicBody)
        // The old name still finds it.
        #expect(try store.employer("CCAS de Villeurbanne").summary.employer.name == edited.name)
        #expect(throws: NotFoundError.self) { try store.employer("CCAS de Vénissieux") }
    }

    @Test func detailsFromAFileFillInAnEmployerAndMustNotContradictIt() throws {
        try store.add([person("Ana", employer: "Association Le Relais")])
        try store.add(
            [person("Bea", employer: "association le relais")],
            employers: [0: Employer(id: "", name: "association le relais", kind: .association, siret: "73282932000074")])
        let relais = try store.employer("Association Le Relais").summary
        #expect(relais.employer.kind == .association && relais.employer.siret == "73282932000074" && relais.staff == 2)
        let refused = try #require(throws: ParticipantError.self) {
            try store.add(
                [person("Cy", employer: "Le Relais"), person("Dom", employer: "Association LE RELAIS")],
                employers: [1: Employer(id: "", name: "Association LE RELAIS", kind: .publicBody)])
        }
        #expect(refused.index == 1)
        #expect(refused.description == "Association Le Relais (\(relais.employer.id)) is association, not public-body")
        #expect(try store.participants().count == 2)
        #expect(try store.employers().count == 1)
    }

    /// Changing employer keeps the job left in the person's history: their old employer
    /// lists them among those who left, with their last day.
    @Test func aPersonWhoChangesEmployerLeavesAHistory() throws {
        let ana = try store.add([person("Ana", employer: "CCAS de Lyon", hired: "2022-09-01")])[0]
        try store.edit(ana.id, by: "Claire", at: Date()) {
            $0.employer = "Département du Rhône"
            $0.hireDate = LocalDate("2025-03-01")
        }
        let lyon = try store.employer("CCAS de Lyon")
        #expect(lyon.staff.isEmpty)
        #expect(
            lyon.past == [
                PastEmployment(
                    participantID: ana.id, employerID: lyon.summary.employer.id, profession: "éducatrice",
                    hireDate: LocalDate("2022-09-01"),
                    leftOn: LocalDate("2025-02-28")!)
            ])
        #expect(try store.employer("Département du Rhône").staff.map(\.id) == [ana.id])
        // A spelling of the same employer is no change of job.
        try store.edit(ana.id, by: "Claire", at: Date()) { $0.employer = "DÉPARTEMENT DU RHÔNE" }
        #expect(try store.pastEmployments(of: ana.id).count == 1)
        #expect(try store.participantChanges(of: ana.id).filter { $0.field == "employer" }.map(\.after) == ["Département du Rhône"])
    }

    /// Another employer without a new hire date corrects a mistake: no history.
    @Test func anEmployerCorrectedLeavesNoHistory() throws {
        let ana = try store.add([person("Ana", employer: "CCAS de Lyon", hired: "2022-09-01")])[0]
        try store.edit(ana.id, by: "Claire", at: Date()) { $0.employer = "CCAS de Lyon 7e" }
        #expect(try store.pastEmployments(of: ana.id).isEmpty)
        #expect(try store.participant(ana.id).hireDate == LocalDate("2022-09-01"))
        try store.edit(ana.id, by: "Claire", at: Date()) { $0.employer = nil }
        #expect(try store.pastEmployments(of: ana.id).map(\.leftOn) == [LocalDate.inParis(Date())])
    }

    @Test func aMergeKeepsTheHistoryOfTheOneDroppedAndItsJob() throws {
        let people = try store.add([
            person("Ana", employer: "CCAS de Lyon", hired: "2020-01-06"), person("Ann", employer: nil),
            person("Bea", employer: "Sauvegarde 69", hired: "2021-02-01"), person("Bee", employer: "CCAS de Lyon", hired: "2019-05-01"),
        ])
        try store.edit(people[0].id, by: "Claire", at: Date()) {
            $0.employer = "Département du Rhône"
            $0.hireDate = LocalDate("2024-05-01")
        }
        _ = try store.merge(keep: people[1].id, drop: people[0].id, by: "Claire")
        #expect(try store.pastEmployments(of: people[1].id).map(\.leftOn) == [LocalDate("2024-04-30")])
        #expect(try store.participant(people[1].id).employer == "Département du Rhône")
        // Both worked somewhere: the one kept keeps its job, and the other's ends with the merge.
        _ = try store.merge(keep: people[2].id, drop: people[3].id, by: "Claire")
        let past = try store.pastEmployments(of: people[2].id)
        #expect(past.map(\.hireDate) == [LocalDate("2019-05-01")])
        #expect(try store.employer("CCAS de Lyon").past.map(\.participantID) == [people[1].id, people[2].id])
        #expect(try store.participant(people[2].id).employer == "Sauvegarde 69")
    }
}
