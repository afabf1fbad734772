public import Foundation
public import TrainingCore
public import TrainingExport
public import TrainingStore

/// The workspace itself: the organisation's identity, its signing keys, its snapshots.
public struct WorkspaceService: Sendable {
    let store: Store

    /// The use cases over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Creates a workspace (see ``Stores/create(in:databaseURL:organisation:)``) and, unless it
    /// joins a database that already holds an organisation's records, its signing keys.
    /// Returns the key's issuer, `nil` when joined.
    public static func create(
        in workspace: Workspace, databaseURL: String?, organisation: Organisation?
    ) async throws -> (service: WorkspaceService, issuer: IssuerKey?) {
        let (store, attached) = try Stores.create(in: workspace, databaseURL: databaseURL, organisation: organisation)
        let service = WorkspaceService(store: store)
        return (service, attached ? nil : try service.makeKeys())
    }

    /// Where the workspace's folder is, and where its records are when not in that folder.
    public var workspace: Workspace { store.workspace }

    /// The organisation identity, or `nil` when none was recorded.
    public func identity() async throws -> Organisation? {
        try store.organisation()
    }

    /// Records the organisation identity, replacing any earlier one.
    public func setIdentity(_ organisation: Organisation) async throws {
        try store.setOrganisation(organisation)
    }

    /// Creates the signing key of a workspace that has none, with the PDF signing identity
    /// naming it. A workspace that issued certificates (restored without its keys, say) gets
    /// no new key: it would disown them, and its own must come back instead.
    public func createSigningKey() async throws -> IssuerKey {
        let workspace = store.workspace
        if !FileManager.default.fileExists(atPath: workspace.signingKeyURL.path), try store.hasIssuedCertificates {
            let issuer = try? PDFSigningIdentity.publicCertificate(at: workspace.pdfSigningCertificateURL).issuer
            throw KeyError(
                "this workspace has issued certificates" + (issuer.map { " as \($0.did)" } ?? "")
                    + ": put its signing key back (restore a snapshot taken with --with-key) rather than make a new one")
        }
        return try makeKeys()
    }

    /// A new signing key, and the PDF signing identity naming it when the organisation is known
    /// (one naming an older key goes).
    private func makeKeys() throws -> IssuerKey {
        let workspace = store.workspace
        let key = try SigningKey.create(at: workspace.signingKeyURL)
        if let named = try? PDFSigningIdentity.publicCertificate(at: workspace.pdfSigningCertificateURL).issuer, named != key.issuer {
            try? FileManager.default.removeItem(at: workspace.pdfSigningCertificateURL)
            try? FileManager.default.removeItem(at: workspace.pdfSigningKeyURL)
        }
        if let organisation = try store.organisation() {
            _ = try PDFSigningIdentity.loadOrCreate(
                keyAt: workspace.pdfSigningKeyURL, certificateAt: workspace.pdfSigningCertificateURL, organisation: organisation.name,
                issuer: key.issuer)
        }
        return key.issuer
    }

    /// Writes a consistent snapshot of the records to `file`, with the signing keys when
    /// `withKeys` (the public certificates always).
    public func backup(to file: URL, withKeys: Bool) async throws {
        let files = try store.workspace.keyFiles(includingPrivate: withKeys)
        if withKeys && !files.contains(where: { $0.name == store.workspace.signingKeyURL.lastPathComponent }) {
            throw KeyError("\(store.workspace.signingKeyURL.path): there is no signing key to back up")
        }
        try store.backup(to: file, keyFiles: files)
    }
}

/// Why the signing keys cannot be made or saved.
public struct KeyError: TextError, Sendable, Hashable {
    /// What is wrong, as one sentence.
    public var text: Text

    init(_ text: Text) {
        self.text = text
    }
}
