public import Foundation
public import TrainingCore

/// An obligation the store refused, with the reason.
public struct ObligationError: TextError, Sendable, Hashable {
    /// What is wrong, as one sentence.
    public var text: Text

    /// Creates the error.
    public init(_ text: Text) {
        self.text = text
    }
}

/// What a compliance report is computed from, for one employer and one day.
public struct ComplianceInputs: Sendable {
    /// The employer.
    public var employer: Employer
    /// Its obligations.
    public var obligations: [Obligation]
    /// Its staff on that day, each with when they were hired: by family name when read with
    /// names, in no particular order for counts.
    public var staff: [StaffMember]
    /// What a report prints of each member of `staff`, in the same order (names, email,
    /// profession, hire and role dates); empty when read for counts, without names.
    public var people: [Participant]
    /// The completions the obligations may accept (certificates and training done elsewhere)
    /// up to the day, of the people on a staff that day (those of a duplicate merged into
    /// someone are that person's).
    public var completions: CompletionBook
    /// Each person's exemptions, by participant id.
    public var exemptions: [String: [ExemptionRecord]]
}

/// Each person's completions, as a report reads them: every person's in one list, grouped by
/// person, what a course or another provider's course shares kept once for all its completions
/// (a hundred thousand people's take a few lists, not one per person).
public struct CompletionBook: Sendable {
    /// The completions without their day and evidence: one per course, and one per other
    /// provider's course, course it counts as and whether it was verified.
    private var kinds: [Completion] = []
    /// The completions, person after person.
    private var entries: [Entry] = []
    /// Where each person's completions start in `entries`; the next person's start is where
    /// they end.
    private var starts: [Int] = [0]
    /// Each person's place in `starts`, by participant id.
    private var people = Places()

    /// A completion: its kind, its day and what proves it.
    fileprivate struct Entry {
        var kind: Int32
        var date: LocalDate
        var evidence: String
    }

    /// Someone's completions, in the order they were read.
    public subscript(participantID: String) -> [Completion] {
        var list: [Completion] = []
        fill(participantID, into: &list)
        return list
    }

    /// Replaces `list`'s contents with someone's completions: a list a report fills for each
    /// person in turn, allocated once.
    public func fill(_ participantID: String, into list: inout [Completion]) {
        list.removeAll(keepingCapacity: true)
        guard !entries.isEmpty, let person = people.place(of: participantID) else { return }
        // Read in place: a slice of the list would count a reference to it per person.
        kinds.withUnsafeBufferPointer { kinds in
            entries.withUnsafeBufferPointer { entries in
                for entry in entries[starts[person]..<starts[person + 1]] {
                    var completion = kinds[Int(entry.kind)]
                    completion.date = entry.date
                    completion.evidence = entry.evidence
                    list.append(completion)
                }
            }
        }
    }

    /// The same book, with strings of its own for what the completions of a kind share (their
    /// course, provider and title; each completion's evidence stays shared): a book read on
    /// several cores at once, each reading its own copy, does not have the cores count
    /// references to the same strings, where each count waits for the other core's. A few
    /// kinds, copied once per employer.
    public func unshared() -> CompletionBook {
        var book = self
        book.kinds = kinds.map { kind in
            func own(_ text: String?) -> String? { text.map { String(decoding: Array($0.utf8), as: UTF8.self) } }
            return Completion(
                date: kind.date, courseID: own(kind.courseID), provider: own(kind.provider), title: own(kind.title),
                isVerified: kind.isVerified, evidence: own(kind.evidence) ?? "")
        }
        return book
    }

