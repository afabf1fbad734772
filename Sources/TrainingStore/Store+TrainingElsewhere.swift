public import Foundation
public import TrainingCore

/// An exemption as recorded: whose, from which obligation (all when `nil`).
public struct ExemptionRecord: Sendable, Hashable, Codable {
    /// The person.
    public var participantID: String
    /// The obligation, or `nil` for every one.
    public var obligationID: String?
    /// The days and the reason.
    public var exemption: Exemption
}

/// A record of training done elsewhere with who recorded it and when, and when it stopped
/// counting.
public struct ExternalTrainingEntry: Sendable, Hashable, Codable {
    /// The record.
    public var record: ExternalTraining
    /// Who recorded it.
    public var recordedBy: String
    /// When.
    public var recordedAt: Date
    /// When it was removed from what counts, if it was.
    public var removedAt: Date?
}

extension Store {
    /// One record of training done elsewhere, removed or not.
    public func externalTraining(_ id: String) throws -> ExternalTrainingEntry {
        try database.read { db in
            guard let row = try db.row(sql: "SELECT * FROM externalTraining WHERE id = ?", arguments: [id]) else {
                throw NotFoundError(kind: .externalTraining, id: id)
            }
            func date(_ column: String) throws -> Date? {
                try row.parsedIfPresent(column, of: "externalTraining", key: id) { TrainingStore.date(storedTimestamp: $0) }
            }
            return ExternalTrainingEntry(
                record: try TrainingElsewhereRows.external(row), recordedBy: try row["recordedBy"],
                recordedAt: try date("recordedAt") ?? Date(timeIntervalSince1970: 0), removedAt: try date("removedAt"))
        }
    }

    /// Records training done elsewhere (numbered `X-0001`), for a person known by id, email
    /// or external id. Refused: a day after `today`, hours that are not above zero, a course
    /// to count as that the workspace does not know.
    @discardableResult
    public func addExternalTraining(_ record: ExternalTraining, today: LocalDate, by who: String, at now: Date = Date()) throws
        -> ExternalTraining
    {
        try database.write { db in
            var record = record
            record.participantID = try Self.participantID(for: record.participantID, in: db)
            if record.provider.allSatisfy(\.isWhitespace) || record.title.allSatisfy(\.isWhitespace) {
                throw ObligationError("training done elsewhere needs its provider and its title")
            }
            if record.completedOn > today { throw ObligationError("\(record.completedOn) is in the future: record training once done") }
            if record.hours.minutes <= 0 { throw ObligationError("the hours are above zero, not \(record.hours.decimal)") }
            if let name = record.verifiedBy, name.allSatisfy(\.isWhitespace) {
                throw ObligationError("--verified-by names who checked the evidence")
            }
            if let course = record.countsAs, try !db.exists(sql: "SELECT 1 FROM course WHERE id = ?", arguments: [course]) {
                throw ObligationError("no course \(course) in the workspace to count it as")
            }
            record.id = try nextNumbered("X", in: "externalTraining", db: db)
            try db.execute(
                sql: """
                    INSERT INTO externalTraining (id, participantID, provider, title, completedOn, minutes, countsAs, fileName, fileSHA256,
                        verifiedBy, recordedBy, recordedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.id, record.participantID, record.provider, record.title, record.completedOn.description, record.hours.minutes,
                    record.countsAs, record.fileName, record.fileSHA256, record.verifiedBy, who, storedTimestamp(now),
                ])
            return record
        }
    }

    /// The records of training done elsewhere not removed, of one person or everyone, by id.
    public func externalTrainings(of key: String? = nil) throws -> [ExternalTraining] {
        try database.read { db in
            let id = try key.map { try Self.participantID(for: $0, in: db) }
            return try db.rows(
                sql:
                    "SELECT * FROM externalTraining WHERE removedAt IS NULL AND (CAST(? AS TEXT) IS NULL OR participantID = ?) ORDER BY id",
                arguments: [id, id]
            ).map(TrainingElsewhereRows.external)
        }
    }

    /// Removes a record of training done elsewhere from what counts; its row stays.
    public func removeExternalTraining(_ id: String, at now: Date = Date()) throws {
        try database.write { db in
            guard try db.exists(sql: "SELECT 1 FROM externalTraining WHERE id = ? AND removedAt IS NULL", arguments: [id]) else {
                throw NotFoundError(kind: .externalTraining, id: id)
            }
            try db.execute(sql: "UPDATE externalTraining SET removedAt = ? WHERE id = ?", arguments: [storedTimestamp(now), id])
        }
    }

    /// Exempts a person from one obligation (or all) over some days, for a reason.
    @discardableResult
    public func addExemption(_ key: String, obligation: String?, _ exemption: Exemption, by who: String, at now: Date = Date()) throws
        -> ExemptionRecord
    {
        try database.write { db in
            let id = try Self.participantID(for: key, in: db)
            if let obligation, try !db.exists(sql: "SELECT 1 FROM obligation WHERE id = ? AND removedAt IS NULL", arguments: [obligation]) {
                throw NotFoundError(kind: .obligation, id: obligation)
            }
            if exemption.reason.allSatisfy(\.isWhitespace) { throw ObligationError("an exemption needs its reason") }
            if exemption.until < exemption.from {
                throw ObligationError("an exemption ends on or after \(exemption.from), not \(exemption.until)")
            }
            try db.execute(
                sql: """
                    INSERT INTO exemption (participantID, obligationID, fromDay, untilDay, reason, recordedBy, recordedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, obligation, exemption.from.description, exemption.until.description, exemption.reason, who, storedTimestamp(now),
                ])
            return ExemptionRecord(participantID: id, obligationID: obligation, exemption: exemption)
        }
    }

    /// The exemptions recorded, of one person or everyone.
    public func exemptions(of key: String? = nil) throws -> [ExemptionRecord] {
        try database.read { db in
            let id = try key.map { try Self.participantID(for: $0, in: db) }
            return try db.rows(
                sql: "SELECT * FROM exemption WHERE CAST(? AS TEXT) IS NULL OR participantID = ? ORDER BY sequence", arguments: [id, id]
            ).map(TrainingElsewhereRows.exemption)
        }
    }
}

enum TrainingElsewhereRows {
    static func external(_ row: SQLRow) throws -> ExternalTraining {
        let id: String = try row["id"]
        return ExternalTraining(
            id: id, participantID: try row["participantID"], provider: try row["provider"], title: try row["title"],
            completedOn: try row.parsed("completedOn", of: "externalTraining", key: id, LocalDate.init),
            hours: Hours(minutes: try row["minutes"]), countsAs: try row["countsAs"], fileName: try row["fileName"],
            fileSHA256: try row["fileSHA256"], verifiedBy: try row["verifiedBy"])
    }

    static func exemption(_ row: SQLRow) throws -> ExemptionRecord {
        let id: String = try row["participantID"]
        return ExemptionRecord(
            participantID: id, obligationID: try row["obligationID"],
            exemption: Exemption(
                from: try row.parsed("fromDay", of: "exemption", key: id, LocalDate.init),
                until: try row.parsed("untilDay", of: "exemption", key: id, LocalDate.init), reason: try row["reason"]))
    }
}
