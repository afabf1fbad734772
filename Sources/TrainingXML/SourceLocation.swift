import Foundation
public import TrainingCore

/// A place in a file: its path, a line and, where the XML parser gives one, a column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file's path as the user gave it.
    public var path: String
    /// The line, counted from 1; 0 when the problem is about the whole file.
    public var line: Int
    /// The column, counted from 1, when known.
    public var column: Int?

    /// Creates a location.
    public init(path: String, line: Int, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`, `path:line` or `path`, as compilers and editors print them.
    public var description: String {
        guard line > 0 else { return path }
        guard let column, column > 0 else { return "\(path):\(line)" }
        return "\(path):\(line):\(column)"
    }
}

/// Why a course file was refused: where, and what is wrong, in one sentence.
public struct CourseImportError: TextError, Sendable, Hashable {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, as one sentence without a final period.
    public var message: Text

    /// Creates an error.
    public init(_ location: SourceLocation, _ message: Text) {
        self.location = location
        self.message = message
    }

    /// `FILE:LINE:COLUMN: message`.
    public var text: Text { "\(location): \(message)" }
}

extension SourceLocation {
    /// Where `text` stands on line `line` of the file at `path`, to the column: for a
    /// problem found in a value after the parser has moved on. Reads the file up to that
    /// line, so only for messages. Without the text on that line, the line alone.
    static func locating(_ text: String, onLine line: Int, in path: String) -> SourceLocation {
        var location = SourceLocation(path: path, line: line)
        guard line > 0, !text.isEmpty, let file = fopen(path, "r") else { return location }
        defer { fclose(file) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var number = 0
        while getline(&buffer, &capacity, file) >= 0 {
            number += 1
            guard number == line, let buffer else { continue }
            let content = String(cString: buffer)
            if let range = content.range(of: text) {
                location.column = content.unicodeScalars[..<range.lowerBound].count + 1
            }
            break
        }
        return location
    }
}
