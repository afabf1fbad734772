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

/// The worst case of a filled sheet: long names, employers, excuses and corrections wrap
/// inside their cells, and no text box touches another (`pdftotext -bbox`).
@Suite struct SignInSheetLegibilityTests {
    struct Box {
        var page: Int
        var word: String
        var xMin, yMin, xMax, yMax: Double

        func overlaps(_ other: Box) -> Bool {
            let tolerance = 0.5
            return page == other.page && xMin + tolerance < other.xMax && other.xMin + tolerance < xMax
                && yMin + tolerance < other.yMax && other.yMin + tolerance < yMax
        }
    }

    /// Every word's box, from `pdftotext -bbox`.
    func boxes(of file: URL) throws -> [Box] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext"), "make test installs poppler-utils")
        process.arguments = ["-bbox", file.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let html = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var boxes: [Box] = []
        var page = 0
        for line in html.split(separator: "\n") {
            if line.contains("<page ") { page += 1 }
            guard line.contains("<word ") else { continue }
            func value(_ name: String) -> Double? {
                guard let start = line.range(of: "\(name)=\"") else { return nil }
                return Double(line[start.upperBound...].prefix { $0 != "\"" })
            }
            let word = line.split(separator: ">").dropFirst().first?.split(separator: "<").first.map(String.init) ?? ""
            guard let xMin = value("xMin"), let yMin = value("yMin"), let xMax = value("xMax"), let yMax = value("yMax") else { continue }
            boxes.append(Box(page: page, word: word, xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax))
        }
        return boxes
    }

    @Test func longCellsWrapAndNothingOverlaps() throws {
        let course = Fixtures.course()
        let slots = Session.layOut(course, from: try #require(LocalDate("2026-03-12")))
        let session = Session(
            id: "LONG", courseID: course.id, courseVersion: course.version, timeZone: "Europe/Paris",
            place: .room(name: "Salle Rhône", address: "3 quai Perrache, 69002 Lyon"), trainers: ["Claire Martin"], capacity: 30,
            funder: nil,
            status: .closed, slots: slots)
        let long = "Centre communal d'action sociale de Saint-Rémy-de-Provence, service d'accompagnement social global des familles"
        let participants =
            [
                Participant(
                    id: "P-1", firstName: "Marie-Bénédicte-Anne-Sophie", lastName: "de La Tour d'Auvergne-Lauraguais", employer: long,
                    gender: .female),
                Participant(id: "P-2", firstName: "Jean", lastName: "Martin", employer: long, gender: .male),
                Participant(id: "P-3", firstName: "Camille", lastName: "Roux", employer: "CCAS"),
            ] + (4...14).map { Participant(id: "P-\($0)", firstName: "Prénom\($0)", lastName: "Nom\($0)", employer: long) }
            + [Participant(id: "P-15", firstName: "Dernière", lastName: "Personne", employer: "CCAS")]
        let slot = slots[0].id
        let marks =
            [
                AttendanceMark(
                    participantID: "P-1", slotID: slot, status: .excused,
                    reason: "rendez-vous au tribunal pour une mesure de protection, convocation reçue la veille au soir"),
                AttendanceMark(participantID: "P-2", slotID: slot, status: .present, minutesLate: 25, minutesLeftEarly: 40),
                AttendanceMark(participantID: "P-3", slotID: slot, status: .excused, reason: "maladie"),
            ] + (4...14).map { AttendanceMark(participantID: "P-\($0)", slotID: slot, status: .absent) }
            // An excuse longer than a page: cut with an ellipsis rather than run over the trainers' box.
            + [
                AttendanceMark(
                    participantID: "P-15", slotID: slot, status: .excused,
                    reason: String(repeating: "convocation au tribunal pour une mesure de protection ", count: 120))
            ]
        let corrections = [
            MarkCorrection(
                participantID: "P-2", slotID: slot, on: try #require(LocalDate("2026-03-14")),
                reason: "arrivé à 9 h 25 et non 9 h 45, d'après la feuille papier signée par la formatrice")
        ]
        let organisation = try Organisation(
            name: "Institut Aller-Vers", address: "12 rue des Lices, 49100 Angers", declarationNumber: "52490123449",
            signatoryName: "Claire Martin", signatoryTitle: "Directrice")
        let pdf = try Documents.emargement(
            session: Session(
                id: session.id, courseID: session.courseID, courseVersion: session.courseVersion, timeZone: session.timeZone,
                place: session.place, trainers: session.trainers, capacity: session.capacity, funder: nil, status: .closed,
                slots: [slots[0]]),
            course: course, organisation: organisation, participants: participants, marks: marks, corrections: corrections)
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("sheet.pdf")
        try pdf.write(to: file)

        let words = try boxes(of: file)
        let text = words.map(\.word).joined(separator: " ")
        for expected in [
            "Absente excusée", "Présent, retard 25 min", "Absent·e excusé·e : maladie", "corrigé le 14 mars 2026 :", "LAURAGUAIS",
            "familles", "convocation reçue la veille au soir", "signée par la formatrice",
        ] {
            #expect(text.contains(expected), "\(expected) is missing")
        }
        #expect(words.map(\.page).max() ?? 0 >= 2, "fourteen tall rows run over two pages")
        var overlapping: [String] = []
        for (index, box) in words.enumerated() {
            for other in words[(index + 1)...] where box.overlaps(other) {
                overlapping.append("\(box.word) / \(other.word) on page \(box.page)")
            }
        }
        #expect(overlapping.isEmpty, "\(overlapping.prefix(5))")
        // The trainers' box comes after the last row, on the last page.
        let signature = try #require(words.last { $0.word == "Signature" && $0.page == words.map(\.page).max() })
        let lastRow = try #require(words.last { $0.word == "Personne" || $0.word == "PERSONNE" })
        #expect(lastRow.page < signature.page || lastRow.yMax < signature.yMin)
    }
}
