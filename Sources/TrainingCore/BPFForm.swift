/// The *Bilan pédagogique et financier* (Cerfa n° 10443*17, notice 50199) as data: its cadres
/// and lines in the form's order, with their codes and labels. A new version of the form is a
/// change to this table, not to the code that fills it.
public enum BPFForm {
    /// The form's number and version.
    public static let version = "Cerfa 10443*17"

    /// A line of the form: its cadre, its code there and its label as printed.
    public struct Line: Sendable, Hashable, Codable {
        public var cadre: String
        public var code: String
        public var label: String

        /// Creates a line.
        public init(cadre: String, code: String, label: String) {
            self.cadre = cadre
            self.code = code
            self.label = label
        }
    }

    /// Cadre C, income by origin: the lines amounts recorded on sessions go to, by source.
    public static let income: [(source: Funding.Source, line: Line)] = [
        (.employer, Line(cadre: "C", code: "1", label: "des entreprises pour la formation de leurs salariés")),
        (.opcoApprenticeship, Line(cadre: "C", code: "2a", label: "des contrats d'apprentissage")),
        (.opcoProfessionalisation, Line(cadre: "C", code: "2b", label: "des contrats de professionnalisation")),
        (.opcoProA, Line(cadre: "C", code: "2c", label: "de la promotion ou de la reconversion par alternance")),
        (.opcoTransition, Line(cadre: "C", code: "2d", label: "des projets de transition professionnelle")),
        (.opcoCPF, Line(cadre: "C", code: "2e", label: "du compte personnel de formation")),
        (.opcoJobSeekers, Line(cadre: "C", code: "2f", label: "des dispositifs spécifiques pour les personnes en recherche d'emploi")),
        (.opcoSelfEmployed, Line(cadre: "C", code: "2g", label: "des dispositifs spécifiques pour les travailleurs non-salariés")),
        (
            .opcoSkillsPlan,
            Line(cadre: "C", code: "2h", label: "du plan de développement des compétences ou d'autres dispositifs")
        ),
        (
            .publicOwnAgents,
            Line(
                cadre: "C", code: "3",
                label:
                    "des pouvoirs publics pour la formation de leurs agents (État, collectivités territoriales, établissements publics à caractère administratif)"
            )
        ),
        (.europe, Line(cadre: "C", code: "4", label: "Instances européennes")),
        (.state, Line(cadre: "C", code: "5", label: "État")),
        (.region, Line(cadre: "C", code: "6", label: "Conseils régionaux")),
        (.franceTravail, Line(cadre: "C", code: "7", label: "France Travail (ex Pôle emploi)")),
        (.otherPublic, Line(cadre: "C", code: "8", label: "Autres ressources publiques")),
        (.individual, Line(cadre: "C", code: "9", label: "de contrats conclus avec des personnes à titre individuel et à leurs frais")),
        (
            .trainingOrganisation,
            Line(cadre: "C", code: "10", label: "de contrats conclus avec d'autres organismes de formation (y compris CFA)")
        ),
        (.other, Line(cadre: "C", code: "11", label: "Autres produits au titre de la formation professionnelle")),
    ]

    /// Cadre E, people who delivered hours.
    public static let internalTrainers = Line(
        cadre: "E", code: "1", label: "Personnes de votre organisme dispensant des heures de formation")
    public static let externalTrainers = Line(
        cadre: "E", code: "2",
        label: "Personnes extérieures à votre organisme dispensant des heures de formation dans le cadre de contrats de sous-traitance")

    /// Cadre F-1, trainees by kind.
    public static let traineeKinds: [(kind: TraineeKind, line: Line)] = [
        (.privateEmployee, Line(cadre: "F-1", code: "a", label: "Salariés d'employeurs privés hors apprentis")),
        (.apprentice, Line(cadre: "F-1", code: "b", label: "Apprentis")),
        (.jobSeeker, Line(cadre: "F-1", code: "c", label: "Personnes en recherche d'emploi formées par votre organisme de formation")),
        (.individual, Line(cadre: "F-1", code: "d", label: "Particuliers à leurs propres frais formés par votre organisme de formation")),
        (.other, Line(cadre: "F-1", code: "e", label: "Autres stagiaires")),
    ]
    public static let traineesTotal = Line(cadre: "F-1", code: "(1)", label: "Total des stagiaires et apprentis (a+b+c+d+e)")

    /// Cadre F-2: trainees of actions this organisation handed to another.
    public static let handedOver = Line(
        cadre: "F-2", code: "(2)", label: "Stagiaires ou apprentis dont l'action a été confiée par votre organisme à un autre organisme")

