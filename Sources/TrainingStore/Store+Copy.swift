import Foundation
public import TrainingCore

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
public struct CopyError: TextError, Sendable, Hashable {
    public var text: Text

    public init(_ text: Text) {
        self.text = text
    }
}

extension Store {
    /// Every table of the records, in an order that inserts what a row refers to before the
    /// row, each with the columns that order its rows (a key), those that hold a boolean, and
    /// its generated key if it has one.
    static let copiedTables: [(name: String, order: [String], booleans: Set<String>, identity: String?)] = [
        ("organisation", ["id"], [], nil),
        ("course", ["rowID"], ["requiresPassedAssessment"], "rowID"),
        ("sessionTemplate", ["courseRowID", "position"], [], nil),
        ("session", ["id"], ["euFunded"], nil),
        ("sessionTrainer", ["sessionID", "position"], [], nil),
        ("sessionFunding", ["sessionID", "position"], [], nil),
        ("trainer", ["name"], ["external"], nil),
        ("sessionSlot", ["sessionID", "id"], [], nil),
        ("employer", ["id"], [], nil),
        ("employerSpelling", ["spelling"], [], nil),
        ("retentionRule", ["kind", "funder"], [], nil),
        ("purge", ["sequence"], [], nil),
        ("purgeChain", ["id"], [], nil),
        ("participant", ["id"], [], nil),
        ("pastEmployment", ["sequence"], [], "sequence"),
        ("obligation", ["id"], [], nil),
        ("obligationRule", ["obligationID", "version"], ["acceptsSelfDeclared"], nil),
        ("externalTraining", ["id"], [], nil),
        ("exemption", ["sequence"], [], "sequence"),
        ("enrolment", ["sessionID", "participantID"], ["experienceConfirmed"], nil),
        ("attendanceEvent", ["sequence"], [], nil),
        ("attendanceChain", ["id"], [], nil),
        ("moduleProgress", ["sequence"], [], "sequence"),
        ("objectiveResult", ["sequence"], [], "sequence"),
        ("certificate", ["year", "sequence"], ["eligible"], nil),
        ("certificateRevocation", ["number"], [], nil),
        ("sessionEvent", ["sequence"], [], nil),
        ("sessionEventChain", ["id"], [], nil),
        ("participantChange", ["sequence"], [], "sequence"),
        ("account", ["login"], [], nil),
        ("signatureImage", ["sha256"], [], nil),
        ("sheetSignature", ["sequence"], [], nil),
        ("sheetSignatureChain", ["id"], [], nil),
        ("absenceFollowUp", ["sequence"], [], nil),
        ("absenceFollowUpChain", ["id"], [], nil),
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
                // A duplicate may sort before the person it was merged into, and a backdated
                // replacement before the certificate it replaces: links are checked at commit.
                try destination.execute(sql: destination.dialect.deferLinks)
                var copied: [(String, Int)] = []
                for table in Self.copiedTables {
                    copied.append((table.name, try Self.copy(table, from: source, to: destination)))
                }
                return CopyReport(tables: copied)
            }
        }
    }

    /// Copies one table, in pages by key, and returns its row count.
    private static func copy(
        _ table: (name: String, order: [String], booleans: Set<String>, identity: String?), from source: any SQLConnection,
        to destination: any SQLConnection
    ) throws -> Int {
        var count = 0
        var insert: (any SQLStatement)?
        try source.eachRow(of: table.name, byKey: table.order) { row in
            if insert == nil {
                // PostgreSQL gives the names in lower case, which both databases read.
                insert = try destination.prepare(
                    sql: "INSERT INTO \(table.name) (\(row.columns.names.joined(separator: ", "))) "
                        + "VALUES (\(placeholders(row.columns.names.count)))")
            }
            guard let insert else { return false }
            for (column, value) in zip(row.columns.names, row.values) {
                if table.booleans.contains(where: { $0.caseFoldedEquals(column) }), let flag = Bool.decode(value) {
                    insert.bind(SQLValue.boolean(flag))
                } else {
                    insert.bind(value)
                }
            }
            try insert.insert()
            count += 1
            return true
        }
        if let identity = table.identity, let reset = destination.dialect.identityAfterCopy(table.name, identity) {
            try destination.execute(sql: reset)
        }
        return count
    }
}

extension SQLStatement {
    /// Binds a value read from either database.
    func bind(_ value: SQLValue) {
        switch value {
        case .null: bind(String?.none)
        case .integer(let number): bind(number)
        case .real(let number): bind(number)
        case .text(let text): bind(text)
        case .boolean(let flag): bind(flag)
        }
    }
}