    /// A book being written: the people it is for first, then their completions as they come.
    fileprivate struct Writer {
        var people = Places()
        var kinds: [Completion] = []
        var owners: [Int32] = []
        var entries: [Entry] = []

        /// A new kind of completion, its number.
        mutating func kind(_ completion: Completion) -> Int32 {
            kinds.append(completion)
            return Int32(kinds.count - 1)
        }

        /// A completion of the person at `person` in `people`.
        mutating func add(_ person: Int, kind: Int32, date: LocalDate, evidence: String) {
            owners.append(Int32(person))
            entries.append(Entry(kind: kind, date: date, evidence: evidence))
        }

        /// The book: the entries grouped by person (a counting sort; each person's in the
        /// order read).
        consuming func book() -> CompletionBook {
            var book = CompletionBook()
            book.kinds = kinds
            book.people = people
            var starts = [Int](repeating: 0, count: people.count + 1)
            for owner in owners { starts[Int(owner) + 1] += 1 }
            for index in 0..<people.count { starts[index + 1] += starts[index] }
            book.starts = starts
            guard !entries.isEmpty else { return book }
            var next = starts
            book.entries = [Entry](unsafeUninitializedCapacity: entries.count) { buffer, count in
                for (owner, entry) in zip(owners, entries) {
                    (buffer.baseAddress! + next[Int(owner)]).initialize(to: entry)
                    next[Int(owner)] += 1
                }
                count = entries.count
            }
            return book
        }
    }
}

