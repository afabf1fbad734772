// `allervers serve` under load, for `make bench`: CLIENTS phones (50) sign SIGNATURES
// half-day signatures (500) across SESSIONS sessions (10) of a workspace built through the
// CLI, each phone behind a trusted proxy with its own address, and the latency of a
// signature (the signing page and the POST) is measured, ROUNDS times (3) on other sessions
// each time: this machine's speed swings from one minute to the next, and the figure
// reported is the median round's 99th percentile (the upper of the two middle ones for an
// even ROUNDS). Every round's windows stay open, so a code is looked for among all of them.
// Then the same load again on the last sessions, the server killed with SIGKILL once half of
// them are in and restarted, the phones retrying what failed: every signature must be recorded exactly once and
// `allervers verify` pass. Leaves the server running for `wrk` on a certificate's page.
//
//   allervers-bench-serve ALLERVERS WORK_DIR [CLIENTS SIGNATURES SESSIONS]
//
// Prints `RESULT name value` lines for scripts/bench-serve.sh.
import Dispatch
import Foundation
import NIOConcurrencyHelpers
import TrainingCore
import TrainingService
import TrainingStore
import TrainingTesting

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: allervers-bench-serve ALLERVERS WORK_DIR [CLIENTS SIGNATURES SESSIONS]\n".utf8))
    exit(2)
}
let binary = URL(fileURLWithPath: arguments[1])
let work = URL(fileURLWithPath: arguments[2])
let clients = arguments.count > 3 ? Int(arguments[3]) ?? 50 : 50
let signatures = arguments.count > 4 ? Int(arguments[4]) ?? 500 : 500
let sessionCount = arguments.count > 5 ? Int(arguments[5]) ?? 10 : 10
let perSession = (signatures + sessionCount - 1) / sessionCount
let rounds = max(1, Int(ProcessInfo.processInfo.environment["ROUNDS"] ?? "") ?? 3)
/// The measured rounds, and the one killed.
let loads = rounds + 1

struct Failure: Error, CustomStringConvertible {
    let description: String
}

/// Runs the CLI; its output, or a failure naming the command.
@discardableResult
func allervers(_ arguments: [String], input: String? = nil) throws -> String {
    let (status, text) = try execute(binary, arguments, input: input, environment: ["LANG": "C"])
    guard status == 0 else { throw Failure(description: "allervers \(arguments.joined(separator: " ")): \(text)") }
    return text
}

// MARK: The workspace

try? FileManager.default.removeItem(at: work)
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
let store = work.appendingPathComponent("store").path
try allervers([
    "init", "--store", store, "--name", "Institut Aller-Vers", "--address", "12 rue des Lices, 49100 Angers", "--declaration-number",
    "52490123449", "--signatory", "Claire Martin", "--signatory-title", "Directrice", "--public-address", "https://formation.example.org",
])
try allervers(["course", "import", "--store", store, "Courses/"])
var people = "first_name;last_name;email\n"
for index in 1...(loads * perSession * sessionCount) { people += "Prénom\(index);Nom\(index);p\(index)@example.org\n" }
let peopleFile = work.appendingPathComponent("people.csv")
try people.write(to: peopleFile, atomically: true, encoding: .utf8)
try allervers(["participant", "import", "--store", store, peopleFile.path])

// Each session has one half-day under way now: from 30 minutes ago, for three hours.
var paris = Calendar(identifier: .gregorian)
paris.timeZone = TimeZone(identifier: "Europe/Paris")!
let startsAt = Date().addingTimeInterval(-30 * 60)
let start = paris.dateComponents([.year, .month, .day, .hour, .minute], from: startsAt)
let end = paris.dateComponents([.hour, .minute], from: startsAt.addingTimeInterval(3 * 3600))
func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
let day = "\(start.year ?? 0)-\(two(start.month))-\(two(start.day))"
let slots = work.appendingPathComponent("slots.csv")
try
    "date;start;end;modules\n\(day);\(two(start.hour)):\(two((start.minute ?? 0) / 5 * 5));\(two(end.hour)):\(two((end.minute ?? 0) / 5 * 5));M1\n"
    .write(to: slots, atomically: true, encoding: .utf8)
for session in 1...(loads * sessionCount) {
    let id = "BENCH-\(session)"
    try allervers([
        "session", "plan", "AV-FOND", "--store", store, "--slots", slots.path, "--allow-partial", "--allow-holiday", "--id", id,
        "--room", "Salle \(session)", "--address", "\(session) quai Perrache, 69002 Lyon", "--trainer", "Formateur \(session)",
        "--capacity", String(perSession),
    ])
    let seats = ((session - 1) * perSession + 1...session * perSession).map { String(format: "P-%04d", $0) }
    try allervers(["session", "enrol", "--store", store, id] + seats)
}
// A past session, certified, for the certificate page.
try allervers([
    "session", "plan", "AV-FOND", "--store", store, "--start", "2026-03-12", "--id", "BENCH-PAST", "--room", "Salle passée", "--address",
    "1 quai Perrache, 69002 Lyon", "--trainer", "Claire Martin",
])
try allervers(["session", "enrol", "--store", store, "BENCH-PAST", "P-0001"])
let opened = try Stores.open(Workspace(folder: URL(fileURLWithPath: store)))
for slot in try opened.session(id: "BENCH-PAST").slots {
    try allervers(["attendance", "record", "--store", store, "BENCH-PAST", "--slot", slot.id, "--others-present"])
}
try allervers(["session", "close", "--store", store, "BENCH-PAST"])
try allervers(["certify", "--store", store, "BENCH-PAST", "--date", "2026-03-16"])
let certificate = try await CertificationService(store: opened).certificates(in: "BENCH-PAST")[0]

