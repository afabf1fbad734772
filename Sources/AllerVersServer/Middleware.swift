import Foundation
import HTTPTypes
public import Hummingbird
import NIOConcurrencyHelpers
import NIOCore

/// Headers every page carries: no script or style from elsewhere, never in a frame, no
/// guessing of content types, no address leaked to the next site.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

/// At most `perMinute` requests from one address in any minute; the next is answered 429
/// with the seconds to wait. Addresses unheard of for a minute are forgotten.
final class RateLimiter<Context: RemoteAddressRequestContext>: RouterMiddleware, Sendable {
    private let perMinute: Int
    private let hits = NIOLockedValueBox<[String: [ContinuousClock.Instant]]>([:])

    init(perMinute: Int) {
        self.perMinute = perMinute
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        let now = ContinuousClock.now
        let wait: Duration? = hits.withLockedValue { hits in
            if hits.count > 10_000 { hits = hits.filter { $0.value.last.map { now - $0 < .seconds(60) } ?? false } }
            var recent = (hits[address] ?? []).filter { now - $0 < .seconds(60) }
            defer { hits[address] = recent }
            guard recent.count < perMinute else { return .seconds(60) - (now - recent[0]) }
            recent.append(now)
            return nil
        }
        guard let wait else { return try await next(request, context) }
        let seconds = max(1, Int(wait.components.seconds) + 1)
        var response = Response(
            status: .tooManyRequests, headers: [.retryAfter: String(seconds), .contentType: "text/plain; charset=utf-8"])
        response.body = .init(byteBuffer: ByteBuffer(string: "429\n"))
        return response
    }
}
