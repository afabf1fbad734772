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
struct PackageManifest {
    struct Item {
        var identifier: String
        var reference: String?
        var title: String?
        /// Indices of the enclosing items, outermost first.
        var ancestors: [Int]
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
        var type: String?
        var scormType: String?
        var files: [String] = []
        var location: SourceLocation
    }

    /// Something of the package no course holds, and how often.
    struct Unmatched {
        var count = 0
        var first: SourceLocation
    }

    var format: PackageFormat
    var identifier: String?
    var version: String?
    var location: SourceLocation
    var title: String?
    var summary: String?
    var language: String?
    var learningTime: Int?
    var defaultOrganization: String?
    var organizationsLocation: SourceLocation?
    var resourcesBase: String?
    var organizations: [Organization] = []
    var resources: [String: Resource] = [:]
    var unmatched: [Text: Unmatched] = [:]

    mutating func note(_ kind: Text, at location: SourceLocation) {
        unmatched[kind, default: Unmatched(first: location)].count += 1
    }
}

extension PackageManifest {
    /// Reads the manifest at `url`, named `shown` in messages.
    static func read(_ url: URL, shownAs shown: String) throws(CourseImportError) -> PackageManifest {
        _ = LibXML2.ready
        let stream = try XMLStreamReader(url: url, shownAs: shown)
        return try stream.reading { () throws(CourseImportError) in
            var manifest = try stream.readRoot(PackageManifest.init(root:))
            try stream.startReading()
            var parser = ManifestParser(manifest: manifest)
            while try stream.advance() {
                switch stream.kind {
                case .element: try parser.start(stream)
                case .endElement: parser.end(stream)
                case .text: parser.text(stream.value)
                case .documentType, .other: break
                }
            }
            manifest = parser.manifest
            return manifest
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
        self.init(format: format, location: stream.location)
    }
}

/// The streaming pass over a manifest: which element is open where, and what to keep of it.
private struct ManifestParser {
    var manifest: PackageManifest
    /// Local names of the open elements, the root first.
    private var open: [String] = []
    private var openItems: [Int] = []
    private var inOrganization = false
    private var currentResource: String?
    /// Depth at which a sub-manifest started; everything inside it is passed over.
    private var skipping: Int?
    private var captured = ""
    private var capturing = false

    init(manifest: PackageManifest) {
        self.manifest = manifest
    }

    private var organizationIndex: Int { manifest.organizations.count - 1 }

    mutating func start(_ stream: XMLStreamReader) throws(CourseImportError) {
        let name = stream.localName
        let parent = open.last ?? ""
        let empty = stream.isEmptyElement
        defer {
            if empty { finish(name, parent: parent, wasEmpty: true) } else { open.append(name) }
        }
        if skipping != nil { return }
        let location = stream.location
        func attribute(_ wanted: String) -> String? {
            stream.attributes.first { $0.name == wanted }.map { $0.value.trimmingWhitespace() }
        }
        if manifest.format == .cmi5 {
            return startCmi5(name, parent: parent, empty: empty, at: location, attribute)
        }
        switch (name, parent) {
        case ("manifest", ""):
            manifest.identifier = attribute("identifier")
            manifest.version = attribute("version")
        case ("manifest", _):
            manifest.note("sub-manifests", at: location)
            if !empty { skipping = open.count }
        case ("organizations", "manifest"):
            manifest.defaultOrganization = attribute("default").flatMap { $0.isEmpty ? nil : $0 }
            manifest.organizationsLocation = location
        case ("organization", "organizations"):
            manifest.organizations.append(.init(identifier: attribute("identifier"), location: location))
            inOrganization = true
            openItems = []
        case ("item", "organization"), ("item", "item"):
            guard inOrganization else { break }
            let items = manifest.organizations[organizationIndex].items
            if let parentItem = openItems.last, parent == "item" {
                manifest.organizations[organizationIndex].items[parentItem].hasChildren = true
            }
            let reference = attribute("identifierref").flatMap { $0.isEmpty ? nil : $0 }
            if attribute("parameters").map({ !$0.isEmpty }) == true { manifest.note("launch parameters", at: location) }
            manifest.organizations[organizationIndex].items.append(
                .init(
                    identifier: attribute("identifier") ?? "", reference: reference, ancestors: openItems, location: location))
            if !empty { openItems.append(items.count) }
        case ("title", "organization"), ("title", "item"):
            startCapture()
        case ("resources", "manifest"):
            manifest.resourcesBase = attribute("base")
        case ("resource", "resources"):
            let identifier = attribute("identifier") ?? ""
            manifest.resources[identifier] = .init(
                identifier: identifier, href: attribute("href").flatMap { $0.isEmpty ? nil : $0 }, base: attribute("base"),
                type: attribute("type"), scormType: (attribute("scormtype") ?? attribute("scormType"))?.lowercased(),
                location: location)
            currentResource = identifier
        case ("file", "resource"):
            if let currentResource, let href = attribute("href"), !href.isEmpty { manifest.resources[currentResource]?.files.append(href) }
        default:
            if inOrganization, let kind = Self.unmatchedKinds[name.lowercased()] {
                // Counted once, with what it holds (a sequencing's objectives are its own).
                manifest.note(kind, at: location)
                if !empty { skipping = open.count }
            } else {
                startMetadata(name, parent: parent)
            }
        }
    }

