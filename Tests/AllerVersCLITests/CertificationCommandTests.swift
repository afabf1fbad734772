import Foundation
import Testing
import TrainingTesting

/// A program from Debian that checks our output independently; `make test` installs them.
func tool(_ name: String) throws -> URL {
    let url = URL(fileURLWithPath: "/usr/bin/\(name)")
    try #require(FileManager.default.isExecutableFile(atPath: url.path), "\(name) is missing: make test installs it")
    return url
}

/// The week's session, recorded half-day by half-day and closed: P-0001 to P-0003
/// eligible (P-0002 20 minutes late), P-0004 excused and P-0005 absent for a half-day each,
/// so 10 h 30 of 14 h, below the 80 % minimum.
func closedWeekWorkspace() async throws -> TemporaryFolder {
    let workspace = try await weekWorkspace()
    let store = workspace.url.path
    for arguments in [
        ["--slot", "2026-03-12-am", "--late", "P-0002:20", "--others-present"],
        ["--slot", "2026-03-12-pm", "--excused", "P-0004:rendez-vous médical", "--others-present"],
        ["--slot", "2026-03-13-am", "--absent", "P-0005", "--others-present"],
        ["--slot", "2026-03-13-pm", "--others-present"],
    ] {
        let result = await allervers(["attendance", "record", "LYON", "--store", store] + arguments)
        try #require(result.exitCode == 0, "\(result.error)")
    }
    let progress = await allervers(
        "progress", "set", "LYON", "P-0001", "--objective", "O3", "--assessment", "acquired", "--score", "80", "--store", store)
    try #require(progress.exitCode == 0, "\(progress.error)")
    let closed = await allervers("session", "close", "LYON", "--store", store)
    try #require(closed.exitCode == 0, "\(closed.error)")
    return workspace
}

/// The closed week, certified on 2026-03-16, its records exported to `out/`.
func exportedWeek(_ options: [String] = []) async throws -> (workspace: TemporaryFolder, store: String, out: URL) {
    let workspace = try await closedWeekWorkspace()
    let store = workspace.url.path
    let certified = await allervers("certify", "LYON", "--date", "2026-03-16", "--store", store)
    try #require(certified.exitCode == 0, "\(certified.error)")
    let out = workspace.url.appendingPathComponent("out")
    let exported = await allervers(["export", "records", "LYON", "--out", out.path, "--store", store] + options)
    try #require(exported.exitCode == 0, "\(exported.error)")
    return (workspace, store, out)
}

/// Each participant's certificate number in a session.
func certificateNumbers(_ session: String, store: String) async throws -> [String: String] {
    let listed = await allervers("certificate", "list", session, "--store", store, "--json")
    let certificates = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
    return Dictionary(
        certificates.filter { $0["revocation"] == nil }.compactMap { certificate in
            (certificate["participantID"] as? String).flatMap { id in (certificate["number"] as? String).map { (id, $0) } }
        }, uniquingKeysWith: { _, last in last })
}

/// `certificate show NUMBER --json` as a dictionary.
func certificateJSON(_ number: String, store: String) async throws -> [String: Any] {
    let shown = await allervers("certificate", "show", number, "--store", store, "--json")
    return try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any], "\(shown)")
}

@Suite struct CertificationCommandTests {
    @Test func dryRunGivesEveryDecisionAndIssuingNeedsAClosedSession() async throws {
        let workspace = try await weekWorkspace()
        let store = workspace.url.path
        _ = await allervers("attendance", "record", "LYON", "--store", store, "--slot", "2026-03-12-am", "--others-present")
        let before = try storeBytes(workspace)
        let open = await allervers("certify", "LYON", "--store", store)
        #expect(open.exitCode == 1)
        #expect(open.error == "LYON is running, not closed: close it with `allervers session close LYON` first")
        #expect(try storeBytes(workspace) == before)

        let closed = try await closedWeekWorkspace()
        let dryRun = await allervers("certify", "LYON", "--dry-run", "--store", closed.url.path)
        #expect(dryRun.output.hasPrefix("LYON: 3 of 5 eligible (dry run: nothing issued)\n"), "\(dryRun.output)")
        let p4 = try #require(dryRun.output.split(separator: "\n").first { $0.hasPrefix("P-0004") })
        #expect(p4.contains("10 h 30 / 14 h") && p4.contains("75 %") && p4.contains("not eligible"))
        #expect(p4.hasSuffix("attended 10 h 30 of 14 h (75 %), below the minimum of 80 %"))
        let none = await allervers("certificate", "list", "LYON", "--store", closed.url.path)
        #expect(none.output == "LYON has no certificates yet: run `allervers certify LYON`\n")
    }