// The trainers open their half-days; the phones compute the code on the screen from the same secret.
let signing = SigningService(store: opened)
var windows: [SigningWindow] = []
for session in 1...(loads * sessionCount) {
    let id = "BENCH-\(session)"
    let slot = try opened.session(id: id).slots[0].id
    windows.append(
        try await signing.open(
            sessionID: id, slotID: slot, by: Account(login: "f\(session)", name: "Formateur \(session)", role: .trainer), at: Date()))
}

// MARK: The server

/// A running `allervers serve` and its port.
final class Server: @unchecked Sendable {
    let process = Process()
    let port: Int

    init() throws {
        process.executableURL = binary
        process.arguments = [
            "serve", "--port", "0", "--store", store, "--trust-proxy", "127.0.0.1", "--sign-limit", "1000000", "--verify-limit", "10000000",
        ]
        process.environment = ["LANG": "C"]
        let output = Pipe()
        process.standardOutput = output
        // What the server says on its way out (a crash's backtrace, say) is kept beside the store.
        let log = work.appendingPathComponent("server.log")
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let errors = try FileHandle(forWritingTo: log)
        _ = try errors.seekToEnd()
        process.standardError = errors
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let piece = output.fileHandleForReading.availableData
            guard !piece.isEmpty else { throw Failure(description: "the server ended before it listened") }
            line += piece
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let port = text.split(separator: ":").last.flatMap({ Int($0.prefix { $0.isNumber }) }) else {
            throw Failure(description: "no port in \(text)")
        }
        self.port = port
    }
}

/// One request from a phone behind the trusted proxy, on `connection` (`last` closes it after
/// the answer): the status and the body's bytes; `nil` when the connection fails (the server
/// was killed). The load generator shares the server's two cores: it reads the answers as
/// bytes, as `wrk` would, so that its own work weighs little on what is measured.
@Sendable func request(
    _ connection: LoopbackConnection, _ method: String, _ path: String, body: [UInt8] = [], forwardedFor: String, last: Bool = false
) -> (status: Int, body: Data)? {
    let headers = [
        ("X-Forwarded-For", forwardedFor), ("User-Agent", "allervers-bench"), ("Accept-Language", "fr"),
        ("Content-Type", "application/x-www-form-urlencoded"),
    ]
    guard let answer = try? connection.request(method: method, path: path, headers: headers, body: Data(body), last: last) else {
        return nil
    }
    return (answer.status, answer.body)
}

@Sendable func encoded(_ text: String) -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
}

/// A small drawn signature, as a phone's canvas sends it, encoded for the form once.
let signaturePNG = encoded(
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAYAAAB/qH1jAAAAEElEQVR4nGNgYGD4j4ZRBQB7pgf5fzpslgAAAABJRU5ErkJggg==")

/// The page's ticket, from its hidden field: base64url and a dot, nothing to encode for the form.
@Sendable func ticket(in page: Data) -> [UInt8]? {
    let marker = Array("name=\"ticket\" value=\"".utf8)
    guard let start = page.firstRange(of: marker)?.upperBound else { return nil }
    let value = page[start...].prefix { $0 != UInt8(ascii: "\"") }
    let plain = value.allSatisfy { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || "-_.".utf8.contains(byte)
    }
    guard plain else { return nil }
    return Array(value)
}

let server = NIOLockedValueBox(try Server())
let done = NIOLockedValueBox(0)
let latencies = NIOLockedValueBox([Double]())
let retries = NIOLockedValueBox(0)
/// After how many signatures the server is killed; 0: never.
let killAfter = NIOLockedValueBox(0)

/// Signs for `person` on the half-day of `window`, retrying until a receipt comes back.
@Sendable func sign(person: Int, window: SigningWindow, client: Int) throws {
    let participant = String(format: "P-%04d", person)
    let address = "10.0.\(client / 250).\(client % 250 + 1)"
    for _ in 0..<200 {
        let port = server.withLockedValue { $0.port }
        let began = DispatchTime.now()
        let code = signing.display(window, at: Date()).code
        // One connection for the page and the form it posts, as a phone's browser keeps it.
        guard let connection = try? LoopbackConnection(port: port),
            let page = request(connection, "GET", "/sign?code=\(code)", forwardedFor: address), page.status == 200,
            let ticket = ticket(in: page.body)
        else {
            retries.withLockedValue { $0 += 1 }
            usleep(50_000)
            continue
        }
        let form = Array("ticket=".utf8) + ticket + Array("&participant=\(participant)&signature=\(signaturePNG)&deviceTime=now".utf8)
        guard let receipt = request(connection, "POST", "/sign", body: form, forwardedFor: address, last: true), receipt.status == 200
        else {
            retries.withLockedValue { $0 += 1 }
            usleep(50_000)
            continue
        }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - began.uptimeNanoseconds) / 1_000_000
        latencies.withLockedValue { $0.append(milliseconds) }
        let count = done.withLockedValue { value -> Int in
            value += 1
            return value
        }
        // Halfway through the last run: the server is killed with SIGKILL, and started again.
        if count == killAfter.withLockedValue({ $0 }) {
            let old = server.withLockedValue { $0 }
            kill(old.process.processIdentifier, SIGKILL)
            old.process.waitUntilExit()
            let restarted = try Server()
            server.withLockedValue { $0 = restarted }
        }
        return
    }
    throw Failure(description: "\(participant) could not sign")
}

