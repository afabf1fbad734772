public import Foundation

/// Runs a program, with `input` on its standard input when given, and returns its exit
/// status and standard output and error together.
public func execute(
    _ program: URL, _ arguments: [String], input: String? = nil, in directory: URL? = nil, environment: [String: String]? = nil
) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    let stdin = Pipe()
    if input != nil { process.standardInput = stdin }
    try process.run()
    if let input {
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
    }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Why a request to the loopback got no answer.
public struct LoopbackError: Error, CustomStringConvertible {
    public let description: String
}

/// One HTTP/1.1 request to a server on the loopback, over a fresh connection closed after it
/// (blocking: call it off the cooperative pool): the status, the head and the body, read up to
/// its `Content-Length` when the answer gives one. Waits `timeout` seconds at most for bytes.
public func loopbackRequest(
    port: Int, method: String = "GET", path: String, headers: [(String, String)] = [], body: Data = Data(), timeout: Int = 10
) throws -> (status: Int, head: String, body: Data) {
    try LoopbackConnection(port: port, timeout: timeout).request(method: method, path: path, headers: headers, body: body, last: true)
}

/// A connection to a server on the loopback that several requests take in turn, as a
/// browser keeps one open between a page and the form it posts (blocking: call it off the
/// cooperative pool). Closed when released.
public final class LoopbackConnection {
    private let descriptor: Int32
    private let port: Int
    private let timeout: Int

    public init(port: Int, timeout: Int = 10) throws {
        self.port = port
        self.timeout = timeout
        // The socket is the connection's only once it is connected: an initialiser that
        // throws after setting every property also runs `deinit`, whose close would then close
        // the number a second time, by then perhaps another thread's pipe or socket (tests
        // poll a server that is still starting while other suites open files).
        let opened = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard opened >= 0 else { throw LoopbackError(description: "no socket") }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(opened, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(opened, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(opened)
            throw LoopbackError(description: "nothing listens on port \(port)")
        }
        descriptor = opened
    }

    deinit { close(descriptor) }

    /// Where the blank line that ends the head starts, without a copy per position (the load
    /// generator shares its cores with the server it measures).
    private static func headEnd(in answer: [UInt8], _ separator: [UInt8]) -> Int? {
        guard answer.count >= separator.count else { return nil }
        for start in 0...(answer.count - separator.count) where answer[start] == separator[0] {
            if answer[start..<start + separator.count].elementsEqual(separator) { return start }
        }
        return nil
    }

    /// A request, and its answer read whole: up to its `Content-Length`, or until the server
    /// closes (an answer without a length on a kept connection, chunked, waits for the
    /// timeout). `last`: the request asks the server to close the connection after answering.
    public func request(
        method: String = "GET", path: String, headers: [(String, String)] = [], body: Data = Data(), last: Bool = false
    ) throws -> (status: Int, head: String, body: Data) {
        let lines =
            ["\(method) \(path) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: \(last ? "close" : "keep-alive")"]
            + headers.map { "\($0.0): \($0.1)" } + (body.isEmpty && method == "GET" ? [] : ["Content-Length: \(body.count)"])
        let request = Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw LoopbackError(description: "cannot send to port \(port)") }
            sent += count
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let separator = Array("\r\n\r\n".utf8)
        var end: Int?
        var length: Int?
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 { throw LoopbackError(description: "no answer from port \(port) in \(timeout) s") }
            if count == 0 { break }
            answer += buffer[0..<count]
            if end == nil, let found = Self.headEnd(in: answer, separator) {
                end = found
                let head = String(decoding: answer[..<found], as: UTF8.self).lowercased()
                length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }.flatMap {
                    Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
                }
            }
            // Done once the body announced is all here.
            if let end, let length, answer.count >= end + 4 + length { break }
        }
        guard let end else { throw LoopbackError(description: "no answer from port \(port)") }
        let head = String(decoding: answer[..<end], as: UTF8.self)
        let statusLine = head.split(separator: " ", maxSplits: 2)
        let bodyEnd = length.map { min(answer.count, end + 4 + $0) } ?? answer.count
        return (statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0, head, Data(answer[(end + 4)..<bodyEnd]))
    }
}
