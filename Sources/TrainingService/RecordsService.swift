public import Foundation
public import TrainingCore
internal import TrainingExport
public import TrainingPDF
public import TrainingStore

/// One session's records, made and not yet written: each file's name within the session's
/// folder, and its bytes.
public struct SessionFiles: Sendable {
    /// The session.
    public var sessionID: String
    /// The files, by name within `SESSION/` (`certificates/NUMBER-….pdf`).
    public var files: [(name: String, data: Data)]
}

/// The records funders and participants need, made from what the store holds.
public struct RecordsService: Sendable {
    let store: Store

    /// The use cases over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// A session's half-days as an iCalendar file, stamped `now`.
    public func calendar(of sessionID: String, at now: Date) async throws -> (session: Session, text: String) {
        let session = try store.session(id: sessionID)
        return (session, SessionCalendar(session: session, course: try store.course(of: session)).text(stamp: now))
    }

    /// Every session's records, made before anything is written: attendance and hours CSV,
    /// xAPI statements, the filled sign-in sheets, and the live certificates' PDFs (as
    /// printed at issue, sealed and signed) and credentials. The keys are read only when
    /// there is a certificate; `progress` hears of each session done.
    ///
    /// What the store holds is read first, session by session; the files are then made on
    /// every core, a session at a time on each (pango keeps a font map per thread, cairo a
    /// surface per document), and come back in the order of `sessionIDs`.
    public func files(
        of sessionIDs: [String], language: DocumentLanguage, progress: (String) -> Void = { _ in }
    ) async throws -> [SessionFiles] {
        let organisation = try store.documentOrganisation()
        var keys: DocumentKeys?
        // Each session's records are let go once its files are being made.
        var inputs: [(records: SessionRecords, signatures: SheetSignatures)?] = []
        for sessionID in sessionIDs {
            let records = try store.records(of: sessionID)
            if keys == nil,
                records.liveCertificates.contains(where: {
                    $0.erasedIn == nil && records.context(for: $0, organisation: organisation) != nil
                })
            {
                keys = try DocumentKeys.load(for: store.workspace, organisation: organisation.name)
            }
            inputs.append((records, try SigningService(store: store).signatures(of: records.session)))
        }
        let signing = keys
        var made = [SessionFiles?](repeating: nil, count: inputs.count)
        try await withThrowingTaskGroup(of: (Int, SessionFiles).self) { group in
            var next = 0
            func start() {
                guard next < inputs.count, let input = inputs[next] else { return }
                let index = next
                inputs[next] = nil
                group.addTask {
                    (
                        index,
                        try Self.files(
                            of: input.records, signatures: input.signatures, organisation: organisation, signing: signing,
                            language: language)
                    )
                }
                next += 1
            }
            for _ in 0..<max(1, ProcessInfo.processInfo.activeProcessorCount) { start() }
            while let (index, files) = try await group.next() {
                made[index] = files
                progress(files.sessionID)
                start()
            }
        }
        return made.compactMap { $0 }
    }

    /// One session's records (see ``files(of:language:progress:)``).
    private static func files(
        of records: SessionRecords, signatures: SheetSignatures, organisation: Organisation, signing: DocumentKeys?,
        language: DocumentLanguage
    ) throws -> SessionFiles {
        let (session, course, participants, marks) = (records.session, records.course, records.participants, records.marks)
        var files: [(String, Data)] = [
            ("attendance.csv", FunderExport.attendanceCSV(session: session, course: course, participants: participants, marks: marks)),
            (
                "hours.csv",
                FunderExport.hoursCSV(
                    session: session, participants: participants, decisions: records.decisions, certificates: records.certificates)
            ),
            (
                "xapi-statements.jsonl",
                XAPIStatements.jsonLines(
                    session: session, course: course, organisation: organisation, participants: participants, marks: marks,
                    decisions: records.decisions, progress: records.progress)
            ),
            (
                "sign-in-sheets.pdf",
                try Documents.emargement(
                    session: session, course: course, organisation: organisation, participants: participants, marks: marks,
                    corrections: records.corrections, signatures: signatures)
            ),
        ]
        // A certificate whose holder was anonymised past retention has no documents left.
        for certificate in records.liveCertificates where certificate.erasedIn == nil {
            guard let context = records.context(for: certificate, organisation: organisation) else { continue }
            guard let signing else { preconditionFailure("the keys are read for every session that has a certificate's documents") }
            files += try documents(of: context, signedWith: signing, language: language).map { ("certificates/" + $0.name, $0.data) }
        }
        return SessionFiles(sessionID: session.id, files: files)
    }

