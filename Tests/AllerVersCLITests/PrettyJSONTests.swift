import Foundation
import Testing

@testable import AllerVersCLI

/// What the commands print as JSON is what Foundation's JSONEncoder writes, byte for byte.
@Suite struct PrettyJSONTests {
    static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func ours(_ value: some Encodable) throws -> String {
        String(decoding: try PrettyJSON.encode(value), as: UTF8.self)
    }

    /// Expects the same text from both, and shows the first line that differs.
    static func same(_ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (ours, theirs) = (try ours(value), try foundation(value))
        let difference = zip(ours.split(separator: "\n"), theirs.split(separator: "\n")).first { $0 != $1 }
        #expect(
            ours == theirs, "ours \(difference.map { "\($0.0) / JSONEncoder \($0.1)" } ?? "differs in length")",
            sourceLocation: sourceLocation)
    }

    enum Kind: String, Codable { case present, absent }

    struct Inner: Codable {
        var id: String
        var minutes: Int
        var reasons: [String]
        var kind: Kind
    }

    struct Everything: Codable {
        var text: String
        var numbers: [Int]
        var doubles: [Double]
        var flag: Bool
        var missing: String?
        var present: String?
        var nulls: [Int?]
        var empty: [Inner]
        var emptyObject: [String: Int]
        var keyed: [String: Int]
        var day: Date
        var link: URL
        var rows: [[String: String]]
        var inner: Inner
        var nested: [String: [Inner]]
    }

    @Test func writesWhatJSONEncoderWrites() throws {
        let inner = Inner(id: "P-0001", minutes: 840, reasons: [], kind: .present)
        let value = Everything(
            text: "quote \" backslash \\ slash / line\nfeed\ttab\r\u{01}\u{1F} é ✓ 🙂", numbers: [0, -3, Int.max, Int.min],
            doubles: [0.1, 1.0, -2.5, 1e21, 123456.789, 0.000001], flag: true, missing: nil, present: "là", nulls: [1, nil, 3],
            empty: [], emptyObject: [:],
            keyed: [
                "a10": 1, "a9": 2, "a1": 3, "B": 4, "b": 5, "_x": 6, "S-2025-010": 7, "S-2025-9": 8, "é": 9, "e": 10, "a": 11, "a0": 12,
            ],
            day: Date(timeIntervalSince1970: 1_773_308_400), link: try #require(URL(string: "https://example.org/verify/AV-1?code=x")),
            rows: [["participant": "P-0002", "attendedMinutes": "630"], [:]], inner: inner,
            nested: ["S-2025-001": [inner, Inner(id: "P-0010", minutes: 0, reasons: ["absent", "sans \"feuille\""], kind: .absent)]])
        try Self.same(value)
        // Top-level values of every kind.
        try Self.same("seul")
        try Self.same([Int]())
        try Self.same([inner])
        // Rows of text, as `attendance hours` and the lists print them.
        try Self.same([["participant": "P-0002", "attendedMinutes": "630", "é": "x\"y\n", "e": ""], [:], ["b": "1", "a": "2"]])
        try Self.same(["b": "1", "a": "2", "S-10": "/", "S-9": "\u{1}"])
    }

    /// Keys of letters, digits and signs in any order come out in JSONEncoder's order.
    @Test func sortsKeysAsJSONEncoderDoes() throws {
        var generator = SplitMix(seed: 17)
        let alphabet = Array("aAbZ0123456789-_ é.")
        for _ in 0..<200 {
            var keyed: [String: [Int]] = [:]
            for value in 0..<Int.random(in: 1...12, using: &generator) {
                let length = Int.random(in: 0...8, using: &generator)
                keyed[String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })] = [value]
            }
            try Self.same(keyed)
        }
    }

    /// A type encoded by hand: a key twice, nested containers, a superclass's encoder, and the
    /// values JSONEncoder writes its own way.
    struct ByHand: Encodable {
        enum Keys: String, CodingKey { case a, b, inner, list }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .a)
            try container.encode(2, forKey: .a)
            var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            try inner.encode("x", forKey: .b)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(Float(0.1))
            try list.encode(Float(2.5))
            try list.encode(Data([1, 2, 250]))
            try list.encode(Decimal(string: "12.50"))
            var inList = list.nestedContainer(keyedBy: Keys.self)
            try inList.encode(true, forKey: .b)
            var parent = container.superEncoder().singleValueContainer()
            try parent.encode("parent")
        }
    }

    @Test func writesContainersByHandAsJSONEncoderDoes() throws {
        try Self.same(ByHand())
        // An accent as a combining mark sorts by its bytes, not as the accented letter.
        try Self.same(["e\u{301}x": 1, "f": 2, "\u{e9}": 3, "e": 4])
    }

    @Test func refusesWhatJSONCannotHold() {
        #expect(throws: EncodingError.self) { try PrettyJSON.encode([Double.nan]) }
    }
}

/// A small seeded generator: the same keys on every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
