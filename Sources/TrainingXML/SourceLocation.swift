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
