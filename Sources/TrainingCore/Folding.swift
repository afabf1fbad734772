import Foundation

extension String {
    /// The text as names of people's roles, employers, providers, trainers and places are
    /// compared: case and accents folded, runs of whitespace as one space (`"Nadia  HADDAD"`
    /// is `"nadia haddad"`, `"Éducatrice"` is `"educatrice"`).
    public var folded: String {
        folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
    }
}
