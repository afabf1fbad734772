import Foundation
import TrainingCore

/// A JSON value of a signed statement (a certificate's QR statement, its Open Badges
/// credential, a status list, a PDF's seal, a JWS header) or of an xAPI statement, built as
/// Swift values and written as UTF-8 with its objects' keys sorted.
///
/// These statements were written by `JSONSerialization` with `.sortedKeys` until a year's
/// certificates showed the cost: bridging each dictionary to `NSDictionary`, dynamic casts on
/// every value and a locale-aware sort of every object's keys took 40 % of certifying. The
/// keys come out in the order `.sortedKeys` gave them (see ``precedes(_:_:)``; an object of one
/// member, an xAPI language map, may have any key), so a statement
/// is the same bytes as before; strings are escaped by ``TrainingCore/JSONWriter``, which differs
/// from `JSONSerialization` only in writing a backspace and a form feed as `\u0008` and `\u000c`.
enum JSONValue: Sendable, ExpressibleByStringInterpolation, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    case string(String)
    case integer(Int)
    /// A number with a fraction, written as `JSONSerialization` wrote it: Swift's shortest
    /// form (`0.85`), without `.0` when whole.
    case number(Double)
    case bool(Bool)
    case array([JSONValue])
    /// An object's members, in the order given; written sorted by key.
    case object([(key: String, value: JSONValue)])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        assert(Set(elements.map(\.0)).count == elements.count, "a key written twice in one object")
        self = .object(elements.map { (key: $0.0, value: $0.1) })
    }

    /// An array of strings.
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// The member `key` of an object: setting it adds the member, or replaces its value.
    subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let members) = self else { return nil }
            return members.first { $0.key == key }?.value
        }
        set {
            guard case .object(var members) = self else { preconditionFailure("a member of a JSON value that is not an object") }
            members.removeAll { $0.key == key }
            if let newValue { members.append((key, newValue)) }
            self = .object(members)
        }
    }

    /// The value as UTF-8 JSON.
    var data: Data {
        var writer = JSONWriter()
        write(to: &writer)
        return Data(writer.bytes)
    }

    func write(to writer: inout JSONWriter) {
        switch self {
        case .string(let value): writer.string(value)
        case .integer(let value): writer.integer(value)
        case .number(let value):
            // Foundation's rule: Swift's shortest form without a trailing `.0`; it refused NaN and infinity.
            precondition(value.isFinite, "a JSON number is finite")
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            writer.literal(text)
        case .bool(let value): writer.bool(value)
        case .array(let elements): writer.array { writer in for element in elements { element.write(to: &writer) } }
        case .object(let members):
            writer.object { writer in
                for member in members.sorted(by: { Self.precedes($0.key, $1.key) }) {
                    writer.key(member.key)
                    member.value.write(to: &writer)
                }
            }
        }
    }

    /// Whether key `a` comes before key `b` in the order of `JSONSerialization`'s `.sortedKeys`,
    /// for keys of ASCII letters, digits and `@`: letters compared without case, `@` before
    /// digits before letters, a prefix before the longer key, and between keys equal but for
    /// case, lowercase first at the first letter that differs. `.sortedKeys` compares runs of
    /// digits as numbers; here they compare digit by digit, the same when the runs are of one
    /// length (`sha256`). Any other byte orders by its value, after the letters: only objects of
    /// one member have such a key (an xAPI language map, an extension).
    static func precedes(_ a: String, _ b: String) -> Bool {
        func rank(_ byte: UInt8) -> Int {
            switch byte {
            case UInt8(ascii: "@"): 0
            case UInt8(ascii: "0")...UInt8(ascii: "9"): 1 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): 11 + Int(byte - UInt8(ascii: "a"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): 11 + Int(byte - UInt8(ascii: "A"))
            default: 100 + Int(byte)
            }
        }
        let a = a.utf8
        let b = b.utf8
        for (x, y) in zip(a, b) where rank(x) != rank(y) { return rank(x) < rank(y) }
        if a.count != b.count { return a.count < b.count }
        for (x, y) in zip(a, b) where x != y { return x > y }  // equal but for case: lowercase (the larger byte) first
        return false
    }
}
