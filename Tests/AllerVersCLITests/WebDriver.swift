import Foundation
import Testing
import TrainingTesting

/// Debian's chromedriver, started on a free port, and the W3C WebDriver calls the browser
/// tests make over plain HTTP: one browser context per session.
final class ChromeDriver: @unchecked Sendable {
    let port: Int
    private let process: Process
    /// The browsers opened, which ``stop()`` closes: a browser left open on a page that
    /// refreshes itself would load the machine for the tests after.
    private var sessions: [String] = []

    /// Runs `body` with a driver, and closes every browser and the driver after, however it ends.
    static func run(_ body: (ChromeDriver) async throws -> Void) async throws {
        let driver = try await ChromeDriver()
        do {
            try await body(driver)
        } catch {
            await driver.stop()
            throw error
        }
        await driver.stop()
    }

    func stop() async {
        for id in sessions { _ = try? await call("DELETE", "/session/\(id)") }
        sessions = []
        // Polled rather than waitUntilExit(), which spins a whole core from a task's thread.
        process.terminate()
        for _ in 0..<50 where process.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    private init() async throws {
        let binary = URL(fileURLWithPath: "/usr/bin/chromedriver")
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path) && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
            "chromium and chromium-driver are missing: make test installs them")
        port = try freePort()
        process = Process()
        process.executableURL = binary
        process.arguments = ["--port=\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if (try? await call("GET", "/status")) != nil { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.terminate()
        throw WebDriverError(message: "chromedriver did not start on port \(port)")
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// A new headless browser, `width` × `height` CSS pixels (a phone's is 390 × 844).
    func browser(width: Int = 1200, height: Int = 900) async throws -> Browser {
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": "/usr/bin/chromium",
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--window-size=\(width),\(height)",
                            "--lang=fr-FR",
                        ],
                        "prefs": ["intl.accept_languages": "fr-FR,fr"],
                    ],
                ]
            ]
        ]
        let answer = try await call("POST", "/session", capabilities)
        let id = try #require((answer as? [String: Any])?["sessionId"] as? String, "\(String(describing: answer))")
        sessions.append(id)
        return Browser(driver: self, id: id)
    }

    /// One WebDriver call: its `value`. Over a plain socket: chromedriver writes its headers
    /// without a space after the colon, which FoundationNetworking's reader refuses.
    @discardableResult
    func call(_ method: String, _ path: String, _ body: Any? = nil) async throws -> Any? {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let (status, data) = try await offThePool { [port] in try exchange(port: port, method: method, path: path, body: payload) }
        guard status == 200 else {
            throw WebDriverError(message: "\(method) \(path): \(status) \(String(decoding: data, as: UTF8.self).prefix(500))")
        }
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["value"] ?? nil
    }
}

/// `work`, which blocks (a socket waiting for Chromium to start takes seconds), on a thread
/// of its own: on one of the cooperative pool's few threads it would hold up every other
/// suite's tasks — a crash test's timed kill among them.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// One request to chromedriver, whose commands carry JSON.
func exchange(port: Int, method: String, path: String, body: Data = Data()) throws -> (status: Int, body: Data) {
    let answer = try loopbackRequest(
        port: port, method: method, path: path, headers: [("Content-Type", "application/json")], body: body, timeout: 60)
    return (answer.status, answer.body)
}

struct WebDriverError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A browser context: navigate, find, type, click, draw, read, photograph.
struct Browser {
    let driver: ChromeDriver
    let id: String

    func go(_ url: String) async throws { try await driver.call("POST", "/session/\(id)/url", ["url": url]) }

    var url: String { get async throws { try await driver.call("GET", "/session/\(id)/url") as? String ?? "" } }

    /// The page's visible text.
    var text: String {
        get async throws { try await property(of: try element("body"), "innerText") }
    }

    /// The key of an element reference (W3C WebDriver).
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    /// Waits until the page's address ends with `suffix` (a form's answer has loaded).
    func wait(for suffix: String) async throws {
        for _ in 0..<100 {
            if try await url.hasSuffix(suffix) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the browser is at \(try await url), not …\(suffix)")
    }

    /// Waits until the page shows `wanted` (a form's answer has loaded), and returns its text.
    func text(showing wanted: String) async throws -> String {
        var last = ""
        for _ in 0..<100 {
            last = (try? await text) ?? ""
            if last.contains(wanted) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the page does not show \(wanted): \(last)")
        return last
    }

    /// The first element `css` selects.
    func element(_ css: String) async throws -> String {
        let found = try await driver.call("POST", "/session/\(id)/element", ["using": "css selector", "value": css])
        return try #require((found as? [String: Any])?[Self.elementKey] as? String, "no \(css)")
    }

    func type(_ text: String, into css: String) async throws {
        try await driver.call("POST", "/session/\(id)/element/\(try await element(css))/value", ["text": text])
    }

    func click(_ css: String) async throws {
        try await driver.call("POST", "/session/\(id)/element/\(try await element(css))/click", [String: Any]())
    }

    /// Runs `script` in the page and returns its value.
    func execute(_ script: String) async throws -> Any? {
        try await driver.call("POST", "/session/\(id)/execute/sync", ["script": script, "args": [Any]()])
    }

    func property(of element: String, _ name: String) async throws -> String {
        try await driver.call("GET", "/session/\(id)/element/\(element)/property/\(name)") as? String ?? ""
    }

    /// Draws a stroke across the element `css` with a pointer of `kind` (`mouse`, `pen`,
    /// `touch`): pointer events, as a finger or a pen gives them.
    func draw(on css: String, kind: String = "pen") async throws {
        let canvas = try await element(css)
        let origin = [Self.elementKey: canvas]
        var actions: [[String: Any]] = [
            ["type": "pointerMove", "duration": 0, "origin": origin, "x": -80, "y": 10], ["type": "pointerDown", "button": 0],
        ]
        for step in 1...12 {
            actions.append(["type": "pointerMove", "duration": 20, "origin": origin, "x": -80 + step * 14, "y": (step % 2 == 0 ? 15 : -15)])
        }
        actions.append(["type": "pointerUp", "button": 0])
        try await driver.call(
            "POST", "/session/\(id)/actions",
            ["actions": [["type": "pointer", "id": "\(kind)-signer", "parameters": ["pointerType": kind], "actions": actions]]])
    }

    /// A screenshot, kept under `.build/test-artifacts/screenshots/NAME.png`.
    func screenshot(_ name: String) async throws {
        let encoded = try await driver.call("GET", "/session/\(id)/screenshot") as? String ?? ""
        let folder = Fixtures.repository.appendingPathComponent(".build/test-artifacts/screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try #require(Data(base64Encoded: encoded)).write(to: folder.appendingPathComponent("\(name).png"))
    }
}

/// A port free on the loopback now (the kernel's choice for a socket bound to port 0).
func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
        }
    }
    try #require(bound, "no free port")
    return Int(UInt16(bigEndian: address.sin_port))
}
