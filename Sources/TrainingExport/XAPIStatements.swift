public import Foundation
public import TrainingCore

/// xAPI 1.0.3 statements for a learning record store, one JSON object per line:
/// *attended* for each half-day a participant was present at, *completed* for the
/// session when the participant earned the certificate, and *passed* or *failed* when the
/// assessment of learning was recorded. Durations are ISO 8601 (`PT3H30M`).
///
/// Statement ids are derived from their content, so exporting twice gives the same ids
/// and an LRS that already holds a statement refuses the copy rather than doubling it.
public enum XAPIStatements {
    static let verbs: [String: (id: String, display: String)] = [
        "attended": ("http://adlnet.gov/expapi/verbs/attended", "attended"),
        "completed": ("http://adlnet.gov/expapi/verbs/completed", "completed"),
        "passed": ("http://adlnet.gov/expapi/verbs/passed", "passed"),
        "failed": ("http://adlnet.gov/expapi/verbs/failed", "failed"),
    ]

    /// The statements of a session, as JSON lines.
    public static func jsonLines(
        session: Session, course: Course, organisation: Organisation, participants: [Participant], marks: [AttendanceMark],
        decisions: [CertificationDecision], progress: [ParticipantProgress]
    ) -> Data {
        let language = languageTag(course.language)
        let courseActivity: JSONValue = [
            "objectType": "Activity", "id": "urn:allervers:course:\(course.id):\(course.version)",
            "definition": [
                "type": "http://adlnet.gov/expapi/activities/course", "name": .object([(language, .string(course.title))]),
                "description": .object([(language, .string(course.summary))]),
            ],
        ]
        let grid = MarkGrid(marks)
        let decisionsByID = Dictionary(decisions.map { ($0.participantID, $0) }, uniquingKeysWith: { first, _ in first })
        let progressByID = Dictionary(progress.map { ($0.participantID, $0) }, uniquingKeysWith: { first, _ in first })
        var lines: [Data] = []
        for participant in participants {
            let actor = actor(participant)
            let registration = uuid(from: "registration \(session.id) \(participant.id)")
            let context: JSONValue = [
                "registration": .string(registration), "platform": "AllerVers", "language": .string(language),
                "contextActivities": ["parent": [courseActivity]], "extensions": .object([("urn:allervers:session", .string(session.id))]),
            ]
            func statement(_ verb: String, object: JSONValue, result: JSONValue, at timestamp: Date?) {
                guard let timestamp, let verbIRI = verbs[verb] else { return }
                var body: JSONValue = [
                    "actor": actor, "verb": ["id": .string(verbIRI.id), "display": ["en-US": .string(verbIRI.display)]], "object": object,
                    "result": result, "context": context, "timestamp": .string(timestamp.formatted(.iso8601)),
                ]
                body["id"] = .string(uuid(from: String(decoding: body.data, as: UTF8.self)))
                lines.append(body.data)
            }
            for slot in session.slots {
                guard let mark = grid[participant.id, slot.id], mark.status == .present else { continue }
                let slotActivity: JSONValue = [
                    "objectType": "Activity", "id": "urn:allervers:session:\(session.id):\(slot.id)",
                    "definition": [
                        "type": "http://adlnet.gov/expapi/activities/meeting",
                        "name": .object([(language, .string("\(course.title) — \(slot.date) \(slot.start)–\(slot.end)"))]),
                    ],
                ]
                statement(
                    "attended", object: slotActivity, result: ["duration": .string(duration(mark.attended(in: slot)))],
                    at: session.interval(of: slot)?.end)
            }
            guard let decision = decisionsByID[participant.id], let last = session.slots.last else { continue }
            let end = session.interval(of: last)?.end
            if decision.isEligible {
                statement(
                    "completed", object: courseActivity,
                    result: ["completion": true, "duration": .string(duration(decision.hours.attended))], at: end)
            }
            let assessed = course.objectives.compactMap { progressByID[participant.id]?.assessment(of: $0.id) }
            if !assessed.isEmpty {
                let passed = assessed.count == course.objectives.count && assessed.allSatisfy(\.isPassed)
                let scores = assessed.compactMap(\.score)
                var result: JSONValue = ["success": .bool(passed), "duration": .string(duration(decision.hours.attended))]
                if scores.count == assessed.count {
                    let scaled = Double(scores.reduce(0, +)) / Double(scores.count * 100)
                    result["score"] = [
                        "scaled": .number((scaled * 100).rounded() / 100), "min": 0, "max": 100,
                        "raw": .integer(scores.reduce(0, +) / scores.count),
                    ]
                }
                statement(passed ? "passed" : "failed", object: courseActivity, result: result, at: end)
            }
        }
        return lines.reduce(into: Data()) { output, line in
            output.append(line)
            output.append(0x0A)
        }
    }

    /// The agent: by email when known, else by the participant's id in the workspace.
    static func actor(_ participant: Participant) -> JSONValue {
        var agent: JSONValue = ["objectType": "Agent", "name": "\(participant.firstName) \(participant.lastName)"]
        if let email = participant.email {
            agent["mbox"] = "mailto:\(email)"
        } else {
            agent["account"] = ["homePage": "urn:allervers:participant", "name": .string(participant.id)]
        }
        return agent
    }

    /// `PT3H30M`.
    static func duration(_ hours: Hours) -> String {
        let whole = hours.minutes / 60
        let rest = hours.minutes % 60
        if hours.minutes == 0 { return "PT0M" }
        return "PT" + (whole > 0 ? "\(whole)H" : "") + (rest > 0 ? "\(rest)M" : "")
    }

    /// `fr` → `fr-FR`, as xAPI language maps use RFC 5646 tags.
    static func languageTag(_ language: String) -> String {
        language.contains("-") ? language : language == "en" ? "en-GB" : "\(language)-\(language.uppercased())"
    }

    /// A name-based UUID (version 8, from SHA-256): the same text always gives the same id.
    static func uuid(from text: String) -> String {
        var bytes = Array(Digest.sha256(Data(text.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Digest.hex(bytes)
        let parts = [
            hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20),
        ]
        return parts.joined(separator: "-")
    }
}
