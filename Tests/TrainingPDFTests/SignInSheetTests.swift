import Foundation
import Testing
import TrainingCore
import TrainingPDF
import TrainingTesting

/// Sheets for a session larger than a page: each half-day continues on as many pages as its
/// participants need, every participant appears once per half-day, and the trainers' box
/// closes each half-day's last page.
@Suite struct SignInSheetTests {
    @Test func aLargeGroupRunsOverSeveralPagesPerHalfDay() throws {
        let course = Fixtures.course()
        let session = Session(
            id: "BIG", courseID: course.id, courseVersion: course.version, timeZone: "Europe/Paris",
            place: .outreachSite(name: "Bus solidaire", description: "Place du marché, Vénissieux"), trainers: ["Claire Martin"],
            capacity: 40, funder: nil, status: .planned, slots: Session.layOut(course, from: try #require(LocalDate("2026-03-12"))))
        let participants = (1...40).map { index in
            Participant(id: "P-\(index)", firstName: "Prénom\(index)", lastName: "Nom\(index)", employer: "Employeur \(index % 3)")
        }
        let organisation = try Organisation(
            name: "Institut Aller-Vers", address: "12 rue des Lices, 49100 Angers", declarationNumber: "52490123449",
            signatoryName: "Claire Martin", signatoryTitle: "Directrice")
        let pdf = try Documents.emargement(
            session: session, course: course, organisation: organisation, participants: participants, marks: nil)
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("sheets.pdf")
        try pdf.write(to: file)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        try #require(FileManager.default.isExecutableFile(atPath: process.executableURL!.path), "make test installs poppler-utils")
        process.arguments = [file.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let pages = text.split(separator: "\u{0C}").filter { $0.contains("FEUILLE D'ÉMARGEMENT") }
        #expect(pages.count >= 4, "40 participants need more than one page per half-day")
        for slot in session.slots {
            let slotPages = pages.filter { $0.contains(slot.id) }
            let names = slotPages.flatMap { page in
                participants.filter { page.contains("NOM\($0.id.dropFirst(2)) Prénom\($0.id.dropFirst(2))\n") }
            }
            #expect(names.count == 40, "\(slot.id): \(names.count) rows")
            #expect(slotPages.filter { $0.contains("Signature du ou des formateurs") }.count == 1)
            #expect(slotPages.last?.contains("Signature du ou des formateurs") == true)
            #expect(slotPages.allSatisfy { $0.contains("Bus solidaire, Place du marché, Vénissieux") })
        }
    }
}

/// An attestation of a course with many objectives runs onto a second page, and the
/// signature block and QR code follow the text instead of drawing over it.
@Suite struct AttestationLayoutTests {
    @Test func longCourseRunsOntoASecondPage() throws {
        var course = Fixtures.course()
        course.objectives = (1...24).map {
            Objective(
                id: "O\($0)", text: "Objectif observable numéro \($0) : repérer, aller vers, accompagner une personne qui ne demande rien.")
        }
        let context = Fixtures.certificateContext(course: course, eligible: true)
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("attestation.pdf")
        try Documents.attestation(context).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-layout", file.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: true)
        #expect(pages.count == 2)
        #expect((1...24).allSatisfy { text.contains("O\($0). Objectif observable numéro \($0) ") })
        // Nothing printed over anything else: every objective's line is whole, and the
        // signature block sits on the last page after the last objective.
        let last = try #require(pages.last)
        let lastObjective = try #require(last.range(of: "O24."))
        let signature = try #require(last.range(of: "Cachet et signature"))
        #expect(lastObjective.lowerBound < signature.lowerBound)
    }
}
