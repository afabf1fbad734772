public import Foundation
internal import NIOSSL
internal import PostgresNIO
import TrainingCore

/// Where a PostgreSQL store is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…]`.
/// The password comes from the URL, `PGPASSWORD` or a pass file; it is never printed.
/// `sslmode` is libpq's: `disable`, `prefer` (the default: TLS when the server offers it),
/// `require` (TLS or nothing), `verify-full` (TLS with the server's certificate and name
/// checked against the system's authorities).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// The server's host.
    public var host: String
    /// Its port.
    public var port: Int
    /// The user.
    public var user: String
    /// The database.
    public var database: String
    /// How the connection is encrypted.
    public var tlsMode: TLSMode
    private var password: String?

    /// libpq's `sslmode`, as far as it goes here.
    public enum TLSMode: String, Sendable, Hashable {
        case disable
        case prefer
        case require
        case verifyFull = "verify-full"
    }

    /// The location a URL names, or `nil` when it is not a `postgres://` URL with a user and a database.
    public init?(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? ""), let host = url.host,
            !host.isEmpty, let user = url.user, !user.isEmpty
        else { return nil }
        let database = String(url.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { return nil }
        self.host = host
        self.port = url.port ?? 5432
        self.user = user
        self.database = database
        let mode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? environment["PGSSLMODE"] ?? "prefer"
        switch mode {
        case "disable": tlsMode = .disable
        case "allow", "prefer": tlsMode = .prefer
        case "require": tlsMode = .require
        case "verify-ca", "verify-full": tlsMode = .verifyFull
        default: return nil
        }
        self.password =
            url.password ?? environment["PGPASSWORD"]
            ?? Self.passFilePassword(host: host, port: url.port ?? 5432, database: database, user: user, environment: environment)
    }

    /// The URL without its password, for messages and for the workspace's `store-location`
    /// file, which reads back as the same location.
    public var description: String {
        var url = URLComponents()
        url.scheme = "postgres"
        url.user = user
        url.host = host
        url.port = port
        url.path = "/" + database
        if tlsMode != .prefer { url.queryItems = [URLQueryItem(name: "sslmode", value: tlsMode.rawValue)] }
        return url.string ?? "postgres://\(host)/\(database)"
    }

    /// A text that may be a URL with a password, without it, for messages: what lies between
    /// `://` and the last `@` goes when the text does not even read as a URL.
    public static func withoutPassword(_ text: String) -> String {
        if var url = URLComponents(string: text) {
            url.password = nil
            if let shown = url.string { return shown }
        }
        guard let scheme = text.range(of: "://"), let at = text.range(of: "@", options: .backwards), scheme.upperBound <= at.lowerBound
        else { return text }
        return String(text[..<scheme.upperBound]) + "…" + String(text[at.lowerBound...])
    }

    /// The same server, another database.
    public func database(_ name: String) -> PostgresLocation {
        var other = self
        other.database = name
        return other
    }

    /// The password a pass file gives (`PGPASSFILE`, or `~/.pgpass`): lines
    /// `host:port:database:user:password`, `*` matching anything, the first match winning.
    /// Like libpq, a file others can read is ignored.
    static func passFilePassword(host: String, port: Int, database: String, user: String, environment: [String: String]) -> String? {
        let path =
            environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
        guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = attributes[.posixPermissions] as? Int, mode & 0o077 == 0,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            var fields: [String] = []
            var field = ""
            var escaped = false
            for character in line {
                if escaped {
                    field.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == ":" && fields.count < 4 {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
            }
            fields.append(field)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    func configuration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch tlsMode {
        case .disable: tls = .disable
        case .prefer, .require:
            // As libpq: encrypted, the server's certificate not checked.
            var settings = TLSConfiguration.makeClientConfiguration()
            settings.certificateVerification = .none
            let context = try NIOSSLContext(configuration: settings)
            tls = tlsMode == .prefer ? .prefer(context) : .require(context)
        case .verifyFull: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        return PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}