extension Store {
    /// Adds an obligation to an employer (by id or name), numbered `O-0001`; its rule is
    /// checked against the rule's own problems and the courses the workspace knows.
    @discardableResult
    public func addObligation(employer key: String, title: String, rule: ObligationRule, by who: String, at now: Date = Date()) throws
        -> Obligation
    {
        try database.write { db in
            let employerID = try EmployerRows.id(for: key, in: db)
            if title.allSatisfy(\.isWhitespace) { throw ObligationError("an obligation needs a title") }
            try ObligationRows.check(rule, in: db)
            let obligation = Obligation(
                id: try nextNumbered("O", in: "obligation", db: db), employerID: employerID, title: EmployerRows.trimmed(title), rule: rule)
            try db.execute(
                sql: "INSERT INTO obligation (id, employerID, title, createdBy, createdAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [obligation.id, employerID, obligation.title, who, storedTimestamp(now)])
            try ObligationRows.insert(rule, of: obligation.id, version: 1, by: who, at: now, in: db)
            return obligation
        }
    }

    /// The obligations in force, of one employer (by id or name) or all, by id.
    public func obligations(of employer: String? = nil) throws -> [Obligation] {
        try database.read { db in
            let employerID = try employer.map { try EmployerRows.id(for: $0, in: db) }
            return try ObligationRows.obligations(of: employerID, in: db)
        }
    }

    /// One obligation in force.
    public func obligation(_ id: String) throws -> Obligation {
        try database.read { db in
            guard let found = try ObligationRows.obligations(of: nil, in: db).first(where: { $0.id == id }) else {
                throw NotFoundError(kind: .obligation, id: id)
            }
            return found
        }
    }

    /// Refuses a rule with problems, or naming a course or a person the workspace does not know.
    public func checkObligationRule(_ rule: ObligationRule) throws {
        try database.read { db in try ObligationRows.check(rule, in: db) }
    }

    /// Changes an obligation: its rule's next version (when `rule` is given), for the periods
    /// that begin on or after `appliesFrom` (`nil`: every period, those under way included),
    /// and its title when given. The versions before stay, for the periods they govern and for
    /// reports replayed as known before the change.
    @discardableResult
    public func editObligation(
        _ id: String, title: String? = nil, rule: ObligationRule?, appliesFrom: LocalDate?, by who: String, at now: Date = Date()
    ) throws -> Obligation {
        try database.write { db in
            guard var changed = try ObligationRows.obligations(of: nil, in: db).first(where: { $0.id == id }) else {
                throw NotFoundError(kind: .obligation, id: id)
            }
            if let title {
                if title.allSatisfy(\.isWhitespace) { throw ObligationError("an obligation needs a title") }
                changed.title = EmployerRows.trimmed(title)
                try db.execute(sql: "UPDATE obligation SET title = ? WHERE id = ?", arguments: [changed.title, id])
            }
            if let rule {
                try ObligationRows.check(rule, in: db)
                let version = (changed.history.last?.number ?? 0) + 1
                try ObligationRows.insert(rule, of: id, version: version, appliesFrom: appliesFrom, by: who, at: now, in: db)
                changed = changed.changed(to: rule, from: appliesFrom, by: who, at: now)
            }
            return changed
        }
    }

    /// Ends an obligation: it is no longer reported; its record stays.
    public func removeObligation(_ id: String, at now: Date = Date()) throws {
        try database.write { db in
            guard try db.exists(sql: "SELECT 1 FROM obligation WHERE id = ? AND removedAt IS NULL", arguments: [id]) else {
                throw NotFoundError(kind: .obligation, id: id)
            }
            try db.execute(sql: "UPDATE obligation SET removedAt = ? WHERE id = ?", arguments: [storedTimestamp(now), id])
        }
    }

    /// What each employer's report on `day` is made of: its obligations, the people it
    /// employed that day (hired on or before it, not yet gone; someone who left is in the
    /// report of the days they were there), and their certificates. A person whose hire date
    /// is not known counts from the day the register learnt of them.
    ///
    /// With `knownAt`, only what had been recorded by then counts (certificates issued and
    /// not yet revoked, training elsewhere recorded and not removed, exemptions, obligations
    /// made and not ended), so that a report printed then comes out the same; who worked
    /// where is taken as it stands now.
    ///
    /// `accepting` names rules not stored yet (a change being weighed) whose courses'
    /// certificates must be read too.
    ///
    /// `person` (a participant's id) narrows the staff to that person, and reads only their
    /// records (and their merged duplicates'): what one person's history needs.
    ///
    /// `named: false` leaves the staff's names and emails empty, in no particular order, and
    /// the completions' evidence (certificate numbers, record ids) empty: what counts need,
    /// without the cost of reading and sorting a name per person nor of a string per record.
    ///
    /// The records of people on no staff that day are not read beyond whose they are.
    public func complianceInputs(
        employer key: String?, on day: LocalDate, knownAt: Date? = nil, accepting extra: [ObligationRule] = [], person: String? = nil,
        named: Bool = true
    ) throws -> [ComplianceInputs] {
        try database.read { db in
            let only = try key.map { try EmployerRows.id(for: $0, in: db) }
            let employers = try db.rows(sql: "SELECT * FROM employer ORDER BY id").map(EmployerRows.employer).filter {
                only == nil || $0.id == only
            }
            // Certificates keep their times as ISO 8601, the other records as GRDB writes a date:
            // each orders as text, so each is compared with the same moment in its own form.
            let iso = knownAt.map(SessionRows.utc)
            let stored = knownAt.map(storedTimestamp)
            // People named by an obligation and merged since are the people they were merged into.
            var merged = Dictionary(
                try db.rows(sql: "SELECT id, mergedInto FROM participant WHERE mergedInto IS NOT NULL").map {
                    (try $0["id"] as String, try $0["mergedInto"] as String)
                }, uniquingKeysWith: { first, _ in first })
            // A duplicate merged into someone merged since (workspaces from before merges
            // re-pointed them) is the last one's.
            for (id, into) in merged {
                var root = into
                for _ in 0..<16 {
                    guard let next = merged[root] else { break }
                    root = next
                }
                merged[id] = root
            }
            let obligations = Dictionary(
                grouping: try ObligationRows.obligations(of: only, knownAt: stored, in: db).map { obligation in
                    var obligation = obligation
                    if case .people(let ids) = obligation.rule.appliesTo {
                        obligation.rule.appliesTo = .people(ids.map { merged[$0] ?? $0 })
                    }
                    return obligation
                }, by: \.employerID)
            // Only the completions an obligation may accept, up to the day: the courses named,
            // and training done elsewhere (whose provider and title compare folded).
            let courses = Set(
                (obligations.values.joined().flatMap(\.history).map(\.rule) + extra).flatMap(\.satisfiedBy).compactMap {
                    satisfier -> String? in
                    if case .course(let id) = satisfier { id } else { nil }
                })
            // Each table is read alone, its rows sent to the person they were merged into and
            // the courses and revocations looked up here: a join per row would cost the
            // database three index searches per certificate.
            func root(_ id: String) -> String { merged.isEmpty ? id : merged[id] ?? id }
            // Not every person's records in the workspace: for one person, theirs; for one
            // employer, those of who work or worked there; and of the duplicates merged into them.
            let among: (Int) -> String = { parameter in
                guard only != nil || person != nil else { return "" }
                let firsts =
                    person != nil
                    ? "?\(parameter)"
                    : "SELECT id FROM participant WHERE employerID = ?\(parameter) UNION SELECT participantID FROM pastEmployment WHERE employerID = ?\(parameter)"
                return """
                    AND participantID IN (WITH RECURSIVE alias(id) AS (
                        SELECT id FROM participant WHERE id IN (\(firsts))
                        UNION SELECT p.id FROM participant p JOIN alias a ON p.mergedInto = a.id)
                      SELECT id FROM alias)
                    """
            }
            let employerArgument: [any SQLBindable] = (person ?? only).map { [$0] } ?? []

            // Each employer's staff that day, read once for all employers: those who work there
            // now, by family name (ASCII case folded, as SQLite's NOCASE and PostgreSQL's lower()
            // under "C" both fold) then id, then those who worked there then. One line per
            // person and employer: a job left and taken again counts once. Read first: the
            // completions of people on no staff are not kept.
            let names = Dictionary(employers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            var staff: [String: [StaffMember]] = [:]
            var people: [String: [Participant]] = [:]
            // The completions are kept for the people on a staff: each has a place in the book.
            var book = CompletionBook.Writer()
            let columns = named ? ParticipantRows.reported : ParticipantRows.unnamed
            // A few professions, each one string for all who have it.
            var professions = Interned()
            try db.scanAhead(
                sql: """
                    SELECT \(columns) FROM participant p
                    -- Everyone employed: a scan of the table rather than a search of its index
                    -- then a lookup per person. One employer: its index.
                    WHERE \(only == nil ? "COALESCE(employerID, '') <> ''" : "employerID = ?") AND mergedInto IS NULL
                      \(person == nil ? "" : "AND p.id = ?")
                    \(named ? "ORDER BY employerID, lower(lastName), id" : "")
                    """, arguments: (only.map { [$0] } ?? []) + (person.map { [$0] } ?? [])
            ) { row in
                // Read with names, the member is made of the person read, not read again.
                let person = named ? try ParticipantRows.reported(row, professions: &professions) : nil
                let member = try ParticipantRows.member(row, professions: &professions, reported: person)
                let employerID = try row.string(8, "employerID", of: "participant", key: member.participantID)
                guard member.hired <= day, let name = names[employerID] else { return }
                book.people.add(member.participantID)
                staff[employerID, default: []].append(member)
                if var details = person {
                    details.employer = name
                    people[employerID, default: []].append(details)
                }
            }
            var former: [String: [StaffMember]] = [:]
            var formerPeople: [String: [Participant]] = [:]
            // Who is counted already, for the employers someone left.
            var counted: [String: Set<String>] = [:]
            try db.scanAhead(
                sql: """
                    SELECT j.employerID AS formerEmployerID, j.profession AS formerProfession, j.hireDate AS formerHireDate,
                        j.roleSince AS formerRoleSince, \(columns)
                    FROM pastEmployment j JOIN participant p ON p.id = j.participantID
                    WHERE j.leftOn >= ?2 AND (CAST(?1 AS TEXT) IS NULL OR j.employerID = ?1)
                      AND (CAST(?3 AS TEXT) IS NULL OR j.participantID = ?3) ORDER BY j.sequence
                    """, arguments: [only, day.description, person]
            ) { row in
                let id = try row.string(4, "id", of: "participant", key: "?")
                let employerID = try row.string(0, "employerID", of: "pastEmployment", key: id)
                let hired = try row.parsedIfPresent(2, "hireDate", of: "pastEmployment", key: id) { LocalDate(utf8: $0) }
                let start = try hired ?? ParticipantRows.registered(row, from: 4, id: id)
                guard start <= day, let name = names[employerID] else { return }
                if counted[employerID] == nil { counted[employerID] = Set((staff[employerID] ?? []).map(\.participantID)) }
                guard counted[employerID, default: []].insert(id).inserted else { return }
                let roleSince = try row.parsedIfPresent(3, "roleSince", of: "pastEmployment", key: id) { LocalDate(utf8: $0) }
                let profession = try professions.stringIfPresent(row, 1, "profession", of: "pastEmployment", key: id)
                book.people.add(id)
                former[employerID, default: []].append(StaffMember(participantID: id, role: profession, hired: start, roleSince: roleSince))
                if named {
                    var person = try ParticipantRows.reported(row, from: 4, professions: &professions)
                    (person.employer, person.profession, person.hireDate, person.roleSince) = (name, profession, hired, roleSince)
                    formerPeople[employerID, default: []].append(person)
                }
            }
            // The place in the book of the person whose id is in `column`, or of the person they
            // were merged into; `nil` for someone on no staff. Found from the bytes in place.
            func owner(_ row: SQLCursor, _ column: Int, of table: String, key: @autoclosure () -> String) throws -> Int? {
                if merged.isEmpty, let place = row.withText(column, { book.people.place(of: $0) ?? -1 }) {
                    return place < 0 ? nil : place
                }
                return book.people.place(of: root(try row.string(column, "participantID", of: table, key: key())))
            }
            if !courses.isEmpty && !book.people.isEmpty {
                // A kind of completion per course an obligation accepts, by the course's row.
                var courseKinds: [Int64: Int32] = [:]
                try db.each(sql: "SELECT rowID, id FROM course", arguments: []) { row in
                    let id: String = try row["id"]
                    if courses.contains(id) {
                        courseKinds[try row["rowID"]] = book.kind(Completion(date: day, courseID: id, evidence: ""))
                    }
                }
                var revoked: Set<String> = []
                try db.each(
                    sql: "SELECT number FROM certificateRevocation WHERE CAST(?1 AS TEXT) IS NULL OR revokedAt <= ?1", arguments: [iso]
                ) { row in revoked.insert(try row["number"]) }
                // Counts need no certificate's number, unless to leave the revoked out: not one
                // string made per certificate for nothing.
                let numbered = named || !revoked.isEmpty
                try db.scanAhead(
                    sql: """
                        SELECT number, participantID, courseRowID, lastDay FROM certificate
                        WHERE eligible AND lastDay <= ?2 AND (CAST(?1 AS TEXT) IS NULL OR issuedAt <= ?1) \(among(3))
                        """, arguments: [iso, day.description] + employerArgument
                ) { row in
                    // The number made a string only when it is needed, or names a damaged record.
                    let number = numbered ? try row.string(0, "number", of: "certificate", key: "?") : ""
                    func key() -> String { numbered ? number : row.text(0) ?? "?" }
                    guard let kind = courseKinds[try row.integer(2, "courseRowID", of: "certificate", key: key())] else { return }
                    guard revoked.isEmpty || !revoked.contains(number) else { return }
                    guard let owner = try owner(row, 1, of: "certificate", key: key()) else { return }
                    book.add(
                        owner, kind: kind, date: try row.parsed(3, "lastDay", of: "certificate", key: key()) { LocalDate(utf8: $0) },
                        evidence: number)
                }
            }
            if (!obligations.isEmpty || !extra.isEmpty) && !book.people.isEmpty {
                // Most records name a few providers' courses: a kind of completion for each,
                // and for each course they count as, verified or not. The few met last are
                // compared with the row in place; the others looked up by name.
                var recent: [(key: ExternalKind, kind: Int32)] = []
                var kinds: [ExternalKind: Int32] = [:]
                try db.scanAhead(
                    sql: """
                        SELECT id, participantID, provider, title, completedOn, countsAs, verifiedBy
                        FROM externalTraining
                        WHERE completedOn <= ?2 AND ((CAST(?1 AS TEXT) IS NULL AND removedAt IS NULL)
                           OR (recordedAt <= ?1 AND (removedAt IS NULL OR removedAt > ?1))) \(among(3))
                        """, arguments: [stored, day.description] + employerArgument
                ) { row in
                    // The id made a string only when it is needed, or names a damaged record.
                    let id = named ? try row.string(0, "id", of: "externalTraining", key: "?") : ""
                    func key() -> String { named ? id : row.text(0) ?? "?" }
                    guard let owner = try owner(row, 1, of: "externalTraining", key: key()) else { return }
                    let kind: Int32
                    if let known = recent.lastIndex(where: { $0.key.matches(row) }) {
                        kind = recent[known].kind
                        // Compared first next time.
                        if known != recent.count - 1 { recent.append(recent.remove(at: known)) }
                    } else {
                        let key = ExternalKind(
                            provider: try row.string(2, "provider", of: "externalTraining", key: key()),
                            title: try row.string(3, "title", of: "externalTraining", key: key()),
                            countsAs: try row.stringIfPresent(5, "countsAs", of: "externalTraining", key: key()), verified: !row.isNull(6))
                        if let known = kinds[key] {
                            kind = known
                        } else {
                            kind = book.kind(
                                Completion(
                                    date: day, courseID: key.countsAs, provider: key.provider, title: key.title, isVerified: key.verified,
                                    evidence: ""))
                            kinds[key] = kind
                        }
                        if recent.count == 8 { recent.removeFirst() }
                        recent.append((key, kind))
                    }
                    book.add(
                        owner, kind: kind,
                        date: try row.parsed(4, "completedOn", of: "externalTraining", key: key()) { LocalDate(utf8: $0) }, evidence: id)
                }
            }
            let completions = book.book()
            var exemptions: [String: [ExemptionRecord]] = [:]
            try db.each(
                sql: "SELECT * FROM exemption WHERE (CAST(?1 AS TEXT) IS NULL OR recordedAt <= ?1) \(among(2))",
                arguments: [stored] + employerArgument
            ) { row in
                exemptions[root(try row["participantID"]), default: []].append(try TrainingElsewhereRows.exemption(row))
            }
            return employers.map { employer in
                var members = staff[employer.id] ?? []
                var details = people[employer.id] ?? []
                if let past = former[employer.id] {
                    members += past
                    if named {
                        details += formerPeople[employer.id] ?? []
                        let order = details.indices.sorted { a, b in
                            details[a].lastName.caseFoldedEquals(details[b].lastName)
                                ? details[a].id.byteLess(details[b].id) : details[a].lastName.caseFoldedLess(details[b].lastName)
                        }
                        (members, details) = (order.map { members[$0] }, order.map { details[$0] })
                    }
                }
                return ComplianceInputs(
                    employer: employer, obligations: obligations[employer.id] ?? [], staff: members, people: details,
                    completions: completions, exemptions: exemptions)
            }
        }
    }
}

/// Ids and their places, `0, 1, 2…` in the order added, found from a string or from the
/// bytes a row holds in place: the people of a report, a hundred thousand of them, looked up
/// at each of their records without making a string of each id, nor hashing it as `Hasher`
/// does (seeded and resistant to collisions made on purpose, and several times slower; the
/// ids are the workspace's own).
struct Places {
    /// An open-addressed table, a power of two long, each slot with its id: an id is compared
    /// in its slot, not looked up in a list of ids (one of more than 15 bytes still reads its
    /// own storage).
    private var slots: [Slot] = Array(repeating: Slot(), count: 16)
    /// How many ids there are.
    private(set) var count = 0

    /// A place + 1 in the low half of `tag` (0 for an empty slot), the id's hash in the high
    /// half; and the id.
    private struct Slot {
        var tag: UInt64 = 0
        var id = ""
    }

    var isEmpty: Bool { count == 0 }

    /// Adds `id` when it is not there yet.
    mutating func add(_ id: String) {
        var id = id
        let hash = id.withUTF8 { Self.hash($0) }
        if id.withUTF8({ find($0, hash) }) != nil { return }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        insert(Slot(tag: UInt64(hash) << 32 | UInt64(count + 1), id: id))
        count += 1
    }

    /// The place of `id`, if it is there.
    func place(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { place(of: $0) }
    }

    /// The place of the id whose UTF-8 bytes are `bytes`, if it is there.
    func place(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        find(bytes, Self.hash(bytes))
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>, _ hash: UInt32) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var index = Int(hash) & mask
            while slots[index].tag != 0 {
                let tag = slots[index].tag
                if UInt32(truncatingIfNeeded: tag >> 32) == hash && slots[index].id.hasUTF8(bytes) {
                    return Int(UInt32(truncatingIfNeeded: tag)) - 1
                }
                index = (index + 1) & mask
            }
            return nil
        }
    }