    @Test func certifiesOnceWithStableNumbers() async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        let issued = await allervers("certify", "LYON", "--date", "2026-03-16", "--store", store)
        #expect(issued.exitCode == 0, "\(issued.error)")
        #expect(issued.output.hasPrefix("LYON: 5 certificates issued\n"))
        let listed = await allervers("certificate", "list", "LYON", "--store", store, "--json")
        let certificates = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        #expect(certificates.map { $0["number"] as? String } == (1...5).map { "AV-2026-00000\($0)" })
        let eligible = certificates.filter { $0["isEligible"] as? Bool == true }
        #expect(Set(eligible.map { $0["participantID"] as? String }) == ["P-0001", "P-0002", "P-0003"])
        // Validity runs from the last half-day attended (2026-03-13), not from the day of issue.
        #expect(eligible.allSatisfy { $0["validUntil"] as? String == "2029-03-12" && $0["credential"] is String })
        #expect(certificates.filter { $0["isEligible"] as? Bool == false }.allSatisfy { $0["credential"] == nil })

        let again = await allervers("certify", "LYON", "--store", store)
        #expect(again.output == "LYON: 5 participants already certified, left as they are\n")
        let relisted = await allervers("certificate", "list", "LYON", "--store", store, "--json")
        #expect(relisted.output == listed.output)
    }

    @Test func documentsPassIndependentChecks() async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        _ = await allervers("certify", "LYON", "--date", "2026-03-16", "--store", store)
        let out = workspace.url.appendingPathComponent("out")
        let exported = await allervers("export", "records", "LYON", "--out", out.path, "--store", store)
        #expect(exported.output == "Wrote 15 files to \(out.relativePath)/LYON/\n", "\(exported)")
        let folder = out.appendingPathComponent("LYON")
        let certificates = folder.appendingPathComponent("certificates")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: certificates.path).filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(pdfs.count == 8)  // five certificats de réalisation, three attestations

        for name in pdfs + ["../sign-in-sheets.pdf"] {
            let path = certificates.appendingPathComponent(name).path
            let check = try execute(try tool("qpdf"), ["--check", path])
            #expect(check.status == 0, "\(name): \(check.output)")
            let fonts = try execute(try tool("pdffonts"), [path]).output.split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes yes ") }, "\(name): fonts not embedded: \(fonts)")
        }

        let numbers = try await certificateNumbers("LYON", store: store)
        let benali = try #require(numbers["P-0002"])
        let certificat = try text(of: certificates.appendingPathComponent("\(benali)-certificat-de-realisation.pdf"))
        for mention in [
            "CERTIFICAT DE RÉALISATION", "Institut Aller-Vers", "52490123449", "Claire Martin, Directrice", "Mehdi BENALI",
            "CCAS de Villeurbanne", "Les fondamentaux de la posture d'aller-vers", "☒ action de formation", "bilan de compétences",
            "du 12 mars 2026 au 13 mars 2026", "13 h 40 réalisées, sur 14 h prévues", "conserver l'ensemble des pièces justificatives",
            "Fait à Angers, le 16 mars 2026", "Cachet et signature", benali,
        ].filter({ !certificat.contains($0) }) {
            Issue.record("certificat missing: \(mention)")
        }
        // Not eligible, yet the certificat de réalisation states the hours done.
        let excused = try #require(numbers["P-0004"])
        let notEligible = try text(of: certificates.appendingPathComponent("\(excused)-certificat-de-realisation.pdf"))
        #expect(notEligible.contains("10 h 30 réalisées, sur 14 h prévues"))
        #expect(
            !FileManager.default.fileExists(
                atPath: certificates.appendingPathComponent("\(excused)-attestation-de-fin-de-formation.pdf").path))

        let assessed = try #require(numbers["P-0001"])
        let attestation = try text(of: certificates.appendingPathComponent("\(assessed)-attestation-de-fin-de-formation.pdf"))
        for mention in [
            "ATTESTATION DE FIN DE FORMATION", "L6353-1", "action de formation (article L6313-1 du Code du travail)",
            "14 h prévues, 14 h réalisées",
            "Objectifs et résultats de l'évaluation des acquis", "O3. Engager et maintenir une relation", "acquis, 80/100",
            "non évalué", "Valable jusqu'au 12 mars 2029", assessed,
        ].filter({ !attestation.contains($0) }) {
            Issue.record("attestation missing: \(mention)")
        }

        // One sheet per half-day, each with every seated participant and the trainer's box.
        let sheets = try text(of: folder.appendingPathComponent("sign-in-sheets.pdf"))
        let pages = sheets.split(separator: "\u{0C}", omittingEmptySubsequences: true).filter { $0.contains("FEUILLE") }
        #expect(pages.count == 4)
        for (page, slot) in zip(
            pages,
            [
                "jeudi 12 mars 2026 — matin", "jeudi 12 mars 2026 — après-midi", "vendredi 13 mars 2026 — matin",
                "vendredi 13 mars 2026 — après-midi",
            ])
        {
            for mention in [slot, "Salle Rhône", "Claire Martin", "BENALI Mehdi", "ROUX Camille", "Signature du ou des formateurs"] {
                #expect(page.contains(mention), "sheet \(slot): \(mention)")
            }
        }
        #expect(pages[0].contains("retard 20 min") && pages[1].contains("Absent·e excusé·e"), "\(pages[0])")
        #expect(pages[2].contains("Absent") && !sheets.contains("PETIT Anne-Laure"))  // waitlisted: no row

        let blankFile = workspace.url.appendingPathComponent("blank.pdf")
        let blank = await allervers("export", "sheets", "LYON", "--blank", "--out", blankFile.path, "--store", store)
        #expect(blank.output == "Wrote 4 sheets to \(blankFile.relativePath)\n")
        let blankText = try text(of: blankFile)
        #expect(blankText.contains("BENALI Mehdi") && !blankText.contains("Présent") && !blankText.contains("RELEVÉ"))
    }

    @Test func qrCodeDecodesToAPayloadThatVerifiesOffline() async throws {
        let (workspace, store, out) = try await exportedWeek()
        let pdf = out.appendingPathComponent("LYON/certificates/AV-2026-000003-certificat-de-realisation.pdf")
        let image = workspace.url.appendingPathComponent("page")
        #expect(try execute(try tool("pdftoppm"), ["-r", "150", "-png", "-singlefile", pdf.path, image.path]).status == 0)
        let decoded = try execute(try tool("zbarimg"), ["-q", "--raw", image.path + ".png"])
        let payload = try #require(decoded.output.split(separator: "\n").first { $0.hasPrefix("eyJ") }.map(String.init), "\(decoded)")
        #expect(payload == (try await certificateJSON("AV-2026-000003", store: store)["signedPayload"] as? String))

        let verified = await allervers("verify", payload, "--store", store)
        #expect(verified.exitCode == 0, "\(verified)")
        #expect(
            verified.output.hasPrefix("Valid certificate QR payload: certificate AV-2026-000003, LAMBERT Sophie\n"), "\(verified.output)")
        #expect(verified.output.contains("✓ issued by this workspace, not revoked"))

        // Anywhere else, with no workspace: the signature alone, and it says so.
        let elsewhere = try TemporaryFolder()
        let process = Process()
        process.executableURL = try builtBinary
        process.arguments = ["verify", payload]
        process.currentDirectoryURL = elsewhere.url
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let offline = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(offline.contains("no workspace at hand: signature checked alone, revocation not checked"), "\(offline)")
    }

    @Test func credentialsValidateAgainstTheOfficialSchemaAndVerifyWithPyJWT() async throws {
        let corpora = try #require(Fixtures.corpora, "../shared/corpora is missing")
        let (workspace, store, out) = try await exportedWeek()
        let certificates = out.appendingPathComponent("LYON/certificates")
        let credentials = try FileManager.default.contentsOfDirectory(atPath: certificates.path).filter { $0.hasSuffix(".jwt") }.sorted()
        #expect(credentials.count == 3)
        let python = try tool("python3")
        let schema = corpora.appendingPathComponent("open-badges/schemas/ob_v3p0_achievementcredential_schema.json").path
        let script = Fixtures.repository.appendingPathComponent("scripts/check-credential.py").path
        for name in credentials {
            let result = try execute(python, [script, certificates.appendingPathComponent(name).path, schema])
            #expect(result.status == 0, "\(name): \(result.output)")
            #expect(result.output.hasPrefix("ok urn:allervers:certificate:"))
        }
        // A changed claim fails both our verify and PyJWT.
        let original = try String(contentsOf: certificates.appendingPathComponent(credentials[0]), encoding: .utf8)
        var parts = original.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").map(String.init)
        let genuine = String(decoding: Data(base64URL: parts[1]), as: UTF8.self)
        let claims = genuine.replacingOccurrences(of: #""achievementType":"Course""#, with: #""achievementType":"Diploma""#)
        #expect(claims != genuine)
        parts[1] = Data(claims.utf8).base64URL
        let forged = try workspace.file("forged.jwt", parts.joined(separator: "."))
        #expect(try execute(python, [script, forged.path, schema]).status != 0)
        let refused = await allervers("verify", forged.path, "--store", store)
        #expect(refused.exitCode == 1)
        #expect(
            refused.error
                == "\(forged.path): the signature does not match: the statement was changed, or not signed by \(try await issuer(store))")

        let statements = out.appendingPathComponent("LYON/xapi-statements.jsonl")
        let xapi = try execute(
            python,
            [
                Fixtures.repository.appendingPathComponent("scripts/check-xapi.py").path, statements.path,
                corpora.appendingPathComponent("xapi/edo-xrs-jsonschema").path,
            ])
        #expect(xapi.status == 0, "\(xapi.output)")
        let lines = try String(contentsOf: statements, encoding: .utf8).split(separator: "\n")
        let verbs = lines.compactMap { line in
            ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]).flatMap {
                ($0["verb"] as? [String: Any])?["id"] as? String
            }
        }
        #expect(verbs.filter { $0.hasSuffix("/attended") }.count == 18)  // 20 seats × half-days less one excused and one absent
        #expect(verbs.filter { $0.hasSuffix("/completed") }.count == 3)
        #expect(verbs.filter { $0.hasSuffix("/failed") }.count == 1)  // P-0001: only O3 of five objectives assessed
    }

    func issuer(_ store: String) async throws -> String {
        await allervers("key", "show", "--store", store).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func revokedAndReissuedCertificatesAreNeverRewritten() async throws {
        let (workspace, store, out) = try await exportedWeek()
        let pdf = out.appendingPathComponent("LYON/certificates/AV-2026-000001-certificat-de-realisation.pdf")
        #expect(await allervers("verify", pdf.path, "--store", store).exitCode == 0)

        let revoked = await allervers("certificate", "revoke", "AV-2026-000001", "--reason", "signature contestée", "--store", store)
        #expect(revoked.output == "Revoked AV-2026-000001: signature contestée\n")
        let refused = await allervers("verify", pdf.path, "--store", store)
        #expect(refused.exitCode == 1)
        #expect(refused.error.hasPrefix("\(pdf.path): certificate AV-2026-000001 was revoked on "))
        #expect(refused.error.hasSuffix(": signature contestée"))
        let twice = await allervers("certificate", "revoke", "AV-2026-000001", "--reason", "again", "--store", store)
        #expect(twice.error == "AV-2026-000001 is already revoked (signature contestée)")

        // A correction: P-0004's excused afternoon was in fact attended. Her live certificate
        // says otherwise, so it is revoked first; then the records are corrected and it is reissued.
        let correction = [
            "attendance", "record", "LYON", "--slot", "2026-03-12-pm", "--present", "P-0004", "--reason", "présente, feuille mal lue",
            "--store", store, "--by", "Claire Martin",
        ]
        let whileLive = await allervers(correction)
        #expect(
            whileLive.error
                == "session LYON is closed and P-0004 holds live certificate AV-2026-000004, issued from these records: revoke it first, then correct and reissue"
        )
        let progressWhileLive = await allervers(
            "progress", "set", "LYON", "P-0004", "--objective", "O3", "--assessment", "acquired", "--store", store)
        #expect(progressWhileLive.exitCode == 1 && progressWhileLive.error.contains("holds live certificate AV-2026-000004"))
        #expect(
            await allervers("certificate", "revoke", "AV-2026-000004", "--reason", "émargement corrigé", "--store", store).exitCode == 0)
        #expect(await allervers(correction).exitCode == 0)
        let reissued = await allervers(
            "certificate", "reissue", "AV-2026-000004", "--reason", "émargement corrigé", "--date", "2026-03-20", "--store", store)
        #expect(reissued.exitCode == 0, "\(reissued.error)")
        #expect(reissued.output == "Reissued AV-2026-000004 as AV-2026-000006 (eligible, 14 h attended)\n", "\(reissued)")
        let new = try await certificateJSON("AV-2026-000006", store: store)
        #expect(new["replaces"] as? String == "AV-2026-000004" && new["isEligible"] as? Bool == true)
        let old = try await certificateJSON("AV-2026-000004", store: store)
        #expect(old["isEligible"] as? Bool == false, "the old record keeps what it said")
        #expect((old["revocation"] as? [String: Any])?["replacedBy"] as? String == "AV-2026-000006")

        // Not even the sqlite3 or psql shell rewrites a certificate or a revocation.
        for sql in [
            "UPDATE certificate SET attendedMinutes = 840 WHERE number = 'AV-2026-000005';",
            "DELETE FROM certificate WHERE number = 'AV-2026-000005';",
            "DELETE FROM certificateRevocation;",
        ] {
            let result = try TestDatabase.edit(workspaceAt: workspace.url, sqlite: sql, postgres: sql)
            #expect(result.status != 0 && (result.output.contains("never") || result.output.contains("final")), "\(sql): \(result.output)")
        }

        _ = await allervers("export", "records", "LYON", "--out", out.path, "--store", store)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("LYON/certificates").path)
        #expect(!names.contains { $0.hasPrefix("AV-2026-000001") || $0.hasPrefix("AV-2026-000004") }, "revoked files linger: \(names)")
        #expect(names.contains("AV-2026-000006-attestation-de-fin-de-formation.pdf"))
        let replaced = try text(of: out.appendingPathComponent("LYON/certificates/AV-2026-000006-certificat-de-realisation.pdf"))
        #expect(replaced.contains("Remplace le certificat n° AV-2026-000004."))
    }

    @Test func englishCertificates() async throws {
        // The folder lives as long as `week` does.
        let week = try await exportedWeek(["--lang", "en"])
        let certificates = week.out.appendingPathComponent("LYON/certificates")
        let numbers = try await certificateNumbers("LYON", store: week.store)
        let completion = try text(
            of: certificates.appendingPathComponent("\(try #require(numbers["P-0002"]))-certificat-de-realisation.pdf"))
        for mention in [
            "CERTIFICATE OF COMPLETION", "employed by CCAS de Villeurbanne", "from 12 March 2026 to 13 March 2026",
            "13 hours 40 minutes actually attended", "Issued in Angers on 16 March 2026", "training action",
        ]
        where !completion.contains(mention) {
            Issue.record("certificate of completion missing: \(mention)")
        }
        let attestation = try text(
            of: certificates.appendingPathComponent("\(try #require(numbers["P-0001"]))-attestation-de-fin-de-formation.pdf"))
        #expect(attestation.contains("END-OF-TRAINING CERTIFICATE") && attestation.contains("acquired, 80/100"))
    }

    /// The PDF's text as pdftotext reads it, runs of spaces and line breaks made one space
    /// (pages stay apart, at their form feeds), so that a phrase is found wherever it wraps.
}

