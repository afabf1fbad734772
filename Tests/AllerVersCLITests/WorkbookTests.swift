import Foundation
import Testing
import TrainingTesting

/// `.xlsx` and `.ods` files read directly, written here by real spreadsheet libraries
/// (Debian's python3-openpyxl and python3-odf), with the checks a CSV has and row numbers.
@Suite struct WorkbookTests {
    /// Runs a Python script in `folder` and requires it to succeed.
    func python(_ script: String, in folder: TemporaryFolder) throws {
        let file = try folder.file("make.py", script)
        let result = try execute(try tool("python3"), [file.path])
        try #require(result.status == 0, "\(result.output)")
    }

    @Test func anXLSXWorkbookIsReadFromTheSheetNamed() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        try python(
            """
            import datetime, openpyxl
            book = openpyxl.Workbook()
            book.active.title = "Notes"
            book.active.append(["Rien", "ici"])
            sheet = book.create_sheet("Agents")
            sheet.append(["Prénom", "Nom", "Adresse mail", "N° agent", "Date d'entrée", "Fonction"])
            sheet.append(["Hélène", "Lefèvre", "h.lefevre@example.org", 4512, datetime.date(2025, 9, 1), "Éducatrice spécialisée"])
            sheet.append([None, None, None, None, None, None])
            sheet.append(["Karim", "N'Diaye", "k.ndiaye@example.org", "A-18", datetime.datetime(2024, 2, 29, 0, 0), None])
            # A date column formatted before anything was typed, and a number shown in red.
            sheet["E5"].number_format = "DD/MM/YYYY"
            sheet.append(["Inès", "Roux", "i.roux@example.org", 12, None, None])
            sheet["D5"].number_format = "0.00;[Red]-0.00"
            book.save("\(workspace.url.path)/agents.xlsx")

            mac = openpyxl.Workbook()
            mac.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
            mac.active.append(["Prénom", "Nom", "Date d'entrée", "Matricule"])
            mac.active.append(["Léa", "Martin", datetime.date(2025, 9, 1), "M-1"])
            mac.save("\(workspace.url.path)/mac.xlsx")

            formula = openpyxl.Workbook()
            formula.active.append(["Prénom", "Nom", "Matricule"])
            formula.active.append(["A", "B", "X-1"])
            formula.active.append(["C", "D", "=1+1"])
            formula.save("\(workspace.url.path)/formule.xlsx")

            merged = openpyxl.Workbook()
            merged.active.append(["Identité", None, "Mail"])
            merged.active.append(["A", "B", "a@example.org"])
            merged.active.merge_cells("A1:B1")
            merged.save("\(workspace.url.path)/fusion.xlsx")
            """, in: workspace)
        let book = workspace.url.appendingPathComponent("agents.xlsx").path
        let firstSheet = await allervers("participant", "import", book, "--store", store)
        #expect(
            firstSheet.error.contains(
                "agents.xlsx:1: unknown column \"Rien\" (in sheet Notes, the first; the sheets are Notes, Agents: choose one with --sheet NAME)"
            ),
            "the first sheet by default: \(firstSheet.error)")
        let imported = await allervers("participant", "import", book, "--sheet", "Agents", "--store", store)
        #expect(imported.output.hasPrefix("Imported 3 participants"), "\(imported.output) \(imported.error)")
        // The number in red is a number, the blank date cell blank.
        let ines = await allervers("participant", "show", "12", "--json", "--store", store)
        #expect(ines.output.contains("\"lastName\" : \"Roux\"") && !ines.output.contains("hireDate"), "\(ines.output)")
        let mac = await allervers("participant", "import", workspace.url.appendingPathComponent("mac.xlsx").path, "--store", store)
        #expect(mac.exitCode == 0, "\(mac.error)")
        #expect(await allervers("participant", "show", "M-1", "--json", "--store", store).output.contains("\"hireDate\" : \"2025-09-01\""))
        let helene = await allervers("participant", "show", "4512", "--json", "--store", store)
        for expected in ["\"lastName\" : \"Lefèvre\"", "\"hireDate\" : \"2025-09-01\"", "\"profession\" : \"Éducatrice spécialisée\""] {
            #expect(helene.output.contains(expected), "\(expected) in \(helene.output)")
        }
        #expect(await allervers("participant", "show", "A-18", "--json", "--store", store).output.contains("\"hireDate\" : \"2024-02-29\""))
        let missing = await allervers("participant", "import", book, "--sheet", "Personnel", "--store", store)
        #expect(missing.error.contains("no sheet named Personnel: the sheets are Notes, Agents"), "\(missing.error)")

        let before = try storeBytes(workspace)
        let formula = await allervers("participant", "import", workspace.url.appendingPathComponent("formule.xlsx").path, "--store", store)
        #expect(
            formula.error.hasSuffix("formule.xlsx:3: cell C3 holds a formula: copy it and paste the values instead"), "\(formula.error)")
        let merged = await allervers("participant", "import", workspace.url.appendingPathComponent("fusion.xlsx").path, "--store", store)
        #expect(
            merged.error.hasSuffix("fusion.xlsx:1: the header has merged cells (A1:B1): unmerge them, one column name per cell"),
            "\(merged.error)")
        #expect(try storeBytes(workspace) == before)
    }

    @Test func anODSSpreadsheetIsRead() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path
        try python(
            """
            from odf.opendocument import OpenDocumentSpreadsheet
            from odf.table import Table, TableRow, TableCell
            from odf.text import P

            def cell(shown=None, kind="string", **extra):
                made = TableCell(valuetype=kind, **extra) if shown is not None or extra else TableCell()
                if shown is not None:
                    made.addElement(P(text=str(shown)))
                return made

            def save(path, rows):
                document = OpenDocumentSpreadsheet()
                table = Table(name="Résultats")
                for cells in rows:
                    row = TableRow()
                    for made in cells:
                        row.addElement(made)
                    table.addElement(row)
                document.spreadsheet.addElement(table)
                document.save(path)

            header = [cell("Stagiaire"), cell("Objectif"), cell("Positionnement"), cell("Évaluation"), cell("Score")]
            save("\(workspace.url.path)/resultats.ods", [
                header,
                [cell("P-0001"), cell("O1"), cell("non acquis"), cell("acquis"), cell()],
                [cell(), cell(), cell(), cell(), cell()],
                [cell("P-0002"), cell("O2"), cell(), cell(), cell(72, kind="float", value=72)],
            ])
            save("\(workspace.url.path)/formule.ods", [
                header,
                [cell("P-0001"), cell("O1"), cell(), cell(), cell(2, kind="float", value=2, formula="of:=1+1")],
            ])
            spanned = TableCell(valuetype="string", numbercolumnsspanned=2)
            spanned.addElement(P(text="Qui"))
            save("\(workspace.url.path)/fusion.ods", [[spanned, cell("Objectif")], [cell("P-0001"), cell("O1")]])
            """, in: workspace)
        let imported = await allervers(
            "progress", "import", "LYON", workspace.url.appendingPathComponent("resultats.ods").path, "--store", store)
        #expect(
            imported.output.hasSuffix("Recorded 3 results for 2 participants from \(workspace.url.path)/resultats.ods\n"),
            "\(imported.error)")
        let shown = await allervers("progress", "show", "LYON", "--store", store)
        #expect(shown.output.split(separator: "\n").first { $0.hasPrefix("P-0002") }?.contains("72") == true, "\(shown.output)")
        let formula = await allervers(
            "progress", "import", "LYON", workspace.url.appendingPathComponent("formule.ods").path, "--store", store)
        #expect(formula.error.hasSuffix("formule.ods:2: cell E2 holds a formula: copy it and paste the values instead"), "\(formula.error)")
        let merged = await allervers(
            "progress", "import", "LYON", workspace.url.appendingPathComponent("fusion.ods").path, "--store", store)
        #expect(
            merged.error.hasSuffix("fusion.ods:1: the header has merged cells: unmerge them, one column name per cell"), "\(merged.error)")
    }
}
