// Renders certificats de réalisation as the export does (layout, QR code, seal, PDF
// signature, file),
// for `make bench`, beside scripts/bench-reportlab.py drawing the same page.
//
//   allervers-bench-documents COUNT OUTPUT_DIR [COURSE.xml]
//
// Prints the seconds taken and the pages written.
import Foundation
import TrainingCore
import TrainingExport
import TrainingPDF
import TrainingXML

let arguments = CommandLine.arguments
guard arguments.count >= 3, let count = Int(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: allervers-bench-documents COUNT OUTPUT_DIR [COURSE.xml]\n".utf8))
    exit(2)
}
let output = URL(fileURLWithPath: arguments[2])
try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
let coursePath = arguments.count > 3 ? arguments[3] : "Courses/aller-vers-fondamentaux.xml"
let course = try CourseReader().courses(from: URL(fileURLWithPath: coursePath))[0]
let first = LocalDate("2026-03-12")!
let session = Session(
    id: "BENCH", courseID: course.id, courseVersion: course.version, timeZone: "Europe/Paris",
    place: .room(name: "Salle Rhône", address: "3 quai Perrache, 69002 Lyon"), trainers: ["Claire Martin"], capacity: count,
    funder: "OPCO Santé", status: .closed, slots: Session.layOut(course, from: first))
let organisation = try Organisation(
    name: "Institut Aller-Vers", address: "12 rue des Lices, 49100 Angers", declarationNumber: "52490123449",
    signatoryName: "Claire Martin", signatoryTitle: "Directrice")
let signer = CertificateSigner(key: SigningKey())
let keys = FileManager.default.temporaryDirectory.appendingPathComponent("allervers-bench-keys-\(getpid())")
try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: keys) }
let identity = try PDFSigningIdentity.loadOrCreate(
    keyAt: keys.appendingPathComponent("pdf-signing-key.pem"), certificateAt: keys.appendingPathComponent("pdf-signing-certificate.pem"),
    organisation: "Institut Aller-Vers", issuer: signer.key.issuer)
let names = ["Camille Roux", "Mehdi Benali", "Sophie Lambert", "Julien Moreau", "Awa Diallo", "Anne-Laure Petit"]

let start = Date()
var pages = 0
for index in 0..<count {
    let name = names[index % names.count].split(separator: " ")
    let participant = Participant(
        id: "P-\(index)", firstName: String(name[0]), lastName: String(name[1]), employer: "CCAS de Villeurbanne")
    let certificate = Certificate(
        number: Certificate.number(prefix: "AV", year: 2026, sequence: index + 1), sessionID: session.id, participantID: participant.id,
        courseID: course.id, courseVersion: course.version, isEligible: true, reasons: [],
        attended: Hours(minutes: 840 - index % 60), planned: Hours(minutes: 840), firstDay: first, lastDay: first.adding(days: 1),
        issuedOn: first.adding(days: 4), validUntil: course.validUntil(trainingEndedOn: first.adding(days: 4)), replaces: nil,
        signedPayload: "", credential: nil)
    var context = CertificateContext(
        certificate: certificate, participant: participant, course: course, session: session, organisation: organisation, progress: nil)
    context.certificate.signedPayload = signer.payload(for: context)
    let pdf = try Documents.certificatDeRealisation(context)
    let sealed = Verifier.seal(pdf: pdf, number: certificate.number, holder: participant.displayName, key: signer.key)
    let signed = try PDFSignature.sign(sealed, on: certificate.issuedOn, identity: identity)
    // Written as the export writes its files: no wait for the disk after each (see StagedFiles).
    try NewFile.write(signed, to: output.appendingPathComponent("\(certificate.number).pdf").path, mode: 0o644, durable: false)
    pages += 1
}
print(String(format: "%.3f %d", Date().timeIntervalSince(start), pages))