    private mutating func insert(_ slot: Slot) {
        let mask = slots.count - 1
        var index = Int(slot.tag >> 32) & mask
        while slots[index].tag != 0 { index = (index + 1) & mask }
        slots[index] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        for slot in old where slot.tag != 0 { insert(slot) }
    }

    /// FNV-1a over the bytes, its high bits folded into the low ones that pick a slot.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3 }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}

/// Another provider's course as a record of training done elsewhere names it, with the course
/// it counts as and whether someone verified it: what its completions share. Names compare
/// byte for byte, as the rows hold them (`String`'s `==` would take two spellings of an
/// accent as one, and lend one record's bytes to the other).
private struct ExternalKind: Hashable {
    var provider: String
    var title: String
    var countsAs: String?
    var verified: Bool

    static func == (lhs: ExternalKind, rhs: ExternalKind) -> Bool {
        guard lhs.verified == rhs.verified, (lhs.countsAs == nil) == (rhs.countsAs == nil) else { return false }
        return lhs.provider.utf8.elementsEqual(rhs.provider.utf8) && lhs.title.utf8.elementsEqual(rhs.title.utf8)
            && (lhs.countsAs ?? "").utf8.elementsEqual((rhs.countsAs ?? "").utf8)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(verified)
        hasher.combine(countsAs == nil)
        for text in [provider, title, countsAs ?? ""] {
            hasher.combine(text.utf8.count)
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }

    /// Whether the record in `row` (provider, title, course counted as and verifier in
    /// columns 2, 3, 5 and 6) is of this kind.
    func matches(_ row: SQLCursor) -> Bool {
        guard verified != row.isNull(6), row.hasText(2, equalTo: provider), row.hasText(3, equalTo: title) else { return false }
        guard let countsAs else { return row.isNull(5) }
        return row.hasText(5, equalTo: countsAs)
    }
}

/// The obligations' rows.
enum ObligationRows {
    /// The obligations (any version of their rule) that name this person.
    static func naming(_ participantID: String, in db: any SQLConnection) throws -> [String] {
        var found: Set<String> = []
        try db.each(sql: "SELECT obligationID, scopeValues FROM obligationRule WHERE scope = 'people'", arguments: []) { row in
            let text: String = try row["scopeValues"]
            if let ids = try? JSONDecoder().decode([String].self, from: Data(text.utf8)), ids.contains(participantID) {
                found.insert(try row["obligationID"])
            }
        }
        return found.sorted()
    }

