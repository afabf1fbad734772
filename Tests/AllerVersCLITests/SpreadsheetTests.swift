import Foundation
import Testing
import TrainingTesting

/// The files French offices have: Excel's CSV in Windows-1252 with the headers they use.
@Suite struct SpreadsheetTests {
    /// Text as Windows-1252 bytes (every character here is in Latin-1).
    func windows1252(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    @Test func excelsFrenchCSVIsReadWithItsHeaders() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let file = try workspace.file(
            "agents.csv",
            bytes: windows1252(
                "Prénom;Nom;Adresse mail;Fonction;N° agent;Date d'entrée;Service;Employeur\r\n"
                    + "Hélène;Lefèvre;h.lefevre@example.org;Éducatrice spécialisée;A-17;01/09/2025;Maraude;CCAS de Vénissieux\r\n"
                    + ";;;;;;;\r\n;;;;;;;\r\n"))
        let imported = await allervers("participant", "import", file.path, "--store", store)
        #expect(imported.output.hasPrefix("Imported 1 participant"), "\(imported.output) \(imported.error)")
        #expect(imported.error.contains("agents.csv: read as Windows-1252 (not UTF-8)"), "\(imported.error)")
        #expect(imported.error.contains("the column service is read, not kept"), "\(imported.error)")
        let shown = await allervers("participant", "show", "A-17", "--json", "--store", store)
        for expected in [
            "\"firstName\" : \"Hélène\"", "\"email\" : \"h.lefevre@example.org\"", "\"profession\" : \"Éducatrice spécialisée\"",
            "\"hireDate\" : \"2025-09-01\"", "\"employer\" : \"CCAS de Vénissieux\"",
        ] {
            #expect(shown.output.contains(expected), "\(expected) in \(shown.output)")
        }
    }

    /// A column given twice, and a year of two digits: the line, the fix, nothing written.
    @Test func spreadsheetSlipsAreNamedWithTheirFix() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let twice = try workspace.file("twice.csv", "Prénom;Nom;Mail;Courriel\nA;B;a@example.org;b@example.org\n")
        let duplicated = await allervers("participant", "import", twice.path, "--store", store)
        #expect(
            duplicated.error.hasSuffix("twice.csv:1: the columns \"Mail\" (column 3) and \"Courriel\" (column 4) are the same: keep one"),
            "\(duplicated.error)")
        let short = try workspace.file("short.csv", "Prénom;Nom;Date d'entrée\nA;B;01/09/2025\nC;D;01/09/25\n")
        let year = await allervers("participant", "import", short.path, "--store", store)
        #expect(year.error.hasSuffix("short.csv:3: 01/09/25: write the year with four digits (01/09/2025 or 01/09/1925)"), "\(year.error)")
        #expect(await allervers("participant", "list", "--store", store).output.hasPrefix("No participant"))
    }

    /// A paper sheet typed with French headers.
    @Test func anAttendanceSheetWithFrenchHeaders() async throws {
        let workspace = try await weekWorkspace()
        let sheet = try workspace.file(
            "feuille.csv", "Session;Créneau;Stagiaire;Statut;Retard;Départ anticipé;Motif\nLYON;2026-03-12-am;P-0001;présent;10;;\n")
        let imported = await allervers("attendance", "import", sheet.path, "--by", "Claire", "--store", workspace.url.path)
        #expect(imported.output == "Imported 1 attendance record from \(sheet.path)\n", "\(imported.error)")
        let grid = await allervers("attendance", "show", "LYON", "--store", workspace.url.path)
        #expect(grid.output.contains("L10"), "\(grid.output)")
    }
}
