import Foundation
public import TrainingCore

/// The kinds of e-learning package, told apart by their manifest's root: an `imsmanifest.xml`
/// (SCORM, Common Cartridge) by its namespace, a `cmi5.xml` by its `<courseStructure>`.
public enum PackageFormat: Sendable, Hashable, CustomStringConvertible {
    case scorm12
    case scorm2004
    /// IMS Common Cartridge, with its version (`1.0` to `1.3`).
    case commonCartridge(String)
    /// A cmi5 course structure: assignable units (AUs) in blocks.
    case cmi5

    static let scorm12Namespace = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    static let contentPackageNamespace = "http://www.imsglobal.org/xsd/imscp_v1p1"
    static let cartridgeNamespaces = [
        "http://www.imsglobal.org/xsd/imscc/imscp_v1p1": "1.0",
        "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1": "1.1",
        "http://www.imsglobal.org/xsd/imsccv1p2/imscp_v1p1": "1.2",
        "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1": "1.3",
    ]
    static let cmi5Namespace = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
    /// The names a package's manifest has at its root.
    static let manifestNames = ["imsmanifest.xml", "cmi5.xml"]

    /// The format whose manifests have the root `local` in `namespace`, if any.
    init?(root local: String, namespace: String) {
        switch local {
        case "manifest": self.init(namespace: namespace)
        case "courseStructure" where namespace == Self.cmi5Namespace: self = .cmi5
        default: return nil
        }
    }

    private init?(namespace: String) {
        if let version = Self.cartridgeNamespaces[namespace] {
            self = .commonCartridge(version)
        } else if namespace == Self.scorm12Namespace {
            self = .scorm12
        } else if namespace == Self.contentPackageNamespace {
            self = .scorm2004
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .scorm12: "SCORM 1.2"
        case .scorm2004: "SCORM 2004"
        case .commonCartridge(let version): "IMS Common Cartridge \(version)"
        case .cmi5: "cmi5"
        }
    }

    var isCartridge: Bool {
        if case .commonCartridge = self { return true }
        return false
    }
}

/// What an `imsmanifest.xml` says that a course can hold: the default organisation's items in
/// document order, the resources they launch, the package's own metadata, and what has no
/// equivalent in a course (counted by kind, with where it first appears).
///
/// Read in one streaming pass without a schema: SCORM's and Common Cartridge's schemas let
/// nearly anything through (`##other` everywhere) and are not all published, so the rules a
/// package importer needs (identifiers that resolve, titles, launch URLs) are checked in code.
/// Only elements in the manifest's own namespace make its structure; extensions in others
/// are passed over (or counted, when they are what a course has no place for).
struct PackageManifest {
    struct Item {
        var identifier: String
        var reference: String?
        var title: String?
        /// The index of the enclosing item, if any.
        var parent: Int?
        var hasChildren = false
        /// The typical learning time its metadata states, in minutes.
        var learningTime: Int?
        var location: SourceLocation
    }

    struct Organization {
        var identifier: String?
        var title: String?
        var items: [Item] = []
        var location: SourceLocation
    }

    struct Resource {
        var identifier: String
        var href: String?
        var base: String?
        var files: [String] = []
        var location: SourceLocation
    }

    /// Something of the package no course holds, and how often.
    struct Unmatched {
        var count = 0
        var first: SourceLocation
    }

    /// The most items a manifest may hold, all organisations together: a course holds at
    /// most 100 modules, and a manifest's items are kept in memory.
    static let itemLimit = 10_000

    var format: PackageFormat
    /// The namespace of the manifest's root: its structure's elements are in it.
    var namespace = ""
    var identifier: String?
    var version: String?
    var location: SourceLocation
    var title: String?
    var summary: String?
    var language: String?
    /// The language the LOM title says it is in, for want of a `<language>`.
    var titleLanguage: String?
    var learningTime: Int?
    /// Learning times stated in a form that is not a duration, and where the first is.
    var unreadableTimes = 0
    var firstUnreadableTime: SourceLocation?
    var defaultOrganization: String?
    var organizationsLocation: SourceLocation?
    /// `xml:base` of the manifest and of its `<resources>`.
    var manifestBase: String?
    var resourcesBase: String?
    var organizations: [Organization] = []
    var resources: [String: Resource] = [:]
    /// The identifiers of the sub-manifests, which an item may launch.
    var subManifests: Set<String> = []
    var unmatched: [Text: Unmatched] = [:]
    /// The first problem found while reading that the structure cannot hold (a resource
    /// without identifier, one named twice, too many items): reported once the read is done.
    var problem: CourseImportError?