/// A PDF's text as `pdftotext` reads it, each page's words joined by single spaces.
func text(of pdf: URL) throws -> String {
    let result = try execute(try tool("pdftotext"), [pdf.path, "-"])
    try #require(result.status == 0, "\(result.output)")
    return result.output.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { page in
        page.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }.joined(separator: "\u{0C}")
}

extension Data {
    init(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        self = Data(base64Encoded: base64) ?? Data()
    }

    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

@Suite struct CertificationBadInputTests {
    @Test func refusedWithOneLineAndNothingWritten() async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        let key = workspace.url.appendingPathComponent(".allervers/signing-key.pem")
        let before = try storeBytes(workspace)

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key.path)
        let exposed = await allervers("certify", "LYON", "--store", store)
        #expect(exposed.exitCode == 1)
        #expect(exposed.error == "\(key.path): the signing key is readable by others (mode 644); run chmod 600 on it")
        // A key that cannot be read: here a folder in its place, which even root cannot read as a file.
        try FileManager.default.removeItem(at: key)
        try FileManager.default.createDirectory(at: key, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let unreadable = await allervers("certify", "LYON", "--store", store)
        #expect(unreadable.exitCode == 1)
        #expect(unreadable.error == "\(key.path): cannot read the signing key")
        #expect(try storeBytes(workspace) == before)
    }

