// The French catalogue: every text the tool shows its user, by its English key (see `Text`).
// Kept sorted by key. The catalogue tests check that each entry takes the values its key
// gives, that each key is still written in the code, and that every help and the messages
// of a French workflow find their entry.

extension Text {
    /// French by English key.
    static let french: [String: String] = [
        "  - course {} completed":
            "  - formation {} suivie",
        "  - experience{}: {}":
            "  - expérience{} : {}",
        "  - {}":
            "  - {}",
        "  ID":
            "  ID",
        "  See '{} --help' for more information.":
            "  Voir « {} --help » pour plus d'informations.",
        "  See '{}' for detailed help.":
            "  Voir « {} » pour l'aide détaillée.",
        "  keys: {}":
            "  clés : {}",
        "  no signing key in the snapshot":
            "  aucune clé de signature dans la sauvegarde",
        "  none":
            "  aucun",
        "  {} reopened on {} by {}: {}":
            "  {} rouverte le {} par {} : {}",
        "  ✓ integrity check; {} and {} chained and intact; {}":
            "  ✓ contrôle d'intégrité ; {} et {} chaînés et intacts ; {}",
        "  ✓ {} and {} chained and intact on the copy; ":
            "  ✓ {} et {} chaînés et intacts sur la copie ; ",
        " (+1 day)":
            " (+1 jour)",
        " (and {} more)":
            " (et {} de plus)",
        " (in sheet {}, the first; the sheets are {}: choose one with --sheet NAME)":
            " (dans la feuille {}, la première ; les feuilles sont {} : choisissez-en une avec --sheet NAME)",
        " (replaced by {})":
            " (remplacé par {})",
        " (restore into a folder without one; nothing was overwritten)":
            " (restaurer dans un dossier qui n'en contient pas ; rien n'a été écrasé)",
        " (without the signing keys)":
            " (sans les clés de signature)",
        " ({} months)":
            " ({} mois)",
        " It is replaced by certificate {}.":
            " Il est remplacé par le certificat {}.",
        " and ":
            " et ",
        " and replaced by {}":
            " et remplacé par {}",
        " as {}":
            " en tant que {}",
        " or ":
            " ou ",
        " with its keys":
            " avec ses clés",
        "\"{}\" is not PROVIDER|TITLE":
            "« {} » n'est pas de la forme ORGANISME|INTITULÉ",
        "\"{}\" is not a SIRET (14 digits whose Luhn checksum holds)":
            "« {} » n'est pas un SIRET (14 chiffres avec une clé de Luhn valide)",
        "\"{}\" is not a course version (dot-separated numbers, such as 1.0)":
            "« {} » n'est pas une version de formation (nombres séparés par des points, comme 1.0)",
        "\"{}\" is not a date that exists":
            "« {} » n'est pas une date existante",
        "\"{}\" is not a date that exists (DD/MM/YYYY or YYYY-MM-DD)":
            "« {} » n'est pas une date qui existe (JJ/MM/AAAA ou AAAA-MM-JJ)",
        "\"{}\" is not a date that exists (YYYY-MM-DD)":
            "« {} » n'est pas une date qui existe (AAAA-MM-JJ)",
        "\"{}\" is not a date: LHEO writes AAAAMMJJ":
            "« {} » n'est pas une date : LHEO écrit AAAAMMJJ",
        "\"{}\" is not a day of the year (MM-DD)":
            "« {} » n'est pas un jour de l'année (MM-JJ)",
        "\"{}\" is not a gender: F or M (femme, homme), or leave it empty":
            "« {} » n'est pas un genre : F ou M (femme, homme), ou laissez vide",
        "\"{}\" is not a kind of employer: private-company, association, public-body or other":
            "« {} » n'est pas un type d'employeur : private-company, association, public-body ou other",
        "\"{}\" is not a level: acquired, partly-acquired, not-acquired (or acquis, en cours d'acquisition, non acquis)":
            "« {} » n'est pas un niveau : acquired, partly-acquired, not-acquired (ou acquis, en cours d'acquisition, non acquis)",
        "\"{}\" is not a level: acquis, en cours d'acquisition, non acquis (or acquired, partly-acquired, not-acquired)":
            "« {} » n'est pas un niveau : acquis, en cours d'acquisition, non acquis (ou acquired, partly-acquired, not-acquired)",
        "\"{}\" is not a number of hours (7, 3.5)":
            "« {} » n'est pas un nombre d'heures (7, 3.5)",
        "\"{}\" is not a number of minutes":
            "« {} » n'est pas un nombre de minutes",
        "\"{}\" is not a score out of 100":
            "« {} » n'est pas une note sur 100",
        "\"{}\" is not a span of hours such as 09:00-12:30":
            "« {} » n'est pas une plage horaire comme 09:00-12:30",
        "\"{}\" is not a status: present, excused or absent":
            "« {} » n'est pas un statut : présent, excusé ou absent",
        "\"{}\" is not a valid {}":
            "« {} » n'est pas une {} valide",
        "\"{}\" is not an email address":
            "« {} » n'est pas une adresse e-mail",
        "\"{}\" is not one of {}":
            "« {} » ne fait pas partie des valeurs : {}",
        "(default)":
            "(défaut)",
        "(default:":
            "(par défaut :",
        "(none)":
            "(aucune)",
        "(values:":
            "(valeurs :",
        "): name each participant once":
            ") : ne nommez chaque participant qu'une fois",
        ", SIRET {}":
            ", SIRET {}",
        ", level {}":
            ", niveau {}",
        ", renewed by {}":
            ", renouvelée par {}",
        ", which is final: their records there cannot become one person's":
            ", qui est définitive : leurs enregistrements ne peuvent pas y devenir ceux d'une seule personne",
        ", {} SHA-256 {}":
            ", {} SHA-256 {}",
        ", {} classified (their NSF speciality and objective added)":
            ", {} classées (leur spécialité NSF et leur objectif ajoutés)",
        ", {} completed (their offer added)":
            ", {} complétée(s) (leur offre ajoutée)",
        ", {} in a company":
            ", {} en entreprise",
        ", {} in the centre":
            ", {} en centre",
        ", {} waiting":
            ", {} en attente",
        "--after goes with --due-months, not --due-on":
            "--after va avec --due-months, pas avec --due-on",
        "--all, --sessions and --lint go with --format lheo":
            "--all, --sessions et --lint vont avec --format lheo",
        "--allow-holiday is for --slots: --start lays half-days out on working days":
            "--allow-holiday s'applique à --slots : --start répartit les demi-journées sur des jours ouvrés",
        "--anniversary goes with --counting anniversary":
            "--anniversary va avec --counting anniversary",
        "--check FILE computes the file's SHA-256 and compares it with the one recorded: the scan shown today must be the one seen when the record was made. Exit status 1 when it differs, or when the record kept no file.\n\nExample:\n  allervers external show X-0001 --check attestation-irts.pdf":
            "--check FICHIER calcule le SHA-256 du fichier et le compare à celui enregistré : la copie numérisée présentée aujourd'hui doit être celle vue lors de l'enregistrement. Code de sortie 1 s'ils diffèrent, ou si l'enregistrement n'a conservé aucun fichier.\n\nExemple :\n  allervers external show X-0001 --check attestation-irts.pdf",
        "--course-id names the course of an e-learning package; this file is not one":
            "--course-id nomme la formation d'un paquet e-learning ; ce fichier n'en est pas un",
        "--course-id names the course of one package: give one":
            "--course-id nomme la formation d'un seul paquet : n'en donnez qu'un",
        "--course-id takes letters, digits, \".\", \"_\" and \"-\", starting with a letter or a digit, 64 at most":
            "--course-id prend des lettres, des chiffres, « . », « _ » et « - », en commençant par une lettre ou un chiffre, 64 au plus",
        "--eu-funded takes yes or no, not \"{}\"":
            "--eu-funded attend yes ou no, pas « {} »",
        "--every is a number of days above zero, not {}":
            "--every attend un nombre de jours supérieur à zéro, et non {}",
        "--export goes with neither --dry-run nor --json":
            "--export ne se combine ni avec --dry-run ni avec --json",
        "--file: a scan of its certificate; its SHA-256 is kept (the file stays where you keep it). --verified-by: who checked that evidence; without it the record is self-declared, and counts only for obligations that accept that. --counts-as: the course of the workspace it stands for.\n\nExample:\n  allervers external add P-0003 --provider \"IRTS Hauts-de-France\" \\\n    --title \"L'aller-vers\" \\\n    --date 2025-06-20 --hours 14 --counts-as AV-FOND --file attestation.pdf \\\n    --verified-by \"Claire Martin\"":
            "--file : la copie numérisée de son certificat ; son SHA-256 est conservé (le fichier reste là où vous le rangez). --verified-by : qui a vérifié ce justificatif ; sans cette option, l'enregistrement est autodéclaré et ne compte que pour les obligations qui l'acceptent. --counts-as : la formation de l'espace de travail à laquelle elle équivaut.\n\nExemple :\n  allervers external add P-0003 --provider \"IRTS Hauts-de-France\" \\\n    --title \"L'aller-vers\" \\\n    --date 2025-06-20 --hours 14 --counts-as AV-FOND --file attestation.pdf \\\n    --verified-by \"Claire Martin\"",
        "--format lheo writes LHEO 2.3 for a Carif-Oref base: the organisation by its declaration number and SIRET (`organisation set --siret`), the course's codes, places, hours, funders and actions, and with --sessions its planned sessions. What LHEO has no element for travels in <extras info=\"allervers\">. --lint lists what a base expects that a course does not fill.\n\nExample:\n  allervers course export AV-FOND --output AV-FOND.xml\n  allervers course export --all --format lheo --sessions --output offre.xml\n  allervers course export AV-FOND --format lheo --lint":
            "--format lheo écrit du LHEO 2.3 pour une base Carif-Oref : l'organisme par son numéro de déclaration et son SIRET (`organisation set --siret`), les codes, lieux, heures, financeurs et actions de la formation, et avec --sessions ses sessions planifiées. Ce que LHEO ne sait pas dire voyage dans <extras info=\"allervers\">. --lint liste ce qu'une base attend et que la formation ne renseigne pas.\n\nExemple :\n  allervers course export AV-FOND --output AV-FOND.xml\n  allervers course export --all --format lheo --sessions --output offre.xml\n  allervers course export AV-FOND --format lheo --lint",
        "--from and --to go together":
            "--from et --to vont ensemble",
        "--from {} comes after --to {}":
            "--from {} est postérieur à --to {}",
        "--from {} is after --to {}":
            "--from {} est postérieur à --to {}",
        "--from/--to keep the sessions running on a day of the period; --trainer compares names with case, accents and spaces folded.\n\nExample:\n  allervers session list --course AV-FOND --from 2026-01-01 --to 2026-06-30 \\\n    --status planned":
            "--from/--to retiennent les sessions qui ont lieu au moins un jour de la période ; --trainer compare les noms sans tenir compte de la casse, des accents ni des espaces.\n\nExemple :\n  allervers session list --course AV-FOND --from 2026-01-01 --to 2026-06-30 \\\n    --status planned",
        "--funder \"{}\" is not a source of cadre C: {}":
            "--funder « {} » n'est pas une origine du cadre C : {}",
        "--funding takes SOURCE=EUROS with a source of cadre C (see the help), not \"{}\"":
            "--funding attend SOURCE=EUROS avec une source du cadre C (voir l'aide), pas « {} »",
        "--funding {}: \"{}\" is not an amount in euros (4200 or 4200.50)":
            "--funding {} : « {} » n'est pas un montant en euros (4200 ou 4200,50)",
        "--module needs --status":
            "--module exige --status",
        "--module-hours takes hours from 0.05 to 9999 in steps of 0.05, such as 1.5 or 0.75":
            "--module-hours prend des heures de 0,05 à 9999 par pas de 0,05, par exemple 1,5 ou 0,75",
        "--port {} is not a port: 0 to 65535":
            "--port {} n'est pas un port : de 0 à 65535",
        "--sheet is for an .xlsx or .ods file":
            "--sheet ne vaut que pour un fichier .xlsx ou .ods",
        "--since comes before the day of the reminders":
            "--since doit être antérieur au jour des relances",
        "--status-list checks a credential: give the credential too":
            "--status-list vérifie un badge : donnez aussi le badge",
        "--times takes SLOT=HH:MM-HH:MM, such as 2026-03-13-pm=14:00-17:30, not \"{}\"":
            "--times attend SLOT=HH:MM-HH:MM, par exemple 2026-03-13-pm=14:00-17:30, et non « {} »",
        "--to {} is before --from {}":
            "--to {} est avant --from {}",
        "--trainee-kind takes PARTICIPANT=KIND, not \"{}\"":
            "--trainee-kind attend PARTICIPANT=TYPE, pas « {} »",
        "--verified-by names who checked the evidence":
            "--verified-by indique qui a vérifié le justificatif",
        "--year {} is not a year":
            "--year {} n'est pas une année",
        "--{} takes PARTICIPANT:VALUE, not \"{}\"":
            "--{} attend PARTICIPANT:VALEUR, et non « {} »",
        "--{} takes minutes, a whole number, not \"{}\"":
            "--{} attend un nombre entier de minutes, et non « {} »",
        "1 half-day has no attendance record":
            "1 demi-journée n'a aucun relevé de présence",
        ": its {} \"{}\" cannot be read (it was changed outside AllerVers; restore a backup, or correct the row)":
            " : sa colonne {} contient « {} », illisible (elle a été modifiée en dehors d'AllerVers ; restaurer une sauvegarde, ou corriger la ligne)",
        ": put its signing key back (restore a snapshot taken with --with-key) rather than make a new one":
            " : remettez sa clé de signature en place (restaurez une sauvegarde faite avec --with-key) plutôt que d'en créer une nouvelle",
        ": withdraw one first":
            " : désinscrire d'abord l'un des deux",
        "; assessment passed":
            " ; évaluation réussie",
        "; default:":
            " ; par défaut :",
        "; modules {} completed":
            " ; modules {} suivis",
        "; record them with `allervers attendance record`, or close with --unrecorded absent":
            " ; les relever avec `allervers attendance record`, ou clore avec --unrecorded absent",
        "; replaced by {}":
            " ; remplacé par {}",
        "; {} revoked left out":
            " ; révoqués laissés de côté : {}",
        "<{}> holds \"{}\": LHEO states a whole number of hours":
            "<{}> contient « {} » : LHEO indique un nombre entier d'heures",
        "<{}> holds escaped HTML: imported as plain text":
            "<{}> contient du HTML échappé : importé en texte brut",
        "<{}> is empty: no hours read":
            "<{}> est vide : aucune heure lue",
        "A CSV of the slots (date;start;end;modules).":
            "Un CSV des créneaux (date;start;end;modules).",
        "A PDF, a .jwt file, or what a QR code holds.":
            "Un PDF, un fichier .jwt, ou le contenu d'un QR code.",
        "A calendar year: --from YEAR-01-01 --to YEAR-12-31.":
            "Une année civile : --from ANNÉE-01-01 --to ANNÉE-12-31.",
        "A course of the workspace that satisfies it.":
            "Une formation de l'espace de travail qui y satisfait.",
        "A course whose id and version are already in the workspace with the same content is left as it is. With different content it is refused, unless --replace: give a revised programme a new version instead, and both are kept.\n\nAn LHEO 2.2 or 2.3 file (a Carif-Oref feed) imports too: each formation becomes a course (one module of the action's hours, its codes, places, funders and contact in the offer, its version the date of the offer's last update), each action a session template, and each session whose first day is known a planned session, laid out on half-days from that day. What is loose in the file (a day 00, escaped HTML, no hours) is a warning, counted per file.\n\nAn e-learning package (SCORM 1.2 or 2004, IMS Common Cartridge 1.0 to 1.3, cmi5; a .zip, a folder holding imsmanifest.xml or cmi5.xml, or the manifest alone) imports as a course of remote modules: one per item that launches something, titled with the titles of the items around it, its hours the learning time the item states or --module-hours. Sequencing rules, launch URLs and other organisations have no equivalent: each kind is a warning.\n\nExample:\n  allervers course import Courses/\n  allervers course import offres-carif.xml\n  allervers course import scorm.zip --module-hours 1.5 --course-id AV-WEB\n  allervers course import --dry-run new-catalogue.xml":
            "Une formation dont l'identifiant et la version sont déjà dans l'espace de travail avec le même contenu est laissée telle quelle. Avec un contenu différent, elle est refusée, sauf avec --replace : donnez plutôt une nouvelle version au programme révisé, et les deux sont conservées.\n\nUn fichier LHEO 2.2 ou 2.3 (un flux Carif-Oref) s'importe aussi : chaque formation devient une formation (un module des heures de l'action ; ses codes, lieux, financeurs et contact dans l'offre ; pour version la date de dernière mise à jour de l'offre), chaque action un modèle de session, et chaque session dont le premier jour est connu une session planifiée, posée en demi-journées à partir de ce jour. Ce qui est approximatif dans le fichier (un jour 00, du HTML échappé, pas d'heures) donne un avertissement, compté par fichier.\n\nUn paquet e-learning (SCORM 1.2 ou 2004, IMS Common Cartridge 1.0 à 1.3, cmi5 ; un .zip, un dossier qui contient imsmanifest.xml ou cmi5.xml, ou le manifeste seul) s'importe comme une formation de modules à distance : un par élément qui lance un contenu, intitulé des titres des éléments qui l'entourent, pour heures la durée d'apprentissage que l'élément indique ou --module-hours. Les règles de séquencement, les URL de lancement et les autres organisations n'ont pas d'équivalent : chaque sorte donne un avertissement.\n\nExemple :\n  allervers course import Courses/\n  allervers course import offres-carif.xml\n  allervers course import scorm.zip --module-hours 1.5 --course-id AV-WEB\n  allervers course import --dry-run new-catalogue.xml",
        "A credential's revocation status list (the .jwt its credentialStatus names, /status/YEAR), to check offline.":
            "La liste de statuts de révocation d'un badge (le .jwt que nomme son credentialStatus, /status/ANNÉE), pour vérifier hors ligne.",
        "A file to compare with the evidence recorded.":
            "Un fichier à comparer au justificatif enregistré.",
        "A fixed day by which the first is due.":
            "Une date fixe pour la première échéance.",
        "A half-day the contact answers; repeat for several. Default: every absence not yet followed up.":
            "Une demi-journée à laquelle répond le contact ; à répéter pour plusieurs. Par défaut : chaque absence qui n'a pas encore de suivi.",
        "A module of the course.":
            "Un module de la formation.",
        "A new title.":
            "Un nouvel intitulé.",
        "A participant away for a valid reason, and the reason.":
            "Un participant excusé (absent pour un motif valable), et le motif.",
        "A participant who arrived late, and by how many minutes.":
            "Un participant arrivé en retard, et son retard en minutes.",
        "A participant who left early, and by how many minutes.":
            "Un participant parti avant la fin, et de combien de minutes.",
        "A participant's employer named in a file or an edit is found by its name, case, accents and spaces folded (\"ccas de  villeurbanne\" is \"CCAS de Villeurbanne\"), and added with the kind \"other\" when it is new.\n\nExample:\n  allervers employer add \"CCAS de Villeurbanne\" --kind public-body \\\n    --siret 21690266800013":
            "L'employeur d'un participant indiqué dans un fichier ou lors d'une modification est retrouvé par son nom, sans tenir compte de la casse, des accents ni des espaces (« ccas de  villeurbanne » équivaut à « CCAS de Villeurbanne »), et ajouté avec le type « other » s'il est nouveau.\n\nExemple :\n  allervers employer add \"CCAS de Villeurbanne\" --kind public-body \\\n    --siret 21690266800013",
        "A person's records are past retention when every one of them was kept until a day before DATE (see `allervers retention show`). Their names, email, external id, birth date and gender are replaced, in their records, their certificates (whose signed statements and credentials go) and their follow-ups' notes; their id, employer, profession and hours stay, so that reports already filed, the BPF among them, come out the same. Someone still in a session not closed, or held to an obligation by their current employer, is kept and listed. The purge joins a chained log that `allervers verify` checks.\n\nExamples:\n  allervers purge --before 2026-01-01 --dry-run\n  allervers purge --before 2026-01-01":
            "Les pièces d'une personne ont dépassé leur durée de conservation quand chacune était à conserver jusqu'à un jour antérieur à DATE (voir `allervers retention show`). Ses nom et prénom, courriel, identifiant externe, date de naissance et genre sont remplacés, dans ses pièces, ses certificats (dont les déclarations signées et les attestations numériques disparaissent) et les notes de ses suivis ; son identifiant, son employeur, sa profession et ses heures restent, pour que les bilans déjà déposés, dont le BPF, restent identiques. Une personne encore dans une session non clôturée, ou tenue à une obligation par son employeur actuel, est gardée et listée. La purge rejoint un journal chaîné que vérifie `allervers verify`.\n\nExemples :\n  allervers purge --before 2026-01-01 --dry-run\n  allervers purge --before 2026-01-01",
        "A reverse proxy's address, whose X-Forwarded-For names the client the limit counts; repeat for several.":
            "L'adresse d'un proxy inverse, dont l'en-tête X-Forwarded-For désigne le client que compte la limite ; à répéter pour plusieurs.",
        "A scan of its certificate.":
            "La copie numérisée de son certificat.",
        "A score out of 100, for --positioning or --assessment (alone: the assessment).":
            "Une note sur 100, pour --positioning ou --assessment (seule : l'évaluation).",
        "A trainee is a person in a session who attended some of its hours in the year: someone in two sessions counts twice, in F-1, F-3 and F-4 alike, whose totals are equal. Their hours are the hours attended in the year. A trainer counts once, with every hour of the half-days they delivered. A session delivered for another organisation counts in G only; one handed to another counts in F and in F-2. Cadre C holds only the amounts recorded with `session declare`, for the accountant to check. What the records lack is listed; --strict then exits with status 1.\n\nExamples:\n  allervers report bpf --year 2026\n  allervers report bpf --year 2026 --pdf bpf-2026.pdf\n  allervers report bpf --from 2025-07-01 --to 2026-06-30 --csv bpf.csv":
            "Un stagiaire est une personne d'une session qui en a suivi des heures dans l'exercice : quelqu'un dans deux sessions compte deux fois, en F-1, F-3 et F-4 de la même façon, dont les totaux sont égaux. Ses heures sont celles suivies dans l'exercice. Un formateur compte une fois, avec toutes les heures des demi-journées qu'il a assurées. Une session réalisée pour un autre organisme compte en G seulement ; une session confiée à un autre compte en F et en F-2. Le cadre C ne reprend que les montants enregistrés avec `session declare`, à vérifier par le comptable. Ce qui manque aux enregistrements est listé ; --strict fait alors sortir avec le code 1.\n\nExemples :\n  allervers report bpf --year 2026\n  allervers report bpf --year 2026 --pdf bpf-2026.pdf\n  allervers report bpf --from 2025-07-01 --to 2026-06-30 --csv bpf.csv",
        "A trainee's kind; repeat for several.":
            "Le type d'un stagiaire ; à répéter pour plusieurs.",
        "A trainer sees the sessions that list their name as a trainer (case, accents and spaces folded), opens their half-days for signing on phones and certifies their sheets. With --employer, the account is an employer's: it sees that employer's staff only, their obligations and their certificates. The password (at least 12 characters) is read from the standard input, one line, and kept as a bcrypt hash.\n\nExamples:\n  echo \"$PASSWORD\" | allervers account add claire --name \"Claire Martin\"\n  echo \"$PASSWORD\" | allervers account add rh-ccas --name \"Service RH\" \\\n    --employer \"CCAS de Villeurbanne\"":
            "Un formateur voit les sessions qui le comptent parmi leurs formateurs (noms comparés sans tenir compte de la casse, des accents ni des espaces), ouvre l'émargement de leurs demi-journées sur téléphone et certifie leurs feuilles. Avec --employer, le compte est celui d'un employeur : il ne voit que le personnel de cet employeur, ses obligations et ses certificats. Le mot de passe (au moins 12 caractères) est lu sur l'entrée standard, en une ligne, et conservé sous forme de hachage bcrypt.\n\nExemples :\n  echo \"$PASSWORD\" | allervers account add claire --name \"Claire Martin\"\n  echo \"$PASSWORD\" | allervers account add rh-ccas --name \"Service RH\" \\\n    --employer \"CCAS de Villeurbanne\"",
        "A trainer; repeat for several.":
            "Un formateur ; à répéter pour en indiquer plusieurs.",
        "A trainer; repeat for several. Replaces the list.":
            "Un formateur ; à répéter pour en indiquer plusieurs. Remplace la liste.",
        "A training room's name.":
            "Le nom d'une salle de formation.",
        "A version of the course. Default: the latest.":
            "Une version de la formation. Par défaut : la plus récente.",
        "ALSO WRITTEN":
            "AUTRES GRAPHIES",
        "ARGUMENTS:":
            "ARGUMENTS :",
        "AT":
            "À",
        "ATTENDED":
            "SUIVI",
        "AU \"{}\" has no <url>, which the format requires":
            "l'AU « {} » n'a pas d'<url>, ce que le format exige",
        "Accept --slots on a public holiday.":
            "Accepter des créneaux --slots tombant un jour férié.",
        "Accept slots that do not cover the course's hours.":
            "Accepter des créneaux qui ne couvrent pas les heures de la formation.",
        "Accessibility":
            "Accessibilité",
        "Account {} disabled":
            "Compte {} désactivé",
        "Add a trainer's account, or an employer's.":
            "Ajouter le compte d'un formateur, ou d'un employeur.",
        "Add an employer.":
            "Ajouter un employeur.",
        "Add an obligation to an employer.":
            "Ajouter une obligation à un employeur.",
        "Add one participant.":
            "Ajouter un participant.",
        "Add, import, list, show, edit, merge and remove participants.":
            "Ajouter, importer, lister, afficher, modifier, fusionner et supprimer des participants.",
        "Added account {} ({}, trainer)":
            "Compte {} ajouté ({}, formateur)",
        "Added employer {}: {}":
            "Employeur {} ajouté : {}",
        "Added obligation {}: {}":
            "Obligation {} ajoutée : {}",
        "Added {}: {}":
            "Ajout de {} : {}",
        "Address":
            "Adresse",
        "Afternoon hours, HH:MM-HH:MM.":
            "Les horaires de l'après-midi, HH:MM-HH:MM.",
        "Also write it as a PDF an auditor can be handed.":
            "Écrire aussi le résultat dans un PDF à remettre à un auditeur.",
        "Also write the figures as CSV to this file.":
            "Écrire aussi les chiffres en CSV dans ce fichier.",
        "Also write the lines as CSV to this file.":
            "Écrire aussi les lignes en CSV dans ce fichier.",
        "Also write the matrix as CSV to this file.":
            "Écrire aussi la matrice en CSV dans ce fichier.",
        "Also written":
            "Autres graphies",
        "An employer's staff × its obligations on a day: the training matrix.":
            "Croiser le personnel d'un employeur et ses obligations à une date : la matrice de formation.",
        "An employer's training obligations: who must take which course, by when, how often.":
            "Gérer les obligations de formation d'un employeur : qui doit suivre quelle formation, pour quelle échéance, à quelle fréquence.",
        "An empty PostgreSQL database (postgres://USER@HOST[:PORT]/DATABASE), or a folder without a workspace.":
            "Une base PostgreSQL vide (postgres://USER@HOST[:PORT]/DATABASE), ou un dossier sans espace de travail.",
        "An objective of the course.":
            "Un objectif de la formation.",
        "An outreach site's name, instead of a room.":
            "Le nom d'un site d'intervention, au lieu d'une salle.",
        "Anonymise the people whose records are all past retention.":
            "Anonymiser les personnes dont toutes les pièces ont dépassé leur durée de conservation.",
        "Anonymised: {}":
            "Anonymisées : {}",
        "Another provider's course that satisfies it.":
            "Une formation d'un autre organisme qui y satisfait.",
        "Assessment":
            "Évaluation",
        "Attendance log intact: {} checked":
            "Journal des présences vérifié et intact : {}",
        "Audience":
            "Public",
        "BY":
            "PAR",
        "Back":
            "Retour",
        "Back to the sheet":
            "Retour à la feuille",
        "Backed up {} to {}":
            "Espace de travail {} sauvegardé dans {}",
        "Born":
            "Date de naissance",
        "CADRE":
            "CADRE",
        "CERTIFICATE":
            "CERTIFICAT",
        "CHANGED":
            "MODIFIÉ",
        "CONTACT":
            "CONTACT",
        "CORRECTS":
            "CORRIGE",
        "COUNTED FROM":
            "COMPTÉ DEPUIS",
        "COUNTS AS":
            "ÉQUIVAUT À",
        "COURSE":
            "FORMATION",
        "Cadre B: training delivered wholly or partly at a distance: {} ({})":
            "Cadre B : formation dispensée en tout ou partie à distance : {} ({})",
        "Cadre C: no amount recorded (session declare --funding); left empty for the accountant":
            "Cadre C : aucun montant enregistré (session declare --funding) ; laissé vide pour le comptable",
        "Cadre C: the amounts recorded on sessions, for the accountant to check":
            "Cadre C : les montants enregistrés sur les sessions, à vérifier par le comptable",
        "Cancel a session that has not been closed.":
            "Annuler une session qui n'a pas été close.",
        "Cancelled {}":
            "Session {} annulée",
        "Cells: P present, L15 late 15 minutes, E30 left 30 minutes early, EXC excused, ABS absent, · not recorded yet.\n\nExample:\n  allervers attendance show AV-FOND-2026-03-LYON":
            "Cellules : P présent, L15 en retard de 15 minutes, E30 parti 30 minutes avant la fin, EXC excusé, ABS absent, · pas encore relevé.\n\nExemple :\n  allervers attendance show AV-FOND-2026-03-LYON",
        "Cells: ✓ compliant (until the due date), ! due soon (days left), ~ in grace, ✗ overdue, · not yet due, E exempt, blank where the obligation does not apply.\n\nExample:\n  allervers compliance matrix --employer \"CCAS de Villeurbanne\" \\\n    --csv matrice.csv --pdf matrice.pdf":
            "Cellules : ✓ à jour (jusqu'à l'échéance), ! échéance proche (jours restants), ~ en délai de grâce, ✗ hors délai, · échéance à venir, E dispensé, vide si l'obligation ne s'applique pas.\n\nExemple :\n  allervers compliance matrix --employer \"CCAS de Villeurbanne\" \\\n    --csv matrice.csv --pdf matrice.pdf",
        "Certificate":
            "Certificat",
        "Certificate numbers":
            "Numéros de certificat",
        "How many minutes before a half-day starts its participants may sign.":
            "Combien de minutes avant le début d'une demi-journée ses participants peuvent émarger.",
        "How many minutes after a half-day ends they still may.":
            "Combien de minutes après la fin d'une demi-journée ils le peuvent encore.",
        "Certificate pages one client may ask for in a minute.":
            "Pages de certificat qu'un même client peut demander par minute.",
        "Certificate {}":
            "Certificat {}",
        "Certificates":
            "Certificats",
        "Certificates issued before keep what they printed; those issued after print the new details. `participant show` lists the changes: who, when, before and after. An empty value (--email \"\") clears a detail.\n\nExample:\n  allervers participant edit P-0003 --last-name \"Roux-Martin\" \\\n    --by \"Claire Martin\"\n  allervers participant edit P-0001 --profession \"cheffe de service\" \\\n    --role-since 2026-10-01":
            "Les certificats délivrés avant gardent ce qu'ils ont imprimé ; ceux délivrés après impriment les nouvelles informations. `participant show` liste les modifications : qui, quand, avant et après. Une valeur vide (--email \"\") efface une information.\n\nExemple :\n  allervers participant edit P-0003 --last-name \"Roux-Martin\" \\\n    --by \"Claire Martin\"\n  allervers participant edit P-0001 --profession \"cheffe de service\" \\\n    --role-since 2026-10-01",
        "Certified by":
            "Certifiée par",
        "Certified by {} on {}":
            "Certifiée par {} le {}",
        "Certify the sheet":
            "Certifier la feuille",
        "Change":
            "Modifier",
        "Change a session's trainers, place, or the times of half-days that have not started.":
            "Modifier les formateurs d'une session, son lieu, ou les horaires des demi-journées qui n'ont pas commencé.",
        "Change an obligation's rule: for the periods that begin from today, or with --apply-to-existing for all.":
            "Modifier la règle d'une obligation : pour les périodes qui commencent à partir d'aujourd'hui, ou pour toutes avec --apply-to-existing.",
        "Changed {}: {}":
            "Session {} modifiée : {}",
        "Changes only what is named: --funding replaces the session's list of income, --delivered-for, --handed-to and --eu-funded replace their value (an empty name clears it), --trainee-kind sets one person's kind (none clears it). The change joins the session's history. --funding SOURCE=EUROS names a line of the BPF's cadre C: employer, opco-apprenticeship, opco-professionalisation, opco-pro-a, opco-transition, opco-cpf, opco-job-seekers, opco-self-employed, opco-skills-plan, public-own-agents, europe, state, region, france-travail, other-public, individual, training-organisation, other. A trainee's kind (private-employee, apprentice, job-seeker, individual, other) is needed where their employer's kind does not tell.\n\nExample:\n  allervers session declare AV-FOND-2026-03-LYON \\\n    --funding opco-skills-plan=4200 --payer \"OPCO Santé\" \\\n    --trainee-kind P-0006=job-seeker":
            "Ne change que ce qui est nommé : --funding remplace la liste des produits de la session, --delivered-for, --handed-to et --eu-funded remplacent leur valeur (un nom vide l'efface), --trainee-kind fixe le type d'une personne (none l'efface). Le changement rejoint l'historique de la session. --funding SOURCE=EUROS désigne une ligne du cadre C du BPF : employer, opco-apprenticeship, opco-professionalisation, opco-pro-a, opco-transition, opco-cpf, opco-job-seekers, opco-self-employed, opco-skills-plan, public-own-agents, europe, state, region, france-travail, other-public, individual, training-organisation, other. Le type d'un stagiaire (private-employee, apprentice, job-seeker, individual, other) est nécessaire quand le type de son employeur ne le dit pas.\n\nExemple :\n  allervers session declare AV-FOND-2026-03-LYON \\\n    --funding opco-skills-plan=4200 --payer \"OPCO Santé\" \\\n    --trainee-kind P-0006=job-seeker",
        "Check a certificate":
            "Vérifier un certificat",
        "Check a certificate, credential or QR payload; or, with nothing to check, the workspace's records.":
            "Vérifier un certificat, un badge numérique ou le contenu d'un QR code ; ou, sans rien à vérifier, les enregistrements de l'espace de travail.",
        "Check course files, LHEO files and e-learning packages against their format and its rules, without writing anything.":
            "Vérifier des fichiers de formation, des fichiers LHEO et des paquets e-learning selon leur format et ses règles, sans rien écrire.",
        "Check everything, including against the workspace, then store nothing.":
            "Tout vérifier, y compris au regard de l'espace de travail, sans rien enregistrer.",
        "Check the address printed on the certificate or scan its QR code again: the number alone does not find a certificate.":
            "Vérifiez l'adresse imprimée sur le certificat ou scannez de nouveau son QR code : le numéro seul ne permet pas de trouver un certificat.",
        "Check, import, list, show and export courses.":
            "Vérifier, importer, lister, afficher et exporter des formations.",
        "Classification":
            "Classification",
        "Clear":
            "Effacer",
        "Close a session once its last half-day has ended: its records become final.":
            "Clore une session une fois sa dernière demi-journée terminée : ses enregistrements deviennent définitifs.",
        "Closed {}":
            "Session {} close",
        "Columns (in any order, French or English names): first_name/prenom, last_name/nom, email, profession, employer/employeur, employer_kind/type_employeur (private-company or entreprise, association, public-body or public, other or autre), employer_siret/siret, hire_date/date_embauche, role_since/date_prise_de_poste, external_id/matricule, birth_date/date_naissance, gender/genre. UTF-8 with or without BOM, `;` or `,`. A participant whose email or external id is already known is refused as a duplicate, with its line.\n\nExample:\n  allervers participant import Courses/examples/participants.csv":
            "Colonnes (dans n'importe quel ordre, noms français ou anglais) : first_name/prenom, last_name/nom, email, profession, employer/employeur, employer_kind/type_employeur (private-company ou entreprise, association, public-body ou public, other ou autre), employer_siret/siret, hire_date/date_embauche, role_since/date_prise_de_poste, external_id/matricule, birth_date/date_naissance, gender/genre. UTF-8 avec ou sans BOM, `;` ou `,`. Un participant dont l'e-mail ou l'identifiant externe est déjà connu est refusé comme doublon, avec sa ligne.\n\nExemple :\n  allervers participant import Courses/examples/participants.csv",
        "Columns: participant (id, email or external id); objective; positioning; assessment; score (out of 100, for the assessment, or the positioning when it is alone), in English or French (stagiaire, objectif, positionnement, évaluation, note sur 100). Levels in either language: acquired / acquis, partly-acquired / en cours d'acquisition, not-acquired / non acquis. A row that cannot be recorded names its line, and nothing is recorded.\n\nExample:\n  allervers progress import AV-FOND-2026-03-LYON evaluations.csv":
            "Colonnes : participant (identifiant, e-mail ou identifiant externe) ; objective ; positioning ; assessment ; score (sur 100, pour l'évaluation, ou pour le positionnement s'il est seul), en anglais ou en français (stagiaire, objectif, positionnement, évaluation, note sur 100). Niveaux dans l'une ou l'autre langue : acquired / acquis, partly-acquired / en cours d'acquisition, not-acquired / non acquis. Une ligne qui ne peut pas être enregistrée est signalée par son numéro, et rien n'est enregistré.\n\nExemple :\n  allervers progress import AV-FOND-2026-03-LYON evaluations.csv",
        "Columns: session, slot, participant (id, email or external id), status (present, excused, absent; or présent, excusé, absent), minutes_late, minutes_left_early, reason.\n\nExample:\n  allervers attendance import feuille-2026-03-12.csv --by \"Claire Martin\"":
            "Colonnes : session, slot, participant (identifiant, e-mail ou identifiant externe), status (present, excused, absent ; ou présent, excusé, absent), minutes_late, minutes_left_early, reason.\n\nExemple :\n  allervers attendance import feuille-2026-03-12.csv --by \"Claire Martin\"",
        "Commands find the workspace from the current folder upward, as git finds a repository, or take --store FOLDER.\n\nExample:\n  allervers init --name \"Institut Aller-Vers\" \\\n    --address \"12 rue des Lices, 49100 Angers\" \\\n    --declaration-number 52490123449 --signatory \"Claire Martin\" \\\n    --signatory-title Directrice\n  allervers course import Courses/\n  allervers course list":
            "Les commandes cherchent l'espace de travail en remontant depuis le dossier courant, comme git trouve un dépôt, ou prennent --store FOLDER.\n\nExemple :\n  allervers init --name \"Institut Aller-Vers\" \\\n    --address \"12 rue des Lices, 49100 Angers\" \\\n    --declaration-number 52490123449 --signatory \"Claire Martin\" \\\n    --signatory-title Directrice\n  allervers course import Courses/\n  allervers course list",
        "Compare with this day (the last run). Default: the day before.":
            "Comparer avec ce jour (la dernière exécution). Par défaut : la veille.",
        "Completed":
            "Achevée le",
        "Contact: {}":
            "Contact : {}",
        "Continue":
            "Continuer",
        "Copied {} to {}: {} in {} tables":
            "{} copié vers {} : {} dans {} tables",
        "Copy a workspace's records into an empty PostgreSQL database, or into a new folder over SQLite.":
            "Copier les enregistrements d'un espace de travail dans une base PostgreSQL vide, ou dans un nouveau dossier sous SQLite.",
        "Correct a participant's details; every change is logged.":
            "Corriger les informations d'un participant ; chaque modification est journalisée.",
        "Correct an employer's name, kind or SIRET; its old name stays one of its spellings.":
            "Corriger le nom, le type ou le SIRET d'un employeur ; son ancien nom reste l'une de ses graphies.",
        "Counted from":
            "Point de départ",
        "Counts as":
            "Équivaut à",
        "Course":
            "Formation",
        "Course files, LHEO files, e-learning packages (.zip, .imscc, a folder, or the manifest alone), or folders of them.":
            "Des fichiers de formation, des fichiers LHEO, des paquets e-learning (.zip, .imscc, un dossier, ou le manifeste seul), ou des dossiers qui en contiennent.",
        "Course: {}":
            "Formation : {}",
        "Create a workspace: the store, and the organisation identity documents carry.":
            "Créer un espace de travail : la base, et l'identité de l'organisme que portent les documents.",
        "Create the signing key of a workspace that has none (init makes one).":
            "Créer la clé de signature d'un espace de travail qui n'en a pas (init en crée une).",
        "Created the workspace in {}":
            "Espace de travail créé dans {}",
        "DATE":
            "DATE",
        "DETAIL":
            "DÉTAIL",
        "DROP's enrolments move to KEEP, KEEP's empty details are filled from DROP's, and DROP is removed; the change log keeps both sides. Refused when DROP has records signed under its id (attendance, results, certificates) or both hold a place in one session.\n\nExample:\n  allervers participant merge P-0003 P-0011":
            "Les inscriptions de DROP passent à KEEP, les informations vides de KEEP sont complétées par celles de DROP, et DROP est supprimé ; le journal des modifications garde les deux. Refusé quand DROP a des enregistrements signés sous son identifiant (présences, résultats, certificats) ou quand les deux ont une place dans une même session.\n\nExemple :\n  allervers participant merge P-0003 P-0011",
        "DUE":
            "ÉCHÉANCE",
        "Dates":
            "Dates",
        "Days after the due date before overdue (default 0).":
            "Jours après l'échéance avant d'être hors délai (par défaut 0).",
        "Days before the due date when it is due soon (default 30).":
            "Jours avant l'échéance à partir desquels elle est proche (par défaut 30).",
        "Decide who earned the certificate of closed sessions and issue the numbered certificates.":
            "Déterminer qui a obtenu le certificat dans les sessions closes et délivrer les certificats numérotés.",
        "Decision":
            "Décision",
        "Declaration number":
            "Numéro de déclaration d'activité",
        "Declare a session's income, subcontracting, European funds and trainees' kinds, for the BPF.":
            "Déclarer les produits d'une session, sa sous-traitance, ses fonds européens et le type de ses stagiaires, pour le BPF.",
        "Declared for {}":
            "Déclaration enregistrée pour la session {}",
        "Delivered for {}, as its subcontractor":
            "Réalisée pour {}, en sous-traitance",
        "Disable an account: it can no longer log in; what it signed stays.":
            "Désactiver un compte : il ne peut plus se connecter ; ce qu'il a signé est conservé.",
        "Draw your signature first.":
            "Tracez d'abord votre signature.",
        "Draw your signature here":
            "Tracez votre signature ici",
        "Drawn signatures intact: {} matching their hashes":
            "Signatures dessinées intactes : {}, chacune conforme à son empreinte",
        "Dry run: nothing was changed.":
            "Essai à blanc : rien n'a été changé.",
        "Due":
            "Échéance",
        "Due soon":
            "Échéance proche",
        "Déclaration d'activité":
            "Déclaration d'activité",
        "EMAIL":
            "COURRIEL",
        "EMPLOYER":
            "EMPLOYEUR",
        "END":
            "FIN",
        "EUROS":
            "EUROS",
        "EVENT":
            "ÉVÉNEMENT",
        "EVIDENCE":
            "JUSTIFICATIF",
        "EXTERNAL ID":
            "ID EXTERNE",
        "Each participant's modules and objective results.":
            "Afficher les modules et les résultats aux objectifs de chaque participant.",
        "Email":
            "E-mail",
        "Employer":
            "Employeur",
        "Employer {}: {}, {}":
            "Employeur {} : {}, {}",
        "End an obligation: it is no longer reported; its record stays.":
            "Mettre fin à une obligation : elle ne figure plus dans les états ; son enregistrement est conservé.",
        "Enrol participants; past capacity they join the waiting list.":
            "Inscrire des participants ; au-delà de la capacité, ils rejoignent la liste d'attente.",
        "Entry level":
            "Niveau d'entrée",
        "Error: ":
            "Erreur : ",
        "Every attendance record of a session, corrections included.":
            "Afficher tous les relevés de présence d'une session, corrections comprises.",
        "Every participant holding a seat gets a status: --present, --late P:MINUTES, --left-early P:MINUTES, --excused P:REASON, --absent; --others-present marks everyone not named present. Recording a participant and slot again is a correction, which names only the participants it changes: the new record supersedes the old, which stays in the history.\n\nExamples:\n  allervers attendance record AV-FOND-2026-03-LYON --slot 2026-03-12-am \\\n    --late P-0002:15 --excused \"P-0004:arrêt maladie\" --absent P-0005 \\\n    --others-present\n  allervers attendance record AV-FOND-2026-03-LYON --slot 2026-03-12-am \\\n    --present P-0005":
            "Chaque participant qui occupe une place reçoit un statut : --present, --late P:MINUTES, --left-early P:MINUTES, --excused P:REASON, --absent ; --others-present marque présents tous ceux qui ne sont pas nommés. Relever à nouveau un participant sur un créneau constitue une correction, qui ne nomme que les participants qu'elle modifie : le nouveau relevé remplace l'ancien, qui reste dans l'historique.\n\nExemples :\n  allervers attendance record AV-FOND-2026-03-LYON --slot 2026-03-12-am \\\n    --late P-0002:15 --excused \"P-0004:arrêt maladie\" --absent P-0005 \\\n    --others-present\n  allervers attendance record AV-FOND-2026-03-LYON --slot 2026-03-12-am \\\n    --present P-0005",
        "Every record is copied with its keys in one transaction, then checked where it landed: \\\nthe attendance and session logs' hash chains are recomputed and every certificate's \\\nsignatures verified. A target that already holds records is refused. Into a folder, \\\nthe source's key files are copied too; into a database, only the records are: join \\\nit with `allervers init --database URL` and copy the keys into that workspace.\n\nExamples:\n  allervers store copy --from ~/formations \\\n    --to postgres://allervers@db.example.org/formations\n  allervers store copy --from ~/formations-pg --to ~/formations-copie":
            "Chaque enregistrement est copié avec ses identifiants en une seule \\\ntransaction, puis vérifié à son arrivée : les chaînes de hachage des \\\njournaux de présences et de sessions sont recalculées et les signatures de \\\nchaque certificat vérifiées. Une cible qui contient déjà des enregistrements \\\nest refusée. Vers un dossier, les fichiers de clés de la source sont aussi \\\ncopiés ; vers une base, seuls les enregistrements le sont : rejoignez-la \\\navec `allervers init --database URL` et copiez les clés dans cet espace \\\nde travail.\n\nExemples :\n  allervers store copy --from ~/formations \\\n    --to postgres://allervers@db.example.org/formations\n  allervers store copy --from ~/formations-pg --to ~/formations-copie",
        "Every session that is not cancelled, or the one named. OVER 2 DAYS marks the sessions where Qualiopi's indicator 12 expects a follow-up.\n\nExample:\n  allervers attendance alerts --session AV-FOND-2026-03-LYON":
            "Chaque session qui n'est pas annulée, ou celle nommée. PLUS DE 2 JOURS marque les sessions où l'indicateur 12 de Qualiopi attend un suivi.\n\nExemple :\n  allervers attendance alerts --session AV-FOND-2026-03-LYON",
        "Every word must appear in one of them; case, accents and runs of spaces do not matter (garnier, Garnier and GARNIÉR find the same people). No match is not an error, as with grep, unless --require.\n\nExample:\n  allervers participant find garnier\n  allervers participant find \"ccas villeurbanne\" --json":
            "Chaque mot doit figurer dans l'un de ces champs ; la casse, les accents et les espaces répétés sont sans importance (garnier, Garnier et GARNIÉR trouvent les mêmes personnes). L'absence de résultat n'est pas une erreur, comme avec grep, sauf avec --require.\n\nExemple :\n  allervers participant find garnier\n  allervers participant find \"ccas villeurbanne\" --json",
        "Everyone holding a seat and not named otherwise was present.":
            "Marquer présents tous ceux qui occupent une place et ne sont pas nommés autrement.",
        "Everyone on the staff (with edit: instead of the roles or people named before).":
            "Tout le personnel (avec edit : à la place des fonctions ou personnes indiquées auparavant).",
        "Evidence":
            "Justificatif",
        "Example:\n  allervers account disable claire":
            "Exemple :\n  allervers account disable claire",
        "Example:\n  allervers account list":
            "Exemple :\n  allervers account list",
        "Example:\n  allervers attendance history AV-FOND-2026-03-LYON --participant P-0002":
            "Exemple :\n  allervers attendance history AV-FOND-2026-03-LYON --participant P-0002",
        "Example:\n  allervers attendance hours --from 2026-01-01 --to 2026-12-31 --json":
            "Exemple :\n  allervers attendance hours --from 2026-01-01 --to 2026-12-31 --json",
        "Example:\n  allervers certificate show AV-2026-000001":
            "Exemple :\n  allervers certificate show AV-2026-000001",
        "Example:\n  allervers course list\n  allervers course list --json":
            "Exemple :\n  allervers course list\n  allervers course list --json",
        "Example:\n  allervers course show AV-FOND\n  allervers course show AV-FOND --version 1.0 --json":
            "Exemple :\n  allervers course show AV-FOND\n  allervers course show AV-FOND --version 1.0 --json",
        "Example:\n  allervers course validate Courses/aller-vers-fondamentaux.xml Courses/":
            "Exemple :\n  allervers course validate Courses/aller-vers-fondamentaux.xml Courses/",
        "Example:\n  allervers employer edit E-0002 --kind association --siret 73282932000074":
            "Exemple :\n  allervers employer edit E-0002 --kind association --siret 73282932000074",
        "Example:\n  allervers employer list --json":
            "Exemple :\n  allervers employer list --json",
        "Example:\n  allervers employer show \"CCAS de Villeurbanne\"":
            "Exemple :\n  allervers employer show \"CCAS de Villeurbanne\"",
        "Example:\n  allervers exemption list P-0005":
            "Exemple :\n  allervers exemption list P-0005",
        "Example:\n  allervers external list P-0003 --json":
            "Exemple :\n  allervers external list P-0003 --json",
        "Example:\n  allervers external remove X-0001":
            "Exemple :\n  allervers external remove X-0001",
        "Example:\n  allervers key show":
            "Exemple :\n  allervers key show",
        "Example:\n  allervers obligation list --employer E-0001":
            "Exemple :\n  allervers obligation list --employer E-0001",
        "Example:\n  allervers obligation remove O-0002":
            "Exemple :\n  allervers obligation remove O-0002",
        "Example:\n  allervers obligation show O-0001 --json":
            "Exemple :\n  allervers obligation show O-0001 --json",
        "Example:\n  allervers organisation set --name \"Institut Aller-Vers\" \\\n    --address \"12 rue des Lices, 49100 Angers\" \\\n    --declaration-number 52490123449 --signatory \"Claire Martin\" \\\n    --signatory-title Directrice":
            "Exemple :\n  allervers organisation set --name \"Institut Aller-Vers\" \\\n    --address \"12 rue des Lices, 49100 Angers\" \\\n    --declaration-number 52490123449 --signatory \"Claire Martin\" \\\n    --signatory-title Directrice",
        "Example:\n  allervers organisation show --json":
            "Exemple :\n  allervers organisation show --json",
        "Example:\n  allervers participant add --first-name Camille --last-name Roux \\\n    --email camille.roux@example.org \\\n    --profession \"éducatrice spécialisée\" --employer \"CCAS de Villeurbanne\" \\\n    --hire-date 2025-09-01":
            "Exemple :\n  allervers participant add --first-name Camille --last-name Roux \\\n    --email camille.roux@example.org \\\n    --profession \"éducatrice spécialisée\" --employer \"CCAS de Villeurbanne\" \\\n    --hire-date 2025-09-01",
        "Example:\n  allervers participant list --json":
            "Exemple :\n  allervers participant list --json",
        "Example:\n  allervers participant remove P-0012":
            "Exemple :\n  allervers participant remove P-0012",
        "Example:\n  allervers participant show camille.roux@example.org":
            "Exemple :\n  allervers participant show camille.roux@example.org",
        "Example:\n  allervers progress show AV-FOND-2026-03-LYON":
            "Exemple :\n  allervers progress show AV-FOND-2026-03-LYON",
        "Example:\n  allervers retention show":
            "Exemple :\n  allervers retention show",
        "Example:\n  allervers session cancel AV-FOND-2026-03-LYON":
            "Exemple :\n  allervers session cancel AV-FOND-2026-03-LYON",
        "Example:\n  allervers session show AV-FOND-2026-03-LYON":
            "Exemple :\n  allervers session show AV-FOND-2026-03-LYON",
        "Example:\n  allervers session withdraw AV-FOND-2026-03-LYON P-0003":
            "Exemple :\n  allervers session withdraw AV-FOND-2026-03-LYON P-0003",
        "Example:\n  allervers trainer list":
            "Exemple :\n  allervers trainer list",
        "Example:\n  printf '%s\\n' \"$PASSWORD\" | allervers account password claire":
            "Exemple :\n  printf '%s\\n' \"$PASSWORD\" | allervers account password claire",
        "Exempt someone from an obligation (or all) until a day, for a reason.":
            "Dispenser une personne d'une obligation (ou de toutes) jusqu'à une date, pour un motif donné.",
        "Exempt someone from an obligation for a while, for a reason.":
            "Dispenser une personne d'une obligation pour un temps, pour un motif donné.",
        "Exit level":
            "Niveau de sortie",
        "Exit with status 1 when nobody matches.":
            "Sortir avec le code 1 si personne ne correspond.",
        "Exit with status 1 when the records lack something the form needs.":
            "Sortir avec le code 1 quand il manque aux enregistrements une donnée dont le formulaire a besoin.",
        "Expected results: {}":
            "Résultats attendus : {}",
        "Exports, audit packs and backups made before still hold their names: delete them where they are kept.":
            "Les exports, dossiers d'audit et sauvegardes faits avant contiennent encore leurs noms : supprimez-les là où ils sont gardés.",
        "External id":
            "Identifiant externe",
        "FIRST DUE":
            "PREMIÈRE ÉCHÉANCE",
        "FOR PERIODS":
            "POUR LES PÉRIODES",
        "FROM":
            "DU",
        "Find people by name, email, employer, id or external id.":
            "Rechercher des personnes par nom, e-mail, employeur, identifiant ou identifiant externe.",
        "First due":
            "Première échéance",
        "Follow each participant's progress: modules done, objectives positioned and assessed.":
            "Suivre la progression de chaque participant : modules effectués, objectifs positionnés et évalués.",
        "Follow-up #{} recorded: {}, {} on {} by {}, for {}":
            "Suivi n° {} enregistré : {}, {} le {} par {}, pour {}",
        "Follow-ups of absences intact: {} checked":
            "Suivis des absences vérifiés et intacts : {}",
        "Follow-ups of absences:":
            "Suivis des absences :",
        "For a correction: record the corrected attendance or results first, then reissue. The old certificate is revoked and the new one, with a new number, names it.\n\nExample:\n  allervers certificate reissue AV-2026-000001 \\\n    --reason \"attendance of 2026-03-13 corrected\"":
            "Pour une correction : enregistrez d'abord les présences ou les résultats corrigés, puis réémettez. L'ancien certificat est révoqué et le nouveau, avec un nouveau numéro, le mentionne.\n\nExemple :\n  allervers certificate reissue AV-2026-000001 \\\n    --reason \"attendance of 2026-03-13 corrected\"",
        "For an employer's account: the employer (id or name) whose staff it sees.":
            "Pour le compte d'un employeur : l'employeur (identifiant ou nom) dont il voit le personnel.",
        "From outside the organisation: a subcontractor, a freelance trainer.":
            "Extérieur à l'organisme : un sous-traitant, un formateur indépendant.",
        "From the offers' actions: {}, planned {}":
            "D'après les actions des offres : {}, {} planifiée(s)",
        "From the offers' actions: {}, would plan {}":
            "D'après les actions des offres : {}, {} à planifier",
        "Funder: {}":
            "Financeur : {}",
        "Funders: {}":
            "Financeurs : {}",
        "GRACE":
            "GRÂCE",
        "Gender":
            "Genre",
        "General objective: {}":
            "Objectif général : {}",
        "Give only what changes, with the options of `obligation add`. The new rule governs the periods that begin from today (a completion from today on, or a hire for someone never trained); the periods under way keep the rule they began under, unless --apply-to-existing. Who it applies to and what satisfies it change for everyone at once. The command says how many periods under way it changes; --dry-run says it without changing anything. The earlier versions stay: `obligation show` lists them, and `compliance --known-at` uses the rule as it was known then.\n\nExample:\n  allervers obligation edit O-0001 --validity 24 --dry-run\n  allervers obligation edit O-0001 --validity 24 --apply-to-existing":
            "Indiquez seulement ce qui change, avec les options de `obligation add`. La nouvelle règle régit les périodes qui commencent à partir d'aujourd'hui (une formation suivie à partir d'aujourd'hui, ou une entrée pour une personne jamais formée) ; les périodes en cours gardent la règle sous laquelle elles ont commencé, sauf avec --apply-to-existing. Les personnes concernées et ce qui satisfait l'obligation changent pour tout le monde à la fois. La commande indique combien de périodes en cours elle modifie ; --dry-run l'indique sans rien modifier. Les versions antérieures sont conservées : `obligation show` les liste, et `compliance --known-at` applique la règle telle qu'elle était connue à cette date.\n\nExemple :\n  allervers obligation edit O-0001 --validity 24 --dry-run\n  allervers obligation edit O-0001 --validity 24 --apply-to-existing",
        "Grace":
            "Délai de grâce",
        "Group":
            "Groupe",
        "HALF-DAY":
            "DEMI-JOURNÉE",
        "HALF-DAYS":
            "DEMI-JOURNÉES",
        "HIRED":
            "ENTRÉE",
        "HOURS":
            "HEURES",
        "Half-day":
            "Demi-journée",
        "Half-days run 09:00–12:30 and 13:30–17:00 on working days (not a weekend nor a public holiday; --calendar alsace-moselle adds Good Friday and 26 December) unless --morning/--afternoon say otherwise; a --start on a day off says so and begins on the next working day. --slots FILE takes an irregular schedule, a CSV with the columns date;start;end;modules (modules separated by spaces), such as practice-analysis groups spread over weeks or outreach days: several slots in a half-day, an evening maraude, a night round (a slot that ends at or before its start ends the next day, and lasts the time that really passes, clock changes included). Optional columns place;address or site;site_description hold a slot elsewhere than the session's place; remote, how presence was established for a slot held remotely. A slot on a public holiday is refused unless --allow-holiday. A trainer or a place booked elsewhere at the same time is refused.\n\nExample:\n  allervers session plan AV-FOND --start 2026-03-12 \\\n    --id AV-FOND-2026-03-LYON \\\n    --room \"Salle Rhône\" --address \"3 quai Perrache, 69002 Lyon\" \\\n    --trainer \"Claire Martin\"":
            "Les demi-journées vont de 09:00 à 12:30 et de 13:30 à 17:00 les jours ouvrés (ni week-end ni jour férié ; --calendar alsace-moselle ajoute le Vendredi saint et le 26 décembre), sauf indication contraire de --morning/--afternoon ; un --start tombant un jour non ouvré le signale et commence le jour ouvré suivant. --slots FILE accepte un planning irrégulier, un CSV avec les colonnes date;start;end;modules (modules séparés par des espaces), par exemple des groupes d'analyse des pratiques étalés sur plusieurs semaines ou des journées sur des sites d'intervention : plusieurs créneaux dans une demi-journée, une maraude en soirée, une tournée de nuit (un créneau qui se termine à son heure de début ou avant se termine le lendemain, et dure le temps réellement écoulé, changements d'heure compris). Les colonnes facultatives place;address ou site;site_description permettent de tenir un créneau ailleurs que dans le lieu de la session ; remote indique comment la présence a été constatée pour un créneau à distance. Un créneau tombant un jour férié est refusé, sauf avec --allow-holiday. Un formateur ou un lieu déjà réservé ailleurs au même moment est refusé.\n\nExemple :\n  allervers session plan AV-FOND --start 2026-03-12 \\\n    --id AV-FOND-2026-03-LYON \\\n    --room \"Salle Rhône\" --address \"3 quai Perrache, 69002 Lyon\" \\\n    --trainer \"Claire Martin\"",
        "Handed to {}":
            "Confiée à {}",
        "Help:  ":
            "Aide :  ",
        "Hired":
            "Date d'entrée",
        "Holder":
            "Titulaire",
        "Hours":
            "Heures",
        "Hours attended":
            "Heures suivies",
        "Hours each participant attended over a period, across every session.":
            "Afficher les heures suivies par chaque participant sur une période, toutes sessions confondues.",
        "Hours: {}":
            "Heures : {}",
        "How long a completion counts.":
            "Durée pendant laquelle une formation suivie compte.",
        "How long each kind of record is kept after its session ends.":
            "Combien de temps chaque sorte de pièce est conservée après la fin de sa session.",
        "How long it lasted (7, 3.5).":
            "Sa durée en heures (7, 3.5).",
        "How many years after the session ends.":
            "Combien d'années après la fin de la session.",
        "How the participant was reached: call, message or meeting.":
            "Comment le participant a été joint : appel, message ou entretien.",
        "ID":
            "ID",
        "ISSUED":
            "DÉLIVRÉ",
        "Id":
            "Identifiant",
        "Id, email or external id.":
            "Identifiant, e-mail ou identifiant externe.",
        "Import a digitised paper sheet: a CSV, all of it or none.":
            "Importer une feuille papier numérisée : un CSV, entièrement ou pas du tout.",
        "Import course files into the workspace, all of them or none.":
            "Importer des fichiers de formation dans l'espace de travail, tous ou aucun.",
        "Import participants from a CSV file, all of them or none.":
            "Importer des participants depuis un fichier CSV, tous ou aucun.",
        "Imported":
            "Import de",
        "Imported {} from {}":
            "Import terminé : {} depuis {}",
        "In the role since":
            "Dans la fonction depuis",
        "Income by cadre C line, before tax; repeat for several.":
            "Produits par ligne du cadre C, hors taxes ; à répéter pour plusieurs.",
        "Income: {} {} €{}":
            "Produits : {} {} €{}",
        "Initial positioning":
            "Positionnement initial",
        "Into FOLDER/SESSION/ (FOLDER is Exports unless --out says otherwise):\n  attendance.csv            one row per participant per half-day, as funders ask\n  hours.csv                 hours planned and attended per participant, decision, certificate\n  xapi-statements.jsonl     attended / completed / passed statements for a learning record store\n  sign-in-sheets.pdf        the feuilles d'émargement, filled from the records\n  certificates/NUMBER-certificat-de-realisation.pdf   every certified participant\n  certificates/NUMBER-attestation-de-fin-de-formation.pdf   eligible participants\n  certificates/NUMBER-open-badge.jwt                   eligible participants (Open Badges 3.0, VC-JWT)\nCSV files are UTF-8 with a BOM and ';' as French spreadsheets expect; a cell that a spreadsheet would take for a formula is prefixed with '. Certificate PDFs are sealed: `allervers verify FILE.pdf` detects any changed byte. Everything is made before anything is written. A progress bar shows on a terminal.\n\nExamples:\n  allervers export records AV-FOND-2026-03-LYON\n  allervers export records AV-FOND-2026-03-LYON --lang en --out /tmp/records\n  allervers export records --from 2026-01-01 --to 2026-03-31":
            "Dans FOLDER/SESSION/ (FOLDER vaut Exports sauf si --out indique autre chose) :\n  attendance.csv            une ligne par participant et par demi-journée, comme le demandent les financeurs\n  hours.csv                 heures prévues et suivies par participant, décision, certificat\n  xapi-statements.jsonl     déclarations attended / completed / passed pour un LRS (learning record store)\n  sign-in-sheets.pdf        les feuilles d'émargement, remplies d'après les enregistrements\n  certificates/NUMBER-certificat-de-realisation.pdf   chaque participant ayant reçu un certificat\n  certificates/NUMBER-attestation-de-fin-de-formation.pdf   participants éligibles\n  certificates/NUMBER-open-badge.jwt                   participants éligibles (Open Badges 3.0, VC-JWT)\nLes fichiers CSV sont en UTF-8 avec BOM et « ; » comme séparateur, comme l'attendent les tableurs français ; une cellule qu'un tableur prendrait pour une formule est préfixée d'une apostrophe ('). Les PDF des certificats sont scellés : `allervers verify FILE.pdf` détecte tout octet modifié. Tout est produit avant que rien ne soit écrit. Une barre de progression s'affiche dans un terminal.\n\nExemples :\n  allervers export records AV-FOND-2026-03-LYON\n  allervers export records AV-FOND-2026-03-LYON --lang en --out /tmp/records\n  allervers export records --from 2026-01-01 --to 2026-03-31",
        "Issued":
            "Délivré le",
        "Issued on":
            "Délivré le",
        "Its SIRET (14 digits).":
            "Son SIRET (14 chiffres).",
        "Its SIRET (14 digits); \"\" clears it.":
            "Son SIRET (14 chiffres) ; \"\" l'efface.",
        "Its id or name.":
            "Son identifiant ou son nom.",
        "Its last day.":
            "Son dernier jour.",
        "Joined the records in {} from {}":
            "Espace de travail {2} relié aux enregistrements de {1}",
        "KEPT UNTIL":
            "CONSERVÉ JUSQU'AU",
        "KIND":
            "TYPE",
        "KIND is sign-in-sheets, certificates, assessments, follow-ups or training-elsewhere. With --funder (a source of cadre C, such as opco-skills-plan or region), the rule governs the sessions that funder paid for, and must be longer than the rule for every session. Below four years, refused.\n\nExamples:\n  allervers retention set certificates 10 --funder region\n  allervers retention set sign-in-sheets 8":
            "KIND vaut sign-in-sheets, certificates, assessments, follow-ups ou training-elsewhere. Avec --funder (une origine du cadre C, comme opco-skills-plan ou region), la règle vaut pour les sessions payées par ce financeur, et doit être plus longue que la règle de toutes les sessions. Sous quatre ans, refusé.\n\nExemples :\n  allervers retention set certificates 10 --funder region\n  allervers retention set sign-in-sheets 8",
        "Keep the records in this PostgreSQL database (postgres://USER@HOST[:PORT]/DATABASE; the password from PGPASSWORD or ~/.pgpass, never stored) rather than in a SQLite file in the folder. A database that already holds an organisation's records is joined: copy that organisation's keys into the new .allervers/ to sign with them.":
            "Conserver les enregistrements dans cette base PostgreSQL (postgres://USER@HOST[:PORT]/DATABASE ; le mot de passe vient de PGPASSWORD ou de ~/.pgpass et n'est jamais conservé) plutôt que dans un fichier SQLite du dossier. Une base qui contient déjà les enregistrements d'un organisme est rejointe : copiez les clés de cet organisme dans le nouveau .allervers/ pour signer avec elles.",
        "Kept although past retention: {}":
            "Gardées malgré la durée dépassée : {}",
        "Kind":
            "Type",
        "LABEL":
            "LIBELLÉ",
        "LAST DAY":
            "DERNIER JOUR",
        "LEAD":
            "PRÉAVIS",
        "LEFT":
            "SORTI",
        "LHEO names the organisation by its SIRET: set it with `allervers organisation set … --siret 14DIGITS`":
            "LHEO désigne l'organisme par son SIRET : renseignez-le avec `allervers organisation set … --siret 14CHIFFRES`",
        "LINE":
            "LIGNE",
        "LOGIN":
            "IDENTIFIANT",
        "Last day":
            "Dernier jour",
        "Leave the attendance column empty, to print before the session.":
            "Laisser vide la colonne des présences, pour imprimer avant la session.",
        "Levels: acquired, partly-acquired, not-acquired (or acquis, en cours d'acquisition, non acquis); or a --score out of 100. --positioning is the initial positioning, --assessment the assessment of learning.\n\nExample:\n  allervers progress set AV-FOND-2026-03-LYON P-0001 --module M2 \\\n    --status completed\n  allervers progress set AV-FOND-2026-03-LYON P-0001 --objective O3 \\\n    --assessment acquired\n  allervers progress set AV-FOND-2026-03-LYON P-0001 --objective O3 \\\n    --positioning not-acquired --score 30":
            "Niveaux : acquired, partly-acquired, not-acquired (ou acquis, en cours d'acquisition, non acquis) ; ou une note --score sur 100. --positioning correspond au positionnement initial, --assessment à l'évaluation des acquis.\n\nExemple :\n  allervers progress set AV-FOND-2026-03-LYON P-0001 --module M2 \\\n    --status completed\n  allervers progress set AV-FOND-2026-03-LYON P-0001 --objective O3 \\\n    --assessment acquired\n  allervers progress set AV-FOND-2026-03-LYON P-0001 --objective O3 \\\n    --positioning not-acquired --score 30",
        "List certificates: a session's, or every session's narrowed by dates, course, employer or state.":
            "Lister les certificats : ceux d'une session, ou ceux de toutes les sessions filtrés par dates, formation, employeur ou état.",
        "List participants.":
            "Lister les participants.",
        "List the accounts.":
            "Lister les comptes.",
        "List the courses in the workspace, every version.":
            "Lister les formations de l'espace de travail, toutes versions comprises.",
        "List the employers, with their staff and the spellings merged into each.":
            "Lister les employeurs, avec leur effectif et les graphies regroupées sous chacun.",
        "List the exemptions.":
            "Lister les dispenses.",
        "List the obligations in force.":
            "Lister les obligations en vigueur.",
        "List the sessions: seats taken out of the capacity, and how many wait.":
            "Lister les sessions : places occupées sur la capacité, et nombre de personnes en liste d'attente.",
        "List training done elsewhere.":
            "Lister les formations suivies ailleurs.",
        "List, show, revoke and reissue certificates. They are never rewritten.":
            "Lister, afficher, révoquer et réémettre les certificats. Ils ne sont jamais réécrits.",
        "Log in":
            "Se connecter",
        "Log out":
            "Se déconnecter",
        "Login":
            "Identifiant",
        "MARK":
            "RELEVÉ",
        "MINIMUM":
            "MINIMUM",
        "MODALITY":
            "MODALITÉ",
        "MODULES":
            "MODULES",
        "Matrix":
            "Matrice",
        "Matrix (CSV)":
            "Matrice (CSV)",
        "Matrix (PDF)":
            "Matrice (PDF)",
        "Merge a duplicate into the participant to keep.":
            "Fusionner un doublon dans le participant à conserver.",
        "Merged {} into {}":
            "Participant {} fusionné dans {}",
        "Missing expected argument '{}'":
            "argument attendu manquant : « {} »",
        "Missing from the records ({}):":
            "Données manquantes ({}) :",
        "Missing one of: '{}'":
            "il manque l'un de : « {} »",
        "Missing value for '{}'":
            "valeur manquante pour « {} »",
        "Modules":
            "Modules",
        "Modules: · not started, … in progress, ✓ completed. Objectives: positioning→assessment, A acquired, PA partly, NA not, or a score.":
            "Modules : · pas commencé, … en cours, ✓ terminé. Objectifs : positionnement→évaluation, A acquis, PA en cours d'acquisition, NA non acquis, ou une note.",
        "Months after the hire (or --after role) by which the first is due.":
            "Nombre de mois après la date d'entrée (ou --after role) fixant la première échéance.",
        "Morning hours, HH:MM-HH:MM.":
            "Les horaires du matin, HH:MM-HH:MM.",
        "Move a workspace's records between SQLite and PostgreSQL.":
            "Déplacer les enregistrements d'un espace de travail entre SQLite et PostgreSQL.",
        "My sessions":
            "Mes sessions",
        "NAME":
            "NOM",
        "NOTE":
            "NOTE",
        "Name":
            "Nom",
        "Nature of the action":
            "Nature de l'action",
        "New times of a half-day not started yet.":
            "Les nouveaux horaires d'une demi-journée pas encore commencée.",
        "No absence waits for a follow-up":
            "Aucune absence n'attend de suivi",
        "No account yet: add one with `allervers account add LOGIN --name NAME`.":
            "Aucun compte pour l'instant : ajoutez-en un avec `allervers account add LOGIN --name NAME`.",
        "No certificate at this address":
            "Aucun certificat à cette adresse",
        "No certificate matches.":
            "Aucun certificat ne correspond.",
        "No certificate yet.":
            "Aucun certificat pour l'instant.",
        "No course yet: import some with `allervers course import FILE`.":
            "Aucune formation pour l'instant : importez-en avec `allervers course import FILE`.",
        "No employer yet: add one with `allervers employer add NAME`, or import participants with an employer column.":
            "Aucun employeur pour l'instant : ajoutez-en un avec `allervers employer add NAME`, ou importez des participants avec une colonne employeur.",
        "No exemption recorded.":
            "Aucune dispense enregistrée.",
        "No match for \"{}\".":
            "Aucun résultat pour « {} ».",
        "No obligation applies to anyone at {} on {}.":
            "Aucune obligation ne concerne le personnel de {} au {}.",
        "No obligation yet: add one with `allervers obligation add`.":
            "Aucune obligation pour l'instant : ajoutez-en une avec `allervers obligation add`.",
        "No organisation identity yet: documents need one. Add it with `allervers organisation set`.":
            "Pas encore d'identité de l'organisme : les documents en ont besoin. Ajoutez-la avec `allervers organisation set`.",
        "No participant yet: add some with `allervers participant import FILE.csv`.":
            "Aucun participant pour l'instant : ajoutez-en avec `allervers participant import FILE.csv`.",
        "No session lists {} as a trainer.":
            "Aucune session ne compte {} parmi ses formateurs.",
        "No session matches.":
            "Aucune session ne correspond.",
        "No session yet: plan one with `allervers session plan COURSE --start DATE`.":
            "Aucune session pour l'instant : planifiez-en une avec `allervers session plan COURSE --start DATE`.",
        "No training done elsewhere recorded.":
            "Aucune formation suivie ailleurs n'est enregistrée.",
        "No training was delivered in the period: the form's figures are zeros.":
            "Aucune formation dispensée sur la période : les chiffres du formulaire sont à zéro.",
        "Nobody enrolled yet.":
            "Personne n'est encore inscrit.",
        "Nobody has an obligation on {}.":
            "Personne n'a d'obligation au {}.",
        "Nobody to anonymise: nothing was changed.":
            "Personne à anonymiser : rien n'a été changé.",
        "Nobody to remind on {}.":
            "Personne à relancer au {}.",
        "Nobody works there now.":
            "Personne n'y travaille actuellement.",
        "Not possible":
            "Impossible",
        "Not signed":
            "Signature non enregistrée",
        "Note: {} is {}: the first half-day is on {}":
            "Remarque : le {} est {} : la première demi-journée est le {}",
        "Nothing to change in {}":
            "Rien à modifier pour {}",
        "Nothing to change: {} already reads so":
            "Rien à modifier : {} comporte déjà ces informations",
        "Nothing was recorded.":
            "Rien n'a été enregistré.",
        "Number":
            "Numéro",
        "OBJECTIVES":
            "OBJECTIFS",
        "OBLIGATION":
            "OBLIGATION",
        "ON":
            "LE",
        "OPTIONS:":
            "OPTIONS :",
        "OVER 2 DAYS":
            "PLUS DE 2 JOURS",
        "OVERVIEW: ":
            "RÉSUMÉ : ",
        "Objectives":
            "Objectifs",
        "Obligation":
            "Obligation",
        "Obligations":
            "Obligations",
        "Of this course.":
            "De cette formation.",
        "Offer":
            "Offre",
        "Offered as action {}":
            "Proposée en action {}",
        "One completion is enough for good (with edit: no validity any more).":
            "Une seule formation suivie suffit définitivement (avec edit : plus de durée de validité).",
        "One folder for a Qualiopi auditor: the period's records, by indicator, with an index and their SHA-256.":
            "Un dossier pour l'auditeur Qualiopi : les enregistrements de la période, par indicateur, avec un index et leurs SHA-256.",
        "One sheet per half-day: course, module, date, times, place, trainers, a row and a signature box per seated participant, and a box for the trainers.\n\nExamples:\n  allervers export sheets AV-FOND-2026-03-LYON --blank\n  allervers export sheets AV-FOND-2026-03-LYON --out emargement.pdf":
            "Une feuille par demi-journée : formation, module, date, horaires, lieu, formateurs, une ligne et une case de signature par participant ayant une place, et une case pour les formateurs.\n\nExemples :\n  allervers export sheets AV-FOND-2026-03-LYON --blank\n  allervers export sheets AV-FOND-2026-03-LYON --out emargement.pdf",
        "Only list who would be anonymised and who kept; change nothing.":
            "Seulement lister qui serait anonymisé et qui gardé ; ne rien changer.",
        "Only people of this profession or role.":
            "Uniquement les personnes de cette profession ou fonction.",
        "Only the counts per employer and profession, not a line per person.":
            "Uniquement les totaux par employeur et par profession, sans ligne par personne.",
        "Only the sessions this funder paid for.":
            "Seulement les sessions payées par ce financeur.",
        "Only this course's.":
            "Uniquement ceux de cette formation.",
        "Only this employer (id or name).":
            "Uniquement cet employeur (identifiant ou nom).",
        "Only this employer's (id or name).":
            "Uniquement celles de cet employeur (identifiant ou nom).",
        "Only this obligation. Default: all.":
            "Uniquement cette obligation. Par défaut : toutes.",
        "Only this participant (id, email or external id).":
            "Uniquement ce participant (identifiant, e-mail ou identifiant externe).",
        "Only this person (id, email or external id).":
            "Uniquement cette personne (identifiant, e-mail ou identifiant externe).",
        "Only this person's.":
            "Uniquement celles de cette personne.",
        "Only this session.":
            "Seulement cette session.",
        "Only those held by this employer's staff (id or name).":
            "Uniquement ceux détenus par le personnel de cet employeur (identifiant ou nom).",
        "Only what had been recorded by the end of that day (Europe/Paris).":
            "Uniquement ce qui avait été enregistré à la fin de ce jour (Europe/Paris).",
        "Open Badges credential":
            "badge numérique Open Badges",
        "Open this half-day for signing":
            "Ouvrir l'émargement de cette demi-journée",
        "Organisation identity set: {}":
            "Identité de l'organisme définie : {}",
        "PARTICIPANT":
            "PARTICIPANT",
        "PDF signature (PAdES, RSA-2048) valid over the whole file, its certificate naming the same issuer":
            "signature PDF (PAdES, RSA-2048) valide sur l'ensemble du fichier, son certificat désignant le même émetteur",
        "PDF signed with this workspace's certificate":
            "PDF signé avec le certificat de cet espace de travail",
        "PEOPLE":
            "PERSONNES",
        "PLACE":
            "LIEU",
        "PLANNED":
            "PRÉVU",
        "PROFESSION":
            "PROFESSION",
        "PROVIDER":
            "ORGANISME",
        "Paid for by European funds":
            "Financée par des fonds européens",
        "Participant":
            "Participant",
        "Participants (id, email or external id).":
            "Les participants (identifiant, e-mail ou identifiant externe).",
        "Participants are named by id, email or external id. The course's prerequisites are checked; declared experience counts once the trainer confirms it.\n\nExample:\n  allervers session enrol AV-TERRAIN-2026-05 P-0001 camille.roux@example.org \\\n    --experience-confirmed":
            "Les participants sont désignés par identifiant, e-mail ou identifiant externe. Les prérequis de la formation sont vérifiés ; l'expérience déclarée compte dès que le formateur la confirme.\n\nExemple :\n  allervers session enrol AV-TERRAIN-2026-05 P-0001 camille.roux@example.org \\\n    --experience-confirmed",
        "Participants away without a valid reason.":
            "Les participants absents sans motif valable.",
        "Participants present.":
            "Les participants présents.",
        "Password":
            "Mot de passe",
        "Password of {} changed":
            "Mot de passe de {} modifié",
        "Place: {}":
            "Lieu : {}",
        "Place: {}, {}":
            "Lieu : {}, {}",
        "Plan a session: lay its half-days out from the course's modules, or take them from a file.":
            "Planifier une session : répartir ses demi-journées d'après les modules de la formation, ou les reprendre d'un fichier.",
        "Plan sessions of a course, enrol participants, close, reopen or cancel.":
            "Planifier les sessions d'une formation, inscrire des participants, clore, rouvrir ou annuler.",
        "Planned session {}: {}, {} hours":
            "Session {} planifiée : {}, {} heures",
        "Prerequisites":
            "Prérequis",
        "Print JSON instead of a table, for scripts.":
            "Afficher du JSON au lieu d'un tableau, pour les scripts.",
        "Print the issuer's did:key, which anyone can check signatures against.":
            "Afficher le did:key de l'émetteur, avec lequel chacun peut vérifier les signatures.",
        "Profession":
            "Profession",
        "Provider":
            "Organisme",
        "Public address":
            "Adresse publique",
        "Public page":
            "Page publique",
        "Public {}":
            "Public {}",
        "Purge #{} recorded in the chained log: {} anonymised.":
            "Purge n° {} inscrite au journal chaîné : {} anonymisée(s).",
        "Purges intact: {} checked, each erased row named by its purge":
            "Purges intactes : {} vérifiée(s), chaque ligne effacée nommée par sa purge",
        "Put the workspace's signing keys in the snapshot too.":
            "Inclure aussi dans la sauvegarde les clés de signature de l'espace de travail.",
        "QR payload":
            "Contenu du QR code",
        "RATE":
            "TAUX",
        "REASON":
            "MOTIF",
        "RECORDED":
            "ENREGISTRÉ",
        "RNCP {} is not a number of the register: left out":
            "RNCP {} n'est pas un numéro du répertoire : laissé de côté",
        "ROLE":
            "RÔLE",
        "Rate":
            "Taux",
        "Reasons":
            "Motifs",
        "Receipt":
            "Reçu",
        "Record":
            "Relevé",
        "Record a contact with a participant after an unexcused absence.":
            "Enregistrer un contact avec un participant après une absence non justifiée.",
        "Record a group's results on the objectives from a CSV, all or none.":
            "Enregistrer depuis un CSV les résultats d'un groupe sur les objectifs, entièrement ou pas du tout.",
        "Record a module's state, or a result on an objective.":
            "Enregistrer l'état d'un module, ou un résultat sur un objectif.",
        "Record a trainer as of the organisation (the default) or external.":
            "Enregistrer un formateur comme faisant partie de l'organisme (par défaut) ou extérieur.",
        "Record a whole half-day in one command.":
            "Relever les présences d'une demi-journée entière en une seule commande.",
        "Record half-days without a record as absent.":
            "Relever comme absences les demi-journées sans relevé.",
        "Record trainers as people: of the organisation, or from outside it.":
            "Enregistrer les formateurs comme des personnes : de l'organisme, ou extérieurs.",
        "Record training someone did with another provider.":
            "Enregistrer une formation suivie par une personne auprès d'un autre organisme.",
        "Record who was there each half-day, import a paper sheet, show the grid and the history.":
            "Relever les présences de chaque demi-journée, importer une feuille papier, afficher la grille et l'historique.",
        "Recorded":
            "Enregistré",
        "Recorded at":
            "Enregistrée le",
        "Recorded {} for {}":
            "Formation externe {} enregistrée pour {}",
        "Recorded {} for {} from {}":
            "Enregistré : {} pour {} depuis {}",
        "Recorded {} of {}: {}":
            "Présences relevées pour {} ({}) : {}",
        "Records kept until a day before this one are past retention; not after today.":
            "Les pièces à conserver jusqu'à un jour antérieur à celui-ci ont dépassé leur durée ; pas après aujourd'hui.",
        "Records past retention before {}":
            "Pièces ayant dépassé leur durée de conservation avant le {}",
        "Refused while a seated participant has no record for a half-day; the error names the half-days. --unrecorded absent records those as absent (in the chained log) and closes.\n\nExamples:\n  allervers session close AV-FOND-2026-03-LYON\n  allervers session close AV-FOND-2026-03-LYON --unrecorded absent":
            "Refusé tant qu'un participant ayant une place n'a pas de relevé pour une demi-journée ; l'erreur indique ces demi-journées. --unrecorded absent les relève comme absences (dans le journal chaîné) et clôt la session.\n\nExemples :\n  allervers session close AV-FOND-2026-03-LYON\n  allervers session close AV-FOND-2026-03-LYON --unrecorded absent",
        "Reissued {} as {} ({}, {} attended)":
            "Certificat {} réémis sous le numéro {} ({}, {} suivies)",
        "Remind again every N days while someone stays in the state.":
            "Relancer de nouveau tous les N jours tant que la personne reste dans cet état.",
        "Remove a participant who has no record at all (never enrolled).":
            "Supprimer un participant qui n'a aucun enregistrement (jamais inscrit).",
        "Removed":
            "Retiré",
        "Removed from the workspace long ago, their names erased from the change log: {}":
            "Retirés de l'espace de travail il y a longtemps, leurs noms effacés du journal des modifications : {}",
        "Removed obligation {}":
            "Obligation {} retirée",
        "Removed {}":
            "Retiré : {}",
        "Renamed":
            "Renommée",
        "Reopen a closed session whose certificates are all revoked, or that has none, for a reason.":
            "Rouvrir, pour un motif donné, une session close dont tous les certificats sont révoqués, ou qui n'en a aucun.",
        "Reopened {}: {}":
            "Session {} rouverte : {}",
        "Replace a certificate with a new one decided from the records as they stand now.":
            "Remplacer un certificat par un nouveau, décidé d'après les enregistrements tels qu'ils sont maintenant.",
        "Replace a course whose id and version exist with different content.":
            "Remplacer une formation dont l'identifiant et la version existent déjà avec un contenu différent.",
        "Replaces":
            "Remplace",
        "Restore a snapshot into a folder that holds no workspace yet.":
            "Restaurer une sauvegarde dans un dossier qui ne contient pas encore d'espace de travail.",
        "Restored {} into {}":
            "Sauvegarde {} restaurée dans {}",
        "Revoke a certificate, for a reason that stays with it.":
            "Révoquer un certificat, avec un motif qui reste attaché au certificat.",
        "Revoked {}: {}":
            "Certificat {} révoqué : {}",
        "Rhythm: {}":
            "Rythme : {}",
        "Run professional training: courses, sessions, attendance and the records that prove it.":
            "Piloter la formation professionnelle : formations, sessions, présences et les enregistrements qui en font la preuve.",
        "Running on or after this day, YYYY-MM-DD.":
            "Ayant lieu ce jour ou après, AAAA-MM-JJ.",
        "Running on or before this day, YYYY-MM-DD.":
            "Ayant lieu ce jour ou avant, AAAA-MM-JJ.",
        "SATISFIED BY":
            "SATISFAITE PAR",
        "SEAT":
            "INSCRIPTION",
        "SEATS":
            "PLACES",
        "SESSION":
            "SESSION",
        "SESSION STATUS":
            "STATUT SESSION",
        "SESSIONS":
            "SESSIONS",
        "SHA-256":
            "SHA-256",
        "SINCE":
            "DEPUIS",
        "SIRET":
            "SIRET",
        "SIRET-organisme-formation: the organisation's SIRET (`allervers organisation set --siret`)":
            "SIRET-organisme-formation : le SIRET de l'organisme (`allervers organisation set --siret`)",
        "SLOT":
            "CRÉNEAU",
        "STAFF":
            "PERSONNEL",
        "START":
            "DÉBUT",
        "STATE":
            "ÉTAT",
        "STATUS":
            "STATUT",
        "STILL NEEDED BY":
            "ENCORE UTILE À",
        "SUBCOMMANDS:":
            "SOUS-COMMANDES :",
        "Satisfied by":
            "Satisfaite par",
        "Save":
            "Enregistrer",
        "Say what it would change, change nothing.":
            "Indiquer ce qui changerait, sans rien modifier.",
        "Scan the QR code printed on the certificate, or type the address printed under it.":
            "Scannez le QR code imprimé sur le certificat, ou saisissez l'adresse imprimée dessous.",
        "Scan the QR code with your phone, or go to {}/sign and type the code.":
            "Scannez le QR code avec votre téléphone, ou allez sur {}/sign et saisissez le code.",
        "Seats. Default: the course's maximum group size.":
            "Le nombre de places. Par défaut : la taille maximale du groupe prévue par la formation.",
        "Seats: {}/{}":
            "Places : {}/{}",
        "Self-declared training":
            "Formation autodéclarée",
        "Sends nothing: a table, or --csv FILE for a mail merge. The same day gives the same list.\n\nExample:\n  allervers compliance reminders --as-of 2026-12-01 --every 14 \\\n    --csv rappels.csv\n  allervers compliance reminders --as-of 2026-12-07 \\\n    --since 2026-11-30   # once a week":
            "N'envoie rien : affiche un tableau, ou écrit avec --csv FICHIER une liste pour un publipostage. Le même jour donne toujours la même liste.\n\nExemple :\n  allervers compliance reminders --as-of 2026-12-01 --every 14 \\\n    --csv rappels.csv\n  allervers compliance reminders --as-of 2026-12-07 \\\n    --since 2026-11-30   # une fois par semaine",
        "Serve the workspace on the web: signing on phones, the trainers' and employers' pages, the certificates' public pages.":
            "Servir l'espace de travail sur le web : l'émargement sur téléphone, les pages des formateurs et des employeurs, les pages publiques des certificats.",
        "Serving on http://{}:{} — stop with Ctrl-C":
            "En service sur http://{}:{} — arrêt avec Ctrl-C",
        "Session":
            "Session",
        "Session log intact: {} checked":
            "Journal des sessions vérifié et intact : {}",
        "Session {}":
            "Session {}",
        "Session {}: nothing a controller would reject":
            "Session {} : rien qu'un contrôleur rejetterait",
        "Session {}: {} to {}":
            "Session {} : du {} au {}",
        "Sessions name their trainers; the BPF's cadre E counts them as people of the organisation or from outside it, by these records (names compared with case, accents and spaces folded).\n\nExamples:\n  allervers trainer set \"Claire Martin\"\n  allervers trainer set \"Bruno Leroy\" --external":
            "Les sessions nomment leurs formateurs ; le cadre E du BPF les compte comme personnes de l'organisme ou extérieures, d'après ces enregistrements (noms comparés sans tenir compte de la casse, des accents ni des espaces).\n\nExemples :\n  allervers trainer set \"Claire Martin\"\n  allervers trainer set \"Bruno Leroy\" --external",
        "Set an account's password, read from the standard input; its browsers are logged out.":
            "Définir le mot de passe d'un compte, lu sur l'entrée standard ; ses navigateurs sont déconnectés.",
        "Set how many years a kind of record is kept, for every session or a funder's.":
            "Fixer combien d'années une sorte de pièce est conservée, pour toutes les sessions ou celles d'un financeur.",
        "Set the organisation identity (all five parts).":
            "Définir l'identité de l'organisme (les cinq éléments).",
        "Sheet signatures intact: {} checked":
            "Signatures des feuilles vérifiées et intactes : {}",
        "Show a participant.":
            "Afficher un participant.",
        "Show a record of training done elsewhere; with --check, whether a file is its evidence.":
            "Afficher une formation suivie ailleurs ; avec --check, vérifier si un fichier est son justificatif.",
        "Show a session: its slots and who is enrolled.":
            "Afficher une session : ses créneaux et les inscrits.",
        "Show an employer: its staff now, and those who left it.":
            "Afficher un employeur : son personnel actuel et les personnes qui l'ont quitté.",
        "Show an obligation's rule.":
            "Afficher la règle d'une obligation.",
        "Show each participant's decision and its reasons; issue nothing.":
            "Afficher la décision pour chaque participant et ses motifs ; ne rien délivrer.",
        "Show help information.":
            "Afficher l'aide.",
        "Show one certificate: decision, hours, reasons, revocation, signed payload.":
            "Afficher un certificat : décision, heures, motifs, révocation, données signées.",
        "Show one course: objectives, modules, assessment, certification.":
            "Afficher une formation : objectifs, modules, évaluation, certification.",
        "Show or set the organisation identity printed on documents.":
            "Afficher ou définir l'identité de l'organisme imprimée sur les documents.",
        "Show subcommand help information.":
            "Afficher l'aide d'une sous-commande.",
        "Show the organisation identity.":
            "Afficher l'identité de l'organisme.",
        "Show the signing code":
            "Afficher le code d'émargement",
        "Sign":
            "Signer",
        "Sign and certify":
            "Signer et certifier",
        "Sign the sheet":
            "Signer la feuille d'émargement",
        "Sign-in sheet, {}":
            "Feuille d'émargement, {}",
        "Signatory":
            "Signataire",
        "Signature":
            "Signature",
        "Signature of {}":
            "Signature de {}",
        "Signatures on a public holiday or on a day the session does not run, a half-day whose signatures all came within 10 seconds, a half-day past by a day that no trainer certified, someone counted present on a signed half-day without a signature. Exits with status 1 when there is any.\n\nExample:\n  allervers attendance check AV-FOND-2026-03-LYON":
            "Des signatures un jour férié ou un jour où la session n'a pas lieu, une demi-journée dont toutes les signatures sont arrivées en 10 secondes, une demi-journée passée depuis un jour qu'aucun formateur n'a certifiée, une personne comptée présente sur une demi-journée émargée sans sa signature. Se termine avec le code de sortie 1 s'il y en a.\n\nExemple :\n  allervers attendance check AV-FOND-2026-03-LYON",
        "Signed":
            "Signature enregistrée",
        "Signing key: {}":
            "Clé de signature : {}",
        "Signing keys: copy the organisation's .allervers/*.pem here to issue certificates.":
            "Clés de signature : copiez ici les .allervers/*.pem de l'organisme pour délivrer des certificats.",
        "Signing pages and signatures one client may send in a minute.":
            "Pages d'émargement et signatures qu'un même client peut envoyer par minute.",
        "Since":
            "Depuis",
        "State":
            "État",
        "Status":
            "Statut",
        "Statuses: compliant (until the due date), due-soon (days left), in-grace (late since; overdue from), overdue (late since, overdue since), not-yet-due (never trained, due later), exempt. The due date is the last compliant day. Evidence: the certificate that counts, or \"never trained\". Someone counts in an employer's report on the days they worked there.\n\nExample:\n  allervers compliance --employer \"CCAS de Villeurbanne\" --as-of 2026-12-31\n  allervers compliance report --as-of 2026-12-31 --csv conformite.csv\n  allervers compliance --employer E-0001 --as-of 2026-12-31 \\\n    --pdf conformite.pdf":
            "Statuts : à jour (jusqu'à l'échéance), échéance proche (jours restants), en délai de grâce (en retard depuis ; hors délai à partir du), hors délai (en retard depuis, hors délai depuis), échéance à venir (jamais formé, échéance ultérieure), dispensé. L'échéance est le dernier jour où la personne est à jour. Justificatif : le certificat pris en compte, ou « jamais formé ». Une personne figure dans l'état d'un employeur pour les jours où elle y a travaillé.\n\nExemple :\n  allervers compliance --employer \"CCAS de Villeurbanne\" --as-of 2026-12-31\n  allervers compliance report --as-of 2026-12-31 --csv conformite.csv\n  allervers compliance --employer E-0001 --as-of 2026-12-31 \\\n    --pdf conformite.pdf",
        "Stop counting a record of training done elsewhere; the record stays.":
            "Ne plus prendre en compte une formation suivie ailleurs ; l'enregistrement est conservé.",
        "Stopped.":
            "Arrêté.",
        "Summary":
            "Résumé",
        "TITLE":
            "INTITULÉ",
        "TO":
            "AU",
        "TRAINER":
            "FORMATEUR",
        "Taught by this trainer.":
            "Animée par ce formateur.",
        "The Bilan pédagogique et financier of a fiscal year (Cerfa 10443), from the records.":
            "Le bilan pédagogique et financier d'un exercice (Cerfa 10443), tiré des enregistrements.",
        "The PDF's language: fr or en.":
            "La langue du PDF : fr ou en.",
        "The address to listen on.":
            "L'adresse d'écoute.",
        "The assessment's level on the objective.":
            "Le niveau de l'évaluation sur l'objectif.",
        "The attendance grid of a session: participants × half-days, and the hours each attended.":
            "Afficher la grille des présences d'une session : participants × demi-journées, et les heures suivies par chacun.",
        "The calendar year, when the fiscal year is one.":
            "L'année civile, quand l'exercice en est une.",
        "The certificate stays in the workspace, marked revoked; `allervers verify` then refuses it wherever the workspace is at hand.\n\nExample:\n  allervers certificate revoke AV-2026-000001 \\\n    --reason \"attendance sheet signed by someone else\"":
            "Le certificat reste dans l'espace de travail, marqué révoqué ; `allervers verify` le refuse ensuite partout où l'espace de travail est accessible.\n\nExemple :\n  allervers certificate revoke AV-2026-000001 \\\n    --reason \"attendance sheet signed by someone else\"",
        "The certificate's number.":
            "Le numéro du certificat.",
        "The certificates `certificate list` gives with the same options; for each, its certificat de réalisation and, when the rule was met, its attestation (as printed at issue, sealed and signed) and its Open Badges credential, and an index.csv of them all. Revoked certificates are left out. Written to Exports/certificates unless --out says where; files already there are replaced.\n\nExample:\n  allervers export certificates --year 2026 \\\n    --employer \"CCAS de Villeurbanne\" \\\n    --out ccas-2026":
            "Les certificats que donne `certificate list` avec les mêmes options ; pour chacun, son certificat de réalisation et, quand la règle a été atteinte, son attestation de fin de formation (telle qu'imprimée à la délivrance, scellée et signée) et son badge numérique Open Badges, ainsi qu'un index.csv qui les recense tous. Les certificats révoqués sont laissés de côté. Écrits dans Exports/certificates sauf si --out indique où ; les fichiers déjà présents sont remplacés.\n\nExemple :\n  allervers export certificates --year 2026 \\\n    --employer \"CCAS de Villeurbanne\" \\\n    --out ccas-2026",
        "The certificates' language: fr or en.":
            "La langue des certificats : fr ou en.",
        "The code on the trainer's screen":
            "Le code affiché sur l'écran du formateur",
        "The course's id.":
            "L'identifiant de la formation.",
        "The course's title there.":
            "L'intitulé de la formation chez cet organisme.",
        "The day of the contact. Default: today.":
            "Le jour du contact. Par défaut : aujourd'hui.",
        "The day the state is taken on, YYYY-MM-DD. Default: today.":
            "Le jour auquel l'état est évalué, AAAA-MM-JJ. Par défaut : aujourd'hui.",
        "The day, YYYY-MM-DD. Default: today.":
            "Le jour, AAAA-MM-JJ. Par défaut : aujourd'hui.",
        "The documents' language: fr or en.":
            "La langue des documents : fr ou en.",
        "The duplicate to merge into it.":
            "Le doublon à y fusionner.",
        "The employer (id or name).":
            "L'employeur (identifiant ou nom).",
        "The employer's name.":
            "Le nom de l'employeur.",
        "The employer's or funder's id for the person.":
            "L'identifiant de la personne chez l'employeur ou le financeur.",
        "The employers whose staff train: add, list, show and correct them.":
            "Gérer les employeurs dont le personnel se forme : les ajouter, les lister, les afficher et les corriger.",
        "The file to write.":
            "Le fichier à écrire.",
        "The file: CSV, or the first sheet of an .xlsx or .ods.":
            "Le fichier : CSV, ou la première feuille d'un .xlsx ou d'un .ods.",
        "The first day, YYYY-MM-DD.":
            "Le premier jour, AAAA-MM-JJ.",
        "The first day. Default: today.":
            "Le premier jour. Par défaut : aujourd'hui.",
        "The fiscal year's first day.":
            "Le premier jour de l'exercice.",
        "The fiscal year's last day.":
            "Le dernier jour de l'exercice.",
        "The fixed anniversary, with --counting anniversary.":
            "La date anniversaire fixe, avec --counting anniversary.",
        "The folder to make the workspace in. Default: the current folder.":
            "Le dossier où créer l'espace de travail. Par défaut : le dossier courant.",
        "The folder to restore into. Default: the current folder.":
            "Le dossier où restaurer. Par défaut : le dossier courant.",
        "The folder to write SESSION/ into.":
            "Le dossier où écrire SESSION/.",
        "The folder to write, new or empty.":
            "Le dossier à écrire, nouveau ou vide.",
        "The folder to write.":
            "Le dossier où écrire.",
        "The half-day, e.g. 2026-03-12-am.":
            "La demi-journée, par ex. 2026-03-12-am.",
        "The hours of each module of a package whose item states no learning time.":
            "Les heures de chaque module d'un paquet dont l'élément n'indique pas de durée d'apprentissage.",
        "The id of the course one package makes, instead of one made from its manifest's identifier.":
            "L'identifiant de la formation que donne un paquet, au lieu de celui tiré de l'identifiant de son manifeste.",
        "The initial positioning's level on the objective.":
            "Le niveau du positionnement initial sur l'objectif.",
        "The issue date. Default: today.":
            "La date de délivrance. Par défaut : aujourd'hui.",
        "The key is written to .allervers/signing-key.pem, readable by its owner only, with the PDF signing key and certificate that name it. An existing key is never replaced: certificates already issued verify against it; and a workspace that has issued certificates gets no new key (put its own back from a snapshot taken with --with-key).\n\nExample:\n  allervers key create":
            "La clé est écrite dans .allervers/signing-key.pem, lisible par son seul propriétaire, avec la clé de signature PDF et le certificat qui la désignent. Une clé existante n'est jamais remplacée : les certificats déjà délivrés se vérifient avec elle ; et un espace de travail qui a délivré des certificats ne reçoit pas de nouvelle clé (remettez la sienne depuis une sauvegarde faite avec --with-key).\n\nExemple :\n  allervers key create",
        "The kind of record.":
            "La sorte de pièce.",
        "The last day, YYYY-MM-DD.":
            "Le dernier jour, AAAA-MM-JJ.",
        "The last day, included.":
            "Le dernier jour, inclus.",
        "The last day.":
            "Le dernier jour.",
        "The latest version of every course (LHEO only).":
            "La dernière version de chaque formation (LHEO seulement).",
        "The login.":
            "L'identifiant.",
        "The login: lower case, without spaces.":
            "L'identifiant : en minuscules, sans espaces.",
        "The new file to write.":
            "Le nouveau fichier à écrire.",
        "The new issue date. Default: today.":
            "La nouvelle date de délivrance. Par défaut : aujourd'hui.",
        "The new name.":
            "Le nouveau nom.",
        "The new rule governs the periods under way too.":
            "La nouvelle règle régit aussi les périodes en cours.",
        "The numéro de déclaration d'activité (eleven digits).":
            "Le numéro de déclaration d'activité (onze chiffres).",
        "The obligation's id.":
            "L'identifiant de l'obligation.",
        "The option '{}' does not take any value, but '{}' was specified.":
            "l'option « {} » ne prend pas de valeur, mais « {} » a été donné.",
        "The organisation's SIRET (14 digits), which an LHEO export names it by. Kept when not given; empty removes it.":
            "Le SIRET de l'organisme (14 chiffres), par lequel un export LHEO le désigne. Conservé s'il n'est pas donné ; vide, il est retiré.",
        "The organisation's name.":
            "Le nom de l'organisme.",
        "The organisation's postal address, on one line.":
            "L'adresse postale de l'organisme, sur une ligne.",
        "The participant (id, email or external id).":
            "Le participant (identifiant, e-mail ou identifiant externe).",
        "The participant to keep.":
            "Le participant à conserver.",
        "The period's first day.":
            "Le premier jour de la période.",
        "The period's last day, included.":
            "Le dernier jour de la période, inclus.",
        "The period's last day.":
            "Le dernier jour de la période.",
        "The person (id, email or external id).":
            "La personne (identifiant, e-mail ou identifiant externe).",
        "The person's name, as sessions list their trainers.":
            "Le nom de la personne, tel que les sessions désignent leurs formateurs.",
        "The port; 0 takes a free one.":
            "Le port ; 0 en prend un libre.",
        "The provider.":
            "L'organisme.",
        "The public holidays: france (default) or alsace-moselle (Good Friday and 26 December too).":
            "Les jours fériés : france (par défaut) ou alsace-moselle (avec en plus le Vendredi saint et le 26 décembre).",
        "The record's id.":
            "L'identifiant de l'enregistrement.",
        "The reopening, with who, when and why, stays in the session's history (`session show`) and in what `allervers verify` reports. Close the session again when the records are right.\n\nExample:\n  allervers session reopen AV-FOND-2026-03-LYON \\\n    --reason \"feuille du 13 mars retrouvée\"":
            "La réouverture, avec son auteur, sa date et son motif, reste dans l'historique de la session (`session show`) et dans ce que rapporte `allervers verify`. Clore à nouveau la session une fois les enregistrements corrects.\n\nExemple :\n  allervers session reopen AV-FOND-2026-03-LYON \\\n    --reason \"feuille du 13 mars retrouvée\"",
        "The retention of each kind of record, and the rules set per funder.":
            "La durée de conservation de chaque sorte de pièce, et les règles posées par financeur.",
        "The room's postal address.":
            "L'adresse postale de la salle.",
        "The rule chain reads the records: minimum attendance by hours, required modules completed, assessment passed where the course requires it. Every seated participant gets a numbered certificate (it backs the certificat de réalisation, which states the hours done); eligible participants also get a signed Open Badges 3.0 credential. Participants who already hold a live certificate for the session are left as they are. A batch is issued whole or not at all.\n\nWith --export, the records of the same sessions are then written as `allervers export records` writes them.\n\nExamples:\n  allervers certify AV-FOND-2026-03-LYON --dry-run\n  allervers certify AV-FOND-2026-03-LYON\n  allervers certify --from 2026-01-01 --to 2026-03-31 --export":
            "La chaîne de règles lit les enregistrements : présence minimale en heures, modules requis terminés, évaluation réussie lorsque la formation l'exige. Chaque participant ayant occupé une place reçoit un certificat numéroté (il fonde le certificat de réalisation, qui indique les heures effectuées) ; les participants éligibles reçoivent aussi un badge numérique Open Badges 3.0 signé. Les participants qui détiennent déjà un certificat en vigueur pour la session sont laissés tels quels. Un lot est délivré en entier ou pas du tout.\n\nAvec --export, les enregistrements des mêmes sessions sont ensuite écrits comme le fait `allervers export records`.\n\nExemples :\n  allervers certify AV-FOND-2026-03-LYON --dry-run\n  allervers certify AV-FOND-2026-03-LYON\n  allervers certify --from 2026-01-01 --to 2026-03-31 --export",
        "The same checks as `plan`: a trainer or a place booked elsewhere at the new time is refused. --trainer replaces the list of trainers. A half-day keeps its id, so a morning stays a morning. The change is kept in the session's history.\n\nExamples:\n  allervers session edit AV-FOND-2026-03-LYON --trainer \"Claire Martin\" \\\n    --trainer \"Inès Haddad\"\n  allervers session edit AV-FOND-2026-03-LYON \\\n    --times 2026-03-13-pm=14:00-17:30 --room \"Salle Saône\" \\\n    --address \"3 quai Perrache, 69002 Lyon\"":
            "Les mêmes vérifications que pour `plan` : un formateur ou un lieu déjà réservé ailleurs au nouvel horaire est refusé. --trainer remplace la liste des formateurs. Une demi-journée garde son identifiant : un matin reste un matin. La modification est conservée dans l'historique de la session.\n\nExemples :\n  allervers session edit AV-FOND-2026-03-LYON --trainer \"Claire Martin\" \\\n    --trainer \"Inès Haddad\"\n  allervers session edit AV-FOND-2026-03-LYON \\\n    --times 2026-03-13-pm=14:00-17:30 --room \"Salle Saône\" \\\n    --address \"3 quai Perrache, 69002 Lyon\"",
        "The session's id.":
            "L'identifiant de la session.",
        "The session's id. Default: COURSE-START.":
            "L'identifiant de la session. Par défaut : COURSE-START.",
        "The session's id; without it, every session's.":
            "L'identifiant de la session ; sans lui, toutes les sessions.",
        "The sessions with a half-day in the period: the programmes of their courses (indicator 1), completion and certification rates per course (2), positioning and assessment results (8, 11), calendar, places and trainers (9), the follow-up of absences (12), and each session's sign-in sheets, hours and certificates. index.html opens in a browser and links every file; index.pdf is the same; SHA256SUMS gives each file's SHA-256 (sha256sum -c SHA256SUMS). A pack made again for the same period is byte for byte the same. The folder must be new or empty.\n\nExample:\n  allervers audit-pack --from 2026-01-01 --to 2026-06-30 --out audit-2026-s1":
            "Les sessions ayant une demi-journée dans la période : les programmes de leurs formations (indicateur 1), les taux d'achèvement et de certification par formation (2), les résultats du positionnement et de l'évaluation (8, 11), le calendrier, les lieux et les formateurs (9), le suivi des absences (12), et pour chaque session ses feuilles d'émargement, ses heures et ses certificats. index.html s'ouvre dans un navigateur et renvoie à chaque fichier ; index.pdf en est la copie ; SHA256SUMS donne le SHA-256 de chaque fichier (sha256sum -c SHA256SUMS). Un dossier refait pour la même période est identique octet pour octet. Le dossier doit être nouveau ou vide.\n\nExemple :\n  allervers audit-pack --from 2026-01-01 --to 2026-06-30 --out audit-2026-s1",
        "The sessions' ids.":
            "Les identifiants des sessions.",
        "The sheet of an .xlsx or .ods to read. Default: the first.":
            "La feuille du .xlsx ou du .ods à lire. Par défaut : la première.",
        "The sheets' language: fr or en.":
            "La langue des feuilles : fr ou en.",
        "The signatory's title, e.g. Directrice.":
            "La fonction du signataire, par exemple Directrice.",
        "The snapshot is SQLite's online backup, read in one transaction, so trainers can go on \\\nrecording while it is taken. The signing keys go into it only with --with-key: keep \\\nsuch a file as safely as the keys themselves. The file is readable by its owner only.\n\nExamples:\n  allervers backup --to /media/usb/aller-vers-2026-03-14.allervers\n  allervers backup --to coffre/aller-vers.allervers --with-key":
            "Le fichier est produit par la sauvegarde à chaud de SQLite, lue en une seule \\\ntransaction : les formateurs peuvent continuer à saisir pendant qu'elle se \\\nfait. Les clés de signature n'y entrent qu'avec --with-key : conservez un \\\ntel fichier aussi soigneusement que les clés elles-mêmes. Seul son \\\npropriétaire peut lire le fichier.\n\nExemples :\n  allervers backup --to /media/usb/aller-vers-2026-03-14.allervers\n  allervers backup --to coffre/aller-vers.allervers --with-key",
        "The snapshot must pass SQLite's integrity check and the hash chains of its attendance \\\nand session logs; otherwise nothing is written. An existing workspace is never \\\noverwritten. A snapshot taken without --with-key restores without the signing key: \\\ncertificates then verify, but new ones cannot be signed until the key is put back.\n\nExample:\n  allervers restore /media/usb/aller-vers-2026-03-14.allervers \\\n    --store ~/formations":
            "La sauvegarde doit passer le contrôle d'intégrité de SQLite et les chaînes \\\nde hachage de ses journaux de présences et de sessions ; sinon, rien n'est \\\nécrit. Un espace de travail existant n'est jamais écrasé. Une sauvegarde \\\nfaite sans --with-key se restaure sans la clé de signature : les certificats \\\nse vérifient alors, mais aucun nouveau ne peut être signé avant que la \\\nclé soit remise en place.\n\nExemple :\n  allervers restore /media/usb/aller-vers-2026-03-14.allervers \\\n    --store ~/formations",
        "The snapshot.":
            "La sauvegarde.",
        "The time zone of the slot times.":
            "Le fuseau horaire des heures des créneaux.",
        "The trainer confirms the experience the participants declared.":
            "Confirmer, en tant que formateur, l'expérience déclarée par les participants.",
        "The trainer's name, as sessions list it.":
            "Le nom du formateur, tel que les sessions le donnent.",
        "The trainers recorded.":
            "Les formateurs enregistrés.",
        "The training organisation this session was delivered for, as its subcontractor.":
            "L'organisme de formation pour lequel cette session a été réalisée, en sous-traitance.",
        "The training organisation this session was handed to.":
            "L'organisme de formation auquel cette session a été confiée.",
        "The training took place, but its rule was not met: this certificate attests attendance, not that the course was completed.":
            "La formation a eu lieu, mais sa règle n'a pas été atteinte : ce certificat atteste la présence, pas l'achèvement de la formation.",
        "The value '{}' is invalid for '{}'":
            "la valeur « {} » n'est pas valide pour « {} »",
        "The value '{}' is invalid for '{}': {}":
            "la valeur « {} » n'est pas valide pour « {} » : {}",
        "The words to find.":
            "Les mots à rechercher.",
        "The workspace folder (the one holding .allervers/), or a PostgreSQL database (postgres://USER@HOST[:PORT]/DATABASE, the password from PGPASSWORD or ~/.pgpass). Default: $ALLERVERS_STORE, else the nearest workspace above the current folder.":
            "Le dossier de l'espace de travail (celui qui contient .allervers/), ou une base PostgreSQL (postgres://USER@HOST[:PORT]/DATABASE, le mot de passe venant de PGPASSWORD ou de ~/.pgpass). Par défaut : $ALLERVERS_STORE, sinon l'espace de travail le plus proche au-dessus du dossier courant.",
        "The workspace folder to copy.":
            "Le dossier de l'espace de travail à copier.",
        "The workspace is made in the current folder, or in --store FOLDER, with its store and the Ed25519 key that signs certificates, both readable by their owner only. With --database, the records are kept in a PostgreSQL database shared by the organisation's trainers, and the folder holds the keys and names the database. The organisation identity can be given now or later with `allervers organisation set`.\n\nExample:\n  allervers init --name \"Institut Aller-Vers\" \\\n    --address \"12 rue des Lices, 49100 Angers\" \\\n    --declaration-number 52490123449 --signatory \"Claire Martin\" \\\n    --signatory-title Directrice":
            "L'espace de travail est créé dans le dossier courant, ou dans --store FOLDER, avec sa base et la clé Ed25519 qui signe les certificats, lisibles par leur seul propriétaire. Avec --database, les enregistrements sont conservés dans une base PostgreSQL partagée par les formateurs de l'organisme, et le dossier contient les clés et désigne la base. L'identité de l'organisme peut être donnée maintenant ou plus tard avec `allervers organisation set`.\n\nExemple :\n  allervers init --name \"Institut Aller-Vers\" \\\n    --address \"12 rue des Lices, 49100 Angers\" \\\n    --declaration-number 52490123449 --signatory \"Claire Martin\" \\\n    --signatory-title Directrice",
        "The workspace's course it counts as.":
            "La formation de l'espace de travail à laquelle elle équivaut.",
        "The workspace's signing key, which certificates and credentials are signed with.":
            "Gérer la clé de signature de l'espace de travail, avec laquelle sont signés les certificats et les badges numériques.",
        "The yearly reports a training organisation files.":
            "Les bilans annuels qu'un organisme de formation dépose.",
        "Then write the sessions' records, as `export records` does.":
            "Écrire ensuite les enregistrements des sessions, comme le fait `export records`.",
        "This certificate expired after {}.":
            "Ce certificat a expiré après le {}.",
        "This certificate is valid.":
            "Ce certificat est valide.",
        "This certificate was revoked: {}.":
            "Ce certificat a été révoqué : {}.",
        "This form has expired: try again.":
            "Ce formulaire a expiré : réessayez.",
        "Times":
            "Horaires",
        "Title":
            "Intitulé",
        "Trained until":
            "Fin de formation",
        "Trainers and employers log in at /login (accounts: `allervers account add`); participants sign a half-day at /sign with the code on the trainer's screen; a certificate's page is /verify/NUMBER?code=CODE (`certificate show` prints it), and the revocation status list of a year /status/YEAR. One client may ask 30 certificate pages and 120 signing pages a minute (--verify-limit, --sign-limit), and try 10 logins. Participants sign from 15 minutes before a half-day starts to 30 minutes after it ends (--sign-before, --sign-after). The server listens on the loopback by default: put it behind a reverse proxy that holds the TLS certificate to publish it, and name the proxy with --trust-proxy. It stops on SIGTERM or Ctrl-C once the requests under way are answered.\n\nExample:\n  allervers serve --port 8080 --trust-proxy 127.0.0.1":
            "Formateurs et employeurs se connectent sur /login (comptes : `allervers account add`) ; les participants émargent une demi-journée sur /sign avec le code affiché sur l'écran du formateur ; la page d'un certificat est /verify/NUMÉRO?code=CODE (`certificate show` l'affiche), et la liste des statuts de révocation d'une année /status/ANNÉE. Un même client peut demander 30 pages de certificat et 120 pages d'émargement par minute (--verify-limit, --sign-limit), et tenter 10 connexions. Les participants émargent de 15 minutes avant le début d'une demi-journée à 30 minutes après sa fin (--sign-before, --sign-after). Le serveur écoute par défaut sur la boucle locale : pour le publier, placez-le derrière un proxy inverse qui détient le certificat TLS, et désignez ce proxy avec --trust-proxy. Il s'arrête sur SIGTERM ou Ctrl-C une fois les requêtes en cours traitées.\n\nExemple :\n  allervers serve --port 8080 --trust-proxy 127.0.0.1",
        "Trainers: {}":
            "Formateurs : {}",
        "Training done with another provider, which obligations may count.":
            "Gérer les formations suivies auprès d'un autre organisme, que les obligations peuvent prendre en compte.",
        "Training organisation":
            "Organisme de formation",
        "Type the code again":
            "Saisir à nouveau le code",
        "UNTIL":
            "JUSQU'AU",
        "USAGE: ":
            "UTILISATION : ",
        "Unexcused absences that no follow-up answers yet.":
            "Les absences non justifiées qui n'ont pas encore de suivi.",
        "Unexpected argument '{}'":
            "argument inattendu : « {} »",
        "Unknown option '{}'":
            "option inconnue : « {} »",
        "Unknown option '{}'. Did you mean '{}'?":
            "option inconnue : « {} ». Vouliez-vous dire « {} » ?",
        "Usage: ":
            "Utilisation : ",
        "VALID UNTIL":
            "VALABLE JUSQU'AU",
        "VALIDITY":
            "VALIDITÉ",
        "VERIFIED BY":
            "VÉRIFIÉ PAR",
        "VERSION":
            "VERSION",
        "Valid until":
            "Valable jusqu'au",
        "Valid {}: certificate {}":
            "{} valide : certificat {}",
        "Valid: {} in {}":
            "Tout est valide : {} dans {}",
        "Validity":
            "Validité",
        "Value to be set with {} had already been set with {}":
            "la valeur donnée par {} l'avait déjà été par {}",
        "Verified by":
            "Vérifié par",
        "WAITING":
            "EN ATTENTE",
        "WHERE":
            "OÙ",
        "WHO":
            "QUI",
        "WHY":
            "POURQUOI",
        "Warning: {}: {}'s attestation {} \"non évalué\" for {}: it must state the assessment's results (L6353-1); record them with `allervers progress set` or `progress import`":
            "Avertissement : {} : l'attestation de {} {} « non évalué » pour {} : elle doit indiquer les résultats de l'évaluation (L6353-1) ; enregistrez-les avec `allervers progress set` ou `progress import`",
        "Warning: {}{} {} is probably {} ({}); if so: allervers participant merge {} {}":
            "Attention : {}{} {} est probablement {} ({}) ; si c'est le cas : allervers participant merge {} {}",
        "What Qualiopi's indicator 12 asks for, in actions over two days: measures against drop-out, formalised and applied. The follow-up answers the half-days named with --slot, or else every absence of that person not yet followed up. It joins a chained log, like attendance: it is never changed.\n\nExample:\n  allervers attendance follow-up AV-FOND-2026-03-LYON P-0002 --note Malade":
            "Ce que demande l'indicateur 12 de Qualiopi pour les actions de plus de deux jours : des mesures de prévention des abandons, formalisées et appliquées. Le suivi répond aux demi-journées nommées avec --slot, sinon à chaque absence de cette personne qui n'a pas encore de suivi. Il rejoint un journal chaîné, comme l'émargement : il n'est jamais modifié.\n\nExemple :\n  allervers attendance follow-up AV-FOND-2026-03-LYON P-0002 --note Malade",
        "What a funder's controller would reject in a session's signed sheets.":
            "Repérer ce que le contrôleur d'un financeur rejetterait dans les feuilles signées d'une session.",
        "What and where the outreach site is.":
            "Ce qu'est le site d'intervention et où il se trouve.",
        "What certificate numbers start with (AV gives AV-2026-000123).":
            "Le début des numéros de certificat (AV donne AV-2026-000123).",
        "What people call it.":
            "Le nom usuel de l'obligation.",
        "What the dates bound: training (its last day, default) or issue.":
            "Ce que les dates encadrent : training (le dernier jour de la formation, par défaut) ou issue (la délivrance).",
        "What was said and agreed.":
            "Ce qui a été dit et convenu.",
        "When they took their profession or role, if not at the hire.":
            "Date de prise de la profession ou de la fonction, si ce n'est pas la date d'entrée.",
        "Where `allervers serve` publishes the certificates' pages; new QR codes point there. Kept when not given; empty removes it.":
            "Où `allervers serve` publie les pages des certificats ; les nouveaux QR codes y mènent. Conservée si elle n'est pas donnée ; vide, elle est retirée.",
        "Where each member of staff stands with each obligation on a day: compliant, due soon, in grace, overdue…":
            "Situer chaque membre du personnel au regard de chaque obligation à une date : à jour, échéance proche, en délai de grâce, hors délai…",
        "Where each member of staff stands with each obligation on a day; whom to remind; the training matrix.":
            "Situer chaque membre du personnel au regard de chaque obligation à une date ; savoir qui relancer ; afficher la matrice de formation.",
        "Whether European funds paid for it: yes or no.":
            "Si des fonds européens l'ont financée : yes ou no (oui ou non).",
        "Whether training done elsewhere that nobody has verified counts (default: no).":
            "Prendre en compte ou non une formation suivie ailleurs que personne n'a vérifiée (par défaut : non).",
        "While exempt, the person is not late; a due date that falls within the exemption moves to its end.\n\nExample:\n  allervers exemption add P-0005 --obligation O-0001 --until 2026-12-31 \\\n    --reason \"congé parental\"":
            "Pendant la dispense, la personne n'est pas en retard ; une échéance qui tombe pendant la dispense est reportée à sa fin.\n\nExemple :\n  allervers exemption add P-0005 --obligation O-0001 --until 2026-12-31 \\\n    --reason \"congé parental\"",
        "Who":
            "Personnes concernées",
        "Who adds it. Default: the organisation's signatory.":
            "Qui l'ajoute. Par défaut : le signataire de l'organisme de formation.",
        "Who cancels it. Default: the organisation's signatory.":
            "Qui annule la session. Par défaut : le signataire de l'organisme de formation.",
        "Who changes it. Default: the organisation's signatory.":
            "Qui la modifie. Par défaut : le signataire de l'organisme de formation.",
        "Who changes it. Default: the session's first trainer.":
            "Qui modifie la session. Par défaut : le premier formateur de la session.",
        "Who checked the evidence.":
            "Qui a vérifié le justificatif.",
        "Who closes it. Default: the session's first trainer.":
            "Qui clôt la session. Par défaut : le premier formateur de la session.",
        "Who corrects. Default: the organisation's signatory.":
            "Qui corrige. Par défaut : le signataire de l'organisme de formation.",
        "Who declares it. Default: the session's first trainer.":
            "Qui la déclare. Par défaut : le premier formateur de la session.",
        "Who grants it.":
            "Qui l'accorde.",
        "Who issues, for the record. Default: the organisation's signatory.":
            "Qui délivre, pour la traçabilité. Par défaut : le signataire de l'organisme de formation.",
        "Who logs in to `allervers serve`: add, list, set a password, disable.":
            "Gérer les comptes qui se connectent à `allervers serve` : ajouter, lister, définir un mot de passe, désactiver.",
        "Who made the contact. Default: the session's first trainer.":
            "Qui a pris contact. Par défaut : le premier formateur de la session.",
        "Who merges. Default: the organisation's signatory.":
            "Qui fusionne. Par défaut : le signataire de l'organisme de formation.",
        "Who paid, for the history.":
            "Qui a payé, pour l'historique.",
        "Who pays: an OPCO, the employer…":
            "Qui finance : un OPCO, l'employeur…",
        "Who purges. Default: the organisation's signatory.":
            "Qui purge. Par défaut : le signataire de l'organisme.",
        "Who recorded the sheet.":
            "Qui a relevé les présences de la feuille.",
        "Who records it.":
            "Qui l'enregistre.",
        "Who records. Default: the session's first trainer.":
            "Qui enregistre. Par défaut : le premier formateur de la session.",
        "Who reissues it. Default: the organisation's signatory.":
            "Qui le réémet. Par défaut : le signataire de l'organisme de formation.",
        "Who removes. Default: the organisation's signatory.":
            "Qui supprime. Par défaut : le signataire de l'organisme de formation.",
        "Who reopens it. Default: the organisation's signatory.":
            "Qui rouvre la session. Par défaut : le signataire de l'organisme de formation.",
        "Who revokes it. Default: the organisation's signatory.":
            "Qui le révoque. Par défaut : le signataire de l'organisme de formation.",
        "Who sets it. Default: the organisation's signatory.":
            "Qui la fixe. Par défaut : le signataire de l'organisme.",
        "Who signs documents for the organisation.":
            "La personne qui signe les documents pour l'organisme.",
        "Who: everyone on the staff, or --role (repeatable; case and accents folded), or --person (repeatable). What satisfies it: --course (one of the workspace's, repeatable) or --external \"PROVIDER|TITLE\" (another provider's course). First due: --due-months N after the hire (default 12; --after role counts from the taking of the role), or --due-on DATE. --validity M months (without it, once is enough), counted from the --counting completion (default), previous-expiry (early renewal keeps the anniversary) or anniversary (with --anniversary MM-DD). --grace days after the due date before overdue (default 0), --lead days of \"due soon\" (default 30).\n\nExample:\n  allervers obligation add --employer \"CCAS de Villeurbanne\" \\\n    --title \"Aller-vers, socle\" \\\n    --course AV-FOND --due-months 12 --validity 36 --grace 30":
            "Qui : tout le personnel, ou --role (répétable ; sans tenir compte de la casse ni des accents), ou --person (répétable). Ce qui y satisfait : --course (une formation de l'espace de travail, répétable) ou --external \"ORGANISME|INTITULÉ\" (une formation d'un autre organisme). Première échéance : --due-months N mois après la date d'entrée (par défaut 12 ; avec --after role, à compter de la prise de fonction), ou --due-on DATE. --validity M mois (sans cette option, une seule fois suffit), comptés, selon --counting, à partir de la formation suivie (completion, par défaut), de l'échéance précédente (previous-expiry : un renouvellement anticipé conserve la date anniversaire) ou d'une date anniversaire (anniversary, avec --anniversary MM-JJ). --grace : jours après l'échéance avant d'être hors délai (par défaut 0), --lead : jours d'« échéance proche » (par défaut 30).\n\nExemple :\n  allervers obligation add --employer \"CCAS de Villeurbanne\" \\\n    --title \"Aller-vers, socle\" \\\n    --course AV-FOND --due-months 12 --validity 36 --grace 30",
        "Whom to remind of what on a day: entered due-soon, grace or overdue since the last run, or still in it every N days.":
            "Savoir qui relancer, et pour quoi, à une date : personnes passées en échéance proche, en délai de grâce ou hors délai depuis la dernière exécution, ou qui y sont encore, tous les N jours.",
        "Why it is reissued. Default: \"reissued as NEW-NUMBER\".":
            "Le motif de la réémission. Par défaut : « reissued as NEW-NUMBER ».",
        "Why it is reopened.":
            "Le motif de la réouverture.",
        "Why it is revoked.":
            "Le motif de la révocation.",
        "Why, when the sheet corrects earlier records.":
            "Le motif, quand la feuille corrige des relevés antérieurs.",
        "Why, when this corrects an earlier record; kept in the log and on the sheet.":
            "Le motif, quand ce relevé en corrige un antérieur ; conservé dans le journal et sur la feuille.",
        "Why.":
            "Le motif.",
        "With --export: the certificates' language, fr or en.":
            "Avec --export : la langue des certificats, fr ou en.",
        "With --export: the folder to write SESSION/ into.":
            "Avec --export : le dossier dans lequel écrire SESSION/.",
        "With --format lheo, announce the courses' planned sessions.":
            "Avec --format lheo, annoncer les sessions planifiées des formations.",
        "With --format lheo, list what a Carif-Oref base expects that the courses do not fill, and write nothing.":
            "Avec --format lheo, lister ce qu'une base Carif-Oref attend et que les formations ne renseignent pas, sans rien écrire.",
        "With --to: every closed session whose last day falls in the period.":
            "Avec --to : toutes les sessions closes dont le dernier jour tombe dans la période.",
        "With FILE or PAYLOAD: checks a certificate PDF (its seal covers every byte), an Open Badges credential (.jwt) or the text of a certificate's QR code. The signature is checked against the issuer's did:key carried in the statement, with no network. When a workspace is at hand (the current folder or --store), it also checks that the issuer is the workspace's key and that the certificate is not revoked; otherwise it checks the signature alone and says so.\n\nWith nothing: recomputes the hash chains of the attendance log and of the session log (closings, reopenings, cancellations, edits), names the first record that no longer matches, and lists every reopening with who, when and why.\n\nExits with status 1 when anything does not verify.\n\nExamples:\n  allervers verify\n  allervers verify AV-2026-000001-certificat-de-realisation.pdf\n  allervers verify eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJ…":
            "Avec FILE ou PAYLOAD : vérifie un PDF de certificat (son sceau couvre chaque octet), un badge numérique Open Badges (.jwt) ou le texte du QR code d'un certificat. La signature est vérifiée avec le did:key de l'émetteur contenu dans la déclaration signée, sans réseau. Quand un espace de travail est disponible (le dossier courant ou --store), vérifie aussi que l'émetteur est la clé de l'espace de travail et que le certificat n'est pas révoqué ; sinon, vérifie la signature seule et le signale.\n\nSans rien : recalcule les chaînes de hachage du journal des présences et du journal des sessions (clôtures, réouvertures, annulations, modifications), désigne le premier enregistrement qui ne correspond plus, et liste chaque réouverture avec qui, quand et pourquoi.\n\nSe termine avec le code de sortie 1 quand quoi que ce soit ne se vérifie pas.\n\nExemples :\n  allervers verify\n  allervers verify AV-2026-000001-certificat-de-realisation.pdf\n  allervers verify eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCJ9.eyJ…",
        "Withdraw a participant; the first on the waiting list takes the seat.":
            "Désinscrire un participant ; le premier de la liste d'attente prend sa place.",
        "Withdrawn: {}":
            "Retiré : {}",
        "Within retention: {}":
            "Dans leur durée de conservation : {}",
        "Without a session, every certificate, revoked ones included; --from and --to bound the training's last day (or, with --by issue, the day of issue); --employer keeps those held by people the employer employs now; --state valid, expired, revoked or not-met (issued to someone who did not meet the rule) as of today or --as-of.\n\nExample:\n  allervers certificate list AV-FOND-2026-03-LYON\n  allervers certificate list --from 2026-01-01 --to 2026-12-31 \\\n    --employer \"CCAS de Villeurbanne\" --state valid":
            "Sans session, tous les certificats, révoqués compris ; --from et --to encadrent le dernier jour de la formation (ou, avec --by issue, le jour de délivrance) ; --employer garde ceux détenus par les personnes que l'employeur emploie actuellement ; --state valid, expired, revoked ou not-met (délivré à une personne qui ne remplissait pas la règle), à la date du jour ou à celle de --as-of.\n\nExemple :\n  allervers certificate list AV-FOND-2026-03-LYON\n  allervers certificate list --from 2026-01-01 --to 2026-12-31 \\\n    --employer \"CCAS de Villeurbanne\" --state valid",
        "Would import":
            "Simulation d'import de",
        "Would record":
            "Enregistrerait",
        "Would rename":
            "Renommerait",
        "Write a consistent snapshot of the workspace to one file, even while others record.":
            "Écrire dans un fichier une sauvegarde cohérente de l'espace de travail, même pendant des saisies en cours.",
        "Write a course as XML in the course format, or the catalogue as LHEO; importing either gives the same courses.":
            "Écrire une formation en XML au format des formations, ou le catalogue en LHEO ; importer l'un ou l'autre redonne les mêmes formations.",
        "Write a session's half-days as an iCalendar file that calendar applications import.":
            "Écrire les demi-journées d'une session dans un fichier iCalendar, que les applications de calendrier importent.",
        "Write a session's records for funders and participants: attendance, hours, xAPI, sign-in sheets, certificates.":
            "Écrire les enregistrements d'une session pour les financeurs et les participants : présences, heures, xAPI, feuilles d'émargement, certificats.",
        "Write a session's sign-in sheets: blank to print before, or filled from the records after.":
            "Écrire les feuilles d'émargement d'une session : vierges, à imprimer avant, ou remplies d'après les enregistrements, après.",
        "Write certificates' documents and credentials from every session into one folder: a year's, an employer's.":
            "Écrire les documents et badges numériques des certificats de toutes les sessions dans un seul dossier : ceux d'une année, d'un employeur.",
        "Write files for others: records for funders and participants, sheets, calendars.":
            "Écrire des fichiers pour d'autres : enregistrements pour les financeurs et les participants, feuilles d'émargement, calendriers.",
        "Write the list as CSV to this file.":
            "Écrire la liste en CSV dans ce fichier.",
        "Write to this file instead of standard output.":
            "Écrire dans ce fichier plutôt que sur la sortie standard.",
        "Written by allervers export certificates; the next export replaces this folder's files.\n":
            "Écrit par allervers export certificates ; le prochain export remplace les fichiers de ce dossier.\n",
        "Written to Exports/SESSION/calendar.ics in the current folder unless --out says where.\n\nExample:\n  allervers export calendar AV-FOND-2026-03-LYON --out lyon.ics":
            "Écrit dans Exports/SESSION/calendar.ics, dans le dossier courant, sauf si --out indique où.\n\nExemple :\n  allervers export calendar AV-FOND-2026-03-LYON --out lyon.ics",
        "Wrong login or password.":
            "Identifiant ou mot de passe incorrect.",
        "Wrote {} ({}) to {}/":
            "Écrit dans {3}/ : {1} ({2})",
        "Wrote {} to {}":
            "Écrit dans {2} : {1}",
        "Wrote {} to {}/":
            "Écrit dans {2}/ : {1}",
        "Wrote {} to {}/: open {}/index.html":
            "{} écrits dans {}/ : ouvrez {}/index.html",
        "Wrote {} version {} to {}":
            "Formation {} version {} écrite dans {}",
        "YEARS":
            "ANS",
        "YYYY-MM-DD or DD/MM/YYYY.":
            "AAAA-MM-JJ ou JJ/MM/AAAA.",
        "YYYY-MM-DD or DD/MM/YYYY: tells namesakes apart.":
            "AAAA-MM-JJ ou JJ/MM/AAAA : permet de distinguer les homonymes.",
        "Years after the session ends (training elsewhere: after it was completed). A session paid by European funds keeps its records {} years at least; a funder's rule lengthens its sessions' retention, never shortens it.":
            "Années après la fin de la session (formation suivie ailleurs : après qu'elle a été achevée). Une session payée par des fonds européens garde ses pièces {} ans au moins ; la règle d'un financeur allonge la conservation de ses sessions, sans jamais la raccourcir.",
        "Your name":
            "Votre nom",
        "Your signature is recorded.":
            "Votre signature est enregistrée.",
        "a <resource> has no identifier, which the format requires":
            "une <resource> n'a pas d'identifiant, ce que le format exige",
        "a DOCTYPE is not allowed in a course file (DTDs and entities are refused for safety)":
            "un DOCTYPE n'est pas autorisé dans un fichier de formation (les DTD et les entités sont refusées par sécurité)",
        "a PostgreSQL store is backed up by its server (pg_dump), or copied with `allervers store copy`":
            "une base PostgreSQL se sauvegarde par son serveur (pg_dump), ou se copie avec `allervers store copy`",
        "a Saturday":
            "un samedi",
        "a Sunday":
            "un dimanche",
        "a cancelled session cannot be closed":
            "une session annulée ne peut pas être close",
        "a cancelled session with this id has records, and keeps its id: choose another":
            "une session annulée avec cet identifiant a des enregistrements et garde son identifiant : en choisir un autre",
        "a cell is named {}":
            "une cellule est nommée {}",
        "a certificate's address without its QR code's statement is checked in its workspace (--store)":
            "l'adresse d'un certificat sans la déclaration de son QR code se vérifie dans son espace de travail (--store)",
        "a closed session cannot be cancelled":
            "une session close ne peut pas être annulée",
        "a control or a Qualiopi audit may look back over the current year and the three before it":
            "un contrôle ou un audit Qualiopi peut remonter sur l'année en cours et les trois précédentes",
        "a correction's reason is text, without control characters":
            "le motif d'une correction est du texte, sans caractère de contrôle",
        "a follow-up comes after the absence: {} is before {}":
            "un suivi vient après l'absence : le {} précède le {}",
        "a follow-up records a contact made: {} is in the future":
            "un suivi enregistre un contact qui a eu lieu : le {} est dans le futur",
        "a funder is named twice":
            "un financeur est nommé deux fois",
        "a funder's rule only lengthens the retention: {} years is not longer than the {} years of every session":
            "la règle d'un financeur ne fait qu'allonger la conservation : {} ans n'est pas plus long que les {} ans de toutes les sessions",
        "a grace period is a number of days, not {}":
            "un délai de grâce est un nombre de jours, pas {}",
        "a grace period of {} days is longer than the validity of {} months":
            "un délai de grâce de {} jours dépasse la validité de {} mois",
        "a lead time is a number of days, not {}":
            "le délai d'« échéance proche » est un nombre de jours, pas {}",
        "a level or a code goes with a general objective":
            "un niveau ou un code suppose un objectif général",
        "--sign-before and --sign-after are minutes, from 0 to 720":
            "--sign-before et --sign-after sont des minutes, de 0 à 720",
        "a limit lets at least one request through a minute":
            "une limite laisse passer au moins une requête par minute",
        "a login is lower case, without spaces (letters, digits, '.', '_', '-', '@'): \"{}\" is not one":
            "un identifiant s'écrit en minuscules, sans espaces (lettres, chiffres, '.', '_', '-', '@') : « {} » n'en est pas un",
        "a participant needs a first and a last name":
            "un participant doit avoir un prénom et un nom",
        "a password has at least {} characters":
            "un mot de passe compte au moins {} caractères",
        "a public holiday ({})":
            "un jour férié ({})",
        "a quote in the middle of a field: quote the whole field and double the quote":
            "un guillemet au milieu d'un champ : mettre tout le champ entre guillemets et doubler le guillemet",
        "a quoted field is never closed":
            "un champ entre guillemets n'est jamais refermé",
        "a reason holds at most 300 characters":
            "un motif tient en 300 caractères au plus",
        "a reopening needs its reason (--reason)":
            "une réouverture doit indiquer son motif (--reason)",
        "a revocation needs a reason":
            "une révocation doit avoir un motif",
        "a room needs its --address":
            "une salle doit avoir son --address",
        "a row is numbered {}":
            "une ligne porte le numéro {}",
        "a score is out of 100, not {}":
            "une note est sur 100, pas {}",
        "a session":
            "une session",
        "a session is delivered for another organisation or handed to one, not both":
            "une session est réalisée pour un autre organisme ou confiée à un autre, pas les deux",
        "a session is in a room or on a site, not both":
            "une session a lieu dans une salle ou sur un site, pas les deux",
        "a session needs a trainer":
            "une session doit avoir un formateur",
        "a session with this id already exists":
            "une session avec cet identifiant existe déjà",
        "a session's certificates are all listed: name a session or filters, not both":
            "les certificats d'une session sont tous listés : indiquez une session ou des filtres, pas les deux",
        "a slot is held in a place or on a site, not both":
            "un créneau se tient dans un lieu ou sur un site, pas les deux",
        "a trainer account belongs to no employer":
            "un compte formateur n'appartient à aucun employeur",
        "a trainer has a name":
            "un formateur a un nom",
        "a validity is a number of months above zero, not {}":
            "une validité est un nombre de mois supérieur à zéro, pas {}",
        "a value in column {}, beyond the header's {} columns":
            "une valeur en colonne {}, au-delà des {} colonnes de l'en-tête",
        "a workspace already exists in {}":
            "un espace de travail existe déjà dans {}",
        "absent":
            "absent",
        "account":
            "compte",
        "action numero {} repeats an earlier one's: this one is action {}":
            "le numéro d'action {} répète celui d'une action précédente : celle-ci est l'action {}",
        "action {} states no hours (nombre-heures-centre, -entreprise or -total)":
            "l'action {} n'indique pas d'heures (nombre-heures-centre, -entreprise ou -total)",
        "action {} states {} hours; the course takes {}, the first action's":
            "l'action {} indique {} heures ; la formation en prend {}, celles de la première action",
        "active":
            "actif",
        "all":
            "toutes",
        "allervers (the course format, the default) or lheo (LHEO 2.3).":
            "allervers (le format des formations, par défaut) ou lheo (LHEO 2.3).",
        "already {}":
            "déjà {}",
        "alsace-moselle":
            "alsace-moselle",
        "an <item> has no identifier, which the format requires":
            "un <item> n'a pas d'identifiant, ce que le format exige",
        "an <organization> has no identifier, which the format requires":
            "une <organization> n'a pas d'identifiant, ce que le format exige",
        "an NSF speciality is named twice":
            "une spécialité NSF est nommée deux fois",
        "an RNCP certification states its level (3 to 8)":
            "une certification RNCP indique son niveau (3 à 8)",
        "an absence has no minutes late or early":
            "une absence ne comporte ni minutes de retard ni départ anticipé",
        "an account needs the person's name":
            "un compte doit indiquer le nom de la personne",
        "an address or a description needs the place or site it belongs to":
            "une adresse ou une description exige le lieu ou le site auquel elle se rapporte",
        "an anonymised participant is never changed":
            "un participant anonymisé n'est jamais modifié",
        "an employer account names its employer (--employer)":
            "un compte employeur désigne son employeur (--employer)",
        "an employer needs a name":
            "un employeur doit avoir un nom",
        "an excused absence of {} needs its reason":
            "l'absence excusée de {} doit indiquer son motif",
        "an exemption ends on or after {}, not {}":
            "une dispense se termine le {} ou après, pas le {}",
        "an exemption needs its reason":
            "une dispense doit indiquer son motif",
        "an obligation needs a title":
            "une obligation doit avoir un intitulé",
        "an obligation needs at least one course that satisfies it":
            "une obligation doit désigner au moins une formation qui la satisfait",
        "an outreach site needs its --site-description":
            "un site d'intervention doit avoir sa --site-description",
        "anniversary":
            "anniversaire",
        "apprentice":
            "apprenti",
        "arrived late (minutes)":
            "arrivé en retard (minutes)",
        "assessment":
            "évaluation",
        "assessments":
            "évaluations",
        "association":
            "association",
        "at least {}% of the hours attended":
            "au moins {} % des heures suivies",
        "attendance log":
            "journal des présences",
        "attendance record":
            "relevé de présence",
        "attendance records":
            "relevés de présence",
        "attended {} of {} ({} %), below the minimum of {} %":
            "a suivi {} sur {} ({} %), sous le minimum de {} %",
        "birth date":
            "date de naissance",
        "by {}":
            "au plus tard le {}",
        "call":
            "appel",
        "cancelled":
            "annulée",
        "cannot create the file":
            "impossible de créer le fichier",
        "cannot create the folder":
            "impossible de créer le dossier",
        "cannot lay out the PDF signature":
            "impossible de placer la signature dans le PDF",
        "cannot make a temporary folder to read the package in":
            "impossible de créer un dossier temporaire pour lire le paquet",
        "cannot open the file: {}":
            "impossible d'ouvrir le fichier : {}",
        "cannot read the file":
            "impossible de lire le fichier",
        "cannot read the file from its start again":
            "impossible de relire le fichier depuis le début",
        "cannot sign the PDF: {}":
            "impossible de signer le PDF : {}",
        "cannot use the store {}: {}":
            "impossible d'utiliser la base {} : {}",
        "cannot write its manifest into a temporary folder":
            "impossible d'écrire son manifeste dans un dossier temporaire",
        "cannot write the output: {}":
            "impossible d'écrire la sortie : {}",
        "cell {} holds a formula: copy it and paste the values instead":
            "la cellule {} contient une formule : copiez-la et collez plutôt les valeurs",
        "cell {} holds an error ({})":
            "la cellule {} contient une erreur ({})",
        "cell {} is shown as a date but holds {}":
            "la cellule {} est affichée comme une date mais contient {}",
        "cell {} names a text the workbook does not hold":
            "la cellule {} désigne un texte que le classeur ne contient pas",
        "cell {}{} holds a formula: copy it and paste the values instead":
            "la cellule {}{} contient une formule : copiez-la et collez plutôt les valeurs",
        "certificate":
            "certificat",
        "certificate QR payload":
            "contenu du QR code d'un certificat",
        "certificate issued":
            "certificat délivré",
        "certificate {} is not in this workspace":
            "le certificat {} n'est pas dans cet espace de travail",
        "certificate {} was revoked on {}: {}":
            "le certificat {} a été révoqué le {} : {}",
        "certificate {}'s holder was anonymised past retention (purge {}): the workspace no longer keeps its signed statement; check the QR code's":
            "le titulaire du certificat {} a été anonymisé au terme de la conservation (purge {}) : l'espace de travail ne garde plus sa déclaration signée ; vérifiez celle du QR code",
        "certificates":
            "certificats",
        "certificates issued":
            "certificats délivrés",
        "changes":
            "modifie",
        "choose a participant":
            "choisissez un participant",
        "choose what to record":
            "choisissez ce qu'il faut relever",
        "closed":
            "clôturée",
        "code":
            "code",
        "code-FORMACODE: the course's domain (<offer><formacode>)":
            "code-FORMACODE : le domaine de la formation (<offer><formacode>)",
        "code-NSF: its NSF speciality (<classification><nsf>)":
            "code-NSF : sa spécialité NSF (<classification><nsf>)",
        "code-ROME: the jobs it leads to (<offer><rome>)":
            "code-ROME : les métiers auxquels elle mène (<offer><rome>)",
        "code-niveau-entree: the level on entry (<offer><entryLevel>)":
            "code-niveau-entree : le niveau d'entrée (<offer><entryLevel>)",
        "code-public-vise: the public it is for (<offer><public>), which LHEO requires":
            "code-public-vise : le public visé (<offer><public>), que LHEO exige",
        "completed":
            "terminé",
        "completion":
            "réalisation",
        "completion, previous-expiry or anniversary.":
            "completion, previous-expiry ou anniversary.",
        "compliant":
            "à jour",
        "contact-formation: who answers about it (<offer><contact>); the organisation is named instead":
            "contact-formation : qui répond à son sujet (<offer><contact>) ; l'organisme est nommé à la place",
        "counting from a fixed anniversary needs its month and day":
            "le décompte jusqu'à une date anniversaire fixe demande son mois et son jour",
        "counts":
            "compte",
        "counts once verified":
            "compte une fois vérifiée",
        "course":
            "formation",
        "course {}":
            "formation {}",
        "course {} has no module {}":
            "la formation {} n'a pas de module {}",
        "course {} has no objective {}":
            "la formation {} n'a pas d'objectif {}",
        "course {} is required and {} has not completed it":
            "la formation {} est requise et {} ne l'a pas terminée",
        "course {} version {}":
            "la formation {} version {}",
        "course {} version {} appears twice in this import":
            "la formation {} version {} figure deux fois dans cet import",
        "course {} version {} is already in the workspace with different content: give the changed course a new version, or import with --replace":
            "la formation {} version {} est déjà dans l'espace de travail avec un contenu différent : donner une nouvelle version à la formation modifiée, ou importer avec --replace",
        "course {} version {} is already in the workspace with other actions (session templates): import with --replace to take the file's":
            "la formation {} version {} est déjà dans l'espace de travail avec d'autres actions (modèles de session) : importez avec --replace pour prendre celles du fichier",
        "course {} version {} states no NSF speciality (counted in others)":
            "la formation {} version {} n'indique pas de spécialité NSF (ses stagiaires comptés en « Autres spécialités »)",
        "course {} version {} states no general objective (counted in d)":
            "la formation {} version {} n'indique pas d'objectif général (ses stagiaires comptés en d)",
        "course {}: LHEO needs the public it is for (code-public-vise): give its <offer> a <public> FORMACODE":
            "formation {} : LHEO demande le public visé (code-public-vise) : donnez à son <offer> un FORMACODE <public>",
        "cqp":
            "CQP",
        "disabled":
            "désactivé",
        "does not expire":
            "n'expire pas",
        "due-soon":
            "échéance proche",
        "edited":
            "modifiée",
        "eligible":
            "éligible",
        "email":
            "courriel",
        "employer":
            "employeur",
        "employer id {} is already taken":
            "l'identifiant d'employeur {} est déjà pris",
        "enrolled":
            "inscrit",
        "entered {}":
            "nouvel état : {}",
        "event":
            "événement",
        "every absence of {} in session {} has its follow-up: name a half-day with --slot to record another contact":
            "chaque absence de {} dans la session {} a son suivi : nommez une demi-journée avec --slot pour enregistrer un autre contact",
        "every obligation":
            "toutes les obligations",
        "every session":
            "toutes les sessions",
        "everyone":
            "tout le monde",
        "excused (reason)":
            "excusé (motif)",
        "excused: {}":
            "excusé : {}",
        "exempt":
            "dispensé",
        "expired":
            "expiré",
        "external":
            "extérieur",
        "external id":
            "identifiant externe",
        "external id {} is already participant {}":
            "l'identifiant externe {} est déjà celui du participant {}",
        "female or male, for the statuses on sheets; unset, they read Présent·e.":
            "female ou male, pour les statuts sur les feuilles d'émargement ; sans cela, ils s'écrivent Présent·e.",
        "female or male.":
            "female ou male.",
        "file":
            "fichier",
        "first name":
            "prénom",
        "follow-up":
            "suivi",
        "follow-ups":
            "suivis d'absence",
        "for every session":
            "pour toutes les sessions",
        "for good":
            "sans limite",
        "for the sessions {} paid for":
            "pour les sessions payées par {}",
        "format {}":
            "format {}",
        "france":
            "france",
        "from {}":
            "à partir du {}",
        "gender":
            "genre",
        "give --due-months or --due-on, not both":
            "indiquez --due-months ou --due-on, pas les deux",
        "give --positioning or --assessment, not both":
            "indiquez --positioning ou --assessment, pas les deux",
        "give --role, --person or --everyone, not two of them":
            "indiquez --role, --person ou --everyone, un seul des trois",
        "give --validity or --for-good, not both":
            "indiquez --validity ou --for-good, pas les deux",
        "give --year, or --from and --to, not both":
            "indiquez --year, ou --from et --to, pas les deux",
        "give a course's id, or --all":
            "donnez l'identifiant d'une formation, ou --all",
        "give a level or a --score":
            "indiquez un niveau ou une note --score",
        "give a level or a score":
            "indiquer un niveau ou une note",
        "give a name, an email, an employer or an id to find":
            "indiquez un nom, un e-mail, un employeur ou un identifiant à rechercher",
        "give either --module M --status S, or --objective O with a level or --score":
            "indiquez soit --module M --status S, soit --objective O avec un niveau ou --score",
        "give either --start DATE or --slots FILE":
            "indiquez soit --start DATE, soit --slots FILE",
        "give the password on the standard input (one line)":
            "indiquez le mot de passe sur l'entrée standard (une ligne)",
        "give the place: --room NAME --address ADDRESS, or --site NAME --site-description TEXT":
            "indiquez le lieu : --room NAME --address ADDRESS, ou --site NAME --site-description TEXT",
        "group size minimum {} must be at least 1 and no more than the maximum {}":
            "l'effectif minimal {} doit être d'au moins 1 et ne pas dépasser l'effectif maximal {}",
        "half-day":
            "demi-journée",
        "half-day {} has not begun: signing opens at {}, {} minutes before it starts":
            "la demi-journée {} n'a pas commencé : l'émargement ouvre le {}, {} minutes avant son début",
        "half-day {} has not started: its sheet is certified once it has":
            "la demi-journée {} n'a pas commencé : sa feuille se certifie une fois qu'elle a commencé",
        "half-day {} has started: its times are what happened":
            "la demi-journée {} a commencé : ses horaires sont ceux qui ont été réalisés",
        "half-day {} has started: the trainers and place of what was held cannot change":
            "la demi-journée {} a commencé : les formateurs et le lieu de ce qui a eu lieu ne peuvent plus changer",
        "half-day {} of session {} has not started yet: attendance is recorded once it has":
            "demi-journée {} de la session {} pas encore commencée : les présences se relèvent une fois qu'elle a commencé",
        "half-day {} would start at {}, which is past: its times are what happened":
            "la demi-journée {} commencerait à {}, heure déjà passée : ses horaires sont ceux qui ont été réalisés",
        "hire":
            "embauche",
        "hire (default) or role: what --due-months counts from.":
            "hire (par défaut) ou role : point de départ de --due-months.",
        "hire date":
            "date d'entrée",
        "image":
            "image",
        "in-grace":
            "en délai de grâce",
        "in-progress":
            "en cours de suivi",
        "in-room":
            "en salle",
        "individual":
            "particulier",
        "issue":
            "délivrance",
        "issued by this workspace, not revoked":
            "délivré par cet espace de travail, non révoqué",
        "it cannot be migrated ({}): {}":
            "elle ne peut pas être migrée ({}) : {}",
        "it is already cancelled":
            "elle est déjà annulée",
        "it is already closed":
            "elle est déjà close",
        "it is cancelled":
            "elle est annulée",
        "it is {}, not closed: there is nothing to reopen":
            "son statut est {}, elle n'est pas close : il n'y a rien à rouvrir",
        "it is {}: it can no longer change":
            "son statut est {} : elle ne peut plus être modifiée",
        "it is {}: nobody can be enrolled":
            "son statut est {} : personne ne peut y être inscrit",
        "it is {}: nobody can be withdrawn, its enrolments are final":
            "son statut est {} : personne ne peut être désinscrit, ses inscriptions sont définitives",
        "it names no status list (credentialStatus)":
            "il ne nomme aucune liste de statuts (credentialStatus)",
        "it was migrated by a newer AllerVers ({}): use that version":
            "elle a été migrée par une version plus récente d'AllerVers ({}) : utiliser cette version",
        "item":
            "élément",
        "item \"{}\" has no <title>, which the format requires":
            "l'élément « {} » n'a pas de <title>, ce que le format exige",
        "item \"{}\" launches nothing and holds no item: not a module":
            "l'élément « {} » ne lance rien et ne contient aucun élément : pas un module",
        "item \"{}\" launches the sub-manifest \"{}\", which is not imported: the module keeps its title":
            "l'élément « {} » lance le sous-manifeste « {} », qui n'est pas importé : le module garde son titre",
        "item \"{}\" refers to the resource \"{}\", which the cartridge does not define: the module keeps its title":
            "l'élément « {} » renvoie à la ressource « {} », que la cartouche ne définit pas : le module garde son titre",
        "item \"{}\" refers to the resource \"{}\", which the manifest does not define":
            "l'élément « {} » renvoie à la ressource « {} », que le manifeste ne définit pas",
        "item \"{}\" states no typical learning time: give the modules' hours with --module-hours":
            "l'élément « {} » n'indique pas de durée d'apprentissage : donnez les heures des modules avec --module-hours",
        "items":
            "éléments",
        "its PDF signature was not made with this workspace's certificate":
            "sa signature PDF n'a pas été faite avec le certificat de cet espace de travail",
        "its entry {} is past the end of the status list":
            "son entrée {} est au-delà de la fin de la liste de statuts",
        "its last half-day ({}) has not ended yet":
            "sa dernière demi-journée ({}) n'est pas encore terminée",
        "its {} cannot be read from the archive (damaged, or its checksum does not match)":
            "son {} ne peut pas être lu dans l'archive (abîmé, ou sa somme de contrôle ne correspond pas)",
        "its {} inflates beyond the size the archive states: refused as a zip bomb":
            "son {} se décompresse au-delà de la taille que l'archive indique : refusé comme bombe zip",
        "its {} is compressed by a method this tool does not read (it reads stored and deflated entries)":
            "son {} est compressé par une méthode que cet outil ne lit pas (il lit les entrées stockées ou compressées par deflate)",
        "its {} is larger than {}; refused":
            "son {} dépasse {} ; refusé",
        "job-seeker":
            "demandeur d'emploi",
        "last name":
            "nom",
        "late {}, overdue from {}":
            "en retard depuis le {}, hors délai à partir du {}",
        "late {}, overdue {}":
            "en retard depuis le {}, hors délai depuis le {}",
        "launch URLs, in {}, have no equivalent in a course: the modules keep their titles, the content stays in the learning platform":
            "les URL de lancement, dans {}, n'ont pas d'équivalent dans une formation : les modules gardent leurs titres, le contenu reste sur la plateforme d'apprentissage",
        "launch data":
            "les données de lancement",
        "launch parameters":
            "les paramètres de lancement",
        "launch settings":
            "les réglages de lancement",
        "learning time":
            "durée d'apprentissage",
        "learning times":
            "durées d'apprentissage",
        "left early (minutes)":
            "parti avant la fin (minutes)",
        "left {} minutes early":
            "parti {} minutes avant la fin",
        "libxml2 could not attach the schema":
            "libxml2 n'a pas pu associer le schéma",
        "libxml2 could not create a reader for the file":
            "libxml2 n'a pas pu créer de lecteur pour le fichier",
        "libxml2 could not write the course document":
            "libxml2 n'a pas pu écrire le document de formation",
        "lieu-de-formation: where it is held (<offer><place>)":
            "lieu-de-formation : où elle a lieu (<offer><place>)",
        "line {}: {}":
            "ligne {} : {}",
        "log of follow-ups":
            "journal des suivis",
        "log of purges":
            "journal des purges",
        "log of sheet signatures":
            "journal des signatures de feuilles",
        "mastery scores and completion thresholds":
            "les scores de maîtrise et les seuils d'achèvement",
        "meeting":
            "entretien",
        "merged into {}":
            "fusionné dans {}",
        "message":
            "message",
        "minimum attendance must be between 0 and 100 percent":
            "le taux de présence minimal doit être compris entre 0 et 100 %",
        "minutes":
            "minutes",
        "minutes late or early cannot be negative":
            "les minutes de retard ou de départ anticipé ne peuvent pas être négatives",
        "modality":
            "modalité",
        "module id \"{}\" is used twice in {}":
            "l'identifiant de module « {} » est utilisé deux fois dans {}",
        "module {}":
            "module {}",
        "module {} lists objective \"{}\" twice":
            "le module {} cite deux fois l'objectif « {} »",
        "module {} refers to objective \"{}\", which {} does not define":
            "le module {} renvoie à l'objectif « {} », que {} ne définit pas",
        "name at least one --trainer":
            "indiquez au moins un --trainer",
        "name at least one detail to change, such as --last-name":
            "indiquez au moins une information à modifier, par exemple --last-name",
        "name sessions, or give a period with --from and --to":
            "nommez des sessions, ou indiquez une période avec --from et --to",
        "name the year with --year, or its first and last days with --from and --to":
            "indiquez l'année avec --year, ou son premier et son dernier jour avec --from et --to",
        "name what changes: --trainer, --room/--address, --site/--site-description or --times":
            "indiquez ce qui change : --trainer, --room/--address, --site/--site-description ou --times",
        "name what satisfies it: --course or --external":
            "indiquez ce qui y satisfait : --course ou --external",
        "name what the session declares: --funding, --delivered-for, --handed-to, --eu-funded or --trainee-kind":
            "indiquez ce que la session déclare : --funding, --delivered-for, --handed-to, --eu-funded ou --trainee-kind",
        "navigation settings":
            "les réglages de navigation",
        "never trained":
            "jamais formé",
        "no":
            "non",
        "no AllerVers workspace in {} or its parents: run `allervers init` there, or pass --store FOLDER":
            "aucun espace de travail AllerVers dans {} ni dans ses dossiers parents : y lancer `allervers init`, ou indiquer --store FOLDER",
        "no algorithm":
            "aucun algorithme",
        "no closed session ended between {} and {}":
            "aucune session close ne s'est terminée entre le {} et le {}",
        "no course to export: an LHEO file offers one at least":
            "aucune formation à exporter : un fichier LHEO en propose une au moins",
        "no course {} in the workspace":
            "aucune formation {} dans l'espace de travail",
        "no course {} in the workspace to count it as":
            "aucune formation {} dans l'espace de travail à laquelle la faire correspondre",
        "no course {} in the workspace: import it first, or name another provider's course with --external":
            "aucune formation {} dans l'espace de travail : l'importer d'abord, ou désigner la formation d'un autre organisme avec --external",
        "no course {} version {} in the workspace":
            "aucune formation {} version {} dans l'espace de travail",
        "no participant is marked for session {}":
            "aucun relevé de présence fourni pour la session {}",
        "no sheet named {}: the sheets are {}":
            "aucune feuille nommée {} : les feuilles sont {}",
        "no slot covers module {} (use --allow-partial for part of a course)":
            "aucun créneau ne couvre le module {} (utiliser --allow-partial pour une partie de formation)",
        "no status for {}: name them, or add --others-present":
            "aucun statut pour {} : nommez-les, ou ajoutez --others-present",
        "no such file or folder":
            "fichier ou dossier introuvable",
        "no workspace at hand: signature checked alone, revocation not checked":
            "aucun espace de travail disponible : signature vérifiée seule, révocation non vérifiée",
        "no workspace to verify":
            "aucun espace de travail à vérifier",
        "no {} {} in the workspace":
            "{} {} introuvable dans l'espace de travail",
        "nobody (self-declared)":
            "personne (formation autodéclarée)",
        "nobody is marked for {} of {}: name participants, or add --others-present":
            "aucun participant n'est noté pour {} de {} : nommez des participants, ou ajoutez --others-present",
        "nombre-heures-total: LHEO counts whole hours; {} is written {}":
            "nombre-heures-total : LHEO compte des heures entières ; {} s'écrit {}",
        "none kept":
            "aucun conservé",
        "none: QR codes hold the signed statement alone":
            "aucune : les QR codes portent la déclaration signée seule",
        "not a PDF: no startxref":
            "ce n'est pas un PDF : aucun startxref",
        "not a PKCS#8 PEM Ed25519 private key":
            "ce n'est pas une clé privée Ed25519 au format PKCS#8 PEM",
        "not a postgres://USER@HOST[:PORT]/DATABASE address":
            "ce n'est pas une adresse postgres://USER@HOST[:PORT]/DATABASE",
        "not a regular file":
            "ce n'est pas un fichier ordinaire",
        "not a revocation status list (BitstringStatusListCredential)":
            "ce n'est pas une liste de statuts de révocation (BitstringStatusListCredential)",
        "not a signed statement: expected a compact JWS (three base64url parts)":
            "ce n'est pas une déclaration signée : un JWS compact est attendu (trois parties base64url)",
        "not a spreadsheet this tool reads: save it as .xlsx, .ods or CSV":
            "ce n'est pas un classeur que cet outil sait lire : enregistrez-le au format .xlsx, .ods ou CSV",
        "not a zip archive this tool can read":
            "ce n'est pas une archive zip que cet outil sait lire",
        "not an Ed25519 private key":
            "ce n'est pas une clé privée Ed25519",
        "not eligible":
            "non éligible",
        "not eligible: {}":
            "non éligible : {}",
        "not enrolled, so not withdrawn":
            "non inscrit, donc pas désinscrit",
        "not given":
            "non renseigné",
        "not recorded":
            "non relevé",
        "not revoked in the status list {} (entry {})":
            "non révoqué dans la liste de statuts {} (entrée {})",
        "not-met":
            "non atteint",
        "not-started":
            "non commencé",
        "not-started, in-progress or completed.":
            "not-started, in-progress ou completed.",
        "not-yet-due":
            "pas encore dû",
        "nothing missing":
            "rien ne manque",
        "nothing to change: give what changes, such as --validity 24":
            "rien à modifier : indiquez ce qui change, par exemple --validity 24",
        "object {} of the PDF is not a dictionary":
            "l'objet {} du PDF n'est pas un dictionnaire",
        "objective id \"{}\" is used twice in {}":
            "l'identifiant d'objectif « {} » est utilisé deux fois dans {}",
        "objective {} not assessed":
            "objectif {} non évalué",
        "objective {} not passed":
            "objectif {} non validé",
        "obligation":
            "obligation",
        "obligation {} of their employer applies to them":
            "l'obligation {} de son employeur s'applique à elle",
        "obligation(s) naming them ({})":
            "obligation(s) le désignant ({})",
        "of the organisation":
            "de l'organisme",
        "only a certification registered in the RNCP or the RS has a code":
            "seule une certification enregistrée au RNCP ou au RS a un code",
        "only an RNCP certification has a level, not {}":
            "seule une certification RNCP a un niveau, pas {}",
        "organisation \"{}\" has no <title>, which the format requires":
            "l'organisation « {} » n'a pas de <title>, ce que le format exige",
        "organisme-financeur: who funds it (<offer><funder>)":
            "organisme-financeur : qui la finance (<offer><funder>)",
        "other":
            "autre",
        "other organisation":
            "autre organisation",
        "other organisations":
            "autres organisations",
        "other-professional":
            "autre formation professionnelle",
        "overdue":
            "hors délai",
        "participant":
            "participant",
        "participant already certified, left as they are":
            "participant déjà certifié, laissé tel quel",
        "participant id {} is already taken":
            "l'identifiant de participant {} est déjà pris",
        "participants already certified, left as they are":
            "participants déjà certifiés, laissés tels quels",
        "people":
            "personnes",
        "period":
            "période",
        "person":
            "personne",
        "place":
            "endroit",
        "places":
            "endroits",
        "planned":
            "planifiée",
        "planned, running, closed or cancelled.":
            "planned, running, closed ou cancelled.",
        "positioning":
            "positionnement",
        "present":
            "présent",
        "present, signed for them (reason)":
            "présent, émargé à sa place (motif)",
        "previous-expiry":
            "échéance précédente",
        "prints":
            "indique",
        "private-company":
            "entreprise privée",
        "private-company, association, public-body or other.":
            "private-company, association, public-body ou other.",
        "private-employee":
            "salarié d'employeur privé",
        "progress record":
            "enregistrement de progression",
        "public-body":
            "organisme public",
        "purge":
            "purge",
        "qr":
            "QR code",
        "reason":
            "motif",
        "record":
            "enregistrement",
        "record of training done elsewhere":
            "formation suivie ailleurs",
        "record(s) of training done elsewhere":
            "formation(s) suivie(s) ailleurs",
        "reissued as {}":
            "réémis sous le numéro {}",
        "remote":
            "à distance",
        "remote ({})":
            "à distance ({})",
        "reopened":
            "rouverte",
        "replanned":
            "replanifiée",
        "required module {} not completed":
            "module obligatoire {} non terminé",
        "resource \"{}\" names \"{}\", outside the package":
            "la ressource « {} » nomme « {} », hors du paquet",
        "resource \"{}\" names the file \"{}\" ({} in the package, after xml:base), which the package does not hold":
            "la ressource « {} » nomme le fichier « {} » ({} dans le paquet, après xml:base), que le paquet ne contient pas",
        "resource \"{}\" names the file \"{}\", which the package does not hold":
            "la ressource « {} » nomme le fichier « {} », que le paquet ne contient pas",
        "resource \"{}\", which item \"{}\" launches, has no href (its launch URL)":
            "la ressource « {} », que lance l'élément « {} », n'a pas de href (son URL de lancement)",
        "result":
            "résultat",
        "resultats-attendus: what it leads to (<offer><expectedResults>)":
            "resultats-attendus : ce à quoi elle mène (<offer><expectedResults>)",
        "revoke it first, then correct and reissue":
            "le révoquer d'abord, puis corriger et réémettre",
        "revoked":
            "révoqué",
        "revoked: its entry {} is set in the status list {}":
            "révoqué : son entrée {} est levée dans la liste de statuts {}",
        "revoked: {}":
            "révoqué : {}",
        "rncp":
            "certification RNCP",
        "role":
            "fonction",
        "role since":
            "fonction depuis",
        "row":
            "ligne",
        "row {}: {}":
            "ligne {} : {}",
        "rs":
            "certification RS",
        "running":
            "en cours",
        "rythme-formation: its rhythm, which only an LHEO import gives":
            "rythme-formation : son rythme, que seul un import LHEO donne",
        "same email":
            "même adresse e-mail",
        "same names and birth date":
            "mêmes nom, prénom et date de naissance",
        "same names and employer":
            "mêmes nom, prénom et employeur",
        "sealed PDF":
            "PDF scellé",
        "self-declared":
            "autodéclarée",
        "sequencing rules":
            "les règles de séquencement",
        "session":
            "session",
        "session event":
            "événement de session",
        "session events":
            "événements de session",
        "session log":
            "journal des sessions",
        "session template":
            "modèle de session",
        "session templates":
            "modèles de session",
        "session {}":
            "la session {}",
        "session {} has half-days in the period but no hours attended":
            "la session {} a des demi-journées sur la période mais aucune heure suivie",
        "session {} has no half-day {}; its half-days are {}":
            "la session {} n'a pas de demi-journée {} ; ses demi-journées sont {}",
        "session {} has no trainer":
            "la session {} n'a pas de formateur",
        "session {} is cancelled":
            "la session {} est annulée",
        "session {} is cancelled: its attendance can no longer change":
            "la session {} est annulée : ses présences ne peuvent plus changer",
        "session {} is closed and {} holds live certificate {}, issued from these records: ":
            "la session {} est close et {} détient le certificat en vigueur {}, délivré à partir de ces enregistrements : ",
        "session {} is closed: {} has no record for {} to correct, and nothing new is recorded":
            "la session {} est close : {} n'a pas de relevé à corriger pour {}, et rien de nouveau n'est enregistré",
        "session {} is not closed":
            "la session {} n'est pas clôturée",
        "session {} is not planned: {}":
            "la session {} n'est pas planifiée : {}",
        "session {} is {}: its half-days are no longer signed":
            "la session {} est {} : ses demi-journées ne s'émargent plus",
        "session {} was cancelled: not planned again":
            "la session {} a été annulée : elle n'est pas planifiée à nouveau",
        "session {}: ":
            "session {} : ",
        "session: no planned session (with --sessions), so one without dates is announced":
            "session : aucune session planifiée (avec --sessions), une session sans dates est donc annoncée",
        "sheet":
            "feuille",
        "sheet signature":
            "signature de feuille",
        "sign-in-sheets":
            "feuilles d'émargement",
        "signatory title":
            "fonction du signataire",
        "signature":
            "signature",
        "signature valid (Ed25519, {})":
            "signature valide (Ed25519, {})",
        "signed":
            "a signé",
        "signed by {}, not by this workspace's key ({})":
            "signé par {}, et non par la clé de cet espace de travail ({})",
        "signed with {}, not EdDSA":
            "signé avec {} et non avec EdDSA",
        "signing for half-day {} closed at {}, {} minutes after it ended: ask the trainer":
            "l'émargement de la demi-journée {} a fermé le {}, {} minutes après sa fin : adressez-vous au formateur",
        "signing on someone's behalf needs its reason":
            "un émargement à la place d'une personne doit indiquer son motif",
        "skills-assessment":
            "bilan de compétences",
        "slot {} ends at {} on {}, after slot {} starts at {}":
            "le créneau {} se termine à {} le {}, après le début du créneau {} à {}",
        "slot {} ends at {}, before it starts at {} (only a slot starting from 18:00 ends the next day)":
            "le créneau {} se termine à {}, avant son début à {} (seul un créneau commençant à partir de 18:00 se termine le lendemain)",
        "slot {} ends at {}, when it starts":
            "le créneau {} se termine à {}, l'heure à laquelle il commence",
        "slot {} falls in a daylight-saving change in {}":
            "le créneau {} tombe pendant un changement d'heure dans le fuseau {}",
        "slot {} lasts {}: a slot lasts at most {}":
            "le créneau {} dure {} : un créneau dure au plus {}",
        "slot {} names module {}, which course {} version {} does not have":
            "le créneau {} cite le module {}, que la formation {} version {} ne comporte pas",
        "slots {} and {} overlap":
            "les créneaux {} et {} se chevauchent",
        "someone earlier in the file":
            "une personne plus haut dans le fichier",
        "something was appended to the PDF after it was sealed":
            "des données ont été ajoutées au PDF après son scellement",
        "still {} after {} days":
            "toujours {} au bout de {} jours",
        "sub-manifests":
            "les sous-manifestes",
        "terrain":
            "terrain",
        "the AU identifier \"{}\" is used twice":
            "l'identifiant d'AU « {} » est employé deux fois",
        "the LHEO written does not match LHEO 2.3's schema: {}":
            "le LHEO écrit n'est pas conforme au schéma de LHEO 2.3 : {}",
        "the PDF already has {}":
            "le PDF contient déjà {}",
        "the PDF carries no AllerVers seal":
            "le PDF ne porte aucun sceau AllerVers",
        "the PDF has a cross-reference stream, not a table: only PDFs this tool drew are signed":
            "le PDF a un flux de références croisées et non une table : seuls les PDF produits par cet outil sont signés",
        "the PDF has no object {}":
            "le PDF n'a pas d'objet {}",
        "the PDF signature cannot be read ({})":
            "la signature du PDF est illisible ({})",
        "the PDF signature carries no certificate or signer":
            "la signature du PDF ne contient ni certificat ni signataire",
        "the PDF signature does not fit its placeholder":
            "la signature du PDF ne tient pas dans l'espace qui lui est réservé",
        "the PDF signature does not verify with the certificate it carries":
            "la vérification de la signature du PDF échoue avec le certificat qu'elle contient",
        "the PDF signature has no signed attributes":
            "la signature du PDF n'a pas d'attributs signés",
        "the PDF signature is not a CMS SignedData":
            "la signature du PDF n'est pas une structure CMS SignedData",
        "the PDF signature is not hex":
            "la signature du PDF n'est pas en hexadécimal",
        "the PDF signature uses an algorithm this tool does not write":
            "la signature du PDF utilise un algorithme que cet outil n'emploie pas",
        "the PDF signature's certificate does not name the issuer of the seal ({})":
            "le certificat de la signature du PDF ne désigne pas l'émetteur du sceau ({})",
        "the PDF signing key is not the certificate's":
            "la clé de signature des PDF ne correspond pas au certificat",
        "the PDF was already updated or is encrypted: only PDFs this tool drew are signed":
            "le PDF a déjà été mis à jour ou est chiffré : seuls les PDF produits par cet outil sont signés",
        "the PDF was changed after it was sealed: its content no longer matches the signed digest":
            "le PDF a été modifié après son scellement : son contenu ne correspond plus à l'empreinte signée",
        "the PDF was changed after it was signed: its digest does not match the signed one":
            "le PDF a été modifié après sa signature : son empreinte ne correspond pas à l'empreinte signée",
        "the PDF was changed after it was signed: its last update is not the signature's":
            "le PDF a été modifié après sa signature : sa dernière mise à jour n'est pas celle de la signature",
        "the PDF's catalog has no pages":
            "le catalogue du PDF n'a pas de pages",
        "the PDF's cross-reference table is malformed":
            "la table des références croisées du PDF est mal formée",
        "the PDF's page tree is empty":
            "l'arbre des pages du PDF est vide",
        "the PDF's page tree is too deep":
            "l'arbre des pages du PDF est trop profond",
        "the PDF's seal names no certificate or digest":
            "le sceau du PDF n'indique ni certificat ni empreinte",
        "the PDF's trailer is cut short":
            "le trailer du PDF est tronqué",
        "the PDF's trailer names no /Size or /Root":
            "le trailer du PDF n'indique ni /Size ni /Root",
        "the SIRET has fourteen digits whose Luhn checksum holds, not \"{}\"":
            "le SIRET a quatorze chiffres dont la clé de Luhn est valide, pas « {} »",
        "the XML parser stopped (code {})":
            "l'analyseur XML s'est arrêté (code {})",
        "the XML parser stopped on malformed input":
            "l'analyseur XML s'est arrêté sur un contenu mal formé",
        "the address is not where the organisation publishes its certificates ({})":
            "l'adresse n'est pas celle où l'organisme publie ses certificats ({})",
        "the address names certificate {} but its statement is certificate {}'s":
            "l'adresse désigne le certificat {} mais sa déclaration est celle du certificat {}",
        "the archive has no imsmanifest.xml or cmi5.xml at its root: it is not a SCORM, Common Cartridge or cmi5 package":
            "l'archive n'a ni imsmanifest.xml ni cmi5.xml à sa racine : ce n'est pas un paquet SCORM, Common Cartridge ou cmi5",
        "the archive holds more than {} entries; a package this large is refused":
            "l'archive contient plus de {} entrées ; un paquet aussi gros est refusé",
        "the archive inflates to more than {}; a package this large is refused":
            "l'archive se décompresse en plus de {} ; un paquet aussi gros est refusé",
        "the capacity must be at least 1":
            "la capacité doit être d'au moins 1",
        "the cartridge states no title (neither its organisation nor its metadata)":
            "la cartouche n'indique pas de titre (ni son organisation ni ses métadonnées)",
        "the certificate prefix is one to ten capital letters or digits, not \"{}\"":
            "le préfixe des numéros de certificat compte d'une à dix lettres majuscules ou chiffres, pas « {} »",
        "the certification rule lists module \"{}\" twice":
            "la règle de délivrance du certificat cite deux fois le module « {} »",
        "the certification rule requires module \"{}\", which {} does not define":
            "la règle de délivrance du certificat exige le module « {} », que {} ne définit pas",
        "the code is not certificate {}'s":
            "le code n'est pas celui du certificat {}",
        "the columns \"{}\" (column {}) and \"{}\" (column {}) are the same: keep one":
            "les colonnes « {} » (colonne {}) et « {} » (colonne {}) désignent la même colonne : n'en gardez qu'une",
        "the contact's email \"{}\" is not an email address":
            "l'e-mail du contact « {} » n'est pas une adresse e-mail",
        "the contact's name \"{}\" is longer than 50 characters":
            "le nom du contact « {} » dépasse 50 caractères",
        "the contact's phone \"{}\" is not a phone number":
            "le téléphone du contact « {} » n'est pas un numéro de téléphone",
        "the contact's web address \"{}\" does not start with http:// or https://":
            "l'adresse web du contact « {} » ne commence pas par http:// ou https://",
        "the copy does not verify: {}":
            "la copie ne se vérifie pas : {}",
        "the copy of certificate {} does not verify: {}":
            "la copie du certificat {} ne se vérifie pas : {}",
        "the copy of certificate {} is not signed by this workspace's key":
            "la copie du certificat {} n'est pas signée par la clé de cet espace de travail",
        "the course made from this offer does not match the course schema: {}":
            "la formation tirée de cette offre n'est pas conforme au schéma des formations : {}",
        "the course made from this package does not match the course schema: {}":
            "la formation tirée de ce paquet ne respecte pas le schéma des formations : {}",
        "the course the extras carry does not match the course schema: {}":
            "la formation que portent les extras n'est pas conforme au schéma des formations : {}",
        "the default organisation \"{}\" is not among the package's organisations ({})":
            "l'organisation par défaut « {} » n'est pas parmi les organisations du paquet ({})",
        "the drawn signature {} was erased, but purge {} does not name everyone who signed with it":
            "la signature dessinée {} a été effacée, mais la purge {} ne nomme pas tous ceux qui ont signé avec elle",
        "the employer's kind and SIRET go with its name, in the employer column":
            "le type et le SIRET de l'employeur vont avec son nom, dans la colonne employer/employeur",
        "the entry \"{}\" inflates {} times its size: refused as a zip bomb":
            "l'entrée « {} » se décompresse en {} fois sa taille : refusée comme bombe zip",
        "the entry \"{}\" is a symbolic link; a package holds files and folders only":
            "l'entrée « {} » est un lien symbolique ; un paquet ne contient que des fichiers et des dossiers",
        "the entry \"{}\" would be written outside the package's folder; the archive is refused":
            "l'entrée « {} » serait écrite hors du dossier du paquet ; l'archive est refusée",
        "the entry level {} is not one of LHEO's dictionary: 0 to 8, or 11 to 18 for levels 1 to 8":
            "le niveau d'entrée {} n'est pas dans le dictionnaire LHEO : 0 à 8, ou 11 à 18 pour les niveaux 1 à 8",
        "the exit level {} is not one of LHEO's dictionary: 0 to 8, or 11 to 18 for levels 1 to 8":
            "le niveau de sortie {} n'est pas dans le dictionnaire LHEO : 0 à 8, ou 11 à 18 pour les niveaux 1 à 8",
        "the file declares the encoding \"{}\"; course files must be UTF-8":
            "le fichier déclare l'encodage « {} » ; les fichiers de formation doivent être en UTF-8",
        "the file does not match its schema":
            "le fichier n'est pas conforme à son schéma",
        "the file ends inside an element":
            "le fichier se termine à l'intérieur d'un élément",
        "the file has no sheet":
            "le fichier n'a aucune feuille",
        "the file holds no XML element":
            "le fichier ne contient aucun élément XML",
        "the file is empty":
            "le fichier est vide",
        "the file is empty: a header line is expected":
            "le fichier est vide : une ligne d'en-tête est attendue",
        "the file is neither UTF-8 nor Windows-1252: save it from the spreadsheet as \"CSV UTF-8\"":
            "le fichier n'est ni en UTF-8 ni en Windows-1252 : l'enregistrer depuis le tableur au format « CSV UTF-8 »",
        "the file is not UTF-8: save it from the spreadsheet as \"CSV UTF-8\"":
            "le fichier n'est pas en UTF-8 : l'enregistrer depuis le tableur au format « CSV UTF-8 »",
        "the first due date cannot come before the hire ({} months)":
            "la première échéance ne peut pas précéder la date d'entrée ({} mois)",
        "the formation's numero {} is not the id of the course its extras carry, {}":
            "le numéro de la formation {} n'est pas l'identifiant de la formation que portent ses extras, {}",
        "the head of the {} does not match its records":
            "la tête du {} ne correspond pas à ses enregistrements",
        "the header has merged cells ({}): unmerge them, one column name per cell":
            "l'en-tête a des cellules fusionnées ({}) : annulez la fusion, un nom de colonne par cellule",
        "the header has merged cells: unmerge them, one column name per cell":
            "l'en-tête a des cellules fusionnées : annulez la fusion, un nom de colonne par cellule",
        "the header lacks the column \"{}\"":
            "il manque la colonne « {} » dans l'en-tête",
        "the hours are above zero, not {}":
            "le nombre d'heures doit être supérieur à zéro, pas {}",
        "the id of a cancelled session, planned again":
            "l'identifiant d'une session annulée, planifiée de nouveau",
        "the issuer is not a did:key":
            "l'émetteur n'est pas un did:key",
        "the item identifier \"{}\" is used twice":
            "l'identifiant d'élément « {} » est employé deux fois",
        "the key that signed ({}) is not the issuer the statement names ({})":
            "la clé qui a signé ({}) n'est pas l'émetteur indiqué dans la déclaration ({})",
        "the manifest holds more than {} items; a course holds at most 100 modules":
            "le manifeste contient plus de {} éléments ; une formation contient au plus 100 modules",
        "the manifest is larger than {}; refused":
            "le manifeste dépasse {} ; refusé",
        "the modules of {} add up to {} hours but the course states {} hours":
            "les modules de {} totalisent {} heures, mais la formation en annonce {}",
        "the newest {} records of the {} have been removed (it held {})":
            "les {} derniers enregistrements du {} ont été supprimés (il en comptait {})",
        "the numéro de déclaration d'activité has eleven digits, not \"{}\"":
            "le numéro de déclaration d'activité comporte onze chiffres, pas « {} »",
        "the numéro de déclaration d'activité {} is not eleven digits":
            "le numéro de déclaration d'activité {} n'a pas onze chiffres",
        "the offer's numero \"{}\" cannot name a course: give it one of letters, digits, '.', '_' and '-', up to 64":
            "le numéro de l'offre « {} » ne peut pas nommer une formation : donnez-lui un numéro fait de lettres, chiffres, « . », « _ » et « - », 64 au plus",
        "the organisation has no item that launches anything: no module to import":
            "l'organisation n'a aucun élément qui lance un contenu : aucun module à importer",
        "the organisation identity needs all of --name, --address, --declaration-number, --signatory and --signatory-title":
            "l'identité de l'organisme demande toutes les options --name, --address, --declaration-number, --signatory et --signatory-title",
        "the organisation makes {} modules; a course holds at most {}":
            "l'organisation donne {} modules ; une formation en contient au plus {}",
        "the organisation's address \"{}\" does not read as a street, then a postcode and a town (\"12 rue des Lices, 49100 Angers\"), which LHEO needs":
            "l'adresse de l'organisme « {} » ne se lit pas comme une rue, puis un code postal et une ville (« 12 rue des Lices, 49100 Angers »), dont LHEO a besoin",
        "the organisation's {} is empty":
            "la rubrique « {} » de l'organisme de formation est vide",
        "the outreach site {} needs its site_description":
            "le site d'intervention {} doit avoir sa site_description",
        "the package has no organisation: it holds resources but no course structure to make modules of":
            "le paquet n'a pas d'organisation : il contient des ressources mais pas de structure de cours dont faire des modules",
        "the period ends on {}, before it starts on {}":
            "la période finit le {}, avant de commencer le {}",
        "the place \"{}\" is not a full address":
            "le lieu « {} » n'est pas une adresse complète",
        "the place {} is booked by session {} (slot {}) at the time of slot {}":
            "le lieu {} est réservé par la session {} (créneau {}) à l'heure du créneau {}",
        "the public address is a web address such as https://formation.example.org, not \"{}\"":
            "l'adresse publique est une adresse web comme https://formation.example.org, pas « {} »",
        "the purge date {} is after today ({}): only records whose retention has ended are purged":
            "la date de purge {} est postérieure à aujourd'hui ({}) : seules les pièces dont la durée de conservation est finie sont purgées",
        "the resource identifier \"{}\" is used twice":
            "l'identifiant de ressource « {} » est employé deux fois",
        "the role cannot begin ({}) before the hire ({})":
            "la prise de fonction ({}) ne peut pas précéder la date d'entrée ({})",
        "the room {} needs its address":
            "la salle {} doit avoir son adresse (address)",
        "the root element is {}; a course file starts with <course> or <catalogue> in the namespace {}, or is LHEO 2.2 or 2.3, or a SCORM, Common Cartridge or cmi5 manifest":
            "l'élément racine est {} ; un fichier de formation commence par <course> ou <catalogue> dans l'espace de noms {}, ou est en LHEO 2.2 ou 2.3, ou est un manifeste SCORM, Common Cartridge ou cmi5",
        "the root element is {}; a package's imsmanifest.xml starts with <manifest>, its cmi5.xml with <courseStructure>":
            "l'élément racine est {} ; l'imsmanifest.xml d'un paquet commence par <manifest>, son cmi5.xml par <courseStructure>",
        "the root element is {}; an LHEO {} file starts with <lheo> or <lheo-index>":
            "l'élément racine est {} ; un fichier LHEO {} commence par <lheo> ou <lheo-index>",
        "the row gives no result: a positioning, an assessment or a score":
            "la ligne ne donne aucun résultat : un positionnement, une évaluation ou une note",
        "the row has more columns than a spreadsheet holds":
            "la ligne a plus de colonnes qu'un tableur ne peut en contenir",
        "the session ends on {}, before it starts on {}":
            "la session finit le {}, avant de commencer le {}",
        "the session from {}":
            "la session du {}",
        "the session has no slot":
            "la session n'a aucun créneau",
        "the sheet has more rows than a spreadsheet holds":
            "la feuille a plus de lignes qu'un tableur ne peut en contenir",
        "the sheet holds too many cells to be a list":
            "la feuille contient trop de cellules pour être une liste",
        "the sheet of half-day {} has been certified: a change is a correction and needs its reason":
            "la feuille de la demi-journée {} a été certifiée : une modification est une correction et doit indiquer son motif",
        "the sheet of half-day {} of session {} has been certified: a change is a correction and needs its reason (--reason)":
            "la feuille de la demi-journée {} de la session {} a été certifiée : une modification est une correction et doit indiquer son motif (--reason)",
        "the sheet {} is empty: a header row is expected":
            "la feuille {} est vide : une ligne d'en-tête est attendue",
        "the sheet {} is missing":
            "la feuille {} est absente",
        "the signature did not come through: draw it again":
            "la signature n'est pas parvenue : tracez-la de nouveau",
        "the signature does not match: the statement was changed, or not signed by {}":
            "la signature ne correspond pas : la déclaration a été modifiée ou n'a pas été signée par {}",
        "the signature image {} was changed after it was written":
            "l'image de signature {} a été modifiée après son enregistrement",
        "the signed statement names no certificate (jti)":
            "la déclaration signée n'indique aucun certificat (jti)",
        "the slots add up to {} hours but course {} lasts {} hours (use --allow-partial for part of a course)":
            "les créneaux totalisent {} heures, mais la formation {} dure {} heures (utiliser --allow-partial pour une partie de formation)",
        "the status list is signed by {}, not by the credential's issuer":
            "la liste de statuts est signée par {}, pas par l'émetteur du badge",
        "the status list is {}, the credential's is {}":
            "la liste de statuts est {}, celle du badge est {}",
        "the store holds a damaged record":
            "la base contient un enregistrement endommagé",
        "the store's {} record {} is damaged":
            "l'enregistrement {2} (table {1}) de la base est endommagé",
        "the target already holds records ({}): copy into an empty store":
            "la cible contient déjà des enregistrements ({}) : copier dans une base vide",
        "the time zone \"{}\" does not exist":
            "le fuseau horaire « {} » n'existe pas",
        "the trainer has already recorded your attendance for this half-day: ask them if it is wrong":
            "le formateur a déjà relevé votre présence pour cette demi-journée : adressez-vous à lui si ce relevé est erroné",
        "the trainer has certified this half-day's sheet: ask them to correct it":
            "le formateur a certifié la feuille de cette demi-journée : demandez-lui de la corriger",
        "the trainer must confirm the declared experience{} with --experience-confirmed: {}":
            "le formateur doit confirmer l'expérience déclarée{} avec --experience-confirmed : {}",
        "the workbook does not say where its sheet {} is":
            "le classeur n'indique pas où se trouve sa feuille {}",
        "the workbook has no sheet":
            "le classeur n'a aucune feuille",
        "the workspace has no organisation identity yet: set it with `allervers organisation set`":
            "l'espace de travail n'a pas encore d'identité de l'organisme : définissez-la avec `allervers organisation set`",
        "the workspace has no organisation identity, which documents must carry: set it with `allervers organisation set`":
            "l'espace de travail n'a pas d'identité d'organisme de formation, que les documents doivent porter : la définir avec `allervers organisation set`",
        "the workspace in {}, whose keys would sign, keeps its records in {}: run the command from a workspace of this database":
            "l'espace de travail de {}, dont les clés signeraient, conserve ses enregistrements dans {} : lancez la commande depuis un espace de travail de cette base",
        "there is already an account {}":
            "il existe déjà un compte {}",
        "thing missing":
            "élément manquant",
        "things missing":
            "éléments manquants",
        "this account names no employer":
            "ce compte ne désigne aucun employeur",
        "this allervers reads SCORM 1.2 ({}), SCORM 2004 ({}), IMS Common Cartridge 1.0 to 1.3 and cmi5 ({})":
            "cet allervers lit SCORM 1.2 ({}), SCORM 2004 ({}), IMS Common Cartridge 1.0 à 1.3 et cmi5 ({})",
        "this code has expired or is not one: codes change every few seconds, scan or type the one on the trainer's screen now":
            "ce code a expiré ou n'en est pas un : les codes changent au bout de quelques secondes ; scannez ou saisissez maintenant celui affiché sur l'écran du formateur",
        "this folder holds no course file and no package":
            "ce dossier ne contient ni fichier de formation ni paquet",
        "this is LHEO in an unknown namespace ({})":
            "ce fichier est en LHEO dans un espace de noms inconnu ({})",
        "this is LHEO léger (LHEO 1.3's light form)":
            "ce fichier est en LHEO léger (la forme allégée de LHEO 1.3)",
        "this is LHEO without a namespace (LHEO 1.3 or older)":
            "ce fichier est en LHEO sans espace de noms (LHEO 1.3 ou plus ancien)",
        "this is LHEO {}":
            "ce fichier est en LHEO {}",
        "this is a revocation status list, not a certificate: give it with --status-list":
            "c'est une liste de statuts de révocation, pas un certificat : donnez-la avec --status-list",
        "this is course format version {}; this allervers reads version 1 ({})":
            "ce fichier est au format de formation version {} ; cette version d'allervers lit la version 1 ({})",
        "this line is UTF-8 and others are not: the file mixes encodings; save it from the spreadsheet as \"CSV UTF-8\"":
            "cette ligne est en UTF-8 et d'autres non : le fichier mélange les encodages ; l'enregistrer depuis le tableur au format « CSV UTF-8 »",
        "this manifest has no namespace; {}":
            "ce manifeste n'a pas d'espace de noms ; {}",
        "this manifest is in the namespace {}; {}":
            "ce manifeste est dans l'espace de noms {} ; {}",
        "this row has {} fields but the header has {}":
            "cette ligne a {} champs, mais l'en-tête en a {}",
        "this signing page has expired: scan or type the code on the trainer's screen again":
            "cette page d'émargement a expiré : scannez ou saisissez de nouveau le code affiché sur l'écran du formateur",
        "this workspace has issued certificates":
            "cet espace de travail a délivré des certificats",
        "time limits":
            "les limites de temps",
        "times are written HH:MM":
            "les heures s'écrivent HH:MM",
        "trainee":
            "stagiaire",
        "trainer":
            "formateur",
        "trainer {} is not recorded as of the organisation or external":
            "le formateur {} n'est enregistré ni comme formateur de l'organisme ni comme intervenant extérieur",
        "trainer {} teaches session {} (slot {}) at the time of slot {}":
            "le formateur {} anime la session {} (créneau {}) à l'heure du créneau {}",
        "training":
            "formation",
        "training action (article L6313-1 of the Code du travail), {}":
            "action de formation (article L6313-1 du Code du travail), {}",
        "training done elsewhere needs its provider and its title":
            "une formation suivie ailleurs doit indiquer son organisme et son intitulé",
        "training-elsewhere":
            "formations suivies ailleurs",
        "two slots are named {}":
            "deux créneaux s'appellent {}",
        "unknown column \"{}\"{}: the columns are {}":
            "colonne « {} » inconnue{} : les colonnes sont {}",
        "vae":
            "accompagnement VAE",
        "valid":
            "valide",
        "valid, expired, revoked or not-met.":
            "valid, expired, revoked ou not-met.",
        "validity must be at least one month":
            "la validité doit être d'au moins un mois",
        "version":
            "version",
        "waitlisted":
            "en attente",
        "warning":
            "avertissement",
        "withdrawn":
            "retiré",
        "would change":
            "modifierait",
        "would print":
            "indiquerait",
        "year":
            "an",
        "yes":
            "oui",
        "{} (row {})":
            "{} (ligne {})",
        "{} (tried {} times)":
            "{} ({} tentatives)",
        "{} ({} d)":
            "{} ({} j)",
        "{} ({}) has the SIRET {}, not {}":
            "{} ({}) a le SIRET {}, pas {}",
        "{} ({}) is {}, not {}":
            "{} ({}) est de type {}, pas {}",
        "{} added, {} unchanged, {} replaced":
            "{} ajoutées, {} inchangées, {} remplacées",
        "{} already appears on line {}":
            "{} figure déjà à la ligne {}",
        "{} already exists: back up to a new file":
            "{} existe déjà : sauvegarder dans un nouveau fichier",
        "{} already has a record for half-day {} of session {}: a correction needs its reason (--reason)":
            "{} a déjà un relevé pour la demi-journée {} de la session {} : une correction doit indiquer son motif (--reason)",
        "{} already holds a workspace: copy into a new folder":
            "{} contient déjà un espace de travail : copiez dans un nouveau dossier",
        "{} and {} are the same participant":
            "{} et {} sont le même participant",
        "{} and {} both hold a place in {}":
            "{} et {} ont tous deux une place dans {}",
        "{} attended of {}":
            "{} suivies sur {}",
        "{} by {}":
            "{} par {}",
        "{} cannot be enrolled in session {}: ":
            "{} ne peut pas être inscrit à la session {} : ",
        "{} cannot be read from the archive":
            "{} ne peut pas être lu dans l'archive",
        "{} d":
            "{} j",
        "{} days":
            "{} jours",
        "{} days before":
            "{} jours avant",
        "{} duplicate(s) merged into it":
            "{} doublon(s) qui lui sont rattachés",
        "{} exempt from {} until {}":
            "{} : dispense de {} jusqu'au {}",
        "{} half-days have no attendance record":
            "{} demi-journées n'ont aucun relevé de présence",
        "{} has already certified the sheet of half-day {}":
            "{} a déjà certifié la feuille de la demi-journée {}",
        "{} has no certificates yet: run `allervers certify {}`":
            "La session {} n'a encore aucun certificat : lancez `allervers certify {}`",
        "{} has no half-days or its course is missing":
            "{} n'a aucune demi-journée ou sa formation est introuvable",
        "{} has no unexcused absence in session {} to follow up":
            "{} n'a aucune absence non justifiée à suivre dans la session {}",
        "{} has records in {}, not closed: close it first, so that what {} did there is final":
            "{} a des enregistrements dans des sessions non closes ({}) : les clore d'abord, pour que ce que {} y a fait soit définitif",
        "{} has the day 00: read as some day of {}":
            "{} a pour jour 00 : lu comme un jour de {}",
        "{} has the month {}: a month is 01 to 12":
            "{} a pour mois {} : un mois va de 01 à 12",
        "{} has the year 0000":
            "{} a pour année 0000",
        "{} has two marks for half-day {}":
            "{} a deux relevés pour la demi-journée {}",
        "{} has {}: only someone with no record at all is removed":
            "{} a {} : seule une personne sans aucun enregistrement peut être supprimée",
        "{} holds files that no export of certificates wrote: give another --out":
            "{} contient des fichiers qu'aucun export de certificats n'a écrits : indiquez un autre --out",
        "{} holds no seat in session {}":
            "{} n'a pas de place dans la session {}",
        "{} holds no seat in session {}: only people enrolled sign its sheet":
            "{} n'occupe pas de place dans la session {} : seules les personnes inscrites signent sa feuille d'émargement",
        "{} in session {} has no trainee kind (counted in e): its employer's kind does not tell":
            "{} dans la session {} n'a pas de type de stagiaire (compté en e) : le type de son employeur ne le dit pas",
        "{} inflates beyond its stated size":
            "{} dépasse, une fois décompressé, sa taille déclarée",
        "{} is a public holiday ({}): give --allow-holiday to hold a slot then":
            "{} est un jour férié ({}) : indiquez --allow-holiday pour y tenir un créneau",
        "{} is already employer {}":
            "{} est déjà l'employeur {}",
        "{} is already participant {}":
            "{} est déjà le participant {}",
        "{} is already revoked ({})":
            "{} est déjà révoqué ({})",
        "{} is described otherwise on line {}":
            "l'employeur {} est décrit différemment à la ligne {}",
        "{} is empty: a follow-up says who made the contact and what was said":
            "{} est vide : un suivi dit qui a pris contact et ce qui a été dit",
        "{} is in the future: record training once done":
            "{} est dans le futur : enregistrer la formation une fois suivie",
        "{} is larger than a spreadsheet of people would be":
            "{} est plus volumineux que ne le serait un tableau de personnes",
        "{} is missing while its certificate is here: put the key back (restore with --with-key)":
            "{} est absent alors que son certificat est présent : remettez la clé en place (restauration avec --with-key)",
        "{} is named twice for {} (":
            "{} est nommé deux fois pour {} (",
        "{} is not a FORMACODE: five digits":
            "{} n'est pas un FORMACODE : cinq chiffres",
        "{} is not a ROME code: a letter from A to N and four digits":
            "{} n'est pas un code ROME : une lettre de A à N et quatre chiffres",
        "{} is not a code of the {}":
            "{} n'est pas un code du {}",
        "{} is not a commune's INSEE code: five characters, 2A or 2B for Corsica":
            "{} n'est pas un code INSEE de commune : cinq caractères, 2A ou 2B en Corse",
        "{} is not a date: that month has no day {}":
            "{} n'est pas une date : ce mois n'a pas de jour {}",
        "{} is not a funder of LHEO's dictionary (0 to 20)":
            "{} n'est pas un financeur du dictionnaire LHEO (0 à 20)",
        "{} is not a postcode: five digits":
            "{} n'est pas un code postal : cinq chiffres",
        "{} is not a readable AllerVers snapshot ({})":
            "{} n'est pas une sauvegarde AllerVers lisible ({})",
        "{} is not a speciality of the NSF: left out":
            "{} n'est pas une spécialité de la NSF : laissée de côté",
        "{} is not a speciality of the Nomenclature des spécialités de formation":
            "{} n'est pas une spécialité de la Nomenclature des spécialités de formation",
        "{} is not a trainer of session {}":
            "{} n'est pas formateur de la session {}",
        "{} is not an AllerVers snapshot (write one with `allervers backup --to FILE`)":
            "{} n'est pas une sauvegarde AllerVers (en créer une avec `allervers backup --to FILE`)",
        "{} is not enrolled in session {}":
            "{} n'est pas inscrit à la session {}",
        "{} is not imported: it states no hours, and a course is counted in hours":
            "{} n'est pas importée : elle n'indique pas d'heures, et une formation se compte en heures",
        "{} is not planned: its first day is {}":
            "{} n'est pas planifiée : son premier jour est {}",
        "{} is not planned: the offer gives no first day":
            "{} n'est pas planifiée : l'offre ne donne pas de premier jour",
        "{} is not planned: the offer gives no place":
            "{} n'est pas planifiée : l'offre ne donne aucun lieu",
        "{} is not planned: {} hours laid out on half-days from {} end on {}, after the session's end ({})":
            "{} n'est pas planifiée : {} heures posées en demi-journées à partir du {} finissent le {}, après la fin de la session ({})",
        "{} is not recorded absent without excuse on half-day {} of session {}":
            "{} n'est pas enregistré absent sans justification à la demi-journée {} de la session {}",
        "{} is not the certificate of {}: put the right pair back":
            "{} n'est pas le certificat de {} : remettez en place la bonne paire clé-certificat",
        "{} is not the evidence recorded for {}: its SHA-256 differs":
            "{} n'est pas le justificatif enregistré pour {} : son SHA-256 diffère",
        "{} is not well-formed XML":
            "{} n'est pas du XML bien formé",
        "{} is the evidence recorded for {} (same SHA-256).":
            "{} est bien le justificatif enregistré pour {} (même SHA-256).",
        "{} is {}, not closed: close it with `allervers session close {}` first":
            "{} a le statut {} et n'est pas close : la clore d'abord avec `allervers session close {}`",
        "{} items launch nothing and hold no item, the first \"{}\": not modules":
            "{} éléments ne lancent rien et ne contiennent aucun élément, le premier « {} » : pas des modules",
        "{} items launch sub-manifests, which are not imported, the first \"{}\": the modules keep their titles":
            "{} éléments lancent des sous-manifestes, qui ne sont pas importés, le premier « {} » : les modules gardent leurs titres",
        "{} items refer to resources the cartridge does not define, the first \"{}\" to \"{}\": the modules keep their titles":
            "{} éléments renvoient à des ressources que la cartouche ne définit pas, le premier « {} » à « {} » : les modules gardent leurs titres",
        "{} keep the rule they began under; --apply-to-existing would change the status of {} of them.":
            "Périodes en cours qui gardent la règle sous laquelle elles ont commencé : {} ; --apply-to-existing modifierait le statut de {} d'entre elles.",
        "{} kept no evidence file to compare {} with":
            "{} n'a conservé aucun fichier justificatif auquel comparer {}",
        "{} minutes late":
            "{} minutes de retard",
        "{} missed {} minutes of slot {}, which lasts {}: record an absence instead":
            "{} a manqué {} minutes du créneau {}, qui en dure {} : relever plutôt une absence",
        "{} months":
            "{} mois",
        "{} months after hire":
            "{} mois après l'embauche",
        "{} months after taking the role":
            "{} mois après la prise de fonction",
        "{} moves up from the waiting list":
            "{} quitte la liste d'attente et obtient une place",
        "{} names itself as a prerequisite":
            "{} se désigne elle-même comme prérequis",
        "{} no longer holds a seat in {}":
            "{} n'a plus de place dans {}",
        "{} not read: a duration is written PT1H30M (or 01:30:00)":
            "{} non lue(s) : une durée s'écrit PT1H30M (ou 01:30:00)",
        "{} of its certificates are live ({}{}): revoke them first":
            "{} de ses certificats sont en vigueur ({}{}) : les révoquer d'abord",
        "{} of {}":
            "{} sur {}",
        "{} rounded to the quarter hour, the first of item \"{}\"":
            "{} arrondie(s) au quart d'heure, la première celle de l'élément « {} »",
        "{} than the default: not imported":
            "{} que celle par défaut : non importée(s)",
        "{} to {} participants":
            "{} à {} participants",
        "{} under way":
            "{} en cours",
        "{} unexpected arguments: '{}'":
            "{} arguments inattendus : « {} »",
        "{} unrecorded half-day record(s) closed as absent":
            "{} relevé(s) manquant(s) enregistré(s) en absence à la clôture",
        "{} until {}":
            "{} jusqu'au {}",
        "{} values for {} parameters":
            "{} valeurs pour {} paramètres",
        "{} version {} of {} for every period: it {} the status of {} of the {}.":
            "{} : version {} de {} pour toutes les périodes ; elle {} le statut de {} des {}.",
        "{} version {} of {} for the periods that begin from {}: it {} the status of {} of the {} now.":
            "{} : version {} de {} pour les périodes qui commencent à partir du {} ; elle {} dès maintenant le statut de {} des {}.",
        "{} version {} · {} · {}":
            "{} version {} · {} · {}",
        "{} was already replaced by {}: reissue {} instead":
            "{} a déjà été remplacé par {} : réémettre plutôt {}",
        "{} was anonymised by purge {} once their records were past retention: they can no longer be changed or enrolled":
            "{} a été anonymisé par la purge {} une fois ses pièces arrivées au bout de leur conservation : on ne peut plus le modifier ni l'inscrire",
        "{} was written by a newer AllerVers (migration \"{}\"): restore it with that version":
            "{} a été écrit par une version plus récente d'AllerVers (migration « {} ») : le restaurer avec cette version",
        "{} years is not a retention period":
            "{} ans n'est pas une durée de conservation",
        "{} years is shorter than the minimum for {} ({} years: {})":
            "{} ans est plus court que le minimum pour les {} ({} ans : {})",
        "{} {} beyond the first {}":
            "{} {} au-delà des {} premiers",
        "{} {} does not follow record {}: a record before it was changed or removed":
            "{} {} : ne suit pas l'enregistrement {} ; un enregistrement antérieur a été modifié ou supprimé",
        "{} {} from {}: ":
            "{} {} depuis {} : ",
        "{} {} has been removed":
            "{} {} : supprimé",
        "{} {} was changed after it was written":
            "{} {} : modifié après son écriture",
        "{} {}: {} (the rule does not change)":
            "{} {} : {} (la règle ne change pas)",
        "{} · {} version {} · {}":
            "{} · {} version {} · {}",
        "{}' signatures verified":
            "signatures de {} vérifiées",
        "{}'s details in {} were erased, but purge {} does not name them":
            "les données de {} dans {} ont été effacées, mais la purge {} ne nomme pas cette personne",
        "{}, in {}, have no equivalent in a course: not imported":
            "{}, à {}, n'ont pas d'équivalent dans une formation : non importé(e)s",
        "{}-YEAR-NNNNNN":
            "{}-ANNÉE-NNNNNN",
        "{}-{} is not a day of the year":
            "{}-{} n'est pas un jour de l'année",
        "{}: \"{}\" hours is not a whole number of minutes":
            "{} : « {} » heures ne correspond pas à un nombre entier de minutes",
        "{}: a signing key already exists":
            "{} : une clé de signature existe déjà",
        "{}: all {} signatures came within {} seconds, as if signed in a row":
            "{} : les {} signatures sont toutes arrivées en {} secondes, comme si elles avaient été faites à la suite",
        "{}: cannot create the file":
            "{} : impossible de créer le fichier",
        "{}: cannot create the folder":
            "{} : impossible de créer le dossier",
        "{}: cannot create the key file":
            "{} : impossible de créer le fichier de clé",
        "{}: cannot put the restored workspace in place":
            "{} : impossible de mettre en place l'espace de travail restauré",
        "{}: cannot read or make the PDF signing key and certificate ({})":
            "{} : impossible de lire ou de créer la clé et le certificat de signature des PDF ({})",
        "{}: cannot read the PDF signing certificate":
            "{} : impossible de lire le certificat de signature des PDF",
        "{}: cannot read the file":
            "{} : impossible de lire le fichier",
        "{}: cannot read the signing key":
            "{} : impossible de lire la clé de signature",
        "{}: cannot replace the folder":
            "{} : impossible de remplacer le dossier",
        "{}: cannot write the file":
            "{} : impossible d'écrire le fichier",
        "{}: cannot write the key":
            "{} : impossible d'écrire la clé",
        "{}: cannot write the key file":
            "{} : impossible d'écrire le fichier de clé",
        "{}: cannot write there":
            "{} : impossible d'y écrire",
        "{}: cannot write: {}":
            "{} : impossible d'écrire : {}",
        "{}: certificates":
            "{} : certificats",
        "{}: external trainer":
            "{} : formateur extérieur",
        "{}: left out":
            "{} : laissé de côté",
        "{}: matrix on {}":
            "{} : matrice au {}",
        "{}: module {} {}":
            "{} : module {} : {}",
        "{}: no signing key; run `allervers key create` in the workspace":
            "{} : aucune clé de signature ; lancez `allervers key create` dans l'espace de travail",
        "{}: no such file":
            "{} : fichier introuvable",
        "{}: no trainer has certified the sheet a day after the half-day":
            "{} : aucun formateur n'a certifié la feuille un jour après la demi-journée",
        "{}: objective {} {} recorded":
            "{} : objectif {}, résultat {} enregistré",
        "{}: obligations on {}":
            "{} : obligations au {}",
        "{}: read as {} (not UTF-8)":
            "{} : lu en {} (et non en UTF-8)",
        "{}: that time does not exist in {}":
            "{} : cette heure n'existe pas dans le fuseau {}",
        "{}: the column service is read, not kept: the register keeps the employer":
            "{} : la colonne service est lue mais non conservée : le registre ne garde que l'employeur",
        "{}: the file does not exist":
            "{} : le fichier n'existe pas",
        "{}: the folder is not empty: name a new one":
            "{} : le dossier n'est pas vide : indiquez-en un nouveau",
        "{}: the signing key is readable by others (mode {}); run chmod 600 on it":
            "{} : la clé de signature est lisible par d'autres utilisateurs (mode {}) ; appliquez-lui chmod 600",
        "{}: the snapshot fails SQLite's integrity check ({})":
            "{} : la sauvegarde échoue au contrôle d'intégrité de SQLite ({})",
        "{}: the snapshot names a key file outside the workspace":
            "{} : la sauvegarde désigne un fichier de clé hors de l'espace de travail",
        "{}: the snapshot's records do not verify: {}":
            "{} : les enregistrements de la sauvegarde ne passent pas la vérification : {}",
        "{}: there is no signing key to back up":
            "{} : il n'y a pas de clé de signature à sauvegarder",
        "{}: trainer of the organisation":
            "{} : formateur de l'organisme",
        "{}: warning: {}":
            "{} : avertissement : {}",
        "{}: write the year with four digits ({}/{}/20{} or {}/{}/19{})":
            "{} : écrivez l'année sur quatre chiffres ({}/{}/20{} ou {}/{}/19{})",
        "{}: {}":
            "{} : {}",
        "{}: {} after the session ends, {}":
            "{} : {} après la fin de la session, {}",
        "{}: {} is counted present without a signature":
            "{} : {} est compté présent sans signature",
        "{}: {} of {} eligible (dry run: nothing issued)":
            "{} : éligibles : {} sur {} (simulation : rien n'a été délivré)",
        "{}: {} signed on {}, a day the session does not run":
            "{} : {} a signé le {}, un jour où la session n'a pas lieu",
        "{}: {} signed on {}, a public holiday ({})":
            "{} : {} a signé le {}, jour férié ({})",
        "{}: {} to {}":
            "{} : du {} au {}",
        "{}: {} without a record":
            "{} : {} sans relevé",
        "{}; this allervers reads LHEO 2.2 ({}) and 2.3 ({})":
            "{} ; cette version d'allervers lit LHEO 2.2 ({}) et 2.3 ({})",
        "{}–{} does not fit half-day {}, a slot of the {} (a morning starts from 06:00 to 12:59, an afternoon to 17:59, an evening to 20:59, a night from 21:00)":
            "{}–{} ne convient pas à la demi-journée {}, un créneau de type {} (un matin commence entre 06:00 et 12:59, un après-midi jusqu'à 17:59, un soir jusqu'à 20:59, une nuit à partir de 21:00)",
        "Éducateur spécialisé, assistant de service social, CESF…":
            "Éducateur spécialisé, assistant de service social, CESF…",
        "✓ compliant until, ! due soon, ~ in grace since, ✗ overdue since, · not yet due, E exempt until.":
            "✓ à jour jusqu'au, ! échéance proche, ~ en délai de grâce depuis le, ✗ hors délai depuis le, · échéance à venir, E dispensé jusqu'au.",
    ]
}