    /// A certificate's documents as printed at issue, sealed and signed: its certificat de
    /// réalisation, its attestation when eligible, and its credential.
    static func documents(of context: CertificateContext, signedWith signing: DocumentKeys, language: DocumentLanguage) throws
        -> [(name: String, data: Data)]
    {
        let certificate = context.certificate
        func signed(_ pdf: Data) throws -> Data {
            try signing.sign(pdf, number: certificate.number, holder: context.participant.displayName, on: certificate.issuedOn)
        }
        var files = [
            (
                "\(certificate.number)-certificat-de-realisation.pdf",
                try signed(try Documents.certificatDeRealisation(context, language: language))
            )
        ]
        if certificate.isEligible {
            files.append(
                (
                    "\(certificate.number)-attestation-de-fin-de-formation.pdf",
                    try signed(try Documents.attestation(context, language: language))
                ))
        }
        if let credential = certificate.credential {
            files.append(("\(certificate.number)-open-badge.jwt", Data((credential + "\n").utf8)))
        }
        return files
    }

    /// The documents of these certificates, whatever their sessions, for one folder (a year's,
    /// an employer's), with an `index.csv` that lists them; each session's records read once.
    /// Revoked certificates are left out: their documents no longer stand; so are those
    /// whose holder was anonymised past retention.
    /// `written` counts the certificates whose documents are among the files.
    public func certificateFiles(_ certificates: [Certificate], language: DocumentLanguage) async throws -> (
        files: [(name: String, data: Data)], written: Int
    ) {
        let live = certificates.filter { $0.revocation == nil && $0.erasedIn == nil }
        let organisation = try store.documentOrganisation()
        var keys: DocumentKeys?
        var files: [(name: String, data: Data)] = []
        var written = 0
        var index = CSVWriter()
        index.append([
            "Numéro", "Participant", "Nom", "Formation", "Session", "Fin de formation", "Délivré le", "Valide jusqu'au", "Décision",
        ])
        for (sessionID, issued) in Dictionary(grouping: live, by: \.sessionID).sorted(by: { $0.key < $1.key }) {
            let records = try store.records(of: sessionID)
            for certificate in issued.sorted(by: { $0.number < $1.number }) {
                guard let context = records.context(for: certificate, organisation: organisation) else { continue }
                let signing = try keys ?? DocumentKeys.load(for: store.workspace, organisation: organisation.name)
                keys = signing
                files += try Self.documents(of: context, signedWith: signing, language: language)
                written += 1
                index.append([
                    certificate.number, certificate.participantID, context.participant.displayName, certificate.courseID, sessionID,
                    certificate.lastDay.description, certificate.issuedOn.description, certificate.validUntil?.description ?? "",
                    certificate.isEligible ? "acquis" : "réalisé, règle non atteinte",
                ])
            }
        }
        return ([("index.csv", index.data)] + files, written)
    }

    /// A session's sign-in sheets: blank to print before, or filled from the records after,
    /// with the corrections that set them.
    public func sheets(of sessionID: String, blank: Bool, language: DocumentLanguage) async throws -> (session: Session, pdf: Data) {
        let records = try store.records(of: sessionID)
        let pdf = try Documents.emargement(
            session: records.session, course: records.course, organisation: try store.documentOrganisation(),
            participants: records.participants, marks: blank ? nil : records.marks, corrections: blank ? [] : records.corrections,
            signatures: blank ? SheetSignatures() : try SigningService(store: store).signatures(of: records.session), language: language)
        return (records.session, pdf)
    }
}
