import Foundation
import TrainingCore

/// Migration "v10 employers", beyond its statements: each participant's employer, free text
/// until then, becomes a record. Spellings that are equal once case, accents and runs of
/// spaces are folded (`CCAS de Lyon`, `ccas  de lyon`, `CCAS DE LYON`) become one employer,
/// named by its most common spelling (the first in byte order on a tie); every spelling is
/// kept beside it, so that `employer list` says what was merged. Written once against the
/// store's port for both databases, and frozen: it folds with its own copy of the rule.
public enum V10Employers {
    /// Moves the employers out of the participants' rows, then drops the free-text column.
    public static func move(_ db: any SQLConnection) throws {
        var counts: [String: Int] = [:]
        try db.each(sql: "SELECT employer, count(*) AS people FROM participant WHERE employer IS NOT NULL GROUP BY employer", arguments: [])
        { row in
            counts[try row["employer"]] = try row["people"]
        }
        var groups: [String: [(spelling: String, people: Int)]] = [:]
        for (spelling, people) in counts where !fold(spelling).isEmpty {
            groups[fold(spelling), default: []].append((spelling, people))
        }
        let named = groups.map { folded, spellings -> (name: String, folded: String, spellings: [String]) in
            let best = spellings.min { a, b in
                a.people != b.people ? a.people > b.people : Array(a.spelling.utf8).lexicographicallyPrecedes(b.spelling.utf8)
            }
            return (trimmed(best?.spelling ?? folded), folded, spellings.map(\.spelling))
        }.sorted { Array($0.name.utf8).lexicographicallyPrecedes($1.name.utf8) }
        let now = storedTimestamp(Date())
        for (index, employer) in named.enumerated() {
            let id = "E-" + String(repeating: "0", count: max(0, 4 - String(index + 1).count)) + String(index + 1)
            try db.execute(
                sql: "INSERT INTO employer (id, name, kind, siret, createdAt) VALUES (?, ?, 'other', NULL, ?)",
                arguments: [id, employer.name, now])
            // The name is always one of its spellings, even when trimmed from what was typed.
            for spelling in Set(employer.spellings + [employer.name]).sorted(by: { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }) {
                try db.execute(
                    sql: "INSERT INTO employerSpelling (spelling, folded, employerID) VALUES (?, ?, ?)",
                    arguments: [spelling, employer.folded, id])
            }
        }
        // One statement: each row finds its spelling by the key.
        try db.execute(
            sql: """
                UPDATE participant SET employerID = (SELECT employerID FROM employerSpelling WHERE spelling = participant.employer)
                WHERE employer IS NOT NULL
                """, arguments: [])
        try db.execute(sql: "ALTER TABLE participant DROP COLUMN employer", arguments: [])
    }

    /// Case and accents folded, runs of whitespace as one space: this migration's own copy.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
    }

    static func trimmed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