    mutating func note(_ kind: Text, at location: SourceLocation) {
        unmatched[kind, default: Unmatched(first: location)].count += 1
    }

    /// The titles of `item` and of the items around it, outermost first.
    func titles(of item: Item, in organization: Organization) -> [String] {
        var titles = [item.title].compactMap { $0 }
        var parent = item.parent
        while let index = parent {
            if let title = organization.items[index].title { titles.insert(title, at: 0) }
            parent = organization.items[index].parent
        }
        return titles
    }
}

extension PackageManifest {
    /// Reads the manifest at `url`, named `shown` in messages.
    static func read(_ url: URL, shownAs shown: String) throws(CourseImportError) -> PackageManifest {
        _ = LibXML2.ready
        let stream = try XMLStreamReader(url: url, shownAs: shown)
        return try stream.reading { () throws(CourseImportError) in
            // Learning platforms write manifests in the encoding they declare: it is trusted.
            let manifest = try stream.readRoot(PackageManifest.init(root:), acceptsEncoding: { _ in true })
            try stream.startReading()
            var parser = ManifestParser(manifest: manifest, namespace: manifest.namespace)
            while try stream.advance() {
                switch stream.kind {
                case .element: try parser.start(stream)
                case .endElement: parser.end()
                case .text: parser.text(stream.value)
                case .documentType, .other: break
                }
            }
            if let problem = parser.manifest.problem { throw problem }
            return parser.manifest
        }
    }

    /// The manifest's format from its root, or an error that says what the file is.
    init(root stream: XMLStreamReader) throws(CourseImportError) {
        let namespace = stream.namespace ?? ""
        let local = stream.localName
        guard local == "manifest" || local == "courseStructure" else {
            throw CourseImportError(
                stream.location,
                "the root element is \(local); a package's imsmanifest.xml starts with <manifest>, its cmi5.xml with <courseStructure>")
        }
        guard let format = PackageFormat(root: local, namespace: namespace) else {
            let reads: Text =
                "this allervers reads SCORM 1.2 (\(PackageFormat.scorm12Namespace)), SCORM 2004 (\(PackageFormat.contentPackageNamespace)), IMS Common Cartridge 1.0 to 1.3 and cmi5 (\(PackageFormat.cmi5Namespace))"
            throw CourseImportError(
                stream.location,
                namespace.isEmpty ? "this manifest has no namespace; \(reads)" : "this manifest is in the namespace \(namespace); \(reads)")
        }
        self.init(format: format, namespace: namespace, location: stream.location)
    }
}

/// The streaming pass over a manifest: which element is open where, and what to keep of it.
private struct ManifestParser {
    struct Element {
        let name: String
        /// Whether it is in the manifest's namespace, and so part of its structure.
        let own: Bool
    }

    var manifest: PackageManifest
    /// The manifest's namespace: only its elements make the structure.
    private let namespace: String
    /// The open elements, the root first.
    private var open: [Element] = []
    /// The open items, by index in the current organisation, with the depth each opened at.
    private var openItems: [(index: Int, depth: Int)] = []
    /// The organisation being read, while it is.
    private var organization: Int?
    /// Whether the current organisation is the one imported: what it holds is counted.
    private var counting = false
    private var itemCount = 0
    private var currentResource: String?
    /// Depth at which a passed-over element started; everything inside it is passed over.
    private var skipping: Int?
    private var captured = ""
    private var capturing = false
    private var capturedLanguage: String?
    private var captureLocation = SourceLocation(path: "", line: 0)

    init(manifest: PackageManifest, namespace: String) {
        self.manifest = manifest
        self.namespace = namespace
    }

    /// The name of the element that encloses the one starting, when it is of the structure.
    private var parent: String? {
        open.last.flatMap { $0.own ? $0.name : nil }
    }

