import Foundation

/// What a copy moved, table by table.
public struct CopyReport: Sendable, Hashable {
    /// Each table copied and its row count, in the order copied.
    public var tables: [(name: String, rows: Int)]

    public static func == (lhs: CopyReport, rhs: CopyReport) -> Bool {
        lhs.tables.map(\.name) == rhs.tables.map(\.name) && lhs.tables.map(\.rows) == rhs.tables.map(\.rows)
    }

    public func hash(into hasher: inout Hasher) {
        for table in tables {
            hasher.combine(table.name)
            hasher.combine(table.rows)
        }
    }
}

/// A copy that cannot be made.
public struct CopyError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension Store {
    /// Every table of the records, in an order that inserts what a row refers to before the
    /// row, each with the columns that order it and those that hold a boolean.
    static let copiedTables: [(name: String, order: String, booleans: Set<String>, identity: String?)] = [
        ("organisation", "id", [], nil),
        ("course", "rowID", ["requiresPassedAssessment"], "rowID"),
        ("session", "id", [], nil),
        ("sessionTrainer", "sessionID, position", [], nil),
        ("sessionSlot", "sessionID, id", [], nil),
        ("participant", "id", [], nil),
        ("enrolment", "sessionID, participantID", ["experienceConfirmed"], nil),
        ("attendanceEvent", "sequence", [], nil),
        ("attendanceChain", "id", [], nil),
        ("moduleProgress", "sequence", [], "sequence"),
        ("objectiveResult", "sequence", [], "sequence"),
        ("certificate", "year, sequence", ["eligible"], nil),
        ("certificateRevocation", "number", [], nil),
        ("sessionEvent", "sequence", [], nil),
        ("sessionEventChain", "id", [], nil),
        ("participantChange", "sequence", [], "sequence"),
    ]

    /// Copies every record of this store into `target`, which must hold none, in one
    /// transaction on each side: the target has all of them or none. Rows keep their keys
    /// (row ids and sequence numbers), so that hash chains and certificates read the same.
    public func copyRecords(to target: Store) throws -> CopyReport {
        try database.read { source in
            try target.database.write { destination in
                for table in Self.copiedTables {
                    if try destination.exists(sql: "SELECT 1 FROM \(table.name) LIMIT 1") {
                        throw CopyError("the target already holds records (\(table.name)): copy into an empty store")
                    }
                }
                var copied: [(String, Int)] = []
                for table in Self.copiedTables {
                    var count = 0
                    var insert: (any SQLStatement)?
                    var columns: [String] = []
                    // A duplicate merged into another names it; that name is set once every
                    // participant is in.
                    var mergedInto: [(id: String, into: String)] = []
                    // In pages, so that no database is asked for a whole log at once.
                    var page = 0
                    repeat {
                        page = 0
                        try source.each(
                            sql: "SELECT * FROM \(table.name) ORDER BY \(table.order) LIMIT 5000 OFFSET ?", arguments: [count]
                        ) { row in
                            page += 1
                            if insert == nil {
                                // PostgreSQL gives the names in lower case, which both databases read.
                                columns = row.columns.names
                                let list = columns.joined(separator: ", ")
                                insert = try destination.prepare(
                                    sql: "INSERT INTO \(table.name) (\(list)) VALUES (\(placeholders(columns.count)))")
                            }
                            guard let insert else { return }
                            for (column, value) in zip(columns, row.values) {
                                var value = value
                                if table.name == "participant", column == "mergedInto", case .text(let into) = value {
                                    mergedInto.append((try row["id"], into))
                                    value = .null
                                }
                                if table.booleans.contains(column), let flag = Bool.decode(value) { value = .boolean(flag) }
                                Self.bind(value, to: insert)
                            }
                            try insert.insert()
                            count += 1
                        }
                    } while page == 5000
                    for (id, into) in mergedInto {
                        try destination.execute(sql: "UPDATE participant SET mergedInto = ? WHERE id = ?", arguments: [into, id])
                    }
                    if let identity = table.identity, let reset = destination.dialect.identityAfterCopy(table.name, identity) {
                        try destination.execute(sql: reset)
                    }
                    copied.append((table.name, count))
                }
                return CopyReport(tables: copied)
            }
        }
    }

    static func bind(_ value: SQLValue, to statement: any SQLStatement) {
        switch value {
        case .null: statement.bind(String?.none)
        case .integer(let number): statement.bind(number)
        case .real(let number): statement.bind(number)
        case .text(let text): statement.bind(text)
        case .boolean(let flag): statement.bind(flag)
        }
    }
}
