import Foundation
import Testing
import TrainingTesting

@testable import TrainingCore

/// The French catalogue against the code: each entry takes the values its key gives, and each
/// key is still written in the code. (That every text shown has its entry is seen where texts
/// are shown: every `--help` and a trainer's week run in French, in the CLI's tests.)
@Suite struct CatalogueTests {
    @Test func everyEntryTakesTheValuesOfItsKey() {
        var problems: [String] = []
        for (key, french) in Text.french {
            let given = Text.placeholders(in: key).count
            let taken = Text.placeholders(in: french)
            let numbered = taken.filter { $0 != "{}" }
            if numbered.isEmpty {
                if taken.count != given { problems.append("\(key) → \(french): \(given) values, \(taken.count) taken") }
            } else if given == 0 || Set(numbered) != Set((1...given).map { "{\($0)}" }) || numbered.count != taken.count {
                problems.append("\(key) → \(french): numbered values must name each of the \(given) once")
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func aTranslationPutsValuesInItsOwnOrder() {
        let text: Text = "Wrote \(3) (\("PDF")) to \("out")/"
        #expect(Text.fill("Écrit dans {3}/ : {1} ({2})", with: ["3", "PDF", "out"]) == "Écrit dans out/ : 3 (PDF)")
        #expect(text.rendered(in: .en) == "Wrote 3 (PDF) to out/")
        #expect(Text(verbatim: "{}").rendered(in: .fr) == "{}")
        #expect(counted(0, "course").rendered(in: .en) == "0 courses")
        #expect(Language.$current.withValue(.fr) { counted(0, "course").description } == "0 formation")
        #expect(Language.$current.withValue(.fr) { counted(2, "half-day").description } == "2 demi-journées")
    }

    /// Each key's words, between its values, are written in the sources: an entry whose text
    /// the code no longer says is found, not kept for ever.
    @Test func everyKeyIsStillWrittenInTheCode() throws {
        let sources = Fixtures.repository.appendingPathComponent("Sources")
        var code = ""
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !file.lastPathComponent.hasPrefix("Catalogue+") else { continue }
            code += try String(contentsOf: file, encoding: .utf8)
        }
        // A long line of text is cut in the code with a backslash at the end of each line.
        let joined = code.replacingOccurrences(of: #"(?<!\\)\\\n\s*"#, with: "", options: .regularExpression)
        let written = Data(joined.utf8)
        // The code writes a backslash as \\, a quote as \" and a line break as \n or as the break.
        func says(_ piece: String) -> Bool {
            let escaped = piece.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return written.range(of: Data(piece.utf8)) != nil || written.range(of: Data(escaped.utf8)) != nil
        }
        let stale = Text.french.keys.filter { key in
            key.components(separatedBy: "{}").flatMap { $0.components(separatedBy: "\n") }.contains { !$0.isEmpty && !says($0) }
        }
        #expect(stale.isEmpty, "\(stale.sorted().joined(separator: "\n"))")
    }
}
