import Foundation
import Testing
import TrainingCore
import TrainingTesting
import TrainingXML

/// LHEO read as courses: the real feeds of `../shared/corpora/lheo/`, what the schema lets
/// through and the reader refuses or warns about, and the versions it does not read.
@Suite struct LHEOReaderTests {
    static let samples = "lheo/samples"

    static func sample(_ name: String) throws -> URL {
        let url = try #require(Fixtures.corpora, "../shared/corpora is beside the repository").appendingPathComponent(
            "\(samples)/\(name)")
        try #require(FileManager.default.fileExists(atPath: url.path), "\(url.path)")
        return url
    }

    /// Every entry of `url`, with the warnings the read gave.
    static func read(_ url: URL) throws -> (entries: [CatalogueEntry], warnings: [CourseImportWarning]) {
        var warnings: [CourseImportWarning] = []
        var entries: [CatalogueEntry] = []
        try CourseReader().readCatalogue(from: url, warn: { warnings.append($0) }) { entries.append($0) }
        return (entries, warnings)
    }

    /// `sample` with `change` made, in a temporary folder.
    static func changed(_ sample: String, in folder: TemporaryFolder, _ change: (String) -> String) throws -> URL {
        let text = try String(contentsOf: try Self.sample(sample), encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the change applies to \(sample)")
        return try folder.file("changed.xml", changed)
    }

    /// The LHEO 2.2 files of the corpus, each with the warnings it must give, by kind. A
    /// feed that states no hours for one of its actions, a day `00`, escaped HTML: all are
    /// in the real files.
    static let feeds: [(file: String, courses: Int, warnings: [String: Int])] = [
        ("intercarif-trefle/clea.xml", 1, ["states no hours": 1]),
        ("intercarif-trefle/contrat_apprentissage.xml", 1, ["states no hours": 1]),
        ("intercarif-trefle/daeu.xml", 1, ["escaped HTML": 2]),
        ("intercarif-trefle/formation.xml", 1, ["states no hours": 1]),
        ("intercarif-trefle/heures_centre_empty.xml", 1, ["states no hours": 1]),
        ("intercarif-trefle/non_certifiante.xml", 1, ["states no hours": 1]),
        ("intercarif-trefle/old_region.xml", 1, ["states no hours": 1]),
        ("intercarif-trefle/poec.xml", 1, [:]),
        ("exemple-bts-onisep-lheo2.2.xml", 0, ["escaped HTML": 3, "states no hours": 2]),
        ("intercarif-lheo-index-bob-emploi.xml", 10, ["has the day 00": 16]),
        ("intercarif-lheo-index-single-offer-bob-emploi.xml", 1, [:]),
    ]

    @Test func everyLHEO22FileOfTheCorpusIsCovered() throws {
        let base = try #require(Fixtures.corpora).appendingPathComponent(Self.samples)
        let names =
            Fixtures.corpusFiles(Self.samples, suffix: ".xml").map(\.lastPathComponent)
            + Fixtures.corpusFiles("\(Self.samples)/intercarif-trefle", suffix: ".xml").map { "intercarif-trefle/" + $0.lastPathComponent }
        let lheo22 = try names.filter { name in
            try String(contentsOf: base.appendingPathComponent(name), encoding: .utf8).contains("\"http://www.lheo.org/2.2\"")
        }
        #expect(Set(lheo22) == Set(Self.feeds.map(\.file)))
    }

    @Test(arguments: feeds.map(\.file))
    func aRealFeedReadsWithItsWarnings(file: String) throws {
        let expected = try #require(Self.feeds.first { $0.file == file })
        let (entries, warnings) = try Self.read(try Self.sample(file))
        #expect(entries.count == expected.courses)
        var kinds: [String: Int] = [:]
        for warning in warnings {
            let message = warning.message.description
            let kind = try #require(["states no hours", "escaped HTML", "has the day 00"].first { message.contains($0) }, "\(message)")
            kinds[kind, default: 0] += 1
            #expect(warning.location.path.hasSuffix(file) && warning.location.line > 0)
        }
        #expect(kinds == expected.warnings, "\(warnings.map(\.text))")
        let folder = try TemporaryFolder()
        for entry in entries {
            // The course holds to the course format: written out, it reads back the same through its XSD.
            let written = try folder.file("\(entry.course.id).xml", try CourseWriter().document(for: [entry.course]))
            #expect(try CourseReader().courses(from: written) == [entry.course])
            #expect(entry.sessions.allSatisfy { $0.location.line > entry.location.line })
            for text in [entry.course.title, entry.course.summary] + entry.course.objectives.map(\.text) {
                #expect(!text.contains("<br") && !text.contains("&lt;"), "\(text)")
            }
        }
    }

    /// One real offer, field by field: formation → course and offer, action → template,
    /// session → period.
    @Test func aFormationBecomesACourseWithItsOffer() throws {
        let (entries, _) = try Self.read(try Self.sample("intercarif-trefle/daeu.xml"))
        let entry = try #require(entries.first)
        let course = entry.course
        #expect(course.id == "15_464888")
        #expect(course.version.description == "2018.9.11")
        #expect(course.duration == Hours(hours: 250))
        #expect(course.modules.map(\.duration) == [Hours(hours: 250)])
        #expect(
            course.objectives.first?.text.hasPrefix("* être titulaire d'un diplôme national équivalent au Baccalauréat - accéder") == true)
        #expect(course.classification?.nsf == ["410"])
        #expect(course.classification?.certificationCode == "RNCP28217")
        #expect(course.classification?.level == 4)
        let offer = try #require(course.offer)
        #expect(offer.formacodes == [CourseOffer.Code("15093", version: "V12")])
        #expect(offer.entryLevel == 4 && offer.exitLevel == 5)
        #expect(offer.publics == [CourseOffer.Code("80001", version: "V12")])
        #expect(offer.funders == [2])
        #expect(offer.places.map(\.postcode) == ["31000"] && offer.places.first?.inseeCode == "31555")
        #expect(offer.contact?.email == "daeu@univ-tlse2.fr")
        let template = try #require(entry.templates.first)
        #expect(template.number == "15_927411")
        #expect(template.centreHours == Hours(hours: 250) && template.totalHours == Hours(hours: 250))
        #expect(
            template.periods == [
                .init(number: "927411", start: .day(LocalDate("2018-10-01")!), end: .day(LocalDate("2019-05-24")!))
            ])
        #expect(entry.sessions.map(\.location.line) == [65])
        #expect(entry.sessions.first?.template == template)
    }

    /// LHEO 2.3 has its own namespace and schema; the same offer reads the same.
    @Test func lheo23ReadsLike22() throws {
        let folder = try TemporaryFolder()
        let file = try Self.changed("intercarif-trefle/daeu.xml", in: folder) {
            $0.replacingOccurrences(of: "http://www.lheo.org/2.2", with: "http://lheo.gouv.fr/2.3")
        }
        let (entries23, warnings23) = try Self.read(file)
        let (entries22, warnings22) = try Self.read(try Self.sample("intercarif-trefle/daeu.xml"))
        #expect(entries23.map(\.course) == entries22.map(\.course))
        #expect(entries23.map(\.templates) == entries22.map(\.templates))
        #expect(warnings23.map(\.message) == warnings22.map(\.message))
    }

    @Test(arguments: [
        ("exemple-conseiller-insertion-lheo1.3.xml", "this is LHEO 1.3.0"),
        ("exemple-photographe-lheo1.3.xml", "this is LHEO 1.3.0"),
        ("manuel-exemple-conseiller-lheo1.3.xml", "this is LHEO 1.3.0"),
        ("manuel-exemple-photographe-lheo1.3.xml", "this is LHEO 1.3.0"),
        ("exemple-leger-lheo1.3.xml", "this is LHEO léger"),
    ])
    func lheo13IsRefusedNamingItsVersion(file: String, message: String) throws {
        let url = try Self.sample(file)
        let error = try #require(throws: CourseImportError.self) { try Self.read(url) }
        #expect(error.message.description.hasPrefix(message), "\(error.text)")
        #expect(error.message.description.contains("this allervers reads LHEO 2.2 (http://www.lheo.org/2.2) and 2.3"))
        #expect(error.location.line > 0)
    }

    @Test func anLHEORootWithoutNamespaceIsRefused() throws {
        let folder = try TemporaryFolder()
        let file = try folder.file("bare.xml", "<?xml version=\"1.0\"?>\n<lheo><offres/></lheo>\n")
        let error = try #require(throws: CourseImportError.self) { try Self.read(file) }
        #expect(
            error.text.description.hasSuffix(
                "bare.xml:2: this is LHEO without a namespace (LHEO 1.3 or older); this allervers reads LHEO 2.2 (http://www.lheo.org/2.2) and 2.3 (http://lheo.gouv.fr/2.3)"
            ))
    }

    /// The schema lets `20181301` through; the reader says where, to the column.
    @Test func aMonth13IsAnErrorAtItsColumn() throws {
        let folder = try TemporaryFolder()
        let file = try Self.changed("intercarif-trefle/daeu.xml", in: folder) {
            $0.replacingOccurrences(of: "<debut>20181001</debut>", with: "  <debut>20181301</debut>")
        }
        let error = try #require(throws: CourseImportError.self) { try Self.read(file) }
        #expect(error.location.line == 67)
        #expect(error.location.column == 10)
        #expect(error.text.description.hasSuffix("changed.xml:67:10: 20181301 has the month 13: a month is 01 to 12"))
    }

    @Test func aSessionEndingBeforeItStartsIsAnError() throws {
        let folder = try TemporaryFolder()
        let file = try Self.changed("intercarif-trefle/daeu.xml", in: folder) {
            $0.replacingOccurrences(of: "<fin>20190524</fin>", with: "<fin>20180924</fin>")
        }
        let error = try #require(throws: CourseImportError.self) { try Self.read(file) }
        #expect(error.location.line == 68 && error.location.column == 6)
        #expect(error.message.description == "the session ends on 2018-09-24, before it starts on 2018-10-01")
    }

    /// A day `00` is a month; a session within it is no error, and one that cannot be is.
    @Test func aDay00IsAMonth() throws {
        let folder = try TemporaryFolder()
        let file = try Self.changed("intercarif-trefle/daeu.xml", in: folder) {
            $0.replacingOccurrences(of: "<debut>20181001</debut>", with: "<debut>20181000</debut>")
                .replacingOccurrences(of: "<fin>20190524</fin>", with: "<fin>20181015</fin>")
        }
        let (entries, warnings) = try Self.read(file)
        #expect(entries.first?.templates.first?.periods.first?.start == .month(year: 2018, month: 10))
        #expect(
            warnings.map(\.text.description).contains {
                $0.hasSuffix(":67:8: warning: 20181000 has the day 00: read as some day of 2018-10")
            })
        let before = try Self.changed("intercarif-trefle/daeu.xml", in: folder) {
            $0.replacingOccurrences(of: "<debut>20181001</debut>", with: "<debut>20181100</debut>")
                .replacingOccurrences(of: "<fin>20190524</fin>", with: "<fin>20181031</fin>")
        }
        let error = try #require(throws: CourseImportError.self) { try Self.read(before) }
        #expect(error.text.description.hasSuffix(":68:6: the session ends on 2018-10-31, before it starts on 2018-11"))
    }

    /// The schema lets a year 0000 through; no such day exists.
    @Test func aYear0000IsAnError() throws {
        let folder = try TemporaryFolder()
        let file = try Self.changed("intercarif-trefle/daeu.xml", in: folder) {
            $0.replacingOccurrences(of: "<debut>20181001</debut>", with: "<debut>00000500</debut>")
        }
        let error = try #require(throws: CourseImportError.self) { try Self.read(file) }
        #expect(error.text.description.hasSuffix(":67:8: 00000500 has the year 0000"))
    }

    /// Repeated action numbers, a résumé without postcode, a contact LHEO lets through but the
    /// course format does not hold, an escaped control character: the feed imports, and each
    /// is said.
    @Test func looseButLegalFeedsImportWithWarnings() throws {
        let folder = try TemporaryFolder()
        let repeated = try Self.changed("intercarif-trefle/clea.xml", in: folder) {
            $0.replacingOccurrences(of: "numero=\"07_123324\"", with: "numero=\"07_114782\"")
        }
        let (entries, warnings) = try Self.read(repeated)
        #expect(entries.first?.templates.map(\.number) == ["07_114782", "2"])
        #expect(warnings.contains { $0.message.description == "action numero 07_114782 repeats an earlier one's: this one is action 2" })

        let index = try Self.changed("intercarif-lheo-index-single-offer-bob-emploi.xml", in: folder) {
            $0.replacingOccurrences(of: "        <codepostal>92100</codepostal>\n        <code-INSEE", with: "        <code-INSEE")
        }
        let (summaries, said) = try Self.read(index)
        #expect(summaries.count == 1 && summaries.first?.course.offer?.places == [])
        #expect(
            said.contains {
                $0.message.description.hasPrefix("the place \"Boulogne-Billancourt, , Boulogne-Billancourt\" is not a full address")
            })

        let contact = try Self.changed("intercarif-trefle/daeu.xml", in: folder) {
            $0.replacingOccurrences(of: "<courriel>daeu@univ-tlse2.fr</courriel>", with: "<courriel>daeu at univ</courriel>")
                .replacingOccurrences(
                    of: "cours en présentiel</intitule-formation>", with: "cours&amp;#27; en présentiel</intitule-formation>")
        }
        let (courses, notes) = try Self.read(contact)
        let course = try #require(courses.first?.course)
        #expect(course.offer?.contact?.email == nil && course.offer?.contact?.web != nil)
        #expect(notes.contains { $0.message.description == "the contact's email \"daeu at univ\" is not an email address: left out" })
        #expect(!course.title.unicodeScalars.contains { $0.value < 0x20 })
    }

    /// What the schema refuses is said with the line, and without the namespace in every name.
    @Test func anInvalidFeedIsRefusedByTheSchema() throws {
        let folder = try TemporaryFolder()
        let file = try Self.changed("intercarif-trefle/daeu.xml", in: folder) {
            $0.replacingOccurrences(of: "<certifiante>1</certifiante>", with: "")
        }
        let error = try #require(throws: CourseImportError.self) { try Self.read(file) }
        #expect(error.location.line == 14)
        #expect(
            error.message.description.contains("Element 'contact-formation': This element is not expected. Expected is ( certifiante )"))
    }

    @Test func anOfferWithoutHoursIsLeftOutWithAWarning() throws {
        let (entries, warnings) = try Self.read(try Self.sample("exemple-bts-onisep-lheo2.2.xml"))
        #expect(entries.isEmpty)
        #expect(warnings.last?.message.description == "9436_18706 is not imported: it states no hours, and a course is counted in hours")
    }

    @Test func embeddedLHEOSchemasAreTheShippedOnes() throws {
        for version in LHEOVersion.allCases {
            let file = try String(
                contentsOf: Fixtures.courses.appendingPathComponent("schema/lheo/lheo-\(version.rawValue).xsd"), encoding: .utf8)
            #expect(version.xsd == file, "run `make schema` to embed the LHEO \(version.rawValue) schema again")
        }
    }
}
