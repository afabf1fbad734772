/// How the forms funders and the State ask for classify a course: its specialities in the
/// Nomenclature des spécialités de formation (the BPF's cadre F-4, LHEO's `code-NSF`) and
/// its general objective (the BPF's cadre F-3).
public struct Classification: Sendable, Hashable, Codable {
    /// The general objective of a course, as the BPF's cadre F-3 counts trainees.
    public enum GeneralObjective: String, Sendable, Hashable, Codable, CaseIterable {
        /// Towards a certification registered in the RNCP (a diploma, a title).
        case rncp
        /// Towards a certification registered in the Répertoire spécifique.
        case rs
        /// Towards a CQP not registered in either.
        case cqp
        /// Other professional training.
        case otherProfessional = "other-professional"
        /// A bilan de compétences.
        case skillsAssessment = "skills-assessment"
        /// Support towards the validation des acquis de l'expérience.
        case vae
    }

    /// NSF speciality codes, the main one first (`332`, `332t`).
    public var nsf: [String]
    /// The general objective, when stated.
    public var generalObjective: GeneralObjective?
    /// For an RNCP certification, its level (3 to 8).
    public var level: Int?
    /// The certification's code in its register (`RNCP12345`, `RS1234`).
    public var certificationCode: String?

    /// Creates a classification.
    public init(nsf: [String], generalObjective: GeneralObjective? = nil, level: Int? = nil, certificationCode: String? = nil) {
        self.nsf = nsf
        self.generalObjective = generalObjective
        self.level = level
        self.certificationCode = certificationCode
    }

    /// What is wrong: a code the nomenclature does not have, a level or a code that does not
    /// go with the objective.
    public var problems: [Text] {
        var problems: [Text] = []
        for code in nsf where NSF.label(of: code) == nil {
            problems.append("\(code) is not a speciality of the Nomenclature des spécialités de formation")
        }
        if Set(nsf).count != nsf.count { problems.append("an NSF speciality is named twice") }
        switch generalObjective {
        case .rncp:
            if level == nil { problems.append("an RNCP certification states its level (3 to 8)") }
        case .some(let objective):
            if level != nil { problems.append("only an RNCP certification has a level, not \(objective.rawValue)") }
        case nil:
            if level != nil || certificationCode != nil { problems.append("a level or a code goes with a general objective") }
        }
        if let code = certificationCode {
            let register: String? =
                switch generalObjective {
                case .rncp: "RNCP"
                case .rs: "RS"
                default: nil
                }
            // The register's letters, then its number: one to six digits, the first not 0.
            let number = code.dropFirst(register?.count ?? 0)
            let numbered = (1...6).contains(number.count) && number.first != "0" && number.allSatisfy { $0.isASCII && $0.isNumber }
            if let register, !code.hasPrefix(register) || !numbered {
                problems.append("\(code) is not a code of the \(register)")
            } else if register == nil {
                problems.append("only a certification registered in the RNCP or the RS has a code")
            }
        }
        return problems
    }

    /// The main NSF speciality's three digits (`332` for `332t`).
    public var mainSpeciality: String? { nsf.first.map { String($0.prefix(3)) } }
}

extension Classification.GeneralObjective: Worded {}