    /// Cadre F-3, trainees by general objective; RNCP certifications by level within line a.
    public static let objectives: [(objective: Classification.GeneralObjective, line: Line)] = [
        (
            .rncp,
            Line(
                cadre: "F-3", code: "a",
                label:
                    "Formations visant un diplôme, un titre à finalité professionnelle ou un certificat de qualification professionnelle enregistré au RNCP"
            )
        ),
        (.rs, Line(cadre: "F-3", code: "b", label: "Formations visant une certification (dont CQP) ou une habilitation enregistrée au RS")),
        (.cqp, Line(cadre: "F-3", code: "c", label: "Formations visant un CQP non enregistré au RNCP ou au RS")),
        (.otherProfessional, Line(cadre: "F-3", code: "d", label: "Autres formations professionnelles")),
        (.skillsAssessment, Line(cadre: "F-3", code: "e", label: "Bilans de compétences")),
        (.vae, Line(cadre: "F-3", code: "f", label: "Actions d'accompagnement à la validation des acquis de l'expérience")),
    ]
    /// The RNCP levels line a details, by the levels each line covers.
    public static let rncpLevels: [(levels: ClosedRange<Int>, line: Line)] = [
        (6...8, Line(cadre: "F-3", code: "a-6-8", label: "dont de niveau 6 à 8 (Licence, Master, diplôme d'ingénieur, Doctorat…)")),
        (5...5, Line(cadre: "F-3", code: "a-5", label: "dont de niveau 5 (BTS, DUT, écoles de formation sanitaire et sociale…)")),
        (4...4, Line(cadre: "F-3", code: "a-4", label: "dont de niveau 4 (BAC professionnel, BT, BP, BM…)")),
        (3...3, Line(cadre: "F-3", code: "a-3", label: "dont de niveau 3 (BEP, CAP…)")),
    ]
    public static let objectivesTotal = Line(cadre: "F-3", code: "(3)", label: "Total (a+b+c+d+e+f)")

    /// Cadre F-4: the five main NSF specialities, then the others.
    public static let otherSpecialities = Line(cadre: "F-4", code: "autres", label: "Autres spécialités")
    public static let specialitiesTotal = Line(cadre: "F-4", code: "(4)", label: "Total")
    public static let mainSpecialities = 5

    /// Cadre G: trainees of actions another organisation handed to this one.
    public static let handedIn = Line(
        cadre: "G", code: "(5)", label: "Formations confiées à votre organisme par un autre organisme de formation")
}

/// Who a trainee is, as the BPF's cadre F-1 counts them.
public enum TraineeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An employee of a private employer (a company, an association), apprentices aside.
    case privateEmployee = "private-employee"
    /// An apprentice.
    case apprentice
    /// A job seeker.
    case jobSeeker = "job-seeker"
    /// Someone paying for their own training.
    case individual
    /// Anyone else: public agents of a commune, a département, a CCAS, the State; volunteers.
    case other

    /// The kind an employer's staff are, when its kind tells: the staff of a company or an
    /// association are employees of a private employer, a public body's are public agents.
    public static func of(employer kind: Employer.Kind?) -> TraineeKind? {
        switch kind {
        case .privateCompany, .association: .privateEmployee
        case .publicBody: .other
        case .other, nil: nil
        }
    }
}

extension TraineeKind: Worded {}

/// Money a session brought in, as cadre C of the BPF sorts it.
public struct Funding: Sendable, Hashable, Codable {
    /// Who paid, and through which scheme: one line of cadre C each.
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        case employer
        case opcoApprenticeship = "opco-apprenticeship"
        case opcoProfessionalisation = "opco-professionalisation"
        case opcoProA = "opco-pro-a"
        case opcoTransition = "opco-transition"
        case opcoCPF = "opco-cpf"
        case opcoJobSeekers = "opco-job-seekers"
        case opcoSelfEmployed = "opco-self-employed"
        case opcoSkillsPlan = "opco-skills-plan"
        case publicOwnAgents = "public-own-agents"
        case europe
        case state
        case region
        case franceTravail = "france-travail"
        case otherPublic = "other-public"
        case individual
        case trainingOrganisation = "training-organisation"
        case other
    }

    /// The source.
    public var source: Source
    /// The amount before tax, in cents.
    public var cents: Int
    /// Who paid (`OPCO Santé`), when named.
    public var payer: String?

    /// Creates a funding.
    public init(source: Source, cents: Int, payer: String? = nil) {
        self.source = source
        self.cents = cents
        self.payer = payer
    }

    /// An amount in euros, two decimals: `4200.00`.
    public static func euros(_ cents: Int) -> String {
        "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    }
}

/// What a session declares beyond its plan, for the BPF and for how long its records are
/// kept: who paid, whether it was subcontracted either way, whether EU funds paid for it, and
/// the kind of trainees whose employer does not tell.
public struct SessionDeclaration: Sendable, Hashable, Codable {
    /// The money it brought in.
    public var fundings: [Funding]
    /// The training organisation it was delivered for, as a subcontractor (cadre G).
    public var deliveredFor: String?
    /// The training organisation it was handed to (cadre F-2).
    public var handedTo: String?
    /// Whether European funds paid for it (its records are then kept ten years).
    public var euFunded: Bool
    /// Trainees' kinds stated for this session, by participant id.
    public var traineeKinds: [String: TraineeKind]

    /// Creates a declaration.
    public init(
        fundings: [Funding] = [], deliveredFor: String? = nil, handedTo: String? = nil, euFunded: Bool = false,
        traineeKinds: [String: TraineeKind] = [:]
    ) {
        self.fundings = fundings
        self.deliveredFor = deliveredFor
        self.handedTo = handedTo
        self.euFunded = euFunded
        self.traineeKinds = traineeKinds
    }
}
