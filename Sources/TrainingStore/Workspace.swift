public import Foundation
public import TrainingCore

/// A folder that holds an AllerVers workspace: `.allervers/` with the SQLite store inside.
///
/// Commands find the workspace the way git finds a repository: from the current folder
/// upward, unless told where it is.
///
/// ```swift
/// let workspace = try Workspace.find(from: URL(fileURLWithPath: "."))
/// let store = try Store.open(workspace)
/// ```
public struct Workspace: Sendable, Hashable {
    /// The name of the hidden folder that marks a workspace.
    public static let directoryName = ".allervers"

    /// The folder that contains `.allervers/`.
    public let folder: URL

    /// A workspace rooted at `folder`, whether or not it exists yet.
    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    /// The hidden folder with the store and the signing key.
    public var directory: URL { folder.appendingPathComponent(Self.directoryName, isDirectory: true) }

    /// The Ed25519 key that signs certificates and credentials (PKCS#8 PEM, mode 0600).
    public var signingKeyURL: URL { directory.appendingPathComponent("signing-key.pem") }

    /// The RSA key that signs certificate PDFs the way PDF readers check them (PKCS#8 PEM, mode 0600).
    public var pdfSigningKeyURL: URL { directory.appendingPathComponent("pdf-signing-key.pem") }

    /// The self-signed X.509 certificate of that key, naming the organisation and the issuer's did:key.
    public var pdfSigningCertificateURL: URL { directory.appendingPathComponent("pdf-signing-certificate.pem") }

    /// The SQLite store.
    public var storeURL: URL { directory.appendingPathComponent("store.sqlite") }

    /// The files beside the store that a snapshot carries, by name: the public certificate
    /// always, the private keys only when asked.
    public func keyFiles(includingPrivate: Bool) throws -> [(name: String, contents: Data)] {
        var urls = [pdfSigningCertificateURL]
        if includingPrivate { urls += [signingKeyURL, pdfSigningKeyURL] }
        return try urls.filter { FileManager.default.fileExists(atPath: $0.path) }.map { url in
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw WorkspaceError.unusable(path: url.path, reason: "cannot read the file")
            }
            return (url.lastPathComponent, data)
        }
    }

    /// In a workspace whose records are in PostgreSQL, the file that names the database
    /// (its URL without a password, which comes from `PGPASSWORD` or a pass file).
    public var databaseLocationURL: URL { directory.appendingPathComponent("store-location") }

    /// Whether the store exists: the SQLite file, or the file naming a PostgreSQL database.
    public var exists: Bool {
        FileManager.default.fileExists(atPath: storeURL.path) || FileManager.default.fileExists(atPath: databaseLocationURL.path)
    }

    /// The PostgreSQL database the workspace's records are in, or `nil` when they are in its SQLite file.
    public func databaseLocation() throws -> String? {
        guard FileManager.default.fileExists(atPath: databaseLocationURL.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: databaseLocationURL.path) else {
            throw WorkspaceError.unusable(path: databaseLocationURL.path, reason: "cannot read the file")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Makes the workspace's folder, owner-only, and, for records kept in PostgreSQL, the
    /// file that names the database (never with a password).
    public func create(databaseLocation: String? = nil) throws {
        let manager = FileManager.default
        guard !exists else { throw WorkspaceError.alreadyExists(folder.path) }
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw WorkspaceError.unusable(path: directory.path, reason: "cannot create the folder")
        }
        if let databaseLocation,
            !manager.createFile(
                atPath: databaseLocationURL.path, contents: Data((databaseLocation + "\n").utf8), attributes: [.posixPermissions: 0o600])
        {
            throw WorkspaceError.unusable(path: databaseLocationURL.path, reason: "cannot create the file")
        }
    }

    /// The nearest workspace at `start` or in one of its parents.
    public static func find(from start: URL) throws(WorkspaceError) -> Workspace {
        var folder = start.standardizedFileURL
        while true {
            let candidate = Workspace(folder: folder)
            if candidate.exists { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        throw WorkspaceError.notFound(start.path)
    }

    /// The workspace at `folder`, which must exist.
    public static func existing(at folder: URL) throws(WorkspaceError) -> Workspace {
        let workspace = Workspace(folder: folder)
        guard workspace.exists else { throw WorkspaceError.notFound(folder.path) }
        return workspace
    }
}

/// Why a workspace could not be found, made or used.
public enum WorkspaceError: TextError, Sendable, Hashable {
    /// No workspace in this folder or any parent.
    case notFound(String)
    /// `init` found a workspace already there.
    case alreadyExists(String)
    /// The store exists but cannot be opened, read or written.
    case unusable(path: String, reason: String)

    public var text: Text {
        switch self {
        case .notFound(let path):
            "no AllerVers workspace in \(path) or its parents: run `allervers init` there, or pass --store FOLDER"
        case .alreadyExists(let path):
            "a workspace already exists in \(path)"
        case .unusable(let path, let reason):
            "cannot use the store \(path): \(reason)"
        }
    }
}
