public import Foundation
public import TrainingCore

/// Places the tests read from: the repository and the shared third-party corpora.
public enum Fixtures {
    /// The repository's root folder.
    public static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// Every file under `folder`, by path relative to it.
    public static func files(under folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath else { continue }
            found[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return found
    }

    /// `Courses/` in the repository.
    public static var courses: URL { repository.appendingPathComponent("Courses") }

    /// The shipped course files.
    public static var shippedCourseFiles: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: courses.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { courses.appendingPathComponent($0) }
    }

    /// `../shared/corpora/` beside the repository, or `nil` when it is absent.
    public static var corpora: URL? {
        let url = repository.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The files in a folder of the shared corpora, by name; empty when the corpora are absent.
    public static func corpusFiles(_ folder: String, suffix: String = "") -> [URL] {
        guard let base = corpora?.appendingPathComponent(folder) else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { base.appendingPathComponent($0) }
    }

    /// A small consistent course, for tests to change one thing at a time.
    public static func course(id: String = "T-1", version: String = "1.0") -> Course {
        Course(
            id: id, version: CourseVersion(version)!, language: "fr", title: "Aller-vers : essai",
            summary: "Un résumé.", audience: "Travailleurs sociaux.", duration: Hours(hours: 7),
            prerequisites: [.course(id: "AV-FOND"), .experience(months: 6, description: "Maraudes."), .other("Aucun autre.")],
            objectives: [Objective(id: "O1", text: "Repérer le non-recours."), Objective(id: "O2", text: "Se présenter.")],
            modules: [
                Module(
                    id: "M1", title: "Salle", duration: Hours(minutes: 210), modality: .inRoom, objectives: ["O1", "O2"],
                    content: ["Définitions « aller-vers » & <non-recours>"], methods: ["Études de cas"]),
                Module(
                    id: "M2", title: "Rue", duration: Hours(minutes: 210), modality: .terrain, objectives: ["O2"],
                    content: ["Maraude"], methods: ["Binôme"]),
            ],
            assessment: Assessment(initialPositioning: "Questionnaire.", methods: ["Quiz", "Observation"]),
            certification: CertificationRule(minimumAttendancePercent: 80, requiredModules: ["M2"], requiresPassedAssessment: true),
            validity: Validity(months: 36, refresherCourse: "T-R"), groupSize: GroupSize(minimum: 4, maximum: 12),
            accessibility: "Accessible.")
    }
}

extension Fixtures {
    /// A closed one-day session of ``course(id:version:)`` on 2026-03-12.
    public static func session(of course: Course) -> Session {
        Session(
            id: "S", courseID: course.id, courseVersion: course.version, timeZone: "Europe/Paris",
            place: .room(name: "Salle", address: "Lyon"), trainers: ["Claire"], capacity: 12, funder: nil, status: .closed,
            slots: Session.layOut(course, from: LocalDate("2026-03-12")!))
    }

    /// A certificate of Marie Dupont for `course`, not eligible unless `eligible`, with the
    /// session and organisation it speaks of.
    public static func certificateContext(course: Course = course(), eligible: Bool = false) -> CertificateContext {
        let day = LocalDate("2026-03-12")!
        let certificate = Certificate(
            number: "AV-2026-000042", sessionID: "S", participantID: "P-0001", courseID: course.id, courseVersion: course.version,
            isEligible: eligible, reasons: eligible ? [] : ["objective O2 not assessed"], attended: Hours(minutes: 400),
            planned: Hours(minutes: 420), firstDay: day, lastDay: day, issuedOn: day.adding(days: 1), validUntil: nil, replaces: nil,
            signedPayload: "payload", credential: nil)
        return CertificateContext(
            certificate: certificate,
            participant: Participant(id: "P-0001", firstName: "Marie", lastName: "Dupont", email: "m.dupont@example.org"),
            course: course, session: session(of: course),
            organisation: try! Organisation(
                name: "Institut", address: "1 rue, 49100 Angers", declarationNumber: "52490123449", signatoryName: "Claire",
                signatoryTitle: "Directrice"),
            progress: nil)
    }
}

/// A fresh folder under the system's temporary folder, removed when the value goes.
public final class TemporaryFolder: @unchecked Sendable {
    /// The folder.
    public let url: URL

    /// Creates the folder.
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("allervers-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `text` to a file in the folder and returns its URL.
    @discardableResult
    public func file(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// Writes bytes to a file in the folder and returns its URL.
    @discardableResult
    public func file(_ name: String, bytes: [UInt8]) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file
    }
}