    mutating func start(_ stream: XMLStreamReader) throws(CourseImportError) {
        let element = Element(name: stream.localName, own: (stream.namespace ?? "") == namespace)
        let parent = self.parent
        let empty = stream.isEmptyElement
        defer {
            if empty { finish(element, wasEmpty: true) } else { open.append(element) }
        }
        if skipping != nil { return }
        let name = element.name
        let location = stream.location
        // Attributes without prefix, and `xml:base`; not the namespace declarations.
        let attributes = stream.attributes
        func attribute(_ wanted: String) -> String? {
            attributes.first { $0.name == wanted && ($0.namespace == nil || wanted == "base" || wanted == "lang") }
                .map { $0.value.trimmingWhitespace() }
        }
        guard element.own else {
            if organization != nil, counting, let kind = Self.unmatchedKinds[name.lowercased()] {
                // Counted once, with what it holds (a sequencing's objectives are its own).
                manifest.note(kind, at: location)
                if !empty { skipping = open.count }
            } else if name == "sequencingCollection" {
                manifest.note("sequencing rules", at: location)
                if !empty { skipping = open.count }
            } else {
                startMetadata(name.lowercased(), at: location, attribute)
            }
            return
        }
        if manifest.format == .cmi5 {
            return try startCmi5(name, parent: parent, empty: empty, at: location, attribute)
        }
        switch (name, parent) {
        case ("manifest", nil) where open.isEmpty:
            manifest.identifier = attribute("identifier")
            manifest.version = attribute("version")
            manifest.manifestBase = attribute("base")
        case ("manifest", _):
            if let identifier = attribute("identifier") { manifest.subManifests.insert(identifier) }
            manifest.note("sub-manifests", at: location)
            if !empty { skipping = open.count }
        case ("organizations", "manifest"):
            manifest.defaultOrganization = attribute("default").flatMap { $0.isEmpty ? nil : $0 }
            manifest.organizationsLocation = location
        case ("organization", "organizations"):
            let identifier = attribute("identifier")
            counting = manifest.defaultOrganization.map { $0 == identifier } ?? manifest.organizations.isEmpty
            manifest.organizations.append(.init(identifier: identifier, location: location))
            organization = empty ? nil : manifest.organizations.count - 1
            openItems = []
        case ("item", "organization"), ("item", "item"):
            guard organization != nil else { break }
            if counting, attribute("parameters").map({ !$0.isEmpty }) == true { manifest.note("launch parameters", at: location) }
            let reference = attribute("identifierref").flatMap { $0.isEmpty ? nil : $0 }
            try openItem(attribute("identifier") ?? "", reference: reference, empty: empty, at: location)
        case ("title", "organization"), ("title", "item"):
            if organization != nil { startCapture() }
        case ("resources", "manifest"):
            manifest.resourcesBase = attribute("base")
        case ("resource", "resources"):
            let identifier = attribute("identifier") ?? ""
            if identifier.isEmpty {
                record(CourseImportError(location, "a <resource> has no identifier, which the format requires"))
            } else if manifest.resources[identifier] != nil {
                record(CourseImportError(location, "the resource identifier \"\(identifier)\" is used twice"))
            }
            manifest.resources[identifier] = .init(
                identifier: identifier, href: attribute("href").flatMap { $0.isEmpty ? nil : $0 }, base: attribute("base"),
                location: location)
            currentResource = identifier
        case ("file", "resource"):
            if let currentResource, let href = attribute("href"), !href.isEmpty { manifest.resources[currentResource]?.files.append(href) }
        default:
            // LOM written in the manifest's own namespace, as some tools do.
            startMetadata(name.lowercased(), at: location, attribute)
        }
    }

    /// Opens an item of the current organisation: an element of the structure whose end
    /// closes it.
    private mutating func openItem(_ identifier: String, reference: String?, empty: Bool, at location: SourceLocation)
        throws(CourseImportError)
    {
        guard let organization else { return }
        itemCount += 1
        guard itemCount <= PackageManifest.itemLimit else {
            throw CourseImportError(
                location, "the manifest holds more than \(PackageManifest.itemLimit) items; a course holds at most 100 modules")
        }
        let index = manifest.organizations[organization].items.count
        let parent = openItems.last?.index
        if let parent { manifest.organizations[organization].items[parent].hasChildren = true }
        manifest.organizations[organization].items.append(
            .init(identifier: identifier, reference: reference, parent: parent, location: location))
        if !empty { openItems.append((index, open.count)) }
    }