    @Test func missingKeyOrIdentityChangesNothing() async throws {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        let key = workspace.url.appendingPathComponent(".allervers/signing-key.pem")
        let before = try storeBytes(workspace)
        try FileManager.default.removeItem(at: key)
        let missing = await allervers("certify", "LYON", "--store", store)
        #expect(missing.exitCode == 1)
        #expect(missing.error == "\(key.path): no signing key; run `allervers key create` in the workspace")
        #expect(try storeBytes(workspace) == before)
        let created = await allervers("key", "create", "--store", store)
        #expect(created.output.hasPrefix("Signing key: did:key:z6Mk"))
        #expect(await allervers("key", "create", "--store", store).error == "\(key.path): a signing key already exists")

        // An identity removed behind the tool's back (the only way to lose it once set).
        let removal = "DELETE FROM organisation;"
        #expect(try TestDatabase.edit(workspaceAt: workspace.url, sqlite: removal, postgres: removal).status == 0)
        let withoutIdentity = try storeBytes(workspace)
        let noOrganisation = await allervers("certify", "LYON", "--store", store)
        #expect(noOrganisation.exitCode == 1)
        #expect(
            noOrganisation.error
                == "the workspace has no organisation identity, which documents must carry: set it with `allervers organisation set`")
        #expect(try storeBytes(workspace) == withoutIdentity)