    /// A cmi5 course structure: the course is the one organisation, blocks are items that
    /// hold items, each AU an item that launches its `<url>` (kept as a resource of its id).
    private mutating func startCmi5(
        _ name: String, parent: String, empty: Bool, at location: SourceLocation, _ attribute: (String) -> String?
    ) {
        switch (name, parent) {
        case ("courseStructure", ""):
            manifest.organizations.append(.init(identifier: "course", location: location))
            inOrganization = true
        case ("course", "courseStructure"):
            manifest.identifier = attribute("id")
        case ("langstring", "title"), ("langstring", "description"):
            startCapture()
        case ("block", "courseStructure"), ("block", "block"), ("au", "courseStructure"), ("au", "block"):
            let identifier = attribute("id") ?? ""
            let items = manifest.organizations[organizationIndex].items
            if let parentItem = openItems.last, parent == "block" {
                manifest.organizations[organizationIndex].items[parentItem].hasChildren = true
            }
            let isUnit = name == "au"
            manifest.organizations[organizationIndex].items.append(
                .init(identifier: identifier, reference: isUnit ? identifier : nil, ancestors: openItems, location: location))
            if isUnit {
                manifest.resources[identifier] = .init(identifier: identifier, location: location)
                currentResource = identifier
                if attribute("masteryScore") != nil || (attribute("moveOn") ?? "NotApplicable") != "NotApplicable" {
                    manifest.note("mastery scores and completion thresholds", at: location)
                }
                if (attribute("launchMethod") ?? "AnyWindow") != "AnyWindow" { manifest.note("launch settings", at: location) }
            }
            if !empty { openItems.append(items.count) }
        case ("url", "au"):
            startCapture()
        case ("launchParameters", "au"), ("entitlementKey", "au"):
            manifest.note("launch data", at: location)
            if !empty { skipping = open.count }
        default:
            break
        }
    }

    private mutating func finishCmi5(_ name: String, parent: String, value: String?, wasEmpty: Bool) {
        let owner = open.count >= 2 ? open[open.count - 2] : ""
        let text = value.flatMap { $0.isEmpty ? nil : $0 }
        switch (name, parent) {
        case ("langstring", "title") where owner == "course":
            manifest.organizations[organizationIndex].title = manifest.organizations[organizationIndex].title ?? text
        case ("langstring", "description") where owner == "course":
            manifest.summary = manifest.summary ?? text
        case ("langstring", "title") where owner == "block" || owner == "au":
            if let index = openItems.last {
                manifest.organizations[organizationIndex].items[index].title =
                    manifest.organizations[organizationIndex].items[index].title ?? text
            }
        case ("url", "au"):
            if let currentResource { manifest.resources[currentResource]?.href = text }
        case ("block", _), ("au", _):
            if !wasEmpty, !openItems.isEmpty { openItems.removeLast() }
        default:
            break
        }
    }

