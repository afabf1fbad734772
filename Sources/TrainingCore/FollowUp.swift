public import Foundation

/// A contact with a participant after an unexcused absence: what Qualiopi's indicator 12
/// asks a provider to show for actions over two days (measures against drop-out, formalised
/// and applied). Chained like attendance: never changed, never deleted.
public struct AbsenceFollowUp: Sendable, Hashable, Codable {
    /// How the participant was reached.
    public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
        /// A telephone call.
        case call
        /// A message: email, text, letter.
        case message
        /// A meeting in person.
        case meeting
    }

    /// The record's position in the log of follow-ups, from 1.
    public var sequence: Int64
    /// The session and the participant.
    public var sessionID: String
    public var participantID: String
    /// The absences it answers: their half-days, in order.
    public var slotIDs: [String]
    /// How the participant was reached.
    public var channel: Channel
    /// The day of the contact.
    public var contactedOn: LocalDate
    /// Who made the contact.
    public var contactedBy: String
    /// What was said and agreed.
    public var note: String
    /// When it was recorded.
    public var recordedAt: Date
    /// The record's SHA-256 in the chain.
    public var hash: String

    /// Creates a follow-up as the store read it.
    public init(
        sequence: Int64, sessionID: String, participantID: String, slotIDs: [String], channel: Channel, contactedOn: LocalDate,
        contactedBy: String, note: String, recordedAt: Date, hash: String
    ) {
        self.sequence = sequence
        self.sessionID = sessionID
        self.participantID = participantID
        self.slotIDs = slotIDs
        self.channel = channel
        self.contactedOn = contactedOn
        self.contactedBy = contactedBy
        self.note = note
        self.recordedAt = recordedAt
        self.hash = hash
    }
}

extension AbsenceFollowUp.Channel: Worded {}

/// An unexcused absence that no follow-up answers yet.
public struct AbsenceAlert: Sendable, Hashable, Codable {
    /// The session, its course and whether it runs over more than two days, which is when
    /// Qualiopi's indicator 12 asks for a follow-up.
    public var sessionID: String
    public var courseTitle: String
    public var overTwoDays: Bool
    /// The participant.
    public var participantID: String
    public var participantName: String
    /// The half-day missed and its date.
    public var slotID: String
    public var date: LocalDate

    /// Creates an alert.
    public init(
        sessionID: String, courseTitle: String, overTwoDays: Bool, participantID: String, participantName: String, slotID: String,
        date: LocalDate
    ) {
        self.sessionID = sessionID
        self.courseTitle = courseTitle
        self.overTwoDays = overTwoDays
        self.participantID = participantID
        self.participantName = participantName
        self.slotID = slotID
        self.date = date
    }
}
