import Foundation

extension String {
    /// The text as names of people's roles, employers, providers, trainers and places are
    /// compared: case and accents folded, runs of whitespace as one space (`"Nadia  HADDAD"`
    /// is `"nadia haddad"`, `"Éducatrice"` is `"educatrice"`).
    public var folded: String {
        // ASCII text (most names, every id) is folded byte by byte: Foundation's folding is a
        // hundred times slower, and reports fold a role or a provider per line.
        // So are the accented Latin letters that fold to one ASCII letter (`é`, `Ç`, `ñ`, `Ł`
        // does not), read from ``latinFolds``; any other text goes to Foundation whole.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var space = false
        let folds = Self.latinFolds
        var rest = utf8.makeIterator()
        while var byte = rest.next() {
            if byte >= 0x80 {
                // A two-byte sequence from U+00C0 to U+017F: lead byte C3 to C5.
                guard (0xC3...0xC5).contains(byte), let next = rest.next(), next & 0xC0 == 0x80 else {
                    return Self.foldedByFoundation(self)
                }
                let scalar = Int(byte & 0x1F) << 6 | Int(next & 0x3F)
                let fold = folds[scalar - 0xC0]
                guard fold != UInt8(ascii: "_") else { return Self.foldedByFoundation(self) }
                byte = fold
            } else if byte == 0x20 || (0x09...0x0D).contains(byte) {
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

    /// What Foundation folds each letter from U+00C0 to U+017F to, when that is one ASCII
    /// letter; `_` where it is anything else (`æ`, `ß` to `ss`, `ł`, `×`). A test checks every
    /// entry against Foundation.
    static let latinFolds = Array(
        ("aaaaaa_ceeeeiiii_nooooo__uuuuy__aaaaaa_ceeeeiiii_nooooo__uuuuy_y"
            + "aaaaaaccccccccdd__eeeeeeeeeegggggggghh__iiiiiiiii___jjkk_llllll__"
            + "__nnnnnn___oooooo__rrrrrrsssssssstttt__uuuuuuuuuuuuwwyyyzzzzzzs").utf8)

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