    /// Refuses a rule with problems, or naming a course the workspace does not know.
    static func check(_ rule: ObligationRule, in db: any SQLConnection) throws {
        if let problem = rule.problems().first { throw ObligationError(problem) }
        for case .course(let id) in rule.satisfiedBy
        where try !db.exists(sql: "SELECT 1 FROM course WHERE id = ?", arguments: [id]) {
            throw ObligationError("no course \(id) in the workspace: import it first, or name another provider's course with --external")
        }
        if case .people(let ids) = rule.appliesTo {
            for id in ids where try !db.exists(sql: "SELECT 1 FROM participant WHERE id = ?", arguments: [id]) {
                throw NotFoundError(kind: .participant, id: id)
            }
        }
    }

    /// A list as the JSON text a column (or a parameter) holds.
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    static func insert(
        _ rule: ObligationRule, of id: String, version: Int, appliesFrom: LocalDate? = nil, by who: String, at now: Date,
        in db: any SQLConnection
    ) throws {
        let (scope, values): (String, [String]) =
            switch rule.appliesTo {
            case .everyone: ("everyone", [])
            case .roles(let roles): ("roles", roles)
            case .people(let ids): ("people", ids)
            }
        let (firstDue, months, date): (String, Int?, String?) =
            switch rule.firstDue {
            case .monthsAfterHire(let months): ("hire", months, nil)
            case .monthsAfterRole(let months): ("role", months, nil)
            case .on(let day): ("date", nil, day.description)
            }
        var courses: [String] = []
        var external: [[String]] = []
        for satisfier in rule.satisfiedBy {
            switch satisfier {
            case .course(let id): courses.append(id)
            case .external(let provider, let title): external.append([provider, title])
            }
        }
        try db.execute(
            sql: """
                INSERT INTO obligationRule (obligationID, version, scope, scopeValues, courses, externalCourses, firstDue, firstDueMonths,
                    firstDueDate, validityMonths, counting, anniversary, graceDays, leadDays, acceptsSelfDeclared, recordedBy, recordedAt,
                    appliesFrom)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, version, scope, try json(values), try json(courses), try json(external), firstDue, months, date, rule.validityMonths,
                rule.counting.rawValue, rule.anniversary.map { String(format: "%02d-%02d", $0.month, $0.day) }, rule.graceDays,
                rule.leadDays, rule.acceptsSelfDeclared, who, storedTimestamp(now), appliesFrom?.description,
            ])
    }

    /// The obligations not removed, each with its rule's versions, by id.
    /// With `knownAt` (as GRDB writes a date), those made by then and not ended by then, with
    /// the versions recorded by then.
    static func obligations(of employerID: String?, knownAt: String? = nil, in db: any SQLConnection) throws -> [Obligation] {
        var versions: [String: [Obligation.RuleVersion]] = [:]
        try db.each(
            sql: """
                SELECT r.* FROM obligationRule r JOIN obligation o ON o.id = r.obligationID
                WHERE (CAST(?1 AS TEXT) IS NULL OR o.employerID = ?1) AND (CAST(?2 AS TEXT) IS NULL OR r.recordedAt <= ?2)
                ORDER BY r.obligationID, r.version
                """, arguments: [employerID, knownAt]
        ) { row in
            let id: String = try row["obligationID"]
            versions[id, default: []].append(
                Obligation.RuleVersion(
                    number: try row["version"], rule: try rule(row, of: id),
                    appliesFrom: try row.parsedIfPresent("appliesFrom", of: "obligationRule", key: id, LocalDate.init),
                    recordedBy: try row["recordedBy"],
                    recordedAt: try row.parsed("recordedAt", of: "obligationRule", key: id) { date(storedTimestamp: $0) }))
        }
        return try db.rows(
            sql: """
                SELECT o.id, o.employerID, o.title FROM obligation o
                WHERE (CAST(?1 AS TEXT) IS NULL OR o.employerID = ?1)
                  AND ((CAST(?2 AS TEXT) IS NULL AND o.removedAt IS NULL) OR (o.createdAt <= ?2 AND (o.removedAt IS NULL OR o.removedAt > ?2)))
                ORDER BY o.id
                """, arguments: [employerID, knownAt]
        ).compactMap { row in
            let id: String = try row["id"]
            guard let history = versions[id], let latest = history.last else { return nil }
            return Obligation(id: id, employerID: try row["employerID"], title: try row["title"], rule: latest.rule, history: history)
        }
    }

    static func rule(_ row: SQLRow, of id: String) throws -> ObligationRule {
        func strings<T: Decodable>(_ column: String, _ type: T.Type) throws -> T {
            let text: String = try row[column]
            guard let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else {
                throw CorruptRecordError(table: "obligationRule", key: id, column: column, value: text)
            }
            return value
        }
        let values = try strings("scopeValues", [String].self)
        let scope: ObligationRule.Scope =
            switch try row["scope"] as String {
            case "roles": .roles(values)
            case "people": .people(values)
            default: .everyone
            }
        let firstDue: ObligationRule.FirstDue =
            switch try row["firstDue"] as String {
            case "role": .monthsAfterRole(try row["firstDueMonths"] ?? 0)
            case "date": .on(try row.parsed("firstDueDate", of: "obligationRule", key: id, LocalDate.init))
            default: .monthsAfterHire(try row["firstDueMonths"] ?? 0)
            }
        let anniversary = (try row["anniversary"] as String?).flatMap { text -> (month: Int, day: Int)? in
            let parts = text.split(separator: "-").compactMap { Int($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
        return ObligationRule(
            appliesTo: scope,
            satisfiedBy: try strings("courses", [String].self).map { .course($0) }
                + (try strings("externalCourses", [[String]].self)).compactMap { pair in
                    pair.count == 2 ? .external(provider: pair[0], title: pair[1]) : nil
                },
            firstDue: firstDue, validityMonths: try row["validityMonths"],
            counting: try row.parsed("counting", of: "obligationRule", key: id, ObligationRule.Counting.init(rawValue:)),
            anniversary: anniversary, graceDays: try row["graceDays"], leadDays: try row["leadDays"],
            acceptsSelfDeclared: try row["acceptsSelfDeclared"])
    }
}
