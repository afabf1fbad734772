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
