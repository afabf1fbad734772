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

/// Finds the columns of values in one file, for a problem found in a value after the parser
/// has moved on. Lines are asked in increasing order: it reads on from where it stopped, so
/// the warnings of a whole file cost one more read of it.
final class ColumnFinder {
    private let opened: String
    private let path: String
    private var file: UnsafeMutablePointer<FILE>?
    private var buffer: UnsafeMutablePointer<CChar>?
    private var capacity = 0
    private var lineNumber = 0
    private var triedOpening = false

    /// A finder over the file at `opened`, named `path` in messages.
    init(opening opened: String, shownAs path: String) {
        self.opened = opened
        self.path = path
    }

    deinit {
        free(buffer)
        if let file { fclose(file) }
    }

    /// Where `text` stands on line `line`; the line alone when it is not there, or when the
    /// line was asked before.
    func locating(_ text: String, onLine line: Int) -> SourceLocation {
        var location = SourceLocation(path: path, line: line)
        if !triedOpening {
            triedOpening = true
            file = fopen(opened, "re")
        }
        guard line > 0, !text.isEmpty, let file else { return location }
        if lineNumber == line, let buffer {
            return column(of: text, in: buffer, location)
        }
        while lineNumber < line, getline(&buffer, &capacity, file) >= 0 {
            lineNumber += 1
        }
        guard lineNumber == line, let buffer else { return location }
        location = column(of: text, in: buffer, location)
        return location
    }

    private func column(of text: String, in buffer: UnsafeMutablePointer<CChar>, _ location: SourceLocation) -> SourceLocation {
        var location = location
        let content = String(cString: buffer)
        if let range = content.range(of: text) {
            location.column = content.unicodeScalars[..<range.lowerBound].count + 1
        }
        return location
    }
}
