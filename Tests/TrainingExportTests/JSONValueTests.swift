import Foundation
import Testing

@testable import TrainingExport

/// The signed statements are written by ``JSONValue``; they were written by `JSONSerialization`
/// with sorted keys, and must come out the same bytes.
@Suite struct JSONValueTests {
    /// Objects of random keys (letters in both cases, `@`, a last digit, the statements' own keys), nested,
    /// with strings of every kind but a backspace or a form feed, come out as Foundation
    /// writes them.
    @Test func writesWhatJSONSerializationWrites() throws {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefgHIJKLMxyzXYZ@")
        let statementKeys = [
            "@context", "id", "iss", "jti", "nbf", "exp", "sub", "sha256", "type", "Type", "validFrom", "validUntil", "identifier",
            "identityHash", "identityType", "resultDescription", "resultType", "credentialStatus", "credentialSubject",
        ]
        let strings = ["", "plain", "é à ç", "quote \" backslash \\ slash /", "line\nbreak\ttab\rreturn", "\u{1}\u{1f}", "😀 \u{2028}"]
        // Keys may end with one digit (`sha256` ends with a run of them): `.sortedKeys` compares
        // runs of digits as numbers, JSONValue digit by digit, the same for runs of one length.
        func key() -> String {
            if Bool.random(using: &random) { return statementKeys.randomElement(using: &random)! }
            let letters = String((0..<Int.random(in: 1...6, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            return Int.random(in: 0..<4, using: &random) == 0 ? letters + String(Int.random(in: 0...9, using: &random)) : letters
        }
        func value(depth: Int) -> (JSONValue, Any) {
            switch Int.random(in: 0..<(depth < 3 ? 6 : 4), using: &random) {
            case 0:
                let text = strings.randomElement(using: &random)!
                return (.string(text), text)
            case 1:
                let number = Int.random(in: -100_000...2_000_000_000, using: &random)
                return (.integer(number), number)
            case 2:
                let flag = Bool.random(using: &random)
                return (.bool(flag), flag)
            case 3:
                let text = key()
                return (.string(text), text)
            case 4:
                let elements = (0..<Int.random(in: 0...3, using: &random)).map { _ in value(depth: depth + 1) }
                return (.array(elements.map(\.0)), elements.map(\.1))
            default:
                var ours: JSONValue = [:]
                var theirs: [String: Any] = [:]
                for _ in 0..<Int.random(in: 0...8, using: &random) {
                    let (name, (mine, foundation)) = (key(), value(depth: depth + 1))
                    ours[name] = mine
                    theirs[name] = foundation
                }
                return (ours, theirs)
            }
        }
        for _ in 0..<500 {
            var ours: JSONValue = [:]
            var theirs: [String: Any] = [:]
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                let (name, (mine, foundation)) = (key(), value(depth: 0))
                ours[name] = mine
                theirs[name] = foundation
            }
            let expected = try JSONSerialization.data(withJSONObject: theirs, options: [.sortedKeys, .withoutEscapingSlashes])
            #expect(String(decoding: ours.data, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }

    /// Setting a member twice keeps the last value, once; a backspace and a form feed are
    /// escaped as code points.
    @Test func aMemberSetAgainIsReplacedAndControlCharactersAreEscaped() {
        var object: JSONValue = ["b": 1, "a": "x"]
        object["b"] = "two"
        object["c"] = ["\u{8}\u{c}"]
        #expect(String(decoding: object.data, as: UTF8.self) == #"{"a":"x","b":"two","c":["\u0008\u000c"]}"#)
        #expect(object["b"].map { String(decoding: $0.data, as: UTF8.self) } == #""two""#)
    }

    /// Numbers with a fraction (an xAPI score's `scaled`) are written as Foundation wrote them.
    @Test func numbersAreWrittenAsJSONSerializationWroteThem() throws {
        // Every scaled score there can be (k / 100), and a few others.
        let scaled: [Double] = (0...100).map { (Double($0) / 100 * 100).rounded() / 100 }
        let others: [Double] = [-2, 12.25, 1e-3, 9.0e15 + 2, -0.0]
        for value in scaled + others {
            let expected = try JSONSerialization.data(withJSONObject: ["n": value], options: [.sortedKeys])
            #expect(
                String(decoding: JSONValue.object([("n", .number(value))]).data, as: UTF8.self) == String(decoding: expected, as: UTF8.self)
            )
        }
    }
}