    private mutating func record(_ problem: CourseImportError) {
        if manifest.problem == nil { manifest.problem = problem }
    }

    /// A cmi5 course structure: the course is the one organisation, blocks are items that
    /// hold items, each AU an item that launches its `<url>` (kept as a resource of its id).
    private mutating func startCmi5(
        _ name: String, parent: String?, empty: Bool, at location: SourceLocation, _ attribute: (String) -> String?
    ) throws(CourseImportError) {
        switch (name, parent) {
        case ("courseStructure", nil) where open.isEmpty:
            manifest.organizations.append(.init(identifier: "course", location: location))
            organization = 0
            counting = true
        case ("course", "courseStructure"):
            manifest.identifier = attribute("id")
        case ("langstring", "title"), ("langstring", "description"):
            startCapture(language: attribute("lang"))
        case ("block", "courseStructure"), ("block", "block"), ("au", "courseStructure"), ("au", "block"):
            let identifier = attribute("id") ?? ""
            let isUnit = name == "au"
            try openItem(identifier, reference: isUnit ? identifier : nil, empty: empty, at: location)
            guard isUnit else { break }
            if manifest.resources[identifier] != nil {
                record(CourseImportError(location, "the AU identifier \"\(identifier)\" is used twice"))
            }
            manifest.resources[identifier] = .init(identifier: identifier, location: location)
            currentResource = identifier
            if attribute("masteryScore") != nil || (attribute("moveOn") ?? "NotApplicable") != "NotApplicable" {
                manifest.note("mastery scores and completion thresholds", at: location)
            }
            if (attribute("launchMethod") ?? "AnyWindow") != "AnyWindow" { manifest.note("launch settings", at: location) }
        case ("url", "au"):
            startCapture()
        case ("launchParameters", "au"), ("entitlementKey", "au"):
            manifest.note("launch data", at: location)
            if !empty { skipping = open.count }
        default:
            break
        }
    }

    /// The package's title, description and language (LOM, in the manifest's metadata), and
    /// the package's or an imported item's typical learning time.
    private mutating func startMetadata(_ lowered: String, at location: SourceLocation, _ attribute: (String) -> String?) {
        let path = open.map { $0.name.lowercased() }
        let inPackageMetadata = organization == nil && path.count >= 2 && path[1] == "metadata"
        let inItemMetadata = organization != nil && counting && !openItems.isEmpty && path.contains("metadata")
        let isString = lowered == "string" || lowered == "langstring"
        if inPackageMetadata && isString && path.suffix(2) == ["general", "title"] && manifest.title == nil
            || inPackageMetadata && isString && path.suffix(2) == ["general", "description"] && manifest.summary == nil
            || inPackageMetadata && lowered == "language" && path.last == "general" && manifest.language == nil
            || (lowered == "duration" || lowered == "datetime") && path.last == "typicallearningtime"
                && (inPackageMetadata || inItemMetadata)
        {
            startCapture(language: attribute("language"), at: location)
        }
    }

    /// Elements of SCORM's sequencing, navigation and run-time namespaces, by the kind of thing they are.
    static let unmatchedKinds: [String: Text] = [
        "sequencing": "sequencing rules", "prerequisites": "sequencing rules",
        "constrainedchoiceconsiderations": "sequencing rules", "rollupconsiderations": "sequencing rules",
        "maxtimeallowed": "time limits", "timelimitaction": "time limits",
        "masteryscore": "mastery scores and completion thresholds",
        "completionthreshold": "mastery scores and completion thresholds",
        "datafromlms": "launch data", "data": "launch data",
        "presentation": "navigation settings",
    ]

    private mutating func startCapture(language: String? = nil, at location: SourceLocation? = nil) {
        captured = ""
        capturing = true
        capturedLanguage = language
        if let location { captureLocation = location }
    }

    mutating func text(_ value: String) {
        if capturing { captured += value }
    }

    mutating func end() {
        guard let element = open.popLast() else { return }
        finish(element, wasEmpty: false)
    }