        let anonymous = try TemporaryFolder()
        _ = await allervers("init", "--store", anonymous.url.path)
        let noIdentity = await allervers("certify", "--from", "2026-01-01", "--to", "2026-12-31", "--store", anonymous.url.path)
        #expect(noIdentity.error == "no closed session ended between 2026-01-01 and 2026-12-31")
        let records = await allervers("export", "records", "NOPE", "--store", anonymous.url.path)
        #expect(
            records.error
                == "the workspace has no organisation identity, which documents must carry: set it with `allervers organisation set`"
        )
    }

    @Test func tamperedDocumentsFailWithTheReason() async throws {
        let (workspace, store, out) = try await exportedWeek()
        let number = try #require(try await certificateNumbers("LYON", store: store)["P-0001"])
        let pdf = out.appendingPathComponent("LYON/certificates/\(number)-attestation-de-fin-de-formation.pdf")
        var bytes = try Data(contentsOf: pdf)
        // Change one byte of the text: "14 h" becomes "15 h" nowhere visible to a checksum-less reader.
        let offset = bytes.count / 2
        bytes[offset] ^= 0x20
        let changed = workspace.url.appendingPathComponent("changed.pdf")
        try bytes.write(to: changed)
        let refused = await allervers("verify", changed.path, "--store", store)
        #expect(refused.exitCode == 1)
        #expect(
            refused.error == "\(changed.path): the PDF was changed after it was sealed: its content no longer matches the signed digest")

        let payload = try #require(try await certificateJSON(number, store: store)["signedPayload"] as? String)
        var signature = Array(payload.split(separator: ".")[2])
        signature[10] = signature[10] == "A" ? "B" : "A"
        let badSignature = payload.split(separator: ".")[0...1].joined(separator: ".") + "." + String(signature)
        let forged = await allervers("verify", badSignature, "--store", store)
        #expect(forged.exitCode == 1)
        #expect(
            forged.error.hasSuffix("the signature does not match: the statement was changed, or not signed by \(payloadIssuer(payload))"),
            "\(forged.error)")
        var claims = Array(payload)
        let index = payload.count / 3
        claims[index] = claims[index] == "A" ? "B" : "A"
        let changedClaims = await allervers("verify", String(claims), "--store", store)
        #expect(changedClaims.exitCode == 1 && !changedClaims.error.isEmpty && !changedClaims.error.contains("\n"))

        // Another workspace's key signs a statement that verifies on its own, but not here.
        let other = try await closedWeekWorkspace()
        _ = await allervers("certify", "LYON", "--store", other.url.path)
        let foreign = try #require(try await certificateJSON(number, store: other.url.path)["signedPayload"] as? String)
        let stranger = await allervers("verify", foreign, "--store", store)
        #expect(stranger.exitCode == 1)
        #expect(stranger.error.contains("not by this workspace's key"), "\(stranger.error)")
    }

    func payloadIssuer(_ payload: String) -> String {
        let claims = Data(base64URL: String(payload.split(separator: ".")[1]))
        return ((try? JSONSerialization.jsonObject(with: claims)) as? [String: Any])?["iss"] as? String ?? ""
    }
}