    /// The package's title, description and language, and a package's or an item's learning time.
    private mutating func startMetadata(_ name: String, parent: String) {
        let path = open.map { $0.lowercased() }
        let inPackageMetadata = path.count >= 2 && path[1] == "metadata" && !inOrganization
        let inItemMetadata = inOrganization && path.contains("metadata")
        let lowered = name.lowercased()
        let isString = lowered == "string" || lowered == "langstring"
        if inPackageMetadata && isString && path.suffix(2) == ["general", "title"] && manifest.title == nil
            || inPackageMetadata && isString && path.suffix(2) == ["general", "description"] && manifest.summary == nil
            || inPackageMetadata && lowered == "language" && path.last == "general" && manifest.language == nil
            || (lowered == "duration" || lowered == "datetime") && path.last == "typicallearningtime"
                && (inPackageMetadata || inItemMetadata)
        {
            startCapture()
        }
    }

    /// Elements of SCORM's sequencing, navigation and run-time namespaces, by the kind of thing they are.
    static let unmatchedKinds: [String: Text] = [
        "sequencing": "sequencing rules", "sequencingcollection": "sequencing rules", "prerequisites": "sequencing rules",
        "constrainedchoiceconsiderations": "sequencing rules", "rollupconsiderations": "sequencing rules",
        "maxtimeallowed": "time limits", "timelimitaction": "time limits",
        "masteryscore": "mastery scores and completion thresholds",
        "completionthreshold": "mastery scores and completion thresholds",
        "datafromlms": "launch data", "data": "launch data",
        "presentation": "navigation settings",
    ]

    private mutating func startCapture() {
        captured = ""
        capturing = true
    }

    mutating func text(_ value: String) {
        if capturing { captured += value }
    }

    mutating func end(_ stream: XMLStreamReader) {
        guard let name = open.popLast() else { return }
        finish(name, parent: open.last ?? "", wasEmpty: false)
    }

    private mutating func finish(_ name: String, parent: String, wasEmpty: Bool) {
        if let depth = skipping {
            if open.count == depth { skipping = nil }
            return
        }
        let value = capturing ? collapsed(captured) : nil
        capturing = false
        if manifest.format == .cmi5 {
            return finishCmi5(name, parent: parent, value: value, wasEmpty: wasEmpty)
        }
        let lowered = name.lowercased()
        let path = open.map { $0.lowercased() }
        switch (name, parent) {
        case ("title", "organization"):
            manifest.organizations[organizationIndex].title = value.flatMap { $0.isEmpty ? nil : $0 }
        case ("title", "item"):
            if let index = openItems.last {
                manifest.organizations[organizationIndex].items[index].title = value.flatMap { $0.isEmpty ? nil : $0 }
            }
        case ("item", "organization"), ("item", "item"):
            if inOrganization, !wasEmpty { openItems.removeLast() }
        case ("organization", "organizations"):
            inOrganization = false
        case ("resource", "resources"):
            currentResource = nil
        default:
            guard let value, !value.isEmpty else { return }
            switch lowered {
            case "string" where path.last == "title", "langstring" where path.last == "title":
                manifest.title = manifest.title ?? value
            case "string" where path.last == "description", "langstring" where path.last == "description":
                manifest.summary = manifest.summary ?? value
            case "language": manifest.language = manifest.language ?? value
            case "duration", "datetime":
                let minutes = PackageDuration.minutes(value)
                if inOrganization, let index = openItems.last {
                    manifest.organizations[organizationIndex].items[index].learningTime = minutes
                } else if !inOrganization {
                    manifest.learningTime = manifest.learningTime ?? minutes
                }
            default: break
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
                guard let number = Double(part), number >= 0, number.isFinite else { return nil }
                numbers.append(number)
            }
            let seconds = numbers[0] * 3600 + numbers[1] * 60 + (numbers.count == 3 ? numbers[2] : 0)
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
