import Foundation
import HTTPTypes
public import Hummingbird
import NIOConcurrencyHelpers
import NIOCore
import TrainingCore

/// Headers every answer carries, errors included: no script or style from elsewhere, never
/// in a frame, no guessing of content types, no address leaked to the next site. An error
/// the routes did not answer themselves becomes a bare status, never a trace or a query.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = Self.bare(error.status)
        } catch {
            response = Self.bare(.internalServerError)
        }
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        return response
    }

    static func bare(_ status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: "\(status.code) \(status.reasonPhrase)\n")))
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xForwardedFor = Self("X-Forwarded-For")!
}

/// At most `perMinute` requests from one client in any minute; the next is answered 429
/// with the seconds to wait. A client is its address, an IPv6 one by its /64 (what one
/// subscriber holds); behind a trusted reverse proxy, the address the proxy names last in
/// `X-Forwarded-For`. Clients unheard of for a minute are forgotten, at most once a second.
final class RateLimiter<Context: RemoteAddressRequestContext>: RouterMiddleware, Sendable {
    private let perMinute: Int
    private let trustedProxies: Set<String>
    private let state = NIOLockedValueBox(State())

    private struct State {
        var hits: [String: [ContinuousClock.Instant]] = [:]
        var swept = ContinuousClock.now
    }

    init(perMinute: Int, trustedProxies: Set<String>) {
        precondition(perMinute > 0, "a limit lets at least one request through")
        self.perMinute = perMinute
        self.trustedProxies = trustedProxies
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let client = Self.client(
            peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[.xForwardedFor], trusting: trustedProxies)
        let minute = Duration.seconds(60)
        let wait: Duration? = state.withLockedValue { state in
            // Read under the lock, so that a client's hits are kept in the order of their times.
            let now = ContinuousClock.now
            if now - state.swept > .seconds(1), state.hits.count > 1_000 {
                state.hits = state.hits.filter { $0.value.last.map { now - $0 < minute } ?? false }
                state.swept = now
            }
            // The client's hits of the last minute, in place.
            return Self.hit(&state.hits[client, default: []], at: now, within: minute, limit: perMinute)
        }
        guard let wait else { return try await next(request, context) }
        let seconds = max(1, Int(wait.components.seconds) + 1)
        return Response(
            status: .tooManyRequests, headers: [.retryAfter: String(seconds), .contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: "429 Too Many Requests\n")))
    }

    /// Counts a hit at `now` among `recent`, oldest first, when fewer than `limit` fell within
    /// `window`: `nil`; otherwise how long until the oldest leaves it, and nothing counted.
    static func hit(
        _ recent: inout [ContinuousClock.Instant], at now: ContinuousClock.Instant, within window: Duration, limit: Int
    ) -> Duration? {
        let stale = recent.prefix { now - $0 >= window }.count
        if stale > 0 { recent.removeFirst(stale) }
        guard recent.count < limit else { return window - (now - recent[0]) }
        recent.append(now)
        return nil
    }

    /// Who a request counts against: the peer, or, when the peer is a trusted proxy, the
    /// last address it put in `X-Forwarded-For` (the one it saw); an IPv6 address by its /64.
    /// With `wholeAddress`, the address itself, even IPv6: what a signature's record keeps.
    static func client(peer: String?, forwardedFor: String?, trusting proxies: Set<String>, wholeAddress: Bool = false) -> String {
        var address = peer ?? "unknown"
        if proxies.contains(address), let forwarded = forwardedFor?.split(separator: ",").last {
            address = String(forwarded).trimmingSpaces()
        }
        guard address.contains(":"), !wholeAddress else { return address }
        // An IPv6 address: its first four groups, the zeros it leaves out written back.
        var groups = address.components(separatedBy: "::")
        let head = groups.removeFirst().split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let tail = groups.first.map { $0.split(separator: ":").map(String.init) } ?? []
        let full = head + Array(repeating: "0", count: max(0, 8 - head.count - tail.count)) + tail
        return full.prefix(4).map { $0.isEmpty ? "0" : $0.lowercased() }.joined(separator: ":") + "::/64"
    }
}
