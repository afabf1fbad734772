public import Foundation
public import Hummingbird
import Logging
internal import Mustache
public import NIOCore
public import TrainingCore
import TrainingExport
import TrainingPDF
public import TrainingService
public import TrainingStore

/// `allervers serve`: the web front end over the same use cases and the same store as the
/// command line. Pages are rendered on the server, in French or English, and work in any
/// phone's browser without a script.
public enum Server {
    /// The application serving `store` on `host`:`port` (0: a free port), which tells
    /// `running` the address it listens on once it does.
    public static func application(
        store: Store, host: String, port: Int, limits: Limits = Limits(), clock: @escaping @Sendable () -> Date = Date.init,
        running: @escaping @Sendable (SocketAddress?) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        // The sheets' PDFs and the signing page's QR codes need pango, cairo and libqrencode:
        // a server that could not draw them says so before it listens.
        try PDFLibraries.load()
        return Application(
            router: try router(store: store, limits: limits, clock: clock),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await running(channel.localAddress) },
            logger: Logger(label: "allervers.serve", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// How much one client may ask, and how a client is told from another.
    public struct Limits: Sendable {
        /// Verification pages one client may ask for in a minute; at least one.
        public var verificationsPerMinute: Int
        /// Logins one client may try in a minute; at least one.
        public var loginsPerMinute: Int
        /// Signing pages and signatures one client may ask for in a minute; at least one.
        public var signingRequestsPerMinute: Int
        /// What signing takes: how long around a half-day, how often the code changes.
        public var signing: SigningPolicy
        /// bcrypt's cost for passwords set through the server's use cases.
        public var passwordCost: UInt8
        /// The reverse proxies whose `X-Forwarded-For` names the client (their addresses as
        /// they connect, `127.0.0.1` for one on the same machine); none by default, so a
        /// client cannot name itself.
        public var trustedProxies: Set<String>

        /// The limits `allervers serve` runs with.
        public init(
            verificationsPerMinute: Int = 30, loginsPerMinute: Int = 10, signingRequestsPerMinute: Int = 120,
            trustedProxies: Set<String> = [],
            signing: SigningPolicy = SigningPolicy(), passwordCost: UInt8 = 12
        ) {
            self.verificationsPerMinute = max(1, verificationsPerMinute)
            self.loginsPerMinute = max(1, loginsPerMinute)
            self.signingRequestsPerMinute = max(1, signingRequestsPerMinute)
            self.signing = signing
            self.passwordCost = passwordCost
            self.trustedProxies = trustedProxies
        }
    }

    /// The routes, for the application and for tests that call them without a socket.
    public static func router(store: Store, limits: Limits = Limits(), clock: @escaping @Sendable () -> Date = Date.init) throws
        -> Router<ServerContext>
    {
        let pages = try Pages()
        let verification = VerificationService(store: store)
        let limiter = RateLimiter<ServerContext>(perMinute: limits.verificationsPerMinute, trustedProxies: limits.trustedProxies)
        let router = Router(context: ServerContext.self)
        router.add(middleware: SecurityHeaders())
        router.get("/") { request, _ in
            pages.html(.home, language: Pages.language(of: request))
        }
        router.get("/style.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Pages.style)))
        }
        router.get("/health") { _, _ in "ok\n" }
        let verify = router.group("/verify").add(middleware: limiter)
        verify.get(":number") { request, context in
            let language = Pages.language(of: request)
            let number = try context.parameters.require("number")
            let code = request.uri.queryParameters.get("code") ?? ""
            guard let certificate = try await verification.publicCertificate(number, code: code, on: LocalDate.inParis(clock())) else {
                return pages.html(.notFound, language: language, status: .notFound)
            }
            return pages.html(.certificate(certificate, code: code), language: language)
        }
        verify.get(":number/credential.jwt") { request, context in
            let number = try context.parameters.require("number")
            let code = request.uri.queryParameters.get("code") ?? ""
            guard let credential = try await verification.publicCredential(number, code: code) else {
                return pages.html(.notFound, language: Pages.language(of: request), status: .notFound)
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/vc+jwt", .contentDisposition: "attachment; filename=\"\(number)-open-badge.jwt\"",
                ], body: .init(byteBuffer: ByteBuffer(string: credential)))
        }
        router.group("/status").add(middleware: limiter).get(":year") { request, context in
            guard let year = Int(try context.parameters.require("year")),
                let list = try await verification.statusList(year: year, at: clock())
            else { return pages.html(.notFound, language: Pages.language(of: request), status: .notFound) }
            return Response(
                status: .ok, headers: [.contentType: "application/vc+jwt", .cacheControl: "max-age=300"],
                body: .init(byteBuffer: ByteBuffer(string: list)))
        }
        Site(
            store: store, pages: pages, accounts: AccountService(store: store, cost: limits.passwordCost),
            signing: SigningService(store: store, policy: limits.signing), limits: limits, clock: clock
        ).add(to: router)
        return router
    }
}

/// A request's context: the core's, and the address it came from, which the rate limit counts by.
public struct ServerContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address; `nil` in tests that call the router without a socket.
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
