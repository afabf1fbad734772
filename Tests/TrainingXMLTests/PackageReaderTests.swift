import Foundation
import Testing
import TrainingCore
import TrainingTesting
import ZIPFoundation

@testable import TrainingXML

/// E-learning packages read as courses: every manifest of `../shared/corpora/scorm-imscp/`
/// and `common-cartridge/`, the deliberately broken ones refused, and the zips a test builds
/// (bombs, paths that leave the package, damaged entries) refused without a file written
/// outside a temporary folder.
@Suite struct PackageReaderTests {
    static func corpus(_ path: String) throws -> URL {
        let url = try #require(Fixtures.corpora, "../shared/corpora is beside the repository").appendingPathComponent(path)
        try #require(FileManager.default.fileExists(atPath: url.path), "\(url.path)")
        return url
    }

    /// Every entry read from `url` (a manifest, a folder or a zip), with the warnings.
    static func read(_ url: URL, moduleHours: Hours? = Hours(hours: 1)) throws -> (course: Course, warnings: [CourseImportWarning]) {
        var warnings: [CourseImportWarning] = []
        let options = PackageReader.Options(moduleHours: moduleHours)
        if PackageReader.isPackage(url.path) {
            let entry = try PackageReader(options: options).read(url.path) { warnings.append($0) }
            return (entry.course, warnings)
        }
        // A manifest alone is told by its root, like any course file.
        var reader = CourseReader()
        reader.packageOptions = options
        var courses: [Course] = []
        try reader.readCatalogue(from: url, warn: { warnings.append($0) }) { courses.append($0.course) }
        #expect(courses.count == 1)
        return (try #require(courses.first), warnings)
    }

    /// The valid manifests of the corpus: the modules each makes, and its warnings.
    static let valid: [(path: String, modules: Int, warnings: Int)] = [
        ("scorm-imscp/scorm12/ComplexNestedOrganization_SCORM12", 11, 2),
        ("scorm-imscp/scorm12/ContentPackagingOneFilePerSCO_SCORM12", 18, 2),
        ("scorm-imscp/scorm12/ContentPackagingSingleSCO_SCORM12", 1, 1),
        ("scorm-imscp/scorm12/ContentPackagingWithMetadata_SCORM12", 1, 2),
        ("scorm-imscp/scorm12/InvalidFileReferences_SCORM12", 1, 1),
        ("scorm-imscp/scorm12/LaunchUrlFromNestedItem_SCORM12", 2, 1),
        ("scorm-imscp/scorm12/MultipleItemsWithIdentifierRef_SCORM12", 3, 1),
        ("scorm-imscp/scorm12/PrerequisitesTest_SCORM12", 4, 5),
        ("scorm-imscp/scorm12/RuntimeBasicCalls_SCORM12", 1, 1),
        ("scorm-imscp/scorm12/RuntimeMinimumCalls_SCORM12", 18, 2),
        ("scorm-imscp/scorm2004/AdlAttributes_SCORM20043rdEdition", 1, 6),
        ("scorm-imscp/scorm2004/ContentPackagingMetadata_SCORM20043rdEdition", 1, 1),
        ("scorm-imscp/scorm2004/ContentPackagingNoSchemaVersion_SCORM20042ndEdition", 1, 1),
        ("scorm-imscp/scorm2004/ContentPackagingOneFilePerSCO_SCORM20043rdEdition", 18, 2),
        ("scorm-imscp/scorm2004/ContentPackagingSingleSCO_SCORM20042ndEdition", 1, 1),
        ("scorm-imscp/scorm2004/ContentPackagingSingleSCO_SCORM20043rdEdition", 1, 1),
        ("scorm-imscp/scorm2004/MinimalValid_SCORM20043rdEdition", 1, 1),
        ("scorm-imscp/scorm2004/RunTimeAdvancedCalls_SCORM20043rdEdition", 1, 2),
        ("scorm-imscp/scorm2004/RuntimeBasicCalls_SCORM20043rdEdition", 1, 2),
        ("scorm-imscp/scorm2004/RuntimeMinimumCalls_SCORM20043rdEdition", 18, 2),
        ("scorm-imscp/scorm2004/SequencingForcedSequential_SCORM20043rdEdition", 5, 2),
        ("scorm-imscp/scorm2004/SequencingPostTestRollup4thEd_SCORM20044thEdition", 5, 4),
        ("scorm-imscp/scorm2004/SequencingPostTestRollup_SCORM20043rdEdition", 5, 2),
        ("scorm-imscp/scorm2004/SequencingPreOrPostTestRollup_SCORM20043rdEdition", 6, 2),
        ("scorm-imscp/scorm2004/SequencingRandomTest_SCORM20043rdEdition", 8, 4),
        ("scorm-imscp/scorm2004/SequencingSimpleRemediation_SCORM20043rdEdition", 8, 3),
        ("scorm-imscp/adl-cts/LMSTestPackage_API", 3, 3),
        ("scorm-imscp/adl-cts/LMSTestPackage_CM-04d", 10, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_CM-08", 2, 3),
        ("scorm-imscp/adl-cts/LMSTestPackage_CM-13", 3, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_CO-03", 6, 5),
        ("scorm-imscp/adl-cts/LMSTestPackage_CO-08a", 3, 3),
        ("scorm-imscp/adl-cts/LMSTestPackage_CO-13a", 3, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_DDMa", 2, 5),
        ("scorm-imscp/adl-cts/LMSTestPackage_MS-05b", 5, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_OB-03b", 7, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_OB-08a", 4, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_OB-11b", 3, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_OB-15", 6, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_RU-01ba", 5, 3),
        ("scorm-imscp/adl-cts/LMSTestPackage_RU-04bb", 5, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_RU-07c", 5, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_RU-13b", 5, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_RU-15b", 5, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_RU-19b", 4, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_SX-07c", 3, 4),
        ("scorm-imscp/adl-cts/LMSTestPackage_SX-10d", 2, 4),
        ("common-cartridge/extracted/ThinCC_SU21_IM-UH_1011_AD_001_202242408", 1, 0),
        ("common-cartridge/extracted/canvas-summer-template-export", 33, 1),
        ("common-cartridge/extracted/offline_content_module_live80.v1321", 31, 1),
        ("common-cartridge/extracted/test_01", 11, 3),
        ("scorm-imscp/cmi5/masteryscore_framed", 1, 3),
        ("scorm-imscp/cmi5/masteryscore_responsive", 1, 3),
        ("scorm-imscp/cmi5/multi_au_framed", 8, 2),
        ("scorm-imscp/cmi5/pre_post_test_framed", 6, 2),
        ("scorm-imscp/cmi5/single_au_basic_framed", 1, 2),
        ("scorm-imscp/cmi5/single_au_basic_responsive", 1, 2),
    ]

    /// The manifest of the corpus folder `path`: its `imsmanifest.xml`, or its `cmi5.xml`.
    static func manifest(in path: String) throws -> URL {
        let folder = try Self.corpus(path)
        let name = try #require(
            ["imsmanifest.xml", "cmi5.xml"].first { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) })
        return folder.appendingPathComponent(name)
    }

    /// The manifests that must be refused, with where and why.
    static let refused: [(path: String, at: String, message: String)] = [
        (
            "scorm-imscp/scorm12/ItemWithNonExistentResourceId_SCORM12/imsmanifest.xml", ":20:48",
            "item \"item_1\" refers to the resource \"non_existent_resource\", which the manifest does not define"
        ),
        (
            "scorm-imscp/scorm12/MalformedXml_SCORM12/imsmanifest.xml", ":27:20",
            "Opening and ending tag mismatch: item line 24 and organization"
        ),
        (
            "scorm-imscp/scorm12/MissingLaunchUrl_SCORM12/imsmanifest.xml", ":30:27",
            "resource \"resource_1\", which item \"item_1\" launches, has no href (its launch URL)"
        ),
        (
            "scorm-imscp/scorm12/MissingRequiredFields_SCORM12/imsmanifest.xml", ":18:6",
            "organisation \"default_org\" has no <title>, which the format requires"
        ),
        (
            "scorm-imscp/scorm2004/InvalidMissingOrgIdentifier_SCORM20043rdEdition/imsmanifest.xml", ":12:6",
            "an <organization> has no identifier, which the format requires"
        ),
        (
            "scorm-imscp/adl-cts-invalid/CM-01-broken-default-org/imsmanifest.xml", ":20:30",
            "the default organisation \"NONEXISTENT_ORG\" is not among the package's organisations (\"CM-01\")"
        ),
        // The package as a whole: its files are looked for, and are not there.
        (
            "scorm-imscp/scorm12/InvalidFileReferences_SCORM12", ":26:27",
            "resource \"resource_1\" names the file \"content/nonexistent.html\", which the package does not hold"
        ),
        (
            "common-cartridge/extracted/single-page/imsmanifest.xml", ":30:6",
            "the organisation has no item that launches anything: no module to import"
        ),
        // The specification's example binds a prefix it never declares.
        ("common-cartridge/examples/manifest.xml", ":22:32", "Namespace prefix imsmd on language is not defined"),
    ]

    /// Every package folder of the corpus (holding an `imsmanifest.xml` or a `cmi5.xml`) is
    /// in one of the tables above.
    @Test func everyManifestOfTheCorpusIsCovered() throws {
        var found: Set<String> = []
        let folders = [
            "scorm-imscp/scorm12", "scorm-imscp/scorm2004", "scorm-imscp/adl-cts", "scorm-imscp/adl-cts-invalid", "scorm-imscp/cmi5",
            "common-cartridge/extracted",
        ]
        for folder in folders {
            for package in Fixtures.corpusFiles(folder) {
                let names = ["imsmanifest.xml", "cmi5.xml"]
                if names.contains(where: { FileManager.default.fileExists(atPath: package.appendingPathComponent($0).path) }) {
                    found.insert("\(folder)/\(package.lastPathComponent)")
                }
            }
        }
        let covered = Set(
            Self.valid.map(\.path)
                + Self.refused.map { $0.path.hasSuffix(".xml") ? ($0.path as NSString).deletingLastPathComponent : $0.path })
        #expect(found.subtracting(covered).isEmpty, "not covered: \(found.subtracting(covered).sorted())")
        #expect(found.count == 64)
    }

    /// The specification's fragments (an item, a resource, an LTI link…) are not packages:
    /// each is refused, naming its root or what makes it malformed.
    static let fragments: [String: String] = [
        "assignment.xml": ":2: the root element is {http://www.imsglobal.org/xsd/imscc_extensions/assignment}assignment;",
        "item.xml": ":4:17: Namespace prefix lom on lom is not defined",
        "lti.xml": ":13: the root element is {http://www.imsglobal.org/xsd/imslticc_v1p0}cartridge_basiclti_link;",
        "qti.xml": ":2:6: XML declaration allowed only at the start of the document",
        "resource.xml": ":3:17: Namespace prefix lom on lom is not defined",
        "topic.xml": ":4: the root element is {http://www.imsglobal.org/xsd/imsccv1p3/imsdt_v1p3}topic;",
        "weblink.xml": ":5: the root element is {http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3}webLink;",
    ]

    @Test func aCartridgeFragmentIsRefusedNamingItsRoot() throws {
        let fragments = Fixtures.corpusFiles("common-cartridge/examples", suffix: ".xml").filter { $0.lastPathComponent != "manifest.xml" }
        #expect(Set(fragments.map(\.lastPathComponent)) == Set(Self.fragments.keys))
        for fragment in fragments {
            let expected = try #require(Self.fragments[fragment.lastPathComponent])
            do {
                _ = try Self.read(fragment)
                Issue.record("\(fragment.lastPathComponent) was read")
            } catch let error as CourseImportError {
                #expect(error.text.description.hasPrefix(fragment.path + expected), "\(error.text)")
            }
        }
    }

    @Test(arguments: valid.map(\.path))
    func aValidManifestReadsAsACourseOfRemoteModules(path: String) throws {
        let expected = try #require(Self.valid.first { $0.path == path })
        let manifest = try Self.manifest(in: path)
        let (course, warnings) = try Self.read(manifest)
        #expect(course.modules.count == expected.modules)
        #expect(course.modules.allSatisfy { $0.modality == .remote && $0.duration == Hours(hours: 1) && $0.objectives == ["O1"] })
        #expect(course.duration == Hours(hours: expected.modules))
        #expect(course.modules.map(\.id) == (1...expected.modules).map { "M\($0)" })
        #expect(warnings.count == expected.warnings, "\(warnings.map(\.text))")
        #expect(warnings.allSatisfy { $0.location.path == manifest.path && $0.location.line > 0 })
        // The course holds to the course format: written out, it reads back the same through its XSD.
        let folder = try TemporaryFolder()
        let written = try folder.file("course.xml", try CourseWriter().document(for: [course]))
        #expect(try CourseReader().courses(from: written) == [course])
    }

    @Test(arguments: refused.map(\.path))
    func aBrokenManifestIsRefusedSayingWhereAndWhy(path: String) throws {
        let expected = try #require(Self.refused.first { $0.path == path })
        do {
            _ = try Self.read(try Self.corpus(path))
            Issue.record("\(path) was read")
        } catch let error as CourseImportError {
            let shown = error.text.description
            #expect(shown.contains(expected.at + ": " + expected.message), "\(shown)")
            #expect(error.location.path.hasSuffix(".xml"))
        }
    }

    /// Nested items are flattened under their parents' titles, in document order; the
    /// other organisation, the launch URLs and the sequencing are warnings.
    @Test func nestingIsFlattenedWithTheParentsTitles() throws {
        let (course, warnings) = try Self.read(try Self.corpus("scorm-imscp/scorm12/ComplexNestedOrganization_SCORM12/imsmanifest.xml"))
        #expect(course.id == "com.example.complex_nested_organization")
        #expect(course.version == CourseVersion("1.0"))
        #expect(course.title == "Complex Nested Organization Test")
        #expect(
            course.modules.map(\.title).prefix(5) == [
                "Module 1", "Module 1 — Chapter 1.1", "Module 1 — Chapter 1.1 — Section 1.1.1",
                "Module 1 — Chapter 1.1 — Section 1.1.1 — Topic 1.1.1.1", "Module 1 — Chapter 1.1 — Section 1.1.1 — Topic 1.1.1.2",
            ])
        #expect(course.modules.last?.title == "Module 3")
        #expect(!course.modules.map(\.title).contains("Alternate Item 1"))
        #expect(warnings.map(\.message.description).contains("1 other organisation than the default: not imported"))
        #expect(
            warnings.first?.message.description
                == "launch URLs, in 11 items, have no equivalent in a course: the modules keep their titles, the content stays in the learning platform"
        )
        let sequenced = try Self.read(try Self.corpus("scorm-imscp/scorm12/PrerequisitesTest_SCORM12/imsmanifest.xml")).warnings
        #expect(
            sequenced.contains { $0.message.description == "sequencing rules, in 4 places, have no equivalent in a course: not imported" })
        #expect(sequenced.contains { $0.message.description == "time limits, in 2 places, have no equivalent in a course: not imported" })
    }

    /// A Common Cartridge: its untitled root and its folders give their titles (or none);
    /// a header is not a module; a dangling reference, real in a Canvas export, is a warning.
    @Test func aCartridgeReadsItsModulesFolders() throws {
        let (course, warnings) = try Self.read(try Self.corpus("common-cartridge/extracted/test_01/imsmanifest.xml"))
        #expect(course.title == "Loaded Course")
        #expect(course.modules.first?.title == "Example Course Module — Group Assignment")
        #expect(!course.modules.map(\.title).contains { $0.contains("Text Header Example") })
        #expect(
            warnings.contains {
                $0.message.description.contains("item \"Text Header Example\" launches nothing and holds no item: not a module")
            })
        #expect(
            warnings.contains {
                $0.message.description
                    == "2 items refer to resources the cartridge does not define, the first \"lorcrux\" to \"i266841707e1e591af20e730c517eb60f\": the modules keep their titles"
            })
        // In line order, one line per kind.
        #expect(warnings.map(\.location.line) == warnings.map(\.location.line).sorted())
        // The Thin CC file starts with a byte-order mark; its title comes from its metadata.
        let thin = try Self.read(try Self.corpus("common-cartridge/extracted/ThinCC_SU21_IM-UH_1011_AD_001_202242408/imsmanifest.xml"))
        #expect(thin.course.title == "Communications Lab, Section 001")
        #expect(thin.course.modules.map(\.title) == ["Unit 1 — Lesson 1 — i <3 ffmpeg"])
    }

    /// A cmi5 course structure: its blocks give their titles to their AUs; zipped with its
    /// content, it reads the same; an AU without `<url>` is refused.
    @Test func aCmi5CourseReadsItsBlocksAndUnits() throws {
        let (course, warnings) = try Self.read(try Self.corpus("scorm-imscp/cmi5/pre_post_test_framed/cmi5.xml"))
        #expect(course.id == "geology-intro-preposttest")
        #expect(course.title == "Introduction to Geology - Pre/Post Test")
        #expect(course.language == "en-US")
        #expect(
            course.modules.map(\.title) == [
                "Introduction to Geology — Pre-test", "Introduction to Geology — Content", "Introduction to Geology — Post-test",
                "Geological Materials — Pre-test", "Geological Materials — Content", "Geological Materials — Post-test",
            ])
        #expect(course.modules.allSatisfy { $0.methods == ["Module en ligne (cmi5)"] })
        #expect(
            warnings.map(\.message.description).contains(
                "mastery scores and completion thresholds, in 6 places, have no equivalent in a course: not imported"))

        let folder = try TemporaryFolder()
        let root = try Packages.folder(from: "scorm-imscp/cmi5/multi_au_framed/cmi5.xml", in: folder)
        let zipped = try Packages.zip(try Packages.entries(of: root), as: "geologie.zip", in: folder)
        let read = try Self.read(zipped)
        #expect(read.course.modules.count == 8)
        #expect(read.warnings.first?.location.path == zipped.path + "/cmi5.xml")

        let broken = try Self.unitWithoutURL(in: folder)
        do {
            _ = try Self.read(broken)
            Issue.record("an AU without URL was read")
        } catch let error as CourseImportError {
            #expect(error.message.description.hasPrefix("AU \"https://w3id.org/xapi/cmi5/catapult/lts/course/"), "\(error.text)")
            #expect(error.message.description.hasSuffix("\" has no <url>, which the format requires"))
            // libxml2 gives an element the line its start tag ends on: the AU opens on 14, its tag ends on 15.
            #expect((14...15).contains(error.location.line))
        }
    }

    /// The package `make demo` imports: its items state their learning times, so no hours are given.
    @Test func theShippedPackageImportsWithItsOwnHours() throws {
        let shipped = Fixtures.repository.appendingPathComponent("Courses/examples/av-en-ligne")
        let (course, warnings) = try Self.read(shipped, moduleHours: nil)
        #expect(course.id == "AV-LIGNE" && course.version == CourseVersion("1.0") && course.language == "fr")
        #expect(course.modules.map(\.duration) == [Hours(minutes: 30), Hours(minutes: 45), Hours(minutes: 45)])
        #expect(course.modules.map(\.title).first == "Le cadre de l'aller-vers — Principes et posture")
        #expect(course.summary.hasPrefix("Trois séquences à distance"))
        #expect(
            warnings.map(\.message.description) == [
                "launch URLs, in 3 items, have no equivalent in a course: the modules keep their titles, the content stays in the learning platform"
            ])
    }

    /// A corpus course structure whose AU has lost its `<url>`.
    static func unitWithoutURL(in folder: TemporaryFolder) throws -> URL {
        let text = try String(contentsOf: try Self.corpus("scorm-imscp/cmi5/single_au_basic_framed/cmi5.xml"), encoding: .utf8)
        let noURL = try #require(text.range(of: #"<url>[^<]*</url>"#, options: .regularExpression))
        return try folder.file("sans-url/cmi5.xml", text.replacingCharacters(in: noURL, with: ""))
    }

    /// The corpus's cmi5 schema agrees with the reader: every course structure it validates
    /// reads, and the AU without `<url>` that the reader refuses, it refuses too.
    @Test func cmi5sOwnSchemaAgreesWithTheReader() throws {
        let schema = try Self.corpus("scorm-imscp/cmi5/CourseStructure.xsd").path
        func xmllint(_ file: URL) throws -> Int32 {
            try execute(URL(fileURLWithPath: "/usr/bin/xmllint"), ["--noout", "--nonet", "--schema", schema, file.path]).status
        }
        let structures = Self.valid.map(\.path).filter { $0.hasPrefix("scorm-imscp/cmi5/") }
        #expect(structures.count == 6)
        for path in structures {
            let file = try Self.manifest(in: path)
            #expect(try xmllint(file) == 0, "\(path)")
            #expect(try Self.read(file).course.modules.isEmpty == false)
        }
        let folder = try TemporaryFolder()
        let broken = try Self.unitWithoutURL(in: folder)
        #expect(try xmllint(broken) != 0)
        #expect(throws: CourseImportError.self) { try Self.read(broken) }
    }

    @Test func aModuleWithoutLearningTimeNeedsTheHoursGiven() throws {
        let manifest = try Self.corpus("scorm-imscp/scorm12/ComplexNestedOrganization_SCORM12/imsmanifest.xml")
        do {
            _ = try Self.read(manifest, moduleHours: nil)
            Issue.record("read without hours")
        } catch let error as CourseImportError {
            #expect(
                error.text.description.hasSuffix(
                    "imsmanifest.xml:21:25: item \"Module 1\" states no typical learning time: give the modules' hours with --module-hours")
            )
        }
    }

    static func manifest(
        namespace: String = "http://www.imsglobal.org/xsd/imscp_v1p1", metadata: String = "", items: String, resources: String
    )
        -> String
    {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest identifier="essai:ligne" version="2.1" xmlns="\(namespace)">
          <metadata>\(metadata)</metadata>
          <organizations default="o">
            <organization identifier="o">
              <title>Aller-vers en ligne</title>
        \(items)
            </organization>
          </organizations>
          <resources>
        \(resources)
          </resources>
        </manifest>
        """
    }

    /// Learning times the items' metadata state are the modules' hours, to the quarter hour.
    @Test func statedLearningTimesAreTheModulesHours() throws {
        let folder = try TemporaryFolder()
        let lom = { (time: String) in
            "<metadata><lom xmlns=\"http://ltsc.ieee.org/xsd/LOM\"><educational><typicalLearningTime><duration>\(time)</duration></typicalLearningTime></educational></lom></metadata>"
        }
        let text = Self.manifest(
            items: """
                <item identifier="a" identifierref="r"><title>Repérer</title>\(lom("PT1H20M"))</item>
                <item identifier="b" identifierref="r"><title>Aller vers</title>\(lom("PT30M"))</item>
                <item identifier="c" identifierref="r"><title>Suivre</title></item>
                """,
            resources: "<resource identifier=\"r\" type=\"webcontent\" href=\"index.html\"/>")
        let url = try folder.file("imsmanifest.xml", text)
        do {
            _ = try Self.read(url, moduleHours: nil)
            Issue.record("the third item has no time")
        } catch let error as CourseImportError {
            #expect(error.message.description.contains("item \"Suivre\" states no typical learning time"))
        }
        let (course, warnings) = try Self.read(url, moduleHours: Hours(minutes: 90))
        #expect(course.modules.map(\.duration) == [Hours(minutes: 75), Hours(minutes: 30), Hours(minutes: 90)])
        #expect(course.duration == Hours(minutes: 195))
        #expect(course.id == "essai-ligne" && course.version == CourseVersion("2.1"))
        #expect(
            warnings.contains { $0.message.description == "1 learning time rounded to the quarter hour, the first of item \"Repérer\"" })

        // SCORM 1.2's LOM writes a clock time; the package's own time is its one module's.
        let scorm12 = Self.manifest(
            namespace: "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
            metadata:
                "<schema>ADL SCORM</schema><schemaversion>1.2</schemaversion><lom><general><title><langstring>Le titre du paquet</langstring></title><description><langstring>Ce que le module enseigne.</langstring></description><language>en-gb</language></general><educational><typicallearningtime><datetime>02:00:00</datetime></typicallearningtime></educational></lom>",
            items: "<item identifier=\"a\" identifierref=\"r\"><title>Seul module</title></item>",
            resources: "<resource identifier=\"r\" type=\"webcontent\" href=\"index.html\"/>")
        let single = try Self.read(try folder.file("single/imsmanifest.xml", scorm12), moduleHours: nil).course
        #expect(single.modules.map(\.duration) == [Hours(hours: 2)])
        #expect(single.summary == "Ce que le module enseigne." && single.language == "en-GB")
        #expect(single.title == "Aller-vers en ligne")
        #expect(single.modules[0].methods == ["Module en ligne (SCORM 1.2)"])
    }

    /// What a crafted manifest could break: a title outside any organisation, extension
    /// elements named like the structure's, namespace declarations named like attributes,
    /// identifiers used twice, more items than a course could hold.
    @Test func aCraftedManifestIsReadOrRefusedWithoutHarm() throws {
        let folder = try TemporaryFolder()
        func read(_ name: String, _ text: String) throws -> (course: Course, warnings: [CourseImportWarning]) {
            try Self.read(try folder.file("\(name)/imsmanifest.xml", text))
        }
        func refusal(_ name: String, _ text: String) throws -> String {
            do {
                _ = try read(name, text)
                Issue.record("\(name) was read")
                return ""
            } catch let error as CourseImportError {
                return error.message.description
            }
        }
        let stray = "<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"><organization><title>x</title></organization></manifest>"
        #expect(try refusal("stray", stray).hasPrefix("the package has no organisation"))

        let extended = Self.manifest(
            items: """
                <item identifier="a" identifierref="r" xmlns:x="urn:extension"><title>Vrai</title>
                  <x:item identifier="faux" identifierref="r"><x:title>Faux</x:title></x:item>
                </item>
                """,
            resources: "<resource identifier=\"r\" type=\"webcontent\" href=\"index.html\" xmlns:href=\"urn:pas-un-href\"/>")
        #expect(try read("extended", extended).course.modules.map(\.title) == ["Vrai"])

        let twice = Self.manifest(
            items:
                "<item identifier=\"a\" identifierref=\"r\"><title>Un</title></item><item identifier=\"a\" identifierref=\"r\"><title>Deux</title></item>",
            resources: "<resource identifier=\"r\" type=\"webcontent\" href=\"index.html\"/>")
        #expect(try refusal("twice", twice) == "the item identifier \"a\" is used twice")
        let resourceTwice = Self.manifest(
            items: "<item identifier=\"a\" identifierref=\"r\"><title>Un</title></item>",
            resources:
                "<resource identifier=\"r\" type=\"webcontent\" href=\"a.html\"/><resource identifier=\"r\" type=\"webcontent\" href=\"b.html\"/>"
        )
        #expect(try refusal("resource-twice", resourceTwice) == "the resource identifier \"r\" is used twice")

        let many = Self.manifest(
            items: (0...PackageManifest.itemLimit).map { "<item identifier=\"i\($0)\"/>" }.joined(),
            resources: "<resource identifier=\"r\" type=\"webcontent\" href=\"index.html\"/>")
        #expect(try refusal("many", many) == "the manifest holds more than 10000 items; a course holds at most 100 modules")

        // An item launching a sub-manifest keeps its title; the sub-manifest is passed over.
        let nested = """
            <manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1">
              <organizations><organization identifier="o"><title>Agrégat</title>
                <item identifier="a" identifierref="sous"><title>Agrégé</title></item>
              </organization></organizations>
              <resources/>
              <manifest identifier="sous"><organizations/><resources/></manifest>
            </manifest>
            """
        let (course, warnings) = try read("nested", nested)
        #expect(course.modules.map(\.title) == ["Agrégé"])
        #expect(warnings.contains { $0.message.description.contains("launches the sub-manifest \"sous\", which is not imported") })
    }

    /// A manifest in the encoding it declares (older French tools write ISO-8859-1) reads as
    /// such, unlike a course file, which must be UTF-8.
    @Test func aManifestInTheEncodingItDeclaresReads() throws {
        let folder = try TemporaryFolder()
        let text = Self.manifest(
            items: "<item identifier=\"a\" identifierref=\"r\"><title>Séquence été</title></item>",
            resources: "<resource identifier=\"r\" type=\"webcontent\" href=\"index.html\"/>"
        ).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        let url = try folder.file("imsmanifest.xml", bytes: [UInt8](try #require(text.data(using: .isoLatin1))))
        #expect(try Self.read(url).course.modules.map(\.title) == ["Séquence été"])
        let course = try folder.file(
            "course.xml",
            bytes: [UInt8](try #require("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><course/>".data(using: .isoLatin1))))
        #expect(throws: CourseImportError.self) { try CourseReader().courses(from: course) }
    }

    /// `xml:base` on the manifest, the resources and a resource apply in turn, as URLs resolve;
    /// `..` inside the package is fine, above it is not.
    @Test func fileReferencesResolveAsURLsDo() {
        func path(_ href: String, _ bases: [String?]) -> String? { PackageCourseBuilder.resolved(href, bases: bases)?.normal }
        #expect(path("a.html", ["contenu/", nil, "sco1/"]) == "contenu/sco1/a.html")
        #expect(path("a.html", ["contenu"]) == "a.html")
        #expect(path("../commun/api.js", ["sco1/"]) == "commun/api.js")
        #expect(path("mon%20fichier.html?page=2#haut", []) == "mon fichier.html")
        #expect(path("../../a.html", ["sco1/"]) == nil)
        #expect(path("/etc/passwd", []) == nil)
        #expect(PackageCourseBuilder.resolved("https://exemple.org/a.html", bases: []) == nil)
        #expect(PackageCourseBuilder.resolved("a.html", bases: ["https://exemple.org/"]) == nil)
    }

    @Test func durationsReadAsLOMWritesThem() {
        #expect(PackageDuration.minutes("PT1H30M") == 90)
        #expect(PackageDuration.minutes("P1DT2H") == 1560)
        #expect(PackageDuration.minutes("PT0.5H") == 30)
        #expect(PackageDuration.minutes("PT45S") == 1)
        #expect(PackageDuration.minutes("00:45:00") == 45)
        #expect(PackageDuration.minutes("P1Y") == nil)
        #expect(PackageDuration.minutes("P1M") == nil)
        #expect(PackageDuration.minutes("une heure") == nil)
        #expect(PackageDuration.minutes("99999999999999999999:00") == nil)
        #expect(PackageDuration.minutes("1e300:00") == nil)
        #expect(PackageDuration.minutes("PT99999999999999H") == nil)
    }

    // MARK: Folders and zips

    static let nested = "scorm-imscp/scorm12/ComplexNestedOrganization_SCORM12/imsmanifest.xml"

    @Test func aFolderOrAZipHoldingEveryFileReadsAndOneMissingIsRefused() throws {
        let folder = try TemporaryFolder()
        let root = try Packages.folder(from: Self.nested, in: folder)
        #expect(try Self.read(root).course.modules.count == 11)
        let zipped = try Packages.zip(try Packages.entries(of: root), as: "nested.zip", in: folder)
        let (course, warnings) = try Self.read(zipped)
        #expect(course.modules.count == 11)
        #expect(warnings.first?.location.description == zipped.path + "/imsmanifest.xml:21")

        let partial = try TemporaryFolder()
        let incomplete = try Packages.folder(from: Self.nested, in: partial, leaving: ["content/module3.html"])
        for url in [incomplete, try Packages.zip(try Packages.entries(of: incomplete), as: "partial.zip", in: partial)] {
            do {
                _ = try Self.read(url)
                Issue.record("\(url.path) was read without content/module3.html")
            } catch let error as CourseImportError {
                #expect(
                    error.text.description.hasSuffix(
                        "imsmanifest.xml:100:27: resource \"resource_module_3\" names the file \"content/module3.html\", which the package does not hold"
                    ), "\(error.text)")
            }
        }
    }

    /// A folder zipped whole: its files are all in one folder, which is the package's root.
    /// The manifest is inflated in a folder of its own, gone after the read, refused or not.
    @Test func aZippedFolderReadsAndTheTemporaryFolderGoes() throws {
        let folder = try TemporaryFolder()
        let root = try Packages.folder(from: Self.nested, in: folder)
        let zipped = try Packages.zip(try Packages.entries(of: root).map { ("cours/" + $0.path, $0.data) }, as: "dossier.zip", in: folder)
        let scratch = try TemporaryFolder()
        var limits = PackageReader.Limits()
        limits.temporaryRoot = scratch.url
        var warnings: [CourseImportWarning] = []
        let entry = try PackageReader(options: .init(moduleHours: Hours(hours: 1)), limits: limits).read(zipped.path) {
            warnings.append($0)
        }
        #expect(entry.course.modules.count == 11)
        #expect(warnings.first?.location.path == zipped.path + "/cours/imsmanifest.xml")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
        #expect(throws: CourseImportError.self) {
            _ = try PackageReader(options: .init(), limits: limits).read(zipped.path) { _ in }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    static func expectRefused(_ url: URL, saying message: String, limits: PackageReader.Limits = PackageReader.Limits()) {
        do {
            _ = try PackageReader(options: .init(moduleHours: Hours(hours: 1)), limits: limits).read(url.path) { _ in }
            Issue.record("\(url.lastPathComponent) was read")
        } catch let error as CourseImportError {
            #expect(error.text.description == url.path + ": " + message)
        } catch {
            Issue.record("\(error)")
        }
    }

    /// Entries whose path would leave the package are refused before anything is inflated,
    /// and nothing appears outside the temporary folder.
    @Test(arguments: ["../escape.txt", "content/../../escape.txt", "/tmp/escape.txt", "..\\escape.txt", "C:/escape.txt"])
    func aPathLeavingThePackageIsRefused(path: String) throws {
        let folder = try TemporaryFolder()
        let root = try Packages.folder(from: Self.nested, in: folder)
        let zipped = try Packages.zip(try Packages.entries(of: root) + [(path, Data("évadé\n".utf8))], as: "evasion.zip", in: folder)
        Self.expectRefused(zipped, saying: "the entry \"\(path)\" would be written outside the package's folder; the archive is refused")
        for place in [folder.url.deletingLastPathComponent(), folder.url, URL(fileURLWithPath: "/tmp")] {
            #expect(!FileManager.default.fileExists(atPath: place.appendingPathComponent("escape.txt").path))
        }
    }

    @Test func aSymbolicLinkIsRefused() throws {
        let folder = try TemporaryFolder()
        let root = try Packages.folder(from: Self.nested, in: folder)
        let zipped = try Packages.zip(try Packages.entries(of: root), as: "lien.zip", in: folder)
        let archive = try Archive(url: zipped, accessMode: .update)
        let target = Data("/etc/passwd".utf8)
        try archive.addEntry(with: "content/lien", type: .symlink, uncompressedSize: Int64(target.count)) { position, size in
            target.subdata(in: Int(position)..<Int(position) + size)
        }
        Self.expectRefused(zipped, saying: "the entry \"content/lien\" is a symbolic link; a package holds files and folders only")
    }

    /// A zip bomb: 32 MiB of zeros deflate to a few kilobytes.
    @Test func anEntryThatInflatesFarBeyondItsSizeIsRefused() throws {
        let folder = try TemporaryFolder()
        let root = try Packages.folder(from: Self.nested, in: folder)
        let zipped = try Packages.zip(
            try Packages.entries(of: root) + [("content/zeros.bin", Data(count: 32 << 20))], as: "bombe.zip", in: folder)
        do {
            _ = try PackageReader(options: .init(moduleHours: Hours(hours: 1))).read(zipped.path) { _ in }
            Issue.record("the bomb was read")
        } catch let error as CourseImportError {
            #expect(error.text.description.hasPrefix(zipped.path + ": the entry \"content/zeros.bin\" inflates "), "\(error.text)")
            #expect(error.text.description.hasSuffix(" times its size: refused as a zip bomb"))
        }
    }

    /// A manifest whose header states fewer bytes than it inflates to: the inflation stops
    /// at the stated size.
    @Test func aManifestInflatingBeyondItsStatedSizeIsRefused() throws {
        let folder = try TemporaryFolder()
        let text = Data(try String(contentsOf: try Self.corpus(Self.nested), encoding: .utf8).utf8)
        let zipped = try Packages.zip([("imsmanifest.xml", text)], as: "menteur.zip", in: folder)
        var bytes = [UInt8](try Data(contentsOf: zipped))
        // The uncompressed size: at 22 in the local header, at 24 in the central directory's.
        for (signature, offset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22), ([0x50, 0x4B, 0x01, 0x02], 24)] {
            let start = try #require((0..<bytes.count - 4).first { Array(bytes[$0..<$0 + 4]) == signature })
            bytes.replaceSubrange(start + offset..<start + offset + 4, with: [0x00, 0x01, 0x00, 0x00])  // 256 bytes
        }
        try Data(bytes).write(to: zipped)
        Self.expectRefused(zipped, saying: "its imsmanifest.xml inflates beyond the size the archive states: refused as a zip bomb")
    }

    @Test func aDamagedManifestIsRefused() throws {
        let folder = try TemporaryFolder()
        let text = Data(try String(contentsOf: try Self.corpus(Self.nested), encoding: .utf8).utf8)
        let zipped = try Packages.zip([("imsmanifest.xml", text)], as: "abime.zip", in: folder, method: .none)
        var bytes = [UInt8](try Data(contentsOf: zipped))
        let at = try #require((0..<bytes.count - 9).first { Array(bytes[$0..<$0 + 9]) == Array("<resource".utf8) })
        bytes[at + 1] = UInt8(ascii: "R")
        try Data(bytes).write(to: zipped)
        Self.expectRefused(zipped, saying: "its imsmanifest.xml cannot be read from the archive (damaged, or its checksum does not match)")
    }

    @Test func theLimitsOnEntriesAndSizeHold() throws {
        let folder = try TemporaryFolder()
        let root = try Packages.folder(from: Self.nested, in: folder)
        let zipped = try Packages.zip(try Packages.entries(of: root), as: "paquet.zip", in: folder)
        var few = PackageReader.Limits()
        few.entries = 5
        Self.expectRefused(zipped, saying: "the archive holds more than 5 entries; a package this large is refused", limits: few)
        var small = PackageReader.Limits()
        small.totalBytes = 1 << 20
        let big = try Packages.zip(
            try Packages.entries(of: root) + [("content/video.mp4", Data((0..<(2 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7919) }))],
            as: "gros.zip", in: folder)
        Self.expectRefused(big, saying: "the archive inflates to more than 1 MiB; a package this large is refused", limits: small)
        var tiny = PackageReader.Limits()
        tiny.manifestBytes = 1024
        Self.expectRefused(zipped, saying: "its imsmanifest.xml is larger than 1 KiB; refused", limits: tiny)
    }

    /// The hostile corpus as a package's manifest: refused by the same reader as course files,
    /// before an entity is expanded or a file fetched.
    @Test(arguments: ["xmlbomb.xml", "quadratic.xml", "cyclic.xml", "external.xml", "external_file.xml", "dtd.xml"])
    func aHostileManifestIsRefused(name: String) throws {
        let bytes = try Data(contentsOf: try Self.corpus("hostile-xml/defusedxml/\(name)"))
        let folder = try TemporaryFolder()
        let zipped = try Packages.zip([("imsmanifest.xml", bytes)], as: "hostile.zip", in: folder)
        do {
            _ = try PackageReader(options: .init(moduleHours: Hours(hours: 1))).read(zipped.path) { _ in }
            Issue.record("\(name) was read")
        } catch let error as CourseImportError {
            #expect(error.location.path == zipped.path + "/imsmanifest.xml")
            #expect(error.message.description.contains("DOCTYPE is not allowed"), "\(error.text)")
        }
    }

    @Test func aManifestOverTheLimitIsRefusedFromAFolderToo() throws {
        let folder = try TemporaryFolder()
        let root = try Packages.folder(from: Self.nested, in: folder)
        var tiny = PackageReader.Limits()
        tiny.manifestBytes = 1024
        do {
            _ = try PackageReader(options: .init(moduleHours: Hours(hours: 1)), limits: tiny).read(root.path) { _ in }
            Issue.record("read")
        } catch let error as CourseImportError {
            #expect(error.text.description == root.path + "/imsmanifest.xml: the manifest is larger than 1 KiB; refused")
        }
    }

    @Test func aZipWithoutManifestOrNotAZipIsRefused() throws {
        let folder = try TemporaryFolder()
        let bare = try Packages.zip(
            [("cours/imsmanifest.xml", Data("<manifest/>".utf8)), ("lisez-moi.txt", Data("…".utf8))], as: "sans.zip", in: folder)
        Self.expectRefused(
            bare, saying: "the archive has no imsmanifest.xml or cmi5.xml at its root: it is not a SCORM, Common Cartridge or cmi5 package")
        let text = try folder.file("texte.zip", "ceci n'est pas une archive")
        Self.expectRefused(text, saying: "not a zip archive this tool can read")
    }
}
