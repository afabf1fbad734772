public import Foundation
public import TrainingCore
internal import TrainingExport
public import TrainingStore

/// Deciding who earned a certificate, and issuing, revoking and reissuing certificates.
public struct CertificationService: Sendable {
    let store: Store

    /// The use cases over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// A session's certificates, revoked ones included.
    public func certificates(in sessionID: String) async throws -> [Certificate] {
        try store.certificates(in: sessionID)
    }

    /// Every session's certificates that `filter` keeps, in the `state` given on `day`.
    public func certificates(matching filter: CertificateFilter, state: Certificate.State?, on day: LocalDate) async throws -> [Certificate]
    {
        try store.certificates(matching: filter).filter { certificate in state.map { certificate.state(on: day) == $0 } ?? true }
    }

    /// One certificate, by its number.
    public func certificate(_ number: String) async throws -> Certificate {
        try store.certificate(number)
    }

    /// How many people hold a seat in these sessions: what certifying them signs at most.
    public func seats(in sessionIDs: [String]) async throws -> Int {
        try sessionIDs.reduce(0) { $0 + (try store.seatedParticipants(in: $1).count) }
    }

    /// Each session's decisions, every participant's with its reasons, and what they are made
    /// of; nothing issued.
    public func decisions(of sessionIDs: [String]) async throws -> [SessionDecisions] {
        try store.decisions(of: sessionIDs)
    }

    /// Issues a certificate, with its signed QR statement and, when eligible, its Open Badges
    /// credential, to every seated participant of each closed session who holds no live one:
    /// all sessions or none. `progress` hears of each certificate signed.
    public func certify(
        _ sessionIDs: [String], on day: LocalDate, by issuedBy: String?, at now: Date, progress: (String) -> Void = { _ in }
    ) async throws -> [CertificationOutcome] {
        let signer = CertificateSigner(key: try SigningKey.load(from: store.workspace.signingKeyURL))
        let organisation = try store.documentOrganisation()
        // By session and person: a write tried again signs again, and says the same.
        var unassessed: [String: [String: [String]]] = [:]
        var outcomes = try store.certify(sessionIDs: sessionIDs, on: day, by: issuedBy ?? organisation.signatoryName, at: now) {
            context in
            progress(context.session.id)
            if context.certificate.isEligible {
                let missing = ParticipantProgress.unassessed(context.progress, in: context.course)
                if !missing.isEmpty { unassessed[context.session.id, default: [:]][context.participant.id] = missing }
            }
            return signer.signatures(for: context)
        }
        for index in outcomes.indices { outcomes[index].unassessed = unassessed[outcomes[index].sessionID] ?? [:] }
        return outcomes
    }

    /// Revokes a certificate, for a reason that stays with it.
    public func revoke(_ number: String, reason: String, by revokedBy: String?, at now: Date) async throws {
        try store.revoke(number, reason: reason, by: try store.actor(revokedBy), at: now)
    }

    /// Replaces a certificate (live or revoked) with one decided from the records as they
    /// stand, naming it and keeping its end of validity.
    public func reissue(_ number: String, reason: String, on day: LocalDate, by issuedBy: String?, at now: Date) async throws -> Certificate
    {
        let signer = CertificateSigner(key: try SigningKey.load(from: store.workspace.signingKeyURL))
        return try store.reissue(number, reason: reason, on: day, by: try store.actor(issuedBy), at: now, sign: signer.signatures(for:))
    }
}

extension Store {
    /// Who does what a command records: the name given, or the organisation's signatory.
    public func actor(_ given: String?) throws -> String {
        try given ?? organisation()?.signatoryName ?? "unknown"
    }
}

extension SessionDecisions {
    /// The objectives with no assessment result, for each participant who would earn the
    /// certificate: their attestation would print them *non évalué*, when it must state the
    /// results of the assessment (Code du travail, L6353-1).
    public var unassessed: [(participantID: String, objectives: [String])] {
        let byID = Dictionary(progress.map { ($0.participantID, $0) }, uniquingKeysWith: { first, _ in first })
        return decisions.filter(\.isEligible).compactMap { decision in
            let missing = ParticipantProgress.unassessed(byID[decision.participantID], in: course)
            return missing.isEmpty ? nil : (decision.participantID, missing)
        }
    }
}
