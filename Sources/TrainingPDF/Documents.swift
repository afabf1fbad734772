public import Foundation
public import TrainingCore

/// The printed records of a training, as PDF: the half-day sign-in sheets (*feuilles
/// d'émargement*), the *certificat de réalisation* and the *attestation de fin de
/// formation*. The documents only print what the records say: hours come from
/// ``Session/attendedHours(of:marks:)`` through the certificate.
public enum Documents {
    private static let margin = PDFCanvas.margin
    private static let contentWidth = PDFCanvas.width - 2 * PDFCanvas.margin

    // MARK: Sign-in sheets

    /// One sheet per half-day of the session, with a row and a signature box per seated
    /// participant and a box for the trainers. With `marks`, the sheet is filled after the
    /// fact: each row shows the recorded status, minutes late or left early, and the
    /// correction that set it (`corrections`). Without, it is blank, to print before the
    /// session. A long name, employer or reason wraps inside its cell and the row grows.
    ///
    /// `signatures`, on a filled sheet, are what was signed on screen (`allervers serve`):
    /// each person's drawn signature in their row with when and how it came, and the
    /// trainers' in the box at the foot of the sheet.
    public static func emargement(
        session: Session, course: Course, organisation: Organisation, participants: [Participant], marks: [AttendanceMark]?,
        corrections: [MarkCorrection] = [], signatures: SheetSignatures = SheetSignatures(), language: DocumentLanguage = .fr
    ) throws(DocumentError) -> Data {
        let l = language
        let canvas = try PDFCanvas(
            title: l.pick("Feuilles d'émargement", "Sign-in sheets") + " — \(session.id)", author: organisation.name,
            createdOn: session.slots.first?.date ?? LocalDate(ordinal: 0))
        let grid = MarkGrid(marks ?? [])
        var corrected: [String: MarkCorrection] = [:]
        for correction in corrections { corrected["\(correction.participantID) \(correction.slotID)"] = correction }
        let modules = Dictionary(course.modules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let minimumRowHeight = 30.0
        let signedRowHeight = 48.0
        let padding = 4.0
        // Four columns across the content width (511.28 pt); the last holds the signature.
        let columns = [
            (l.pick("Participant", "Participant"), 150.0), (l.pick("Employeur", "Employer"), 130.0),
            (l.pick("Présence", "Attendance"), 110.0), (l.pick("Signature", "Signature"), contentWidth - 390),
        ]
        let fonts: [PDFCanvas.Font] = [.regular, .small, .small]
        let trainerBlock = 95.0
        let bottom = PDFCanvas.height - margin - trainerBlock
        for (slotIndex, slot) in session.slots.enumerated() {
            var remaining = participants[...]
            var sheetPage = 1
            repeat {
                if slotIndex > 0 || sheetPage > 1 { canvas.newPage() }
                var y = header(canvas, organisation: organisation, language: l)
                y +=
                    canvas.text(
                        l.pick("FEUILLE D'ÉMARGEMENT", "SIGN-IN SHEET") + (marks == nil ? "" : l.pick(" — RELEVÉ", " — RECORD")), x: margin,
                        y: y + 6, width: contentWidth, font: .title, align: .center) + 14
                let moduleText = slot.modules.compactMap { modules[$0].map { "\($0.id) — \($0.title)" } }.joined(separator: " ; ")
                let facts: [(String, String)] = [
                    (l.pick("Formation", "Course"), "\(course.title) (\(course.id), version \(course.version))"),
                    (l.pick("Module", "Module"), moduleText.isEmpty ? "—" : moduleText),
                    (
                        l.pick("Date", "Date"),
                        l.longDate(slot.date) + " — " + slot.part.name(french: l == .fr)
                    ),
                    (
                        l.pick("Horaires", "Times"),
                        "\(slot.start) – \(slot.end)\(slot.crossesMidnight ? l.pick(" le lendemain", " the next day") : "") (\(l.hours(slot.duration)))"
                    ),
                    (
                        l.pick("Lieu", "Place"),
                        slot.isRemote
                            ? l.pick("à distance", "remote") : "\(session.place(of: slot).name), \(session.place(of: slot).detail)"
                    ),
                    (
                        l.pick("Modalité", "Mode"),
                        slot.remotePresence.map {
                            l.pick("à distance — présence établie par : ", "remote — presence established by: ") + $0
                        }
                            ?? l.pick("en présentiel", "on site")
                    ),
                    (l.pick("Formateur(s)", "Trainer(s)"), session.trainers.joined(separator: ", ")),
                    (
                        l.pick("Session", "Session"),
                        session.id + (session.funder.map { " — " + l.pick("financeur : ", "funder: ") + $0 } ?? "")
                    ),
                ]
                for (label, value) in facts {
                    canvas.text(label, x: margin, y: y, width: 90, font: .bold)
                    y += max(canvas.text(value, x: margin + 95, y: y, width: contentWidth - 95), 12) + 3
                }
                y += 8
                // The table's header.
                canvas.fill(x: margin, y: y, width: contentWidth, height: 18, gray: 0.88)
                var x = margin
                for (title, width) in columns {
                    canvas.text(title, x: x + padding, y: y + padding, width: width - 2 * padding, font: .bold)
                    x += width
                }
                canvas.box(x: margin, y: y, width: contentWidth, height: 18)
                y += 18
                var rowsOnPage = 0
                // A row never runs past the page: a cell taller than the room under the header is cut.
                let tallest = max(bottom - y, minimumRowHeight)
                while let participant = remaining.first {
                    let key = "\(participant.id) \(slot.id)"
                    let cells = [
                        participant.displayName, participant.employer ?? "",
                        marks == nil
                            ? ""
                            : attendance(grid[participant.id, slot.id], of: participant, language: l)
                                + (corrected[key].map {
                                    "\n" + l.pick("corrigé le \(l.date($0.on)) : ", "corrected on \(l.date($0.on)): ") + $0.reason
                                }
                                    ?? ""),
                    ]
                    let signed = marks == nil ? nil : signatures.participants[key]
                    let rowHeight = min(
                        tallest,
                        zip(cells, zip(columns, fonts)).reduce(signed == nil ? minimumRowHeight : signedRowHeight) { height, cell in
                            max(height, canvas.height(of: cell.0, width: cell.1.0.1 - 2 * padding, font: cell.1.1) + 2 * padding)
                        })
                    // A row too tall for any page still goes on one of its own rather than never.
                    guard y + rowHeight <= bottom || rowsOnPage == 0 else { break }
                    remaining = remaining.dropFirst()
                    rowsOnPage += 1
                    x = margin
                    for (index, (_, width)) in columns.enumerated() {
                        if index < cells.count {
                            canvas.text(
                                cells[index], x: x + padding, y: y + padding, width: width - 2 * padding, font: fonts[index],
                                maxHeight: rowHeight - 2 * padding)
                        }
                        if index == cells.count, let signed {
                            draw(
                                signed, canvas: canvas, x: x + padding, y: y + padding, width: width - 2 * padding,
                                height: rowHeight - 2 * padding, language: l)
                        }
                        canvas.box(x: x, y: y, width: width, height: rowHeight, lineWidth: 0.4)
                        x += width
                    }
                    y += rowHeight
                }
                if remaining.isEmpty {
                    y += 14
                    canvas.text(
                        l.pick(
                            "Signature du ou des formateurs, attestant l'exactitude de la feuille :",
                            "Signature of the trainer(s), certifying this sheet:"),
                        x: margin, y: y, width: contentWidth, font: .bold)
                    canvas.box(x: margin, y: y + 16, width: contentWidth, height: 50)
                    if marks != nil {
                        // Side by side, as many as there are, each as wide as the box allows.
                        let trainers = signatures.trainers[slot.id] ?? []
                        let width = (contentWidth - 8) / Double(max(3, trainers.count)) - 10
                        for (index, signed) in trainers.enumerated() {
                            draw(
                                signed, canvas: canvas, x: margin + 4 + Double(index) * (width + 10), y: y + 19, width: width, height: 44,
                                language: l)
                        }
                    }
                }
                canvas.text(
                    "\(session.id) — \(slot.id) — " + l.pick("feuille", "sheet") + " \(slotIndex + 1)/\(session.slots.count)"
                        + (sheetPage > 1 ? " (\(l.pick("suite", "continued")))" : ""),
                    x: margin, y: PDFCanvas.height - margin + 12, width: contentWidth, font: .small, align: .right)
                sheetPage += 1
            } while !remaining.isEmpty
        }
        return try canvas.finish()
    }

    /// A signature drawn on screen: the image, and under it who, when and how.
    private static func draw(
        _ signed: SheetSignatures.Signature, canvas: PDFCanvas, x: Double, y: Double, width: Double, height: Double,
        language l: DocumentLanguage
    ) {
        let how: String =
            switch signed.method {
            case .qr: l.pick("QR code", "QR code")
            case .code: l.pick("code saisi", "typed code")
            case .trainer: l.pick("par le formateur : ", "by the trainer: ") + (signed.onBehalfReason ?? "")
            case nil: ""
            }
        let caption = [signed.signer, l.pick("le ", "on ") + signed.at, how].filter { !$0.isEmpty }.joined(separator: ", ")
        let captionHeight = canvas.height(of: caption, width: width, font: .small)
        if let png = signed.png {
            canvas.image(png: png, x: x, y: y, width: width, height: max(8, height - captionHeight - 1))
        }
        canvas.text(caption, x: x, y: y + max(0, height - captionHeight), width: width, font: .small, maxHeight: captionHeight)
    }

    /// How a mark reads on a filled sheet: in French, in the person's grammatical gender
    /// when known, otherwise in the inclusive form (*Absent·e excusé·e*).
    static func attendance(_ mark: AttendanceMark?, of participant: Participant, language l: DocumentLanguage) -> String {
        guard let mark else { return l.pick("non relevé", "not recorded") }
        func gendered(_ masculine: String, _ feminine: String, _ inclusive: String) -> String {
            switch participant.gender {
            case .female: feminine
            case .male: masculine
            case nil: inclusive
            }
        }
        switch mark.status {
        case .present:
            var parts = [l.pick(gendered("Présent", "Présente", "Présent·e"), "Present")]
            if mark.minutesLate > 0 { parts.append(l.pick("retard \(mark.minutesLate) min", "\(mark.minutesLate) min late")) }
            if mark.minutesLeftEarly > 0 {
                parts.append(l.pick("départ anticipé \(mark.minutesLeftEarly) min", "left \(mark.minutesLeftEarly) min early"))
            }
            return parts.joined(separator: ", ")
        case .excused:
            return l.pick(gendered("Absent excusé", "Absente excusée", "Absent·e excusé·e"), "Excused")
                + (mark.reason.map { " : \($0)" } ?? "")
        case .absent:
            return l.pick(gendered("Absent", "Absente", "Absent·e"), "Absent") + (mark.reason.map { " : \($0)" } ?? "")
        }
    }

    // MARK: Certificates

    /// The *certificat de réalisation*, on the content of the Ministry of Labour's model:
    /// who attests, who attended, the nature of the action, its dates and the hours
    /// actually done. Issued to every participant, eligible or not.
    public static func certificatDeRealisation(_ context: CertificateContext, language l: DocumentLanguage = .fr) throws(DocumentError)
        -> Data
    {
        let certificate = context.certificate
        let organisation = context.organisation
        let canvas = try certificateCanvas(context, title: l.pick("Certificat de réalisation", "Certificate of completion"))
        var y = header(canvas, organisation: organisation, language: l)
        y +=
            canvas.text(
                l.pick("CERTIFICAT DE RÉALISATION", "CERTIFICATE OF COMPLETION"), x: margin, y: y + 10, width: contentWidth, font: .title,
                align: .center) + 24
        let paragraphs: [(String, PDFCanvas.Font)] = [
            (
                l.pick(
                    "Je soussigné(e) \(organisation.signatoryName), \(organisation.signatoryTitle), représentant(e) légal(e) du dispensateur de l'action concourant au développement des compétences \(organisation.name), atteste que :",
                    "I, the undersigned \(organisation.signatoryName), \(organisation.signatoryTitle), legal representative of the training provider \(organisation.name), certify that:"
                ), .regular
            ),
            (context.participant.fullName, .heading),
            (
                context.participant.employer.map { l.pick("salarié(e) de l'entreprise \($0)", "employed by \($0)") } ?? "", .regular
            ),
            (l.pick("a suivi l'action :", "attended the action:"), .regular),
            ("\(context.course.title) (\(context.course.id), version \(context.course.version))", .heading),
            (l.pick("Nature de l'action concourant au développement des compétences :", "Nature of the action:"), .regular),
            (
                l.pick(
                    "☒ action de formation   ☐ bilan de compétences   ☐ action de VAE   ☐ action de formation par apprentissage",
                    "☒ training action    ☐ skills assessment    ☐ accreditation of prior learning    ☐ apprenticeship"), .regular
            ),
            (
                l.pick(
                    "qui s'est déroulée du \(l.date(certificate.firstDay)) au \(l.date(certificate.lastDay)),",
                    "which took place from \(l.date(certificate.firstDay)) to \(l.date(certificate.lastDay)),"), .regular
            ),
            (
                l.pick(
                    "pour une durée de \(l.hours(certificate.attended)) réalisées, sur \(l.hours(certificate.planned)) prévues.",
                    "for a duration of \(l.hours(certificate.attended)) actually attended, out of \(l.hours(certificate.planned)) planned."),
                .bold
            ),
            (
                l.pick(
                    "Sans préjudice des délais imposés par les règles fiscales, comptables ou commerciales, je m'engage à conserver l'ensemble des pièces justificatives qui ont permis d'établir le présent certificat pendant une durée de 3 ans à compter de la fin de l'année du dernier paiement. En cas de cofinancement des fonds européens, la durée de conservation est étendue conformément aux obligations conventionnelles spécifiques.",
                    "Without prejudice to the periods required by tax, accounting or commercial rules, I undertake to keep all the supporting documents on which this certificate is based for 3 years from the end of the year of the last payment. Where European funds co-finance the action, that period is extended as their specific obligations require."
                ), .small
            ),
        ]
        for (text, font) in paragraphs where !text.isEmpty {
            y += canvas.text(text, x: margin, y: y, width: contentWidth, font: font) + 9
        }
        signature(canvas, context: context, y: y + 6, language: l)
        return try canvas.finish()
    }

    /// The *attestation de fin de formation* (Code du travail, L6353-1): the objectives,
    /// the nature and duration of the action, and the results of the assessment of
    /// learning. For eligible participants.
    public static func attestation(_ context: CertificateContext, language l: DocumentLanguage = .fr) throws(DocumentError) -> Data {
        let certificate = context.certificate
        let course = context.course
        let canvas = try certificateCanvas(context, title: l.pick("Attestation de fin de formation", "End-of-training certificate"))
        var y = header(canvas, organisation: context.organisation, language: l)
        y += canvas.text(
            l.pick("ATTESTATION DE FIN DE FORMATION", "END-OF-TRAINING CERTIFICATE"), x: margin, y: y + 10, width: contentWidth,
            font: .title, align: .center)
        y +=
            canvas.text(
                l.pick("(article L6353-1 du Code du travail)", "(French Labour Code, article L6353-1)"), x: margin, y: y + 12,
                width: contentWidth, font: .small, align: .center) + 26
        y +=
            canvas.text(
                l.pick("\(context.organisation.name) atteste que", "\(context.organisation.name) certifies that"), x: margin, y: y,
                width: contentWidth) + 6
        y += canvas.text(context.participant.fullName, x: margin, y: y, width: contentWidth, font: .heading) + 6
        y += canvas.text(l.pick("a suivi la formation :", "completed the course:"), x: margin, y: y, width: contentWidth) + 6
        y +=
            canvas.text("\(course.title) (\(course.id), version \(course.version))", x: margin, y: y, width: contentWidth, font: .heading)
            + 10
        let modalities = Set(course.modules.map(\.modality)).sorted { $0.rawValue < $1.rawValue }.map { modality in
            switch modality {
            case .inRoom: l.pick("en salle", "in the room")
            case .remote: l.pick("à distance", "remote")
            case .terrain: l.pick("mises en situation de terrain", "field practice")
            }
        }
        let facts: [(String, String)] = [
            (
                l.pick("Nature de l'action", "Nature of the action"),
                l.pick("action de formation (article L6313-1 du Code du travail), ", "training action (Labour Code L6313-1), ")
                    + modalities.joined(separator: ", ")
            ),
            (
                l.pick("Dates", "Dates"),
                l.pick(
                    "du \(l.date(certificate.firstDay)) au \(l.date(certificate.lastDay))",
                    "from \(l.date(certificate.firstDay)) to \(l.date(certificate.lastDay))")
            ),
            (
                l.pick("Durée", "Duration"),
                l.pick(
                    "\(l.hours(certificate.planned)) prévues, \(l.hours(certificate.attended)) réalisées",
                    "\(l.hours(certificate.planned)) planned, \(l.hours(certificate.attended)) attended")
            ),
        ]
        for (label, value) in facts {
            canvas.text(label, x: margin, y: y, width: 120, font: .bold)
            y += canvas.text(value, x: margin + 125, y: y, width: contentWidth - 125) + 4
        }
        y += 8
        y +=
            canvas.text(
                l.pick("Objectifs et résultats de l'évaluation des acquis", "Objectives and results of the assessment of learning"),
                x: margin,
                y: y, width: contentWidth, font: .heading) + 6
        for objective in course.objectives {
            let result = l.result(context.progress?.assessment(of: objective.id))
            let line = "\(objective.id). \(objective.text)"
            if y + canvas.height(of: line, width: contentWidth - 150) > PDFCanvas.height - margin {
                canvas.newPage()
                y = margin
            }
            let height = canvas.text(line, x: margin + 8, y: y, width: contentWidth - 150)
            canvas.text(result, x: PDFCanvas.width - margin - 135, y: y, width: 135, font: .bold, align: .right)
            y += height + 5
        }
        if let until = certificate.validUntil {
            y += 4
            y +=
                canvas.text(
                    l.pick("Valable jusqu'au \(l.date(until)).", "Valid until \(l.date(until)).")
                        + (course.validity?.refresherCourse.map { l.pick(" Recyclage : \($0).", " Refresher: \($0).") } ?? ""),
                    x: margin, y: y, width: contentWidth) + 4
        }
        signature(canvas, context: context, y: y + 10, language: l)
        return try canvas.finish()
    }

    // MARK: Parts

    /// The organisation's identity at the top of the page; returns where the page goes on.
    static func header(_ canvas: PDFCanvas, organisation: Organisation, language l: DocumentLanguage) -> Double {
        var y = margin
        y += canvas.text(organisation.name, x: margin, y: y, width: contentWidth, font: .heading) + 2
        y += canvas.text(organisation.address, x: margin, y: y, width: contentWidth, font: .small) + 1
        y +=
            canvas.text(
                l.pick(
                    "Déclaration d'activité enregistrée sous le n° \(organisation.declarationNumber) auprès du préfet de région. Cet enregistrement ne vaut pas agrément de l'État.",
                    "Training provider registered under declaration number \(organisation.declarationNumber) with the regional prefect (France)."
                ),
                x: margin, y: y, width: contentWidth, font: .small) + 6
        canvas.rule(y: y)
        return y + 4
    }

    private static func certificateCanvas(_ context: CertificateContext, title: String) throws(DocumentError) -> PDFCanvas {
        try PDFCanvas(
            title: "\(title) \(context.certificate.number) — \(context.participant.fullName)", author: context.organisation.name,
            createdOn: context.certificate.issuedOn)
    }

    /// *Fait à … le …*, the signatory, a box for the stamp and signature, and the
    /// certificate's number with its QR code.
    private static func signature(_ canvas: PDFCanvas, context: CertificateContext, y: Double, language l: DocumentLanguage) {
        let certificate = context.certificate
        let organisation = context.organisation
        // The signature block and the QR code stay together, on a new page when the text ran long.
        let qrSize = 118.0
        let qrY = PDFCanvas.height - margin - qrSize - 6
        var y = y
        if y + 130 > qrY {
            canvas.newPage()
            y = margin
        }
        y +=
            canvas.text(
                l.pick(
                    "Fait à \(organisation.town), le \(l.date(certificate.issuedOn))",
                    "Issued in \(organisation.town) on \(l.date(certificate.issuedOn))"),
                x: margin, y: y, width: contentWidth) + 8
        let boxWidth = 240.0
        let boxX = PDFCanvas.width - margin - boxWidth
        canvas.text(
            l.pick("Cachet et signature du responsable du dispensateur de formation", "Stamp and signature of the training provider"),
            x: boxX, y: y, width: boxWidth, font: .small)
        canvas.box(x: boxX, y: y + 22, width: boxWidth, height: 70)
        canvas.text("\(organisation.signatoryName), \(organisation.signatoryTitle)", x: boxX, y: y + 96, width: boxWidth, font: .small)
        // The number and the QR code, bottom left, clear of the signature box.
        canvas.qrCode(certificate.qrText(publicAddress: organisation.publicAddress), x: margin - 8, y: qrY, size: qrSize)
        canvas.text(
            l.pick("Certificat n° ", "Certificate no. ") + certificate.number, x: margin + qrSize, y: qrY + 30, width: 300, font: .bold)
        let caption =
            if let address = organisation.publicAddress {
                l.pick(
                    "Vérifiable sur \(address)/verify/\(certificate.number)?code=\(certificate.verificationCode) ; le QR code y mène "
                        + "et porte une déclaration signée (Ed25519) que « allervers verify » vérifie hors ligne.",
                    "Check it at \(address)/verify/\(certificate.number)?code=\(certificate.verificationCode); the QR code leads "
                        + "there and holds a signed statement (Ed25519) that `allervers verify` checks offline.")
            } else {
                l.pick(
                    "Le QR code porte une déclaration signée (Ed25519) que « allervers verify » vérifie hors ligne.",
                    "The QR code holds a signed statement (Ed25519) that `allervers verify` checks offline.")
            }
        let captionHeight = canvas.text(caption, x: margin + qrSize, y: qrY + 46, width: contentWidth - qrSize, font: .small)
        if let replaces = certificate.replaces {
            // Below the caption; where certificates without a public address always printed it.
            let replacesY = organisation.publicAddress == nil ? qrY + 70 : qrY + 46 + captionHeight + 4
            canvas.text(
                l.pick("Remplace le certificat n° \(replaces).", "Replaces certificate no. \(replaces)."), x: margin + qrSize,
                y: replacesY, width: 300, font: .small)
        }
    }
}

extension Participant {
    /// `Marie DUPONT`, as certificates name people.
    var fullName: String { "\(firstName) \(lastName.uppercased())" }
}

/// What was signed on screen for a session's sheets (`allervers serve`), for the filled sheets.
public struct SheetSignatures: Sendable {
    /// A drawn signature, or a presence the trainer signed for, with when and how.
    public struct Signature: Sendable {
        /// The drawn image; `nil` when the trainer signed on the person's behalf.
        public var png: [UInt8]?
        /// Who signed, as the sheet names them (a trainer's name; empty for a participant,
        /// whose row names them).
        public var signer: String
        /// When, on the session's clock (`2026-03-12 08:52`).
        public var at: String
        /// How it came; `nil` for a trainer's certification.
        public var method: SignatureEvidence.Method?
        /// Why the trainer signed for them.
        public var onBehalfReason: String?

        /// Creates a signature.
        public init(png: [UInt8]?, signer: String, at: String, method: SignatureEvidence.Method?, onBehalfReason: String? = nil) {
            self.png = png
            self.signer = signer
            self.at = at
            self.method = method
            self.onBehalfReason = onBehalfReason
        }
    }

    /// Each participant's signature, by `"PARTICIPANT SLOT"`.
    public var participants: [String: Signature]
    /// The trainers' certifications, by half-day.
    public var trainers: [String: [Signature]]

    /// The signatures of a sheet.
    public init(participants: [String: Signature] = [:], trainers: [String: [Signature]] = [:]) {
        self.participants = participants
        self.trainers = trainers
    }
}
