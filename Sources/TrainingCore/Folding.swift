import Foundation

extension String {
    /// The text as names of people's roles, employers, providers, trainers and places are
    /// compared: case and accents folded, runs of whitespace as one space (`"Nadia  HADDAD"`
    /// is `"nadia haddad"`, `"Éducatrice"` is `"educatrice"`).
    public var folded: String {
        // ASCII text (most names, every id) is folded byte by byte: Foundation's folding is a
        // hundred times slower, and reports fold a role or a provider per line.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var space = false
        for byte in utf8 {
            guard byte < 0x80 else { return Self.foldedByFoundation(self) }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                space = !bytes.isEmpty
                continue
            }
            if space {
                bytes.append(0x20)
                space = false
            }
            bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text as a search and duplicate detection compare it: ``folded``, with hyphens and
    /// apostrophes as spaces (`Anne-Laure` is `anne laure`, `N'Diaye` is `n diaye`).
    public var searchFolded: String {
        folded.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" }).joined(separator: " ")
    }

    private static func foldedByFoundation(_ text: String) -> String {
        if let known = FoldMemo.shared.lock.withLock({ FoldMemo.shared.folds[text] }) { return known }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
        FoldMemo.shared.lock.withLock {
            // Roles, providers and places repeat: a few hundred texts make most of a report.
            if FoldMemo.shared.folds.count >= 4096 { FoldMemo.shared.folds.removeAll(keepingCapacity: true) }
            FoldMemo.shared.folds[text] = folded
        }
        return folded
    }
}

/// The accented texts folded lately, and their folds: Foundation's folding costs a few
/// microseconds a text, and a report folds the same professions a hundred thousand times.
private final class FoldMemo: @unchecked Sendable {
    static let shared = FoldMemo()
    let lock = NSLock()
    /// Guarded by `lock`.
    var folds: [String: String] = [:]
}