@Suite struct CertificationBatchTests {
    /// A second closed session in April, of the one-day course, with a participant whose
    /// employer a spreadsheet would take for a formula.
    func twoSessionWorkspace() async throws -> TemporaryFolder {
        let workspace = try await closedWeekWorkspace()
        let store = workspace.url.path
        for arguments in [
            ["participant", "add", "--first-name", "Eve", "--last-name", "Malice", "--employer", "=HYPERLINK(\"http://x.example\")"],
            [
                "session", "plan", "AV-NONREC", "--start", "2026-04-02", "--id", "ANGERS", "--room", "Salle Loire", "--address",
                "12 rue des Lices, 49100 Angers", "--trainer", "Bruno Leroy",
            ],
            ["session", "enrol", "ANGERS", "P-0006", "P-0007"],
            ["attendance", "record", "ANGERS", "--slot", "2026-04-02-am", "--others-present"],
            ["attendance", "record", "ANGERS", "--slot", "2026-04-02-pm", "--others-present"],
        ] {
            let result = await allervers(arguments + ["--store", store])
            try #require(result.exitCode == 0, "\(arguments): \(result.error)")
        }
        return workspace
    }

    @Test func aBatchIsWholeOrNothing() async throws {
        let workspace = try await twoSessionWorkspace()
        let store = workspace.url.path
        let before = try storeBytes(workspace)
        let refused = await allervers("certify", "LYON", "ANGERS", "--store", store)
        #expect(refused.error == "ANGERS is running, not closed: close it with `allervers session close ANGERS` first")
        #expect(try storeBytes(workspace) == before)
        #expect(await allervers("certificate", "list", "LYON", "--store", store).output.contains("no certificates yet"))

        _ = await allervers("session", "close", "ANGERS", "--store", store)
        // Certify and export every closed session of the period in one command.
        let out = workspace.url.appendingPathComponent("out")
        let batch = await allervers(
            "certify", "--from", "2026-03-01", "--to", "2026-04-30", "--date", "2026-05-04", "--export", "--out", out.path, "--store",
            store)
        #expect(batch.exitCode == 0, "\(batch.error)")
        #expect(batch.output.contains("LYON: 5 certificates issued") && batch.output.contains("ANGERS: 2 certificates issued"))
        #expect(batch.output.hasSuffix("Wrote 15 files to \(out.path)/LYON/\nWrote 10 files to \(out.path)/ANGERS/\n"), "\(batch)")
        let numbers = try await certificateNumbers("ANGERS", store: store)
        #expect(Set(numbers.values) == ["AV-2026-000006", "AV-2026-000007"])

        let exported = await allervers(
            "export", "records", "--from", "2026-03-01", "--to", "2026-04-30", "--out", out.path, "--store", store)
        #expect(exported.output == "Wrote 15 files to \(out.path)/LYON/\nWrote 10 files to \(out.path)/ANGERS/\n", "\(exported)")
        let csvData = try Data(contentsOf: out.appendingPathComponent("ANGERS/attendance.csv"))
        #expect(csvData.starts(with: [0xEF, 0xBB, 0xBF]), "a BOM, for spreadsheets to read UTF-8")
        let csv = String(decoding: csvData, as: UTF8.self)
        #expect(csv.contains("Session;Formation;"))
        #expect(csv.contains(";\"'=HYPERLINK(\"\"http://x.example\"\")\";"), "\(csv)")
        #expect(!csv.contains(";=HYPERLINK"))
        let hours = try String(contentsOf: out.appendingPathComponent("ANGERS/hours.csv"), encoding: .utf8)
        #expect(
            hours.contains("P-0007;Malice;Eve;\"'=HYPERLINK(\"\"http://x.example\"\")\";7,00;7,00;420;100;0;certifié;;AV-2026-00000"),
            "\(hours)")
    }

    @Test func progressBarOnlyOnATerminal() async throws {
        let workspace = try await twoSessionWorkspace()
        let store = workspace.url.path
        _ = await allervers("session", "close", "ANGERS", "--store", store)
        // Standard error is a pipe here: no bar, no carriage return.
        let result = try execute(try builtBinary, ["certify", "--from", "2026-03-01", "--to", "2026-04-30", "--store", store])
        #expect(result.status == 0, "\(result.output)")
        #expect(!result.output.contains("\r") && !result.output.contains("█"))
    }
}
