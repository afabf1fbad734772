PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('v1 organisation and courses');
INSERT INTO grdb_migrations VALUES('v2 sessions, participants, enrolments and attendance');
INSERT INTO grdb_migrations VALUES('v3 module progress and objective results');
INSERT INTO grdb_migrations VALUES('v4 certificates');
CREATE TABLE organisation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL CHECK (name <> ''),
    address TEXT NOT NULL CHECK (address <> ''),
    declarationNumber TEXT NOT NULL
        CHECK (length(declarationNumber) = 11 AND declarationNumber NOT GLOB '*[^0-9]*'),
    signatoryName TEXT NOT NULL CHECK (signatoryName <> ''),
    signatoryTitle TEXT NOT NULL CHECK (signatoryTitle <> '')
, certificatePrefix TEXT NOT NULL DEFAULT 'AV'
    CHECK (length(certificatePrefix) BETWEEN 1 AND 10 AND certificatePrefix NOT GLOB '*[^A-Z0-9]*'));
INSERT INTO organisation VALUES(1,'Institut Aller-Vers','12 rue des Lices, 49100 Angers','52490123449','Claire Martin','Directrice','AV');
CREATE TABLE course (
    rowID INTEGER PRIMARY KEY,
    id TEXT NOT NULL CHECK (id <> ''),
    version TEXT NOT NULL CHECK (version <> ''),
    language TEXT NOT NULL,
    title TEXT NOT NULL CHECK (title <> ''),
    summary TEXT NOT NULL,
    audience TEXT NOT NULL,
    durationMinutes INTEGER NOT NULL CHECK (durationMinutes > 0),
    initialPositioning TEXT NOT NULL,
    assessmentMethods TEXT NOT NULL,
    minimumAttendancePercent INTEGER NOT NULL CHECK (minimumAttendancePercent BETWEEN 0 AND 100),
    requiresPassedAssessment BOOLEAN NOT NULL,
    validityMonths INTEGER CHECK (validityMonths IS NULL OR validityMonths >= 1),
    refresherCourseID TEXT CHECK (refresherCourseID IS NULL OR validityMonths IS NOT NULL),
    groupMinimum INTEGER NOT NULL,
    groupMaximum INTEGER NOT NULL,
    accessibility TEXT NOT NULL,
    importedAt DATETIME NOT NULL,
    UNIQUE (id, version),
    CHECK (groupMinimum BETWEEN 1 AND groupMaximum)
);
INSERT INTO course VALUES(1,'AV-FOND','1.0','fr','Les fondamentaux de la posture d''aller-vers','Sortir des structures pour aller au-devant des personnes, là où elles vivent, alors qu''elles ne demandent rien. Deux jours pour comprendre d''où vient la démarche d''aller-vers (maraudes, prévention spécialisée, visites à domicile), pourquoi l''État la place depuis 2020 au cœur de la stratégie de lutte contre la pauvreté, et comment construire une relation sans demande préalable sans forcer l''adhésion des personnes.','Travailleurs sociaux et professionnels de l''intervention sociale : éducateurs spécialisés, assistants de service social, conseillers en économie sociale et familiale, moniteurs-éducateurs, intervenants sociaux de collectivités et d''associations.',840,'Questionnaire de positionnement en ligne avant la formation, repris en début de première journée.','["Quiz de connaissances en fin de chaque journée.","Mise en situation observée et évaluée à l''aide d''une grille partagée."]',80,0,36,NULL,6,15,'Formation accessible aux personnes en situation de handicap : contactez le référent handicap de l''organisme avant l''inscription pour adapter les supports, les locaux et le rythme de la formation.','2026-11-27 07:54:03.674');
INSERT INTO course VALUES(2,'AV-TERRAIN','1.0','fr','Pratiques de terrain : maraudes, visites à domicile, unités mobiles','Deux jours pour passer de la posture à la pratique : préparer une intervention hors les murs, conduire une maraude ou une visite à domicile en binôme, aller au-devant des personnes avec une unité mobile dans un quartier ou en zone rurale, puis analyser ce qui s''est passé. La moitié de la formation se déroule sur le terrain, encadrée par les formateurs et des professionnels des équipes d''accueil.','Travailleurs sociaux qui mettent en œuvre ou vont mettre en œuvre une démarche d''aller-vers : équipes de prévention spécialisée, services sociaux départementaux, centres communaux d''action sociale, associations d''insertion.',840,'Entretien de positionnement avec le formateur sur l''expérience déclarée, avant l''entrée en formation.','["Observation des interventions de terrain à l''aide d''une grille par objectif.","Analyse écrite d''une intervention réalisée, évaluée par le formateur."]',100,1,36,'AV-TERRAIN',4,10,'Les interventions de terrain se déroulent dans des lieux qui ne sont pas tous accessibles : le référent handicap de l''organisme étudie avec chaque participant concerné un terrain adapté et les aménagements nécessaires.','2026-11-27 07:54:03.674');
INSERT INTO course VALUES(3,'AV-NONREC','1.0','fr','Le non-recours aux droits : repérer, comprendre, agir','Une partie importante de la population ne perçoit pas les aides auxquelles elle a droit, par méconnaissance, complexité des démarches, découragement ou crainte d''être stigmatisée. Une journée pour comprendre les formes du non-recours, connaître les droits les plus souvent non réclamés et outiller l''accompagnement vers leur ouverture.','Tout professionnel de l''action sociale, de l''insertion ou de l''accueil du public amené à informer ou orienter des personnes sur leurs droits.',420,'Quiz de positionnement sur les prestations en début de journée.','["Étude de cas finale : repérer les droits non ouverts d''une famille et proposer un plan d''accompagnement."]',100,0,NULL,NULL,6,15,'Formation accessible aux personnes en situation de handicap ; la classe virtuelle est sous-titrée sur demande. Contactez le référent handicap de l''organisme.','2026-11-27 07:54:03.674');
CREATE TABLE coursePrerequisite (
    courseRowID INTEGER NOT NULL REFERENCES course(rowID) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('course', 'experience', 'other')),
    courseID TEXT CHECK ((kind = 'course') = (courseID IS NOT NULL)),
    months INTEGER CHECK (months IS NULL OR (kind = 'experience' AND months >= 1)),
    text TEXT CHECK ((kind = 'course') = (text IS NULL)),
    PRIMARY KEY (courseRowID, position)
) WITHOUT ROWID;
INSERT INTO coursePrerequisite VALUES(1,0,'other',NULL,NULL,'Exercer ou s''apprêter à exercer une fonction d''accompagnement social.');
INSERT INTO coursePrerequisite VALUES(2,0,'course','AV-FOND',NULL,NULL);
INSERT INTO coursePrerequisite VALUES(2,1,'experience',NULL,6,'Expérience d''accompagnement de personnes en situation de précarité, déclarée par le participant et confirmée par le formateur.');
CREATE TABLE courseObjective (
    courseRowID INTEGER NOT NULL REFERENCES course(rowID) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL CHECK (text <> ''),
    PRIMARY KEY (courseRowID, id)
) WITHOUT ROWID;
INSERT INTO courseObjective VALUES(1,'O1',0,'Situer la démarche d''aller-vers dans l''histoire du travail social et dans le cadre de la stratégie nationale de prévention et de lutte contre la pauvreté.');
INSERT INTO courseObjective VALUES(1,'O2',1,'Expliquer à une personne rencontrée, en termes simples, le sens de sa présence et ce qu''elle peut proposer.');
INSERT INTO courseObjective VALUES(1,'O3',2,'Engager et maintenir une relation avec une personne qui ne formule aucune demande, en respectant son rythme et son refus.');
INSERT INTO courseObjective VALUES(1,'O4',3,'Repérer, lors d''une rencontre, les signes d''une situation de non-recours aux droits et les transmettre au bon interlocuteur.');
INSERT INTO courseObjective VALUES(1,'O5',4,'Identifier les limites éthiques de l''intervention et les conditions institutionnelles nécessaires à une démarche d''aller-vers.');
INSERT INTO courseObjective VALUES(2,'O1',0,'Préparer une intervention d''aller-vers à partir d''un diagnostic de territoire : lieux, horaires, partenaires, sécurité.');
INSERT INTO courseObjective VALUES(2,'O2',1,'Conduire en binôme une maraude ou une tournée de rue et entrer en contact avec des personnes qui ne demandent rien.');
INSERT INTO courseObjective VALUES(2,'O3',2,'Mener une visite à domicile dans le respect de l''intimité et du consentement de la personne.');
INSERT INTO courseObjective VALUES(2,'O4',3,'Présenter l''offre d''une unité mobile et orienter les personnes rencontrées vers leurs droits.');
INSERT INTO courseObjective VALUES(2,'O5',4,'Analyser sa pratique après une intervention et en tirer des ajustements concrets.');
INSERT INTO courseObjective VALUES(3,'O1',0,'Distinguer les formes du non-recours (non-connaissance, non-demande, non-réception, non-proposition) à partir d''une situation.');
INSERT INTO courseObjective VALUES(3,'O2',1,'Vérifier l''éligibilité d''une personne aux principales prestations avec un simulateur officiel.');
INSERT INTO courseObjective VALUES(3,'O3',2,'Accompagner une ouverture de droits jusqu''à son terme en associant la personne à chaque étape.');
CREATE TABLE courseModule (
    courseRowID INTEGER NOT NULL REFERENCES course(rowID) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (title <> ''),
    durationMinutes INTEGER NOT NULL CHECK (durationMinutes > 0),
    modality TEXT NOT NULL CHECK (modality IN ('in-room', 'remote', 'terrain')),
    content TEXT NOT NULL,
    methods TEXT NOT NULL,
    PRIMARY KEY (courseRowID, id)
) WITHOUT ROWID;
INSERT INTO courseModule VALUES(1,'M1',0,'Aller-vers : origines, cadre et enjeux',210,'in-room','["Des maraudes et tournées de rue de la prévention spécialisée à l''aller-vers d''aujourd''hui.","Les États généraux du travail social (2013) et la stratégie nationale de prévention et de lutte contre la pauvreté (2018, 2020).","Bureaucratisation du métier et retour à sa vocation première : le temps de la rencontre."]','["Apports théoriques illustrés","Débat à partir des représentations du groupe"]');
INSERT INTO courseModule VALUES(1,'M2',1,'La rencontre sans demande : posture et relation',210,'in-room','["Se présenter, expliquer sa présence, proposer sans imposer.","Écoute active, temporalité de la relation, accepter le refus.","Le rôle d''interface entre la personne et les structures de prise en charge."]','["Mises en situation filmées et débriefées","Études de cas apportés par les participants"]');
INSERT INTO courseModule VALUES(1,'M3',2,'Repérer le non-recours et orienter',210,'in-room','["Le non-recours : définition, formes et ampleur.","Signes d''alerte et repérage précoce des situations.","Transmettre sans trahir : consentement, secret professionnel, partage d''informations."]','["Étude de situations réelles anonymisées","Cartographie des partenaires du territoire"]');
INSERT INTO courseModule VALUES(1,'M4',3,'Éthique, limites et conditions institutionnelles',210,'in-room','["Jusqu''où aller sans forcer l''adhésion : consentement, intrusion, libre choix.","Ce que l''aller-vers ne résout pas : pauvreté, précarité, inégalités.","Projet institutionnel, organisation interne et soutien de la direction."]','["Analyse de dilemmes éthiques en sous-groupes","Élaboration d''un plan d''action individuel"]');
INSERT INTO courseModule VALUES(2,'M1',0,'Préparer l''intervention hors les murs',210,'in-room','["Diagnostic de territoire : où vivent et passent les personnes, à quelles heures.","Partenaires, relais et personnes ressources du quartier ou de la commune.","Sécurité, travail en binôme, conduite à tenir en cas d''incident."]','["Travail sur cartes et données du territoire","Préparation en binômes des interventions du lendemain"]');
INSERT INTO courseModule VALUES(2,'M2',1,'Maraude et tournée de rue accompagnées',210,'terrain','["Entrer en contact, se présenter, revenir : la régularité comme condition de la confiance.","Observation des lieux de vie : rue, halls d''immeuble, campements, gares."]','["Maraude en binôme encadrée par un formateur et une équipe de terrain","Carnet d''observation renseigné pendant l''intervention"]');
INSERT INTO courseModule VALUES(2,'M3',2,'Visite à domicile et unité mobile',210,'terrain','["Visite à domicile : entrer chez quelqu''un, respecter l''intimité, repérer les besoins.","Unité mobile (bus, camping-car) en quartier prioritaire ou en zone rurale : accueillir sans rendez-vous.","Orienter vers les droits : accès aux prestations, aux soins, au logement."]','["Participation encadrée à une visite ou à une permanence d''unité mobile","Fiche de liaison rédigée avec l''équipe d''accueil"]');
INSERT INTO courseModule VALUES(2,'M4',3,'Analyse de pratiques et retour d''expérience',210,'in-room','["Récit des interventions, émotions et questions éthiques rencontrées.","Ajustements de posture et d''organisation pour la suite."]','["Analyse de pratiques en groupe selon une méthode structurée","Plan d''ajustement individuel"]');
INSERT INTO courseModule VALUES(3,'M1',0,'Comprendre le non-recours',210,'in-room','["Définition : une personne qui remplit les conditions ne perçoit pas la prestation.","Les formes du non-recours et leurs causes : complexité, manque de moyens humains, stigmatisation.","Le coût du non-recours pour les personnes et la collectivité."]','["Apports et études de situations","Photolangage sur les représentations de l''aide sociale"]');
INSERT INTO courseModule VALUES(3,'M2',1,'Les droits les plus souvent non réclamés',120,'in-room','["Revenu de solidarité active, prime d''activité, complémentaire santé solidaire, aides au logement.","Conditions, pièces justificatives, délais, et les points où les démarches s''arrêtent."]','["Travail en sous-groupes sur des dossiers fictifs"]');
INSERT INTO courseModule VALUES(3,'M3',2,'Outils numériques de l''accès aux droits',90,'remote','["Simulateurs officiels et portails des organismes de protection sociale.","Accompagner sans faire à la place : fracture numérique et autonomie."]','["Classe virtuelle avec manipulation des simulateurs"]');
CREATE TABLE courseModuleObjective (
    courseRowID INTEGER NOT NULL,
    moduleID TEXT NOT NULL,
    objectiveID TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (courseRowID, moduleID, objectiveID),
    FOREIGN KEY (courseRowID, moduleID) REFERENCES courseModule(courseRowID, id) ON DELETE CASCADE,
    FOREIGN KEY (courseRowID, objectiveID) REFERENCES courseObjective(courseRowID, id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO courseModuleObjective VALUES(1,'M1','O1',0);
INSERT INTO courseModuleObjective VALUES(1,'M2','O2',0);
INSERT INTO courseModuleObjective VALUES(1,'M2','O3',1);
INSERT INTO courseModuleObjective VALUES(1,'M3','O3',0);
INSERT INTO courseModuleObjective VALUES(1,'M3','O4',1);
INSERT INTO courseModuleObjective VALUES(1,'M4','O5',0);
INSERT INTO courseModuleObjective VALUES(2,'M1','O1',0);
INSERT INTO courseModuleObjective VALUES(2,'M2','O2',0);
INSERT INTO courseModuleObjective VALUES(2,'M3','O3',0);
INSERT INTO courseModuleObjective VALUES(2,'M3','O4',1);
INSERT INTO courseModuleObjective VALUES(2,'M4','O5',0);
INSERT INTO courseModuleObjective VALUES(3,'M1','O1',0);
INSERT INTO courseModuleObjective VALUES(3,'M2','O2',0);
INSERT INTO courseModuleObjective VALUES(3,'M2','O3',1);
INSERT INTO courseModuleObjective VALUES(3,'M3','O2',0);
CREATE TABLE courseRequiredModule (
    courseRowID INTEGER NOT NULL,
    moduleID TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (courseRowID, moduleID),
    FOREIGN KEY (courseRowID, moduleID) REFERENCES courseModule(courseRowID, id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO courseRequiredModule VALUES(2,'M2',0);
INSERT INTO courseRequiredModule VALUES(2,'M3',1);
CREATE TABLE session (
    id TEXT PRIMARY KEY CHECK (id <> ''),
    courseRowID INTEGER NOT NULL REFERENCES course(rowID) ON DELETE RESTRICT,
    timeZone TEXT NOT NULL,
    placeKind TEXT NOT NULL CHECK (placeKind IN ('room', 'site')),
    placeName TEXT NOT NULL CHECK (placeName <> ''),
    placeDetail TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity >= 1),
    funder TEXT,
    status TEXT NOT NULL CHECK (status IN ('planned', 'running', 'closed', 'cancelled')),
    createdAt DATETIME NOT NULL
);
INSERT INTO session VALUES('AV-FOND-2026-03-LYON',1,'Europe/Paris','room','Salle Rhône','3 quai Perrache, 69002 Lyon',15,NULL,'running','2026-11-27 07:54:03.790');
CREATE TABLE sessionTrainer (
    sessionID TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (name <> ''),
    PRIMARY KEY (sessionID, position)
) WITHOUT ROWID;
INSERT INTO sessionTrainer VALUES('AV-FOND-2026-03-LYON',0,'Claire Martin');
CREATE TABLE sessionSlot (
    sessionID TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    date TEXT NOT NULL,
    startTime TEXT NOT NULL,
    endTime TEXT NOT NULL,
    startsAt TEXT NOT NULL,
    endsAt TEXT NOT NULL CHECK (endsAt > startsAt),
    modules TEXT NOT NULL,
    PRIMARY KEY (sessionID, id)
) WITHOUT ROWID;
INSERT INTO sessionSlot VALUES('AV-FOND-2026-03-LYON','2026-03-12-am','2026-03-12','09:00','12:30','2026-03-12T08:00:00Z','2026-03-12T11:30:00Z','M1');
INSERT INTO sessionSlot VALUES('AV-FOND-2026-03-LYON','2026-03-12-pm','2026-03-12','13:30','17:00','2026-03-12T12:30:00Z','2026-03-12T16:00:00Z','M2');
INSERT INTO sessionSlot VALUES('AV-FOND-2026-03-LYON','2026-03-13-am','2026-03-13','09:00','12:30','2026-03-13T08:00:00Z','2026-03-13T11:30:00Z','M3');
INSERT INTO sessionSlot VALUES('AV-FOND-2026-03-LYON','2026-03-13-pm','2026-03-13','13:30','17:00','2026-03-13T12:30:00Z','2026-03-13T16:00:00Z','M4');
CREATE TABLE participant (
    id TEXT PRIMARY KEY CHECK (id <> ''),
    firstName TEXT NOT NULL CHECK (firstName <> ''),
    lastName TEXT NOT NULL CHECK (lastName <> ''),
    email TEXT UNIQUE COLLATE NOCASE,
    profession TEXT,
    employer TEXT,
    hireDate TEXT,
    externalID TEXT UNIQUE,
    createdAt DATETIME NOT NULL
);
INSERT INTO participant VALUES('P-0001','Camille','Roux','camille.roux@ccas-villeurbanne.example','éducatrice spécialisée','CCAS de Villeurbanne','2025-09-01','VIL-0412','2026-11-27 07:54:03.740');
INSERT INTO participant VALUES('P-0002','Mehdi','Benali','mehdi.benali@ccas-villeurbanne.example','assistant de service social','CCAS de Villeurbanne','2024-01-15','VIL-0388','2026-11-27 07:54:03.743');
INSERT INTO participant VALUES('P-0003','Sophie','Lambert','s.lambert@sauvegarde69.example','conseillère en économie sociale et familiale','Sauvegarde 69','2023-04-03','S69-117','2026-11-27 07:54:03.743');
INSERT INTO participant VALUES('P-0004','Julien','Moreau','j.moreau@sauvegarde69.example','moniteur-éducateur','Sauvegarde 69','2025-11-02','S69-142','2026-11-27 07:54:03.743');
INSERT INTO participant VALUES('P-0005','Awa','Diallo','awa.diallo@departement69.example','assistante de service social','Maison de la Métropole, Lyon 8e','2022-02-01','MDM-2291','2026-11-27 07:54:03.743');
INSERT INTO participant VALUES('P-0006','Anne-Laure','Petit','al.petit@departement69.example','éducatrice spécialisée; prévention spécialisée','Maison de la Métropole, Lyon 8e','2021-06-20','MDM-2017','2026-11-27 07:54:03.744');
CREATE TABLE enrolment (
    sessionID TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    participantID TEXT NOT NULL REFERENCES participant(id) ON DELETE RESTRICT,
    status TEXT NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'withdrawn')),
    experienceConfirmed BOOLEAN NOT NULL DEFAULT 0,
    queuedAt INTEGER NOT NULL,
    PRIMARY KEY (sessionID, participantID)
) WITHOUT ROWID;
INSERT INTO enrolment VALUES('AV-FOND-2026-03-LYON','P-0001','enrolled',0,1);
INSERT INTO enrolment VALUES('AV-FOND-2026-03-LYON','P-0002','enrolled',0,2);
CREATE TABLE attendanceEvent (
    sequence INTEGER PRIMARY KEY,
    sessionID TEXT NOT NULL,
    slotID TEXT NOT NULL,
    participantID TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
    minutesLate INTEGER NOT NULL CHECK (minutesLate >= 0),
    minutesLeftEarly INTEGER NOT NULL CHECK (minutesLeftEarly >= 0),
    reason TEXT,
    recordedBy TEXT NOT NULL,
    recordedAt TEXT NOT NULL,
    source TEXT NOT NULL,
    previousHash TEXT NOT NULL,
    hash TEXT NOT NULL CHECK (length(hash) = 64),
    FOREIGN KEY (sessionID, slotID) REFERENCES sessionSlot(sessionID, id),
    FOREIGN KEY (sessionID, participantID) REFERENCES enrolment(sessionID, participantID)
);
INSERT INTO attendanceEvent VALUES(1,'AV-FOND-2026-03-LYON','2026-03-12-am','P-0002','present',0,0,NULL,'Claire Martin','2026-11-27T07:54:03Z','command','0000000000000000000000000000000000000000000000000000000000000000','effd3562410d98922a48ac4d09156136cb97fc3d95b2e2d0bc145ff5fd04cfa4');
INSERT INTO attendanceEvent VALUES(2,'AV-FOND-2026-03-LYON','2026-03-12-am','P-0001','present',0,0,NULL,'Claire Martin','2026-11-27T07:54:03Z','command','effd3562410d98922a48ac4d09156136cb97fc3d95b2e2d0bc145ff5fd04cfa4','d11c27b24a825073b09acba6f84b8998ce2bd30da70b9d98e956acd530eeda39');
CREATE TABLE attendanceChain (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    count INTEGER NOT NULL,
    lastHash TEXT NOT NULL
);
INSERT INTO attendanceChain VALUES(1,2,'d11c27b24a825073b09acba6f84b8998ce2bd30da70b9d98e956acd530eeda39');
CREATE TABLE moduleProgress (
    sequence INTEGER PRIMARY KEY,
    sessionID TEXT NOT NULL,
    participantID TEXT NOT NULL,
    moduleID TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('not-started', 'in-progress', 'completed')),
    recordedBy TEXT NOT NULL,
    recordedAt DATETIME NOT NULL,
    FOREIGN KEY (sessionID, participantID) REFERENCES enrolment(sessionID, participantID)
);
CREATE TABLE objectiveResult (
    sequence INTEGER PRIMARY KEY,
    sessionID TEXT NOT NULL,
    participantID TEXT NOT NULL,
    objectiveID TEXT NOT NULL,
    phase TEXT NOT NULL CHECK (phase IN ('positioning', 'assessment')),
    level TEXT CHECK (level IN ('acquired', 'partly-acquired', 'not-acquired')),
    score INTEGER CHECK (score BETWEEN 0 AND 100),
    recordedBy TEXT NOT NULL,
    recordedAt DATETIME NOT NULL,
    CHECK (level IS NOT NULL OR score IS NOT NULL),
    FOREIGN KEY (sessionID, participantID) REFERENCES enrolment(sessionID, participantID)
);
CREATE TABLE certificate (
    number TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    sequence INTEGER NOT NULL CHECK (sequence >= 1),
    sessionID TEXT NOT NULL REFERENCES session(id),
    participantID TEXT NOT NULL REFERENCES participant(id),
    courseRowID INTEGER NOT NULL REFERENCES course(rowID),
    eligible BOOLEAN NOT NULL,
    reasons TEXT NOT NULL,
    attendedMinutes INTEGER NOT NULL CHECK (attendedMinutes >= 0),
    plannedMinutes INTEGER NOT NULL CHECK (plannedMinutes >= 0),
    firstDay TEXT NOT NULL,
    lastDay TEXT NOT NULL,
    issuedOn TEXT NOT NULL,
    validUntil TEXT CHECK (validUntil IS NULL OR eligible),
    replaces TEXT UNIQUE REFERENCES certificate(number),
    signedPayload TEXT NOT NULL,
    credential TEXT CHECK ((credential IS NOT NULL) = eligible),
    issuedBy TEXT NOT NULL,
    issuedAt DATETIME NOT NULL,
    UNIQUE (year, sequence)
);
CREATE TABLE certificateRevocation (
    number TEXT PRIMARY KEY REFERENCES certificate(number),
    reason TEXT NOT NULL CHECK (reason <> ''),
    replacedBy TEXT UNIQUE REFERENCES certificate(number),
    revokedBy TEXT NOT NULL,
    revokedAt DATETIME NOT NULL
);
CREATE INDEX sessionTrainerByName ON sessionTrainer(name);
CREATE INDEX sessionSlotByTime ON sessionSlot(startsAt, endsAt);
CREATE INDEX enrolmentByParticipant ON enrolment(participantID);
CREATE INDEX attendanceEventBySlot ON attendanceEvent(sessionID, participantID, slotID, sequence);
CREATE TRIGGER attendanceEventIsAppendOnlyOnUpdate BEFORE UPDATE ON attendanceEvent
BEGIN SELECT RAISE(ABORT, 'attendance records are never changed: record a correction'); END;
CREATE TRIGGER attendanceEventIsAppendOnlyOnDelete BEFORE DELETE ON attendanceEvent
BEGIN SELECT RAISE(ABORT, 'attendance records are never deleted: record a correction'); END;
CREATE INDEX moduleProgressByParticipant ON moduleProgress(sessionID, participantID, moduleID, sequence);
CREATE INDEX objectiveResultByParticipant ON objectiveResult(sessionID, participantID, objectiveID, phase, sequence);
CREATE TRIGGER moduleProgressIsAppendOnly BEFORE UPDATE ON moduleProgress
BEGIN SELECT RAISE(ABORT, 'progress records are never changed: record the new state'); END;
CREATE TRIGGER objectiveResultIsAppendOnly BEFORE UPDATE ON objectiveResult
BEGIN SELECT RAISE(ABORT, 'results are never changed: record the new result'); END;
CREATE INDEX certificateBySession ON certificate(sessionID, participantID);
CREATE TRIGGER certificateIsWrittenOnceOnUpdate BEFORE UPDATE ON certificate
BEGIN SELECT RAISE(ABORT, 'certificates are never changed: revoke and reissue'); END;
CREATE TRIGGER certificateIsWrittenOnceOnDelete BEFORE DELETE ON certificate
BEGIN SELECT RAISE(ABORT, 'certificates are never deleted: revoke them'); END;
CREATE TRIGGER certificateRevocationIsFinalOnUpdate BEFORE UPDATE ON certificateRevocation
BEGIN SELECT RAISE(ABORT, 'revocations are final'); END;
CREATE TRIGGER certificateRevocationIsFinalOnDelete BEFORE DELETE ON certificateRevocation
BEGIN SELECT RAISE(ABORT, 'revocations are final'); END;
COMMIT;
