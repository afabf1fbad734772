/// A value a person reads and types as a word: a session's status, a certificate's state, a
/// module's progress. Its raw value is what JSON, CSV, options and the store keep, in every
/// language; its words are the raw value read in the user's language (the raw value is the
/// catalogue key: `due-soon` reads `échéance proche` in French), and either is read back.
public protocol Worded: RawRepresentable<String>, CaseIterable {}

extension Worded {
    /// The value in the user's language: the raw value in English.
    public var words: Text { Text(key: rawValue, values: []) }

    /// The value named by its raw value or by its words in either language, with case,
    /// accents, spaces and hyphens folded: `planned`, `planifiée`, `Planifiee`;
    /// `due-soon`, `échéance proche`.
    public init?(word: String) {
        if let value = Self(rawValue: word) {
            self = value
            return
        }
        let wanted = Self.key(word)
        guard
            let value = Self.allCases.first(where: { value in
                Language.allCases.contains { Self.key(value.words.rendered(in: $0)) == wanted }
            })
        else { return nil }
        self = value
    }

    /// A word as it is compared: folded, its spaces, hyphens and apostrophes dropped.
    private static func key(_ word: String) -> String {
        word.folded.filter { $0.isLetter || $0.isNumber }
    }

    /// Every value in the user's language, for a message listing the choices.
    public static var choices: Text {
        allCases.map(\.words).joined(separator: ", ")
    }
}

extension SessionStatus: Worded {}
extension EnrolmentStatus: Worded {}
extension Certificate.State: Worded {}
extension ComplianceStatus.State: Worded {}
extension ModuleProgress: Worded {}
extension Employer.Kind: Worded {}
extension ObligationRule.Counting: Worded {}
extension PublicHolidays.Calendar: Worded {}
extension Modality: Worded {}
extension ObjectiveResult.Phase: Worded {}
