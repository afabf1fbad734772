/// The Nomenclature des spécialités de formation (décret n° 94-522 du 21 juin 1994, article
/// D311-4 of the Code de l'éducation): its 93 groups of specialities, and the letters that
/// narrow a group to a field (1xx) or a function (2xx, 3xx), or mark personal development (4xx).
/// The BPF's cadre F-4 counts trainees by it; LHEO's `code-NSF` names it.
public enum NSF {
    /// Each group's three digits and its label, as the decree words them.
    public static let groups: [String: String] = [
        "100": "Formations générales",
        "110": "Spécialités pluriscientifiques",
        "111": "Physique-chimie",
        "112": "Chimie-biologie, biochimie",
        "113": "Sciences naturelles (biologie-géologie)",
        "114": "Mathématiques",
        "115": "Physique",
        "116": "Chimie",
        "117": "Sciences de la Terre",
        "118": "Sciences de la vie",
        "120": "Spécialités pluridisciplinaires. Sciences humaines et droit",
        "121": "Géographie",
        "122": "Economie",
        "123": "Sciences sociales (y compris démographie, anthropologie)",
        "124": "Psychologie",
        "125": "Linguistique",
        "126": "Histoire",
        "127": "Philosophie, éthique et théologie",
        "128": "Droit, sciences politiques",
        "130": "Spécialités littéraires et artistiques plurivalentes",
        "131": "Français, littérature et civilisation française",
        "132": "Arts plastiques",
        "133": "Musique, arts du spectacle",
        "134": "Autres disciplines artistiques et spécialités artistiques plurivalentes",
        "135": "Langues et civilisations anciennes",
        "136": "Langues vivantes, civilisations étrangères et régionales",
        "200":
            "Technologies industrielles fondamentales (génie industriel et procédés de transformation, spécialités à dominante fonctionnelle)",
        "201":
            "Technologies de commandes des transformations industrielles (automatismes et robotique industriels, informatique industrielle)",
        "210": "Spécialités plurivalentes de l'agronomie et de l'agriculture",
        "211":
            "Productions végétales, cultures spécialisées et protection des cultures (horticulture, viticulture, arboriculture fruitière...)",
        "212": "Productions animales, élevage spécialisé, aquaculture, soins aux animaux (y compris vétérinaire)",
        "213": "Forêts, espaces naturels, faune sauvage, pêche",
        "214": "Aménagement paysager (parcs, jardins, espaces verts, terrains de sport)",
        "220": "Spécialités pluritechnologiques des transformations",
        "221": "Agro-alimentaire, alimentation, cuisine",
        "222": "Transformations chimiques et apparentées (y compris industrie pharmaceutique)",
        "223": "Métallurgie (y compris sidérurgie, fonderie, non-ferreux)",
        "224": "Matériaux de construction, verre, céramique",
        "225": "Plasturgie, matériaux composites",
        "226": "Papier, carton",
        "227":
            "Energie, génie climatique (y compris énergie nucléaire, thermique, hydraulique ; utilités ; froid, climatisation, chauffage)",
        "230": "Spécialités pluritechnologiques. Génie civil, construction, bois",
        "231": "Mines et carrières, génie civil, topographie",
        "232": "Bâtiment : construction et couverture",
        "233": "Bâtiment : finitions",
        "234": "Travail du bois et de l'ameublement",
        "240": "Spécialités pluritechnologiques Matériaux souples",
        "241": "Textile",
        "242": "Habillement (y compris mode, couture)",
        "243": "Cuirs et peaux",
        "250": "Spécialités pluritechnologiques Mécanique-électricité (y compris maintenance mécano-électrique)",
        "251": "Mécanique générale et de précision, usinage",
        "252": "Moteurs et mécanique auto",
        "253": "Mécanique aéronautique et spatiale",
        "254": "Structures métalliques (y compris soudure, carrosserie, coque de bateau, cellule d'avion)",
        "255": "Electricité, électronique (non compris automatismes, productique)",
        "300": "Spécialités plurivalentes des services",
        "310":
            "Spécialités plurivalentes des échanges et de la gestion (y compris administration générale des entreprises et des collectivités)",
        "311": "Transport, manutention, magasinage",
        "312": "Commerce, vente",
        "313": "Finance, banques, assurances",
        "314": "Comptabilité, gestion",
        "315": "Ressources humaines, gestion du personnel, gestion de l'emploi",
        "320": "Spécialités plurivalentes de la communication",
        "321": "Journalisme et communication (y compris communication graphique et publicité)",
        "322": "Techniques de l'imprimerie et de l'édition",
        "323": "Techniques de l'image et du son, métiers connexes du spectacle",
        "324": "Secrétariat, bureautique",
        "325": "Documentation, bibliothèques, administration des données",
        "326": "Informatique, traitement de l'information, réseau de transmission des données",
        "330": "Spécialités plurivalentes sanitaires et sociales",
        "331": "Santé",
        "332": "Travail social",
        "333": "Enseignement, formation",
        "334": "Accueil, hôtellerie, tourisme",
        "335": "Animation culturelle, sportive et de loisirs",
        "336": "Coiffure, esthétique et autres spécialités des services aux personnes",
        "340": "Spécialités plurivalentes des services à la collectivité",
        "341": "Aménagement du territoire, développement, urbanisme",
        "342": "Protection et développement du patrimoine",
        "343": "Nettoyage, assainissement, protection de l'environnement",
        "344": "Sécurité des biens et des personnes, police, surveillance (y compris hygiène et sécurité)",
        "345": "Application des droits et statuts des personnes",
        "346": "Spécialités militaires",
        "410": "Spécialités concernant plusieurs capacités",
        "411": "Pratiques sportives (y compris arts martiaux)",
        "412": "Développement des capacités mentales et apprentissage de base",
        "413": "Développement des capacités comportementales et relationnelles",
        "414": "Développement des capacités individuelles d'organisation",
        "415": "Développement des capacités d'orientation, d'insertion ou de réinsertion sociales et professionnelles",
        "421": "Jeux et activités spécifiques de loisirs",
        "422": "Economie et activités domestiques",
        "423": "Vie familiale, vie sociale et autres formations au développement personnel",
    ]

    /// The letters a group's code may take, by the group's first digit.
    private static let letters: [Character: Set<Character>] = [
        "1": Set("abcdefg"), "2": Set("mnprstuvw"), "3": Set("mnprstuvw"), "4": ["z"],
    ]

    /// The label of a code (`332`, `332t`), or `nil` when the nomenclature has no such code.
    public static func label(of code: String) -> String? {
        let digits = String(code.prefix(3))
        guard let label = groups[digits], code.count <= 4 else { return nil }
        guard let letter = code.dropFirst(3).first else { return label }
        return letters[digits.first ?? " "]?.contains(letter) == true ? label : nil
    }
}
