import Foundation
import Testing
import TrainingTesting

/// What a catalogue of offers says of a course (course format 1.2's `<offer>`): read, shown,
/// written back, added to a version stored before, and refused where LHEO's dictionaries or
/// the codes' forms do not have it.
@Suite struct OfferTests {
    @Test func theShippedOfferIsShownAndComesBackWhole() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        #expect(await allervers("course", "import", Fixtures.courses.path, "--store", store).exitCode == 0)
        let shown = await allervers("course", "show", "AV-FOND", "--store", store)
        for line in [
            "Offer\n  Expected results: Aller vers", "  Entry level: 1 Sans niveau spécifique",
            "  Place: Institut Aller-Vers, antenne de Lyon, 3 quai Perrache, 69002 Lyon (INSEE 69382)", "  Funders: 16 OPCO; 5 Entreprise",
            "  Contact: Institut Aller-Vers, service formation, 02 41 00 00 00, formation@allervers.example",
        ] {
            #expect(shown.output.contains(line), "\(line) in \(shown.output)")
        }
        let file = workspace.url.appendingPathComponent("AV-FOND.xml")
        #expect(await allervers("course", "export", "AV-FOND", "--output", file.path, "--store", store).exitCode == 0)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains("<funder code=\"16\"/>\n    <funder code=\"5\"/>\n    <contact>"), "\(written)")
        #expect(await allervers("course", "validate", file.path).exitCode == 0)
        let again = await allervers("course", "import", file.path, "--store", store)
        #expect(again.output.contains("0 added, 1 unchanged"), "\(again.output)")
    }

    /// A version stored before course format 1.2 gets the offer the file now gives; nothing
    /// else of it changes, and any other difference is still a conflict.
    @Test func aVersionStoredBeforeItsOfferGetsIt() async throws {
        let workspace = try await initialisedWorkspace()
        let store = workspace.url.path
        let shipped = try String(contentsOf: Fixtures.courses.appendingPathComponent("aller-vers-fondamentaux.xml"), encoding: .utf8)
        let start = try #require(shipped.range(of: "  <offer>"))
        let end = try #require(shipped.range(of: "</offer>\n"))
        let before = workspace.url.appendingPathComponent("before.xml")
        try (shipped[..<start.lowerBound] + shipped[end.upperBound...]).write(to: before, atomically: true, encoding: .utf8)
        #expect(await allervers("course", "import", before.path, "--store", store).exitCode == 0)
        #expect(!(await allervers("course", "show", "AV-FOND", "--store", store)).output.contains("Offer"))

        let path = Fixtures.courses.appendingPathComponent("aller-vers-fondamentaux.xml").path
        let added = await allervers("course", "import", path, "--store", store)
        #expect(added.output.hasSuffix("0 added, 0 unchanged, 0 replaced, 1 completed (their offer added)\n"), "\(added.output)")
        #expect((await allervers("course", "show", "AV-FOND", "--store", store)).output.contains("Funders: 16 OPCO"))
        #expect((await allervers("course", "import", path, "--store", store)).output.contains("0 added, 1 unchanged"))

        let changed = workspace.url.appendingPathComponent("changed.xml")
        try shipped.replacingOccurrences(of: "<funder code=\"5\"/>", with: "<funder code=\"2\"/>").write(
            to: changed, atomically: true, encoding: .utf8)
        let conflict = await allervers("course", "import", changed.path, "--store", store)
        #expect(conflict.exitCode == 1, "\(conflict.output)")
    }

    /// The schema checks the codes' forms and the dictionaries' ranges; what it cannot (a
    /// funder named twice) is checked after it, at the offer's line.
    @Test(arguments: [
        ("<funder code=\"16\"/><funder code=\"16\"/>", ":7: a funder is named twice"),
        ("<funder code=\"21\"/>", ":8:"),
        ("<entryLevel code=\"9\"/>", ":8:"),
        ("<formacode version=\"12\">44028</formacode>", ":8:"),
        ("<rome>Z1234</rome>", ":8:"),
        ("<place><line>1 rue A</line><postcode>6900</postcode><city>Lyon</city></place>", ":8:"),
        ("<place><line>1 rue A</line><postcode>20000</postcode><city>Ajaccio</city><insee>2C004</insee></place>", ":8:"),
        ("<contact><email>personne</email></contact>", ":8:"),
    ])
    func anOfferLHEODoesNotHaveIsRefused(offer: String, message: String) async throws {
        try await expectRefusedCourse(ending: "<offer>\n    \(offer)\n  </offer>", message: message)
    }
}

/// A one-module course C1 whose part after `<accessibility>` is `tail` (its first line is
/// line 7), imported into a new workspace: it must be refused with `message` after the
/// file's name, on one line, and the workspace must not hold C1.
func expectRefusedCourse(ending tail: String, message: String) async throws {
    let workspace = try await initialisedWorkspace()
    let file = workspace.url.appendingPathComponent("course.xml")
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <course xmlns="urn:allervers:course:1" id="C1" version="1" language="fr" hours="3.5">
      <title>T</title><summary>S</summary><audience>A</audience><prerequisites/>
      <objectives><objective id="O1">O</objective></objectives>
      <modules><module id="M1" hours="3.5" modality="in-room" objectives="O1"><title>M</title><content><topic>T</topic></content><methods><method>M</method></methods></module></modules>
      <assessment><positioning>P</positioning><method>M</method></assessment><certification minimumAttendance="80" assessmentPassed="false"/><groupSize minimum="1" maximum="10"/><accessibility>A</accessibility>
      \(tail)
    </course>
    """.write(to: file, atomically: true, encoding: .utf8)
    let result = await allervers("course", "import", file.path, "--store", workspace.url.path)
    #expect(result.exitCode == 1)
    #expect(result.error.contains("course.xml" + message), "\(result.error)")
    #expect(result.error.split(separator: "\n").count == 1, "\(result.error)")
    let listed = await allervers("course", "list", "--store", workspace.url.path)
    #expect(!listed.output.contains("C1"), "\(listed.output)")
}