/// `clients` phones, a thread each, sign for the people of `sessions` (their windows).
func load(_ opening: [SigningWindow], firstPerson: Int, killingAfter: Int) throws -> (seconds: Double, latencies: [Double], retries: Int) {
    done.withLockedValue { $0 = 0 }
    latencies.withLockedValue { $0 = [] }
    retries.withLockedValue { $0 = 0 }
    killAfter.withLockedValue { $0 = killingAfter }
    let failures = NIOLockedValueBox([String]())
    let began = Date()
    let group = DispatchGroup()
    for client in 0..<clients {
        group.enter()
        Thread {
            var person = client
            while person < signatures {
                do {
                    try sign(person: firstPerson + person, window: opening[person / perSession], client: client)
                } catch {
                    failures.withLockedValue { $0.append("\(error)") }
                }
                person += clients
            }
            group.leave()
        }.start()
    }
    group.wait()
    let seconds = Date().timeIntervalSince(began)
    guard failures.withLockedValue({ $0.isEmpty }) else {
        throw Failure(description: failures.withLockedValue { $0.joined(separator: "\n") })
    }
    // Every signature recorded once.
    var recorded = 0
    for window in opening {
        let events = try opened.attendanceHistory(of: window.sessionID).filter { $0.evidence != nil }
        guard Set(events.map(\.mark.participantID)).count == events.count else {
            throw Failure(description: "\(window.sessionID): a signature was recorded twice")
        }
        recorded += events.count
    }
    guard recorded == signatures else { throw Failure(description: "\(recorded) signatures recorded, not \(signatures)") }
    return (seconds, latencies.withLockedValue { $0.sorted() }, retries.withLockedValue { $0 })
}

/// The CPU time the server has used so far, in seconds (user and system, from /proc): what a
/// signature costs it, steadier than the latency on a machine whose cores come and go.
func serverCPU() -> Double {
    let pid = server.withLockedValue { $0.process.processIdentifier }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let end = stat.lastIndex(of: ")")
    else { return 0 }
    let fields = stat[stat.index(after: end)...].split(separator: " ")
    // After the command's name: state is field 3, utime 14 and stime 15 (man 5 proc).
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
}

var roundsP99: [Double] = []
for round in 0..<rounds {
    let cpuBefore = serverCPU()
    let measured = try load(
        Array(windows[round * sessionCount..<(round + 1) * sessionCount]), firstPerson: 1 + round * perSession * sessionCount,
        killingAfter: 0)
    let cpuPerSignature = (serverCPU() - cpuBefore) * 1000 / Double(signatures)
    roundsP99.append(percentile(measured.latencies, 0.99))
    print(
        "Round \(round + 1): \(signatures) signatures by \(clients) phones across \(sessionCount) sessions in "
            + String(
                format: "%.2f s (%.0f a second): latency of a signature (page + POST) p50 %.1f ms, p99 %.1f ms; server CPU %.2f ms each",
                measured.seconds, Double(signatures) / measured.seconds, percentile(measured.latencies, 0.5), roundsP99[round],
                cpuPerSignature))
}
let killed = try load(
    Array(windows.suffix(sessionCount)), firstPerson: 1 + rounds * perSession * sessionCount, killingAfter: signatures / 2)
let verified = try allervers(["verify", "--store", store])
print(
    "\(signatures) more, the server killed with SIGKILL after \(signatures / 2) and restarted: \(killed.retries) retries, "
        + "each signature recorded once")
print(verified, terminator: "")
print(String(format: "RESULT signing-p99-ms %.3f", roundsP99.sorted()[rounds / 2]))
let port = server.withLockedValue { $0.port }
print("RESULT verify-url http://127.0.0.1:\(port)/verify/\(certificate.number)?code=\(certificate.verificationCode)")
