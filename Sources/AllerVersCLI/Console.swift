import Foundation
public import TrainingCore

/// Where commands print. Standard output by default; tests bind their own within a task.
public struct Console: Sendable {
    /// The console of the current task.
    @TaskLocal public static var current = Console { text in
        write(text, to: .standardOutput)
    }

    private let sink: @Sendable (String) -> Void
    private let errors: @Sendable (String) -> Void

    /// A console that hands every printed text to `sink`, and what goes to standard error
    /// (notes beside the output, such as the encoding a file was read in) to `errors`.
    public init(_ sink: @escaping @Sendable (String) -> Void, errors: (@Sendable (String) -> Void)? = nil) {
        self.sink = sink
        self.errors = errors ?? { Console.write($0, to: .standardError) }
    }

    /// Writes `text` to `handle`. A reader gone away (a server whose log pipe was closed) loses
    /// the text rather than stopping the process; any other failure (a full disk) is said on
    /// standard error, and the process ends with status 1.
    static func write(_ text: String, to handle: FileHandle) {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch let error as NSError {
            let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
            if underlying?.domain == NSPOSIXErrorDomain && underlying?.code == Int(EPIPE) { return }
            if handle === FileHandle.standardError { Foundation.exit(1) }
            AllerVers.exit(after: CLIError("cannot write the output: \(underlying?.localizedDescription ?? error.localizedDescription)"))
        }
    }

    /// Prints one line on standard error.
    func note(_ text: String) {
        errors(text + "\n")
    }

    /// Prints one line.
    func line(_ text: String = "") {
        sink(text + "\n")
    }

    /// Prints text as it is.
    func write(_ text: String) {
        sink(text)
    }
}

/// Prints one line, in the user's language.
func say(_ text: Text = "") {
    Console.current.line(text.description)
}

/// Prints a line as it is: a value, a document's text, JSON.
func say(verbatim text: String) {
    Console.current.line(text)
}

/// Prints a line on standard error: a note beside the output, not an error.
func sayError(_ text: Text) {
    Console.current.note(text.description)
}

/// Prints rows as aligned columns under a header in the user's language.
func printTable(header: [Text], rows: [[String]]) {
    printColumns([header.map(\.description)] + rows)
}

/// Prints pairs of a label and a value, the labels aligned.
func printFields(_ fields: [(Text, String)]) {
    printColumns(fields.map { [$0.0.description, $0.1] })
}

/// Prints rows as aligned columns.
private func printColumns(_ rows: [[String]]) {
    guard let header = rows.first else { return }
    var widths = header.map(\.count)
    for row in rows {
        for (index, cell) in row.enumerated() where index < widths.count {
            widths[index] = max(widths[index], cell.count)
        }
    }
    // One write for the whole table: a line at a time was a system call per row (10,000 for
    // a year's participants).
    var table = ""
    for row in rows {
        for (index, cell) in row.enumerated() {
            table += cell
            if index < row.count - 1 { table += String(repeating: " ", count: widths[index] - cell.count + 2) }
        }
        table += "\n"
    }
    Console.current.write(table)
}

/// Prints a value as pretty JSON with sorted keys, so that scripts and diffs see stable output.
/// (``PrettyJSON`` writes what JSONEncoder would, faster.)
func printJSON(_ value: some Encodable) throws {
    say(verbatim: String(decoding: try PrettyJSON.encode(value), as: UTF8.self))
}

/// A progress bar on standard error when it is a terminal; silence in a pipe or a file.
final class ProgressBar {
    private let total: Int
    private let label: String
    private var done = 0
    private let visible = ProgressBar.isVisible

    /// Whether a bar shows: standard error is a terminal.
    static var isVisible: Bool { isatty(STDERR_FILENO) == 1 }

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    /// One more item done.
    func note(_ item: String) {
        done += 1
        guard visible else { return }
        let width = 30
        let filled = total == 0 ? width : min(width, done * width / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Console.write("\r\(label) \(bar) \(done)/\(total) \(item)\u{1B}[K", to: .standardError)
    }

    /// Clears the bar.
    func finish() {
        guard visible else { return }
        Console.write("\r\u{1B}[K", to: .standardError)
    }
}
