/// Everything a certificate's documents and signed statements are made from: the record,
/// and the participant, course, session and organisation it speaks of.
public struct CertificateContext: Sendable, Hashable {
    /// The certificate, signed or about to be.
    public var certificate: Certificate
    /// Its holder.
    public var participant: Participant
    /// The course version taught.
    public var course: Course
    /// The session.
    public var session: Session
    /// The organisation that issues it.
    public var organisation: Organisation
    /// The holder's progress and results, for the attestation's assessment results.
    public var progress: ParticipantProgress?

    /// Creates a context.
    public init(
        certificate: Certificate, participant: Participant, course: Course, session: Session, organisation: Organisation,
        progress: ParticipantProgress?
    ) {
        self.certificate = certificate
        self.participant = participant
        self.course = course
        self.session = session
        self.organisation = organisation
        self.progress = progress
    }
}

/// What a certificate's documents print besides the certificate record itself — the
/// holder, the course, the session, the organisation and the results — fixed when the
/// certificate is issued, so that exporting it years later, after the organisation's
/// signatory or the holder's name changed, prints the same text.
///
/// Stored as JSON beside the certificate. `format` names the shape: a later change to a
/// type it holds must still decode the formats written before.
public struct CertificateSnapshot: Sendable, Hashable, Codable {
    /// The shape this version writes.
    public static let currentFormat = 1

    /// The shape of this snapshot.
    public var format: Int
    /// The holder as they were at issue.
    public var participant: Participant
    /// The course version taught.
    public var course: Course
    /// The session.
    public var session: Session
    /// The organisation that issued it.
    public var organisation: Organisation
    /// The holder's progress and results at issue.
    public var progress: ParticipantProgress?

    /// The snapshot of `context`.
    public init(_ context: CertificateContext) {
        format = Self.currentFormat
        participant = context.participant
        course = context.course
        session = context.session
        organisation = context.organisation
        progress = context.progress
    }

    /// The context of `certificate`'s documents as they were at issue.
    public func context(for certificate: Certificate) -> CertificateContext {
        CertificateContext(
            certificate: certificate, participant: participant, course: course, session: session, organisation: organisation,
            progress: progress)
    }
}

/// What signing adds to a certificate: the QR code's statement and, for an eligible
/// participant, the Open Badges credential.
public struct CertificateSignatures: Sendable, Hashable {
    /// The compact JWS the QR code carries.
    public var payload: String
    /// The VC-JWT credential, for eligible participants.
    public var credential: String?

    /// Creates the signatures.
    public init(payload: String, credential: String?) {
        self.payload = payload
        self.credential = credential
    }
}