    private mutating func finish(_ element: Element, wasEmpty: Bool) {
        if let depth = skipping {
            if open.count == depth { skipping = nil }
            return
        }
        let value = capturing ? collapsed(captured) : nil
        let text = value.flatMap { $0.isEmpty ? nil : $0 }
        capturing = false
        // An item (a block, an AU) closes when the element it opened with ends.
        if let last = openItems.last, last.depth == open.count, element.own { openItems.removeLast() }
        let parent = self.parent
        let owner = open.count >= 2 && open[open.count - 2].own ? open[open.count - 2].name : nil
        switch (element.own, element.name, parent) {
        case (true, "title", "organization"):
            if let organization { manifest.organizations[organization].title = text }
        case (true, "title", "item"):
            if let organization, let index = openItems.last?.index { manifest.organizations[organization].items[index].title = text }
        case (true, "organization", "organizations"):
            organization = nil
        case (true, "resource", "resources"):
            currentResource = nil
        case (true, "langstring", "title") where manifest.format == .cmi5:
            guard let organization else { break }
            if owner == "course" {
                manifest.organizations[organization].title = manifest.organizations[organization].title ?? text
                manifest.language = manifest.language ?? capturedLanguage
            } else if owner == "block" || owner == "au", let index = openItems.last?.index {
                manifest.organizations[organization].items[index].title = manifest.organizations[organization].items[index].title ?? text
            }
        case (true, "langstring", "description") where manifest.format == .cmi5 && owner == "course":
            manifest.summary = manifest.summary ?? text
        case (true, "url", "au"):
            if let currentResource { manifest.resources[currentResource]?.href = text }
        default:
            guard let text else { return }
            switch element.name.lowercased() {
            case "string", "langstring":
                if open.last?.name.lowercased() == "title" {
                    manifest.title = manifest.title ?? text
                    manifest.titleLanguage = manifest.titleLanguage ?? capturedLanguage
                }
                if open.last?.name.lowercased() == "description" { manifest.summary = manifest.summary ?? text }
            case "language":
                manifest.language = manifest.language ?? text
            case "duration", "datetime":
                let minutes = PackageDuration.minutes(text)
                if minutes == nil {
                    manifest.unreadableTimes += 1
                    manifest.firstUnreadableTime = manifest.firstUnreadableTime ?? captureLocation
                }
                if let organization, let index = openItems.last?.index {
                    manifest.organizations[organization].items[index].learningTime = minutes
                } else if organization == nil {
                    manifest.learningTime = manifest.learningTime ?? minutes
                }
            default:
                break
            }
        }
    }

    private func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}

/// Durations as LOM writes them: ISO 8601 (`PT1H30M`, `P1DT2H`) in LOM 1.0 and Common
/// Cartridge, `hh:mm:ss` or ISO in SCORM 1.2's LOM.
enum PackageDuration {
    /// The duration in whole minutes (seconds rounded up), or `nil` when the text is not a
    /// duration or states years or months, which have no fixed length.
    static func minutes(_ text: String) -> Int? {
        let text = text.trimmingWhitespace()
        if text.contains(":") {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(parts.count) else { return nil }
            var numbers: [Double] = []
            for part in parts {
                guard !part.isEmpty, part.count <= 9, part.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                    let number = Double(part)
                else { return nil }
                numbers.append(number)
            }
            let seconds = numbers[0] * 3600 + numbers[1] * 60 + (numbers.count == 3 ? numbers[2] : 0)
            guard seconds < 1e9 else { return nil }
            return Int((seconds / 60).rounded(.up))
        }
        guard text.hasPrefix("P"), text.count > 1 else { return nil }
        var seconds = 0.0
        var number = ""
        var inTime = false
        for character in text.dropFirst() {
            switch character {
            case "T":
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
            case "0"..."9", ".", ",":
                guard number.count < 12 else { return nil }
                number.append(character == "," ? "." : character)
            default:
                guard let value = Double(number), value.isFinite else { return nil }
                number = ""
                switch (character, inTime) {
                case ("D", false): seconds += value * 86_400
                case ("W", false): seconds += value * 604_800
                case ("H", true): seconds += value * 3600
                case ("M", true): seconds += value * 60
                case ("S", true): seconds += value
                default: return nil
                }
            }
        }
        guard number.isEmpty, seconds < 1e9 else { return nil }
        return Int((seconds / 60).rounded(.up))
    }
}
