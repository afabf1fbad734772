/// A value written as text in files and JSON (`2026-03-12`, `09:00`, `1.2`): it encodes as
/// its `description` and decodes through `init?(_:)`, refusing text that does not parse.
public protocol TextCoded: Codable, CustomStringConvertible {
    /// Parses the text form; `nil` when the text is not one.
    init?(_ text: String)
}

extension TextCoded {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Not a \(Self.self): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
