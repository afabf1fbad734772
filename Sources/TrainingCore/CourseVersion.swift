/// The version of a course programme: dot-separated whole numbers such as `1`, `2.1` or `2026.3`.
///
/// Versions order numerically, component by component (`1.10` comes after `1.9`), so
/// that the latest version of a course is well defined.
public struct CourseVersion: Sendable, Hashable, Comparable, TextCoded {
    /// The numeric components, most significant first.
    public let components: [Int]

    /// Parses a version such as `2.1`; `nil` for anything else, including leading zeros
    /// (`1.02`), which would make two spellings of the same version.
    public init?(_ text: String) {
        self.init(parsing: text)
    }

    /// Parses a version from any string-like text.
    public init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var components: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 9, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                part == "0" || part.first != "0", let value = Int(part)
            else { return nil }
            components.append(value)
        }
        self.components = components
    }

    public var description: String { components.map(String.init).joined(separator: ".") }

    public static func < (lhs: CourseVersion, rhs: CourseVersion) -> Bool {
        for (left, right) in zip(lhs.components, rhs.components) where left != right {
            return left < right
        }
        return lhs.components.count < rhs.components.count
    }

}
