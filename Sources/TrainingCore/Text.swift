import Foundation

/// The language the tool speaks to its user: messages, table headers, errors and help.
/// Documents have their own language (French by law, English on request), chosen per
/// document, not by the user's locale.
public enum Language: String, Sendable, Hashable, CaseIterable {
    /// English, the language the texts are written in in the code.
    case en
    /// French, from the catalogue in `Catalogue+French.swift`.
    case fr

    /// The language the environment asks for, read as POSIX does: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`, the first that is set and not empty. French when it names
    /// French (`fr`, `fr_FR.UTF-8`, `fr_BE`…), English otherwise (`C`, `en_GB`, unset).
    public static func asked(by environment: [String: String]) -> Language {
        let setting = localeVariables.lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        guard let setting else { return .en }
        let code = setting.prefix { $0.isLetter }.lowercased()
        return code == "fr" ? .fr : .en
    }

    /// The environment's variables that name the language, the first set one deciding.
    public static let localeVariables = ["LC_ALL", "LC_MESSAGES", "LANG"]

    /// The language of the current task: English unless a task binds another, as the
    /// `allervers` executable does with the environment's and tests do to see a command in
    /// both languages.
    @TaskLocal public static var current: Language = .en
}

/// A text shown to the user, written in English in the code and rendered in the current
/// language. The English text, with `{}` where a value goes, is the key the French catalogue
/// is looked up with, as gettext does: `"No match for \"\(words)\"."` has the key
/// `No match for "{}".`, which the catalogue gives as `Aucun résultat pour « {} ».`. A
/// translation names its values `{1}`, `{2}`… when it takes them in another order.
///
/// A value that is itself a `Text` is rendered in the same language as the text around it.
public struct Text: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The English text with `{}` for each value: the catalogue's key.
    public let key: String
    /// The values, in the order they appear in the English text.
    let values: [Value]

    enum Value: Sendable, Hashable {
        case plain(String)
        case text(Text)
    }

    public init(stringLiteral value: String) {
        key = value
        values = []
    }

    public init(stringInterpolation: Interpolation) {
        key = stringInterpolation.key
        values = stringInterpolation.values
    }

    /// A text given whole, for where a `String` is expected: `Text("\(count) records").description`.
    public init(_ text: Text) {
        self = text
    }

    /// A text shown as it is, in every language: a name, a value read from a file.
    public init(verbatim text: String) {
        key = "{}"
        values = [.plain(text)]
    }

    /// A text a library wrote in English, known by its key and the values found in it.
    public init(key: String, values: [String]) {
        self.key = key
        self.values = values.map(Value.plain)
    }

    public struct Interpolation: StringInterpolationProtocol {
        var key = ""
        var values: [Value] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            key.reserveCapacity(literalCapacity + 2 * interpolationCount)
            values.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            key += literal
        }

        public mutating func appendInterpolation(_ text: Text) {
            key += "{}"
            values.append(.text(text))
        }

        public mutating func appendInterpolation(_ value: some Any) {
            key += "{}"
            values.append(.plain(String(describing: value)))
        }
    }

    /// Told of every key the French catalogue lacks as texts are rendered: tests bind it to
    /// see that what a command prints is all in the catalogue.
    @TaskLocal public static var missing: (@Sendable (String) -> Void)?

    /// The text in the current language.
    public var description: String { rendered(in: .current) }

    /// Texts are equal when they read the same: `"course \(id) is required"` is the text
    /// `"course FOND is required"`.
    public static func == (lhs: Text, rhs: Text) -> Bool {
        lhs.rendered(in: .en) == rhs.rendered(in: .en)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rendered(in: .en))
    }

    /// The text in `language`: its catalogue entry with the values put in, or the English
    /// text when the catalogue has no entry (``missing`` is told, which the CLI's French
    /// runs in the tests require never happens).
    public func rendered(in language: Language) -> String {
        var template = key
        if language == .fr {
            if let french = Text.french[key] {
                template = french
            } else if let missing = Text.missing, key.contains(where: \.isLetter) {
                missing(key)
            }
        }
        // A byte search: `contains("{")` with Foundation imported is NSString's search under a
        // locale, 12 of the 78 ms `organisation show` took to start (help texts render as it parses).
        if values.isEmpty, !template.utf8.contains(UInt8(ascii: "{")) { return template }
        let rendered = values.map { value -> String in
            switch value {
            case .plain(let text): text
            case .text(let text): text.rendered(in: language)
            }
        }
        return Text.fill(template, with: rendered)
    }

    /// Puts values into a template: `{}` takes the next value, `{2}` the second.
    static func fill(_ template: String, with values: [String]) -> String {
        var result = ""
        var next = 0
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}"), after[..<close].allSatisfy(\.isASCIIDigit) else {
                result += "{"
                rest = after
                continue
            }
            let number = after[..<close]
            let index = number.isEmpty ? next : (Int(number) ?? 0) - 1
            if number.isEmpty { next += 1 }
            result += values.indices.contains(index) ? values[index] : ""
            rest = after[after.index(after: close)...]
        }
        return result + rest
    }

    /// The places a template puts values in: `{}`, `{1}`, `{2}`…, in order.
    public static func placeholders(in template: String) -> [String] {
        var found: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), after[..<close].allSatisfy(\.isASCIIDigit) {
                found.append("{\(after[..<close])}")
                rest = after[after.index(after: close)...]
            } else {
                rest = after
            }
        }
        return found
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// `1 course`, `3 courses`; `1 formation`, `0 formation`, `3 formations`: French counts 0 and
/// 1 as one, English only 1. `many` is the plural when adding an "s" is wrong in a language.
public func counted(_ count: Int, _ one: Text, _ many: Text? = nil) -> Text {
    let language = Language.current
    let single = language == .fr ? count <= 1 : count == 1
    if single { return "\(count) \(one)" }
    if let many { return "\(count) \(many)" }
    return Text(verbatim: "\(count) \(one.rendered(in: language))s")
}

/// An error whose message is a ``Text``, so that it reads in the user's language.
public protocol TextError: Error, CustomStringConvertible {
    /// What went wrong, in words.
    var text: Text { get }
}

extension TextError {
    public var description: String { text.description }
}

extension Text {
    /// Two texts one after the other, each rendered from its own catalogue entry: an
    /// optional clause added to a sentence.
    public static func + (lhs: Text, rhs: Text) -> Text {
        "\(lhs)\(rhs)"
    }
}

extension Sequence<Text> {
    /// The texts one after the other with `separator` between them.
    public func joined(separator: Text) -> Text {
        var key = ""
        var values: [Text.Value] = []
        for (index, text) in enumerated() {
            if index > 0 {
                key += "{}"
                values.append(.text(separator))
            }
            key += "{}"
            values.append(.text(text))
        }
        return Text(key: key, textValues: values)
    }
}

extension Text {
    fileprivate init(key: String, textValues: [Value]) {
        self.key = key
        self.values = textValues
    }
}
