public import Foundation
public import TrainingCore
internal import TrainingExport
public import TrainingPDF
internal import TrainingStore

extension BPFService {
    /// The report as a PDF laid out by cadre, in the form's order, the form's own labels, for
    /// whoever types it into Mon Activité Formation; its headings in `l`.
    public func pdf(_ report: BPFReport, language l: DocumentLanguage) throws -> Data {
        let organisation = try store.documentOrganisation()
        let amount = l.pick("Montant HT (€)", "Amount before tax (€)")
        let people = l.pick("Nombre de personnes", "People")
        let hours = l.pick("Nombre d'heures", "Hours")
        let trainees = l.pick("Nombre de stagiaires ou d'apprentis", "Trainees or apprentices")
        // Cadres E to G hold the report's figures in the form's order, by cadre.
        let headings: [(cadre: String, heading: String, persons: String)] = [
            ("E", l.pick("E. Personnes dispensant des heures de formation", "E. People who delivered hours of training"), people),
            ("F-1", l.pick("F-1. Type de stagiaires de l'organisme", "F-1. Kinds of trainee"), trainees),
            ("F-2", l.pick("F-2. Dont activité sous-traitée de l'organisme", "F-2. Of which handed to another organisation"), trainees),
            ("F-3", l.pick("F-3. Objectif général des prestations dispensées", "F-3. General objective"), trainees),
            ("F-4", l.pick("F-4. Spécialités de formation", "F-4. Specialities (NSF)"), trainees),
            (
                "G",
                l.pick(
                    "G. Stagiaires dont la formation a été confiée à votre organisme par un autre organisme de formation",
                    "G. Trainees of actions another organisation handed to this one"), trainees
            ),
        ]
        let income = TabularDocument.Table(
            heading: l.pick(
                "C. Bilan financier hors taxes : origine des produits de l'organisme (à vérifier par le comptable)",
                "C. Income before tax, by origin (for the accountant to check)"),
            columns: [(l.pick("Ligne", "Line"), 0.8), (l.pick("Libellé", "Label"), 6), (amount, 2.0)],
            rows: (report.income + [report.incomeTotal]).map { [$0.line.code, $0.line.label, $0.cents.map(Funding.euros) ?? ""] })
        let tables =
            [income]
            + headings.map { cadre, heading, persons in
                TabularDocument.Table(
                    heading: heading,
                    columns: [(l.pick("Ligne", "Line"), 0.8), (l.pick("Libellé", "Label"), 6), (persons, 1.4), (hours, 1.4)],
                    rows: report.figures.filter { $0.line.cadre == cadre }.map {
                        [$0.line.code, $0.line.label, String($0.people), BPFReport.hours($0.minutes)]
                    })
            }
        var notes = [
            l.pick(
                "Cadre B — formation dispensée en tout ou partie à distance : \(report.remoteTrainees > 0 ? "oui" : "non") (\(report.remoteTrainees) stagiaire(s) ayant suivi une demi-journée à distance).",
                "Cadre B — training delivered wholly or partly at a distance: \(report.remoteTrainees > 0 ? "yes" : "no") (\(report.remoteTrainees) trainee(s) followed a remote half-day)."
            ),
            l.pick(
                "Un stagiaire est une personne d'une action qui en a suivi des heures dans l'exercice ; une personne suivant deux actions compte deux fois, en F-1, F-3 et F-4 dont les totaux sont égaux. Les heures sont les heures suivies dans l'exercice. Un formateur compte une fois avec toutes les heures des demi-journées qu'il a assurées.",
                "A trainee is a person in an action who attended some of its hours in the year; a person in two actions counts twice, in F-1, F-3 and F-4, whose totals are equal. Hours are the hours attended in the year. A trainer counts once, with every hour of the half-days they delivered."
            ),
        ]
        if report.incomeTotal.cents == nil {
            notes.append(
                l.pick(
                    "Cadre C : aucun montant enregistré ; à remplir par le comptable.",
                    "Cadre C: no amount recorded; for the accountant to fill."))
        }
        if !report.missing.isEmpty {
            notes.append(l.pick("Données manquantes :", "Missing data:"))
            notes += report.missing.map { "– \($0)" }
        }
        let document = TabularDocument(
            title: l.pick("Bilan pédagogique et financier", "Bilan pédagogique et financier (yearly report)"),
            facts: [
                (l.pick("Formulaire", "Form"), report.form),
                (l.pick("Organisme", "Organisation"), organisation.name),
                (l.pick("N° de déclaration", "Declaration number"), organisation.declarationNumber),
                (
                    l.pick("Exercice comptable", "Fiscal year"),
                    l.pick("du ", "") + l.numericDate(report.from) + l.pick(" au ", " to ") + l.numericDate(report.to)
                ),
            ],
            tables: tables, notes: notes, createdOn: report.to)
        return try Documents.tabular(document, organisation: organisation, language: l)
    }
}

extension BPFReport {
    /// Every line of the form, in its order: cadre, line, label, people, hours, euros.
    public var rows: [[String]] {
        (income + [incomeTotal]).map { [$0.line.cadre, $0.line.code, $0.line.label, "", "", $0.cents.map(Funding.euros) ?? ""] }
            + figures.map { [$0.line.cadre, $0.line.code, $0.line.label, String($0.people), Self.hours($0.minutes), ""] }
    }

    /// The figures as CSV, as French spreadsheets open it.
    public var csv: Data {
        var writer = CSVWriter()
        writer.append(["cadre", "line", "label", "people", "hours", "euros"])
        for row in rows { writer.append(row) }
        return writer.data
    }

    /// Hours with their minutes as a decimal, as the form takes them: `10.5` is `10.50`.
    public static func hours(_ minutes: Int) -> String {
        minutes % 60 == 0 ? String(minutes / 60) : String(format: "%.2f", Double(minutes) / 60)
    }
}
