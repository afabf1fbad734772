public import ArgumentParser
import Foundation
public import TrainingCore

/// A text in the user's language where ArgumentParser takes a string: a command's abstract
/// or discussion.
func tr(_ text: Text) -> String {
    text.description
}

/// An option's or argument's help in the user's language.
func tr(_ text: Text, valueName: String? = nil) -> ArgumentHelp {
    ArgumentHelp(text.description, valueName: valueName)
}

extension AllerVers {
    /// What the `allervers` executable does: runs the process's command line in the language
    /// the environment asks for, prints what ended it and exits with its status.
    public static func runProcess() async {
        // Only the variables that name the language are read: `ProcessInfo.environment` would
        // copy the whole environment into a dictionary on every start (about 0.4 ms of the
        // 11 ms a command takes to start, issue 17).
        let locale = Language.localeVariables.reduce(into: [String: String]()) { found, name in
            if let value = getenv(name) { found[name] = String(cString: value) }
        }
        await Language.$current.withValue(Language.asked(by: locale)) {
            do {
                try await run()
            } catch {
                exit(after: error)
            }
        }
    }

    /// What to print for an error that ended a command and the status to exit with: the
    /// help, a usage error or an ordinary error, in the user's language.
    public static func failure(_ error: any Error) -> (message: String, status: ExitCode) {
        (ArgumentParserText.rendered(fullMessage(for: error)), exitCode(for: error))
    }

    /// The error's message alone, without the usage lines, in the user's language.
    public static func failureMessage(_ error: any Error) -> String {
        ArgumentParserText.rendered(message(for: error))
    }

    /// Prints what ended a command — the help on standard output, an error on standard
    /// error — and exits with its status, as ArgumentParser's `exit(withError:)` does, but in
    /// the user's language.
    public static func exit(after error: any Error) -> Never {
        let (message, status) = failure(error)
        if status == .success {
            if !message.isEmpty { print(message) }
        } else if !message.isEmpty {
            Console.write(message + "\n", to: .standardError)
        }
        Foundation.exit(status.rawValue)
    }
}

/// The texts ArgumentParser writes itself — the headings and fixed lines of the help, its
/// usage errors — given in French when the user reads French. They are written here as the
/// library writes them, so the catalogue holds their translation like any other text; the
/// catalogue test checks they still match the library's.
enum ArgumentParserText {
    /// Whole lines of the help and of usage errors, matched with their values in `{}`.
    static let lines: [Text] = [
        "  See '{}' for detailed help.",
        "  See '{} --help' for more information.",
        "Missing expected argument '{}'",
        "Missing one of: '{}'",
        "Missing value for '{}'",
        "Unknown option '{}'",
        "Unknown option '{}'. Did you mean '{}'?",
        "Unexpected argument '{}'",
        "{} unexpected arguments: '{}'",
        "The value '{}' is invalid for '{}': {}",
        "The value '{}' is invalid for '{}'",
        "The option '{}' does not take any value, but '{}' was specified.",
        "Value to be set with {} had already been set with {}",
    ]

    /// Headings and labels at the start of a line, with what they become.
    static let prefixes: [Text] = ["OVERVIEW: ", "USAGE: ", "Usage: ", "Error: ", "Help:  ", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:"]

    /// Texts inside a line: the help option's and subcommand's help, an option's default and
    /// allowed values.
    static let inner: [Text] = ["Show help information.", "Show subcommand help information.", "(default)"]

    /// Labels an option's default and allowed values start with, which the help may wrap
    /// after their colon.
    static let labels: [Text] = ["(default:", "(values:", "; default:"]

    /// `text`, written by ArgumentParser in English, in the current language.
    static func rendered(_ text: String, in language: Language = .current) -> String {
        guard language != .en else { return text }
        var text = text
        for label in labels {
            let pattern = NSRegularExpression.escapedPattern(for: label.key) + #"(\s)"#
            let french = NSRegularExpression.escapedTemplate(for: label.rendered(in: language))
            text = text.replacingOccurrences(of: pattern, with: french + "$1", options: .regularExpression)
        }
        var indent = 0
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = String(line)
            // A usage wrapped on several lines hangs under its first line's text.
            if indent > 0, line.hasPrefix(String(repeating: " ", count: 7)) {
                line = String(repeating: " ", count: indent - 7) + line
            } else {
                indent = 0
            }
            for prefix in prefixes where line.hasPrefix(prefix.key) {
                let heading = prefix.rendered(in: language)
                if prefix.key.lowercased().hasPrefix("usage") { indent = heading.count }
                return heading + translated(line.dropFirst(prefix.key.count), in: language)
            }
            if let whole = translatedLine(line, in: language) { return whole }
            for text in inner {
                // A shorter text keeps the column after it where one follows.
                let french = text.rendered(in: language)
                let padded = french + String(repeating: " ", count: max(0, text.key.count - french.count))
                line = line.replacingOccurrences(of: text.key + " ", with: padded + " ")
                line = line.replacingOccurrences(of: text.key, with: french)
            }
            return line
        }.joined(separator: "\n")
    }

    /// The rest of a line after its heading: a whole message the library writes, or as it is.
    private static func translated(_ rest: Substring, in language: Language) -> String {
        translatedLine(String(rest), in: language) ?? String(rest)
    }

    /// A line that is one of `lines` with its values, in `language`; `nil` when it is none.
    private static func translatedLine(_ line: String, in language: Language) -> String? {
        let trimmed = line.hasSuffix(" ") ? String(line.dropLast()) : line
        for template in lines {
            if let values = match(trimmed, template.key) {
                return Text(key: template.key, values: values).rendered(in: language)
            }
        }
        return nil
    }

    /// The values of `line` where `template` has `{}`, when the rest is equal; the last
    /// value takes the rest of the line, the others as little as they can.
    static func match(_ line: String, _ template: String) -> [String]? {
        let pieces = template.components(separatedBy: "{}")
        guard line.hasPrefix(pieces[0]) else { return nil }
        var rest = Substring(line.dropFirst(pieces[0].count))
        var values: [String] = []
        for (index, piece) in pieces.enumerated().dropFirst() {
            if index == pieces.count - 1 {
                guard rest.hasSuffix(piece) else { return nil }
                values.append(String(rest.dropLast(piece.count)))
                return values
            }
            guard let found = rest.range(of: piece) else { return nil }
            values.append(String(rest[..<found.lowerBound]))
            rest = rest[found.upperBound...]
        }
        return rest.isEmpty ? values : nil
    }
}
