import Foundation
import Testing
import TrainingTesting

/// Follow-up of absences (Qualiopi indicator 12): a contact after an unexcused absence, chained
/// like attendance; the alerts list the absences no follow-up answers yet.
@Suite struct FollowUpTests {
    /// In the closed week, P-0005 was absent without excuse on 2026-03-13-am and P-0004 was
    /// excused on 2026-03-12-pm: only the first waits for a follow-up.
    @Test func anAbsenceWaitsForItsFollowUpThenIsAnswered() async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        let before = await allervers("attendance", "alerts", "--store", store)
        #expect(before.exitCode == 0, "\(before.error)")
        let lines = before.output.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        #expect(lines.count == 2, "\(before.output)")
        #expect(lines.last == "LYON no P-0005 DIALLO Awa 2026-03-13-am 2026-03-13", "\(before.output)")

        let recorded = await allervers(
            "attendance", "follow-up", "LYON", "P-0005", "--by", "Claire Martin", "--channel", "appel", "--on", "2026-03-13", "--note",
            "Malade ; reprend le module 3 avec le groupe de mai.", "--store", store)
        #expect(recorded.exitCode == 0, "\(recorded.error)")
        #expect(
            recorded.output == "Follow-up #1 recorded: P-0005, call on 2026-03-13 by Claire Martin, for 2026-03-13-am\n",
            "\(recorded.output)")
        let after = await allervers("attendance", "alerts", "--session", "LYON", "--store", store)
        #expect(after.output == "No absence waits for a follow-up\n", "\(after.output)")

        // Every absence is answered: another contact names its half-day.
        let again = await allervers(
            "attendance", "follow-up", "LYON", "P-0005", "--by", "Claire Martin", "--note", "Relance", "--store", store)
        #expect(again.exitCode == 1)
        #expect(again.error.contains("every absence of P-0005 in session LYON has its follow-up"), "\(again.error)")
        let second = await allervers(
            "attendance", "follow-up", "LYON", "P-0005", "--slot", "2026-03-13-am", "--by", "Claire Martin", "--channel", "meeting",
            "--on", "2026-03-20", "--note", "Entretien : inscrit à la session de mai.", "--json", "--store", store)
        #expect(second.exitCode == 0, "\(second.error)")
        #expect(second.output.contains("\"channel\" : \"meeting\""), "\(second.output)")

        let history = await allervers("attendance", "history", "LYON", "--participant", "P-0005", "--store", store)
        #expect(history.output.contains("Follow-ups of absences:"), "\(history.output)")
        #expect(history.output.contains("Entretien : inscrit à la session de mai."), "\(history.output)")
        let others = await allervers("attendance", "history", "LYON", "--participant", "P-0001", "--store", store)
        #expect(!others.output.contains("Follow-ups of absences:"), "\(others.output)")

        let verified = await allervers("verify", "--store", store)
        #expect(verified.exitCode == 0, "\(verified.error)")
        #expect(verified.output.contains("Follow-ups of absences intact: 2 follow-ups checked"), "\(verified.output)")
    }

    /// A follow-up that answers nothing, or says nothing, is refused and nothing is recorded.
    @Test(arguments: [
        (["P-0001"], "P-0001 has no unexcused absence in session LYON to follow up"),
        (["P-0004"], "P-0004 has no unexcused absence in session LYON to follow up"),
        (["P-0005", "--slot", "2026-03-12-am"], "P-0005 is not recorded absent without excuse on half-day 2026-03-12-am of session LYON"),
        (["P-0005", "--slot", "2026-03-14-am"], "2026-03-14-am"),
        (["P-0005", "--on", "2026-03-12"], "a follow-up comes after the absence: 2026-03-12 is before 2026-03-13"),
        (["P-0005", "--note", " "], "--note is empty"),
        (["P-0005", "--on", "2099-01-01"], "a follow-up records a contact made: 2099-01-01 is in the future"),
        (["P-0099"], "P-0099"),
    ])
    func refusedFollowUpsRecordNothing(arguments: [String], message: String) async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        let refused = await allervers(
            ["attendance", "follow-up", "LYON", "--by", "Claire Martin", "--note", "Appel", "--on", "2026-03-16", "--store", store]
                + arguments)
        #expect(refused.exitCode == 1, "\(refused.output)")
        #expect(refused.error.contains(message), "\(refused.error)")
        #expect(refused.error.split(separator: "\n").count == 1, "\(refused.error)")
        let alerts = await allervers("attendance", "alerts", "--json", "--store", store)
        #expect(alerts.output.contains("\"participantID\" : \"P-0005\""), "\(alerts.output)")
        // Not one follow-up in the log.
        let verified = await allervers("verify", "--json", "--store", store)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(verified.output.utf8)) as? [String: Any])
        #expect((object["followUps"] as? [String: Any])?["recordCount"] as? Int == 0, "\(verified.output)")
    }

    @Test func anUnknownChannelIsAUsageError() async throws {
        let workspace = try await closedWeekWorkspace()
        let refused = await allervers(
            "attendance", "follow-up", "LYON", "P-0005", "--by", "Claire Martin", "--note", "Appel", "--channel", "pigeon", "--store",
            workspace.url.path)
        #expect(refused.exitCode == 64)
        #expect(refused.error.contains("\"pigeon\" is not one of call, message, meeting"), "\(refused.error)")
    }

    /// The chain holds the note's SHA-256: a purge may erase a note, and verify still passes;
    /// a note changed behind the tool's back breaks the chain.
    @Test func aNoteMayBeErasedButNotChanged() async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        let recorded = await allervers(
            "attendance", "follow-up", "LYON", "P-0005", "--by", "Claire Martin", "--note", "Malade", "--store", store)
        try #require(recorded.exitCode == 0, "\(recorded.error)")
        let change = "UPDATE absenceFollowUp SET note = 'Absent sans raison' WHERE sequence = 1"
        let refused = try TestDatabase.edit(workspaceAt: workspace.url, sqlite: change, postgres: change)
        #expect(refused.output.contains("follow-ups are never changed"), "\(refused.output)")
        let other = "UPDATE absenceFollowUp SET contactedBy = 'Quelqu''un' WHERE sequence = 1"
        #expect(try TestDatabase.edit(workspaceAt: workspace.url, sqlite: other, postgres: other).output.contains("never changed"))
        let erase = "UPDATE absenceFollowUp SET note = NULL WHERE sequence = 1"
        let erased = try TestDatabase.edit(workspaceAt: workspace.url, sqlite: erase, postgres: erase)
        #expect(erased.status == 0, "\(erased.output)")
        #expect(await allervers("verify", "--store", store).exitCode == 0)

        let forced = try TestDatabase.edit(
            workspaceAt: workspace.url, sqlite: "DROP TRIGGER absenceFollowUpNoteIsOnlyErased; \(change)",
            postgres: "DROP TRIGGER absenceFollowUpNoteIsOnlyErased ON absenceFollowUp; \(change)")
        #expect(forced.status == 0, "\(forced.output)")
        let broken = await allervers("verify", "--store", store)
        #expect(broken.exitCode == 1)
        #expect(broken.error == "follow-up 1 was changed after it was written", "\(broken.error)")
    }
}
