public import Foundation
public import TrainingCore

/// A declaration that cannot be recorded.
public struct DeclarationError: TextError, Sendable, Hashable {
    public var text: Text

    /// Creates the error.
    public init(_ text: Text) {
        self.text = text
    }
}

/// A trainer as a person: of the organisation, or from outside it.
public struct Trainer: Sendable, Hashable, Codable {
    /// The name sessions list them by.
    public var name: String
    /// Whether they come from outside the organisation (cadre E, line 2 of the BPF).
    public var external: Bool

    /// Creates a trainer.
    public init(name: String, external: Bool) {
        self.name = name
        self.external = external
    }
}

extension Store {
    /// Records what a session declares, replacing what it declared before; the change joins
    /// the session's history. Trainees' kinds are for people holding a seat or who did.
    public func declare(_ declaration: SessionDeclaration, for sessionID: String, by who: String, at now: Date) throws {
        try database.write { db in
            guard let session = try SessionRows.session(id: sessionID, in: db) else { throw NotFoundError(kind: .session, id: sessionID) }
            let enrolled = Set(try Self.enrolments(in: session.id, db: db).map(\.participant.id))
            for participant in declaration.traineeKinds.keys.sorted() where !enrolled.contains(participant) {
                throw DeclarationError("\(participant) is not enrolled in session \(session.id)")
            }
            try db.execute(
                sql: "UPDATE session SET deliveredFor = ?, handedTo = ?, euFunded = ? WHERE id = ?",
                arguments: [declaration.deliveredFor, declaration.handedTo, declaration.euFunded, session.id])
            try db.execute(sql: "DELETE FROM sessionFunding WHERE sessionID = ?", arguments: [session.id])
            for (position, funding) in declaration.fundings.enumerated() {
                try db.execute(
                    sql: "INSERT INTO sessionFunding (sessionID, position, source, cents, payer) VALUES (?, ?, ?, ?, ?)",
                    arguments: [session.id, position, funding.source.rawValue, funding.cents, funding.payer])
            }
            try db.execute(sql: "UPDATE enrolment SET traineeKind = NULL WHERE sessionID = ?", arguments: [session.id])
            for (participant, kind) in declaration.traineeKinds {
                try db.execute(
                    sql: "UPDATE enrolment SET traineeKind = ? WHERE sessionID = ? AND participantID = ?",
                    arguments: [kind.rawValue, session.id, participant])
            }
            try SessionEventRows.append(
                .edited, sessionID: session.id, detail: Self.summary(of: declaration), by: who, at: now, in: db)
        }
    }

    /// What a session declares.
    public func declaration(of sessionID: String) throws -> SessionDeclaration {
        try database.read { db in
            guard let row = try db.row(sql: "SELECT deliveredFor, handedTo, euFunded FROM session WHERE id = ?", arguments: [sessionID])
            else { throw NotFoundError(kind: .session, id: sessionID) }
            return try Self.declaration(sessionID: sessionID, row: row, db: db)
        }
    }

    static func declaration(sessionID: String, row: SQLRow, db: any SQLConnection) throws -> SessionDeclaration {
        let fundings = try db.rows(
            sql: "SELECT source, cents, payer FROM sessionFunding WHERE sessionID = ? ORDER BY position", arguments: [sessionID]
        ).map { funding in
            Funding(
                source: try funding.parsed("source", of: "sessionFunding", key: sessionID, Funding.Source.init(rawValue:)),
                cents: try funding["cents"], payer: try funding["payer"])
        }
        var kinds: [String: TraineeKind] = [:]
        for kind in try db.rows(
            sql: "SELECT participantID, traineeKind FROM enrolment WHERE sessionID = ? AND traineeKind IS NOT NULL", arguments: [sessionID])
        {
            kinds[try kind["participantID"]] = try kind.parsed("traineeKind", of: "enrolment", key: sessionID, TraineeKind.init(rawValue:))
        }
        return SessionDeclaration(
            fundings: fundings, deliveredFor: try row["deliveredFor"], handedTo: try row["handedTo"], euFunded: try row["euFunded"],
            traineeKinds: kinds)
    }

    /// A declaration in a line of the session's history.
    private static func summary(of declaration: SessionDeclaration) -> String {
        var parts: [String] = []
        if !declaration.fundings.isEmpty {
            parts.append(
                "funding "
                    + declaration.fundings.map { "\($0.source.rawValue) \(Funding.euros($0.cents))\($0.payer.map { " (\($0))" } ?? "")" }
                    .joined(separator: ", "))
        }
        if let organisation = declaration.deliveredFor { parts.append("delivered for \(organisation)") }
        if let organisation = declaration.handedTo { parts.append("handed to \(organisation)") }
        if declaration.euFunded { parts.append("EU-funded") }
        if !declaration.traineeKinds.isEmpty {
            parts.append(
                declaration.traineeKinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.rawValue)" }.joined(separator: ", "))
        }
        return parts.isEmpty ? "declares nothing" : parts.joined(separator: "; ")
    }

    // MARK: Trainers

    /// Records a trainer as of the organisation or external, or changes that.
    public func setTrainer(_ trainer: Trainer, at now: Date) throws {
        let name = trainer.name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw DeclarationError("a trainer has a name") }
        try database.write { db in
            try db.execute(sql: "DELETE FROM trainer WHERE folded = ?", arguments: [name.folded])
            try db.execute(
                sql: "INSERT INTO trainer (name, folded, external, recordedAt) VALUES (?, ?, ?, ?)",
                arguments: [name, name.folded, trainer.external, SessionRows.utc(now)])
        }
    }

    /// Every trainer recorded, by name.
    public func trainers() throws -> [Trainer] {
        try database.read { db in
            try db.rows(sql: "SELECT name, external FROM trainer ORDER BY folded").map { row in
                Trainer(name: try row["name"], external: try row["external"])
            }
        }
    }
}
