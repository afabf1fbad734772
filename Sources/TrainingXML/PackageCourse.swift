import Foundation
import TrainingCore

/// Turns a package's manifest into a course, after checking what its schemas cannot:
/// that the default organisation exists and has a title, that every item has an identifier
/// and a title and launches a resource the package holds, with a launch URL and its files.
struct PackageCourseBuilder {
    let manifest: PackageManifest
    let contents: PackageContents
    let options: PackageReader.Options
    let columns: ColumnFinder
    private(set) var warnings: [CourseImportWarning] = []

    init(manifest: PackageManifest, contents: PackageContents, options: PackageReader.Options, columns: ColumnFinder) {
        self.manifest = manifest
        self.contents = contents
        self.options = options
        self.columns = columns
    }

    static let unstated = "Non précisé dans le paquet e-learning"
    /// A course holds at most this many modules (the course format's schema).
    static let moduleLimit = 100

    private func located(_ location: SourceLocation, at text: String) -> SourceLocation {
        columns.locating(text, onLine: location.line)
    }

    private func error(_ location: SourceLocation, at text: String, _ message: Text) -> CourseImportError {
        CourseImportError(located(location, at: text), message)
    }

    /// Warnings wait to be located until the course is made: the column finder reads the
    /// file forwards, so they are located in line order, once, after any error has been.
    private var pending: [(location: SourceLocation, at: String, message: Text)] = []

    private mutating func warn(_ location: SourceLocation, at text: String, _ message: Text) {
        pending.append((location, text, message))
    }

    /// Items that share a warning: how many, and the first (its location, its name, what it names).
    private struct Tally {
        var count = 0
        var location: SourceLocation
        /// The first item's title (its identifier when it has none), and its identifier.
        var item: String
        var identifier: String
        var named: String
    }

    private var tallies: [String: Tally] = [:]

    private mutating func tally(_ kind: String, _ item: PackageManifest.Item, named: String = "") {
        let name = item.title ?? item.identifier
        tallies[kind, default: Tally(location: item.location, item: name, identifier: item.identifier, named: named)].count += 1
    }

    /// One warning per kind of item, at the first such item.
    private mutating func warnTallies() {
        for (kind, found) in tallies {
            let message: Text =
                switch (kind, found.count) {
                case ("nothing", 1): "item \"\(found.item)\" launches nothing and holds no item: not a module"
                case ("nothing", _):
                    "\(found.count) items launch nothing and hold no item, the first \"\(found.item)\": not modules"
                case ("undefined", 1):
                    "item \"\(found.item)\" refers to the resource \"\(found.named)\", which the cartridge does not define: the module keeps its title"
                case ("undefined", _):
                    "\(found.count) items refer to resources the cartridge does not define, the first \"\(found.item)\" to \"\(found.named)\": the modules keep their titles"
                case ("sub-manifest", 1):
                    "item \"\(found.item)\" launches the sub-manifest \"\(found.named)\", which is not imported: the module keeps its title"
                case ("sub-manifest", _):
                    "\(found.count) items launch sub-manifests, which are not imported, the first \"\(found.item)\": the modules keep their titles"
                default:
                    "\(counted(found.count, "learning time", "learning times")) rounded to the quarter hour, the first of item \"\(found.item)\""
                }
            warn(found.location, at: found.named.isEmpty ? found.identifier : found.named, message)
        }
    }

    /// The organisation whose items become modules.
    private func organization() throws(CourseImportError) -> PackageManifest.Organization {
        let place = manifest.organizationsLocation ?? manifest.location
        guard !manifest.organizations.isEmpty else {
            throw error(
                place, at: "organizations",
                "the package has no organisation: it holds resources but no course structure to make modules of")
        }
        for organization in manifest.organizations where (organization.identifier ?? "").isEmpty {
            throw error(organization.location, at: "organization", "an <organization> has no identifier, which the format requires")
        }
        guard let wanted = manifest.defaultOrganization else { return manifest.organizations[0] }
        guard let found = manifest.organizations.first(where: { $0.identifier == wanted }) else {
            let known = manifest.organizations.compactMap(\.identifier).map { "\"\($0)\"" }.joined(separator: ", ")
            throw error(
                place, at: wanted, "the default organisation \"\(wanted)\" is not among the package's organisations (\(known))")
        }
        return found
    }

    /// The course the package makes, or the first problem found in it.
    mutating func course() throws(CourseImportError) -> Course {
        let organization = try organization()
        let isCartridge = manifest.format.isCartridge
        guard let title = organization.title ?? (isCartridge ? manifest.title : nil) else {
            throw error(
                organization.location, at: "organization",
                isCartridge
                    ? "the cartridge states no title (neither its organisation nor its metadata)"
                    : "organisation \"\(organization.identifier ?? "")\" has no <title>, which the format requires")
        }
        let modules = try modules(of: organization)
        try checkFiles(of: organization)
        noteWhatHasNoEquivalent(besides: organization)
        warnings = pending.sorted { ($0.location.line, $0.message.key) < ($1.location.line, $1.message.key) }.map {
            CourseImportWarning(located($0.location, at: $0.at), $0.message)
        }

        let duration = modules.reduce(Hours(minutes: 0)) { $0 + $1.duration }
        let objective = Objective(id: "O1", text: Self.unstated)
        let course = Course(
            id: options.courseID ?? courseID(), version: manifest.version.flatMap(CourseVersion.init) ?? CourseVersion("1")!,
            language: language(), title: shortText(title), summary: manifest.summary.map { Self.cut($0, to: 4000) } ?? title,
            audience: Self.unstated, duration: duration, prerequisites: [], objectives: [objective], modules: modules,
            assessment: Assessment(initialPositioning: Self.unstated, methods: [Self.unstated]),
            certification: CertificationRule(minimumAttendancePercent: 100, requiredModules: [], requiresPassedAssessment: false),
            validity: nil, groupSize: GroupSize(minimum: 1, maximum: 20), accessibility: Self.unstated)
        if let problem = course.problems().first {
            throw CourseImportError(manifest.location, problem.message)
        }
        if let violation = CourseSchema.violation(of: course) {
            throw CourseImportError(
                manifest.location, "the course made from this package does not match the course schema: \(Text(verbatim: violation))")
        }
        return course
    }

    /// One module per item that launches something, titled with its enclosing items' titles.
    private mutating func modules(of organization: PackageManifest.Organization) throws(CourseImportError) -> [Module] {
        let items = organization.items
        var modules: [Module] = []
        var unstatedTime: PackageManifest.Item?
        let method = "Module en ligne (\(manifest.format))"
        var identifiers: Set<String> = []
        for item in items {
            guard !item.identifier.isEmpty else {
                throw error(item.location, at: "item", "an <item> has no identifier, which the format requires")
            }
            guard identifiers.insert(item.identifier).inserted else {
                throw error(item.location, at: item.identifier, "the item identifier \"\(item.identifier)\" is used twice")
            }
            // A cartridge's root item has no title, and its folders need none.
            guard item.title != nil || (manifest.format.isCartridge && item.reference == nil) else {
                throw error(item.location, at: item.identifier, "item \"\(item.identifier)\" has no <title>, which the format requires")
            }
            guard let reference = item.reference else {
                if !item.hasChildren { tally("nothing", item) }
                continue
            }
            if manifest.subManifests.contains(reference) {
                tally("sub-manifest", item, named: reference)
                try append(item, in: organization, to: &modules, method: method, unstated: &unstatedTime)
                continue
            }
            guard let resource = manifest.resources[reference] else {
                guard manifest.format.isCartridge else {
                    throw error(
                        item.location, at: reference,
                        "item \"\(item.identifier)\" refers to the resource \"\(reference)\", which the manifest does not define")
                }
                tally("undefined", item, named: reference)
                try append(item, in: organization, to: &modules, method: method, unstated: &unstatedTime)
                continue
            }
            if manifest.format == .cmi5, resource.href == nil {
                throw error(item.location, at: "<au", "AU \"\(item.identifier)\" has no <url>, which the format requires")
            }
            if !manifest.format.isCartridge, resource.href == nil {
                throw error(
                    resource.location, at: resource.identifier,
                    "resource \"\(resource.identifier)\", which item \"\(item.identifier)\" launches, has no href (its launch URL)")
            }
            try append(item, in: organization, to: &modules, method: method, unstated: &unstatedTime)
        }
        guard !modules.isEmpty else {
            throw error(
                organization.location, at: "organization", "the organisation has no item that launches anything: no module to import")
        }
        guard modules.count <= Self.moduleLimit else {
            throw error(
                organization.location, at: "organization",
                "the organisation makes \(modules.count) modules; a course holds at most \(Self.moduleLimit)")
        }
        if let item = unstatedTime {
            // One module and the package states its own learning time: that is the module's.
            if modules.count == 1, let minutes = manifest.learningTime.flatMap(Self.quarterHours) {
                modules[0].duration = Hours(minutes: minutes)
            } else {
                throw error(
                    item.location, at: item.identifier,
                    "item \"\(item.title ?? item.identifier)\" states no typical learning time: give the modules' hours with --module-hours"
                )
            }
        }
        warnTallies()
        return modules
    }

    private mutating func append(
        _ item: PackageManifest.Item, in organization: PackageManifest.Organization, to modules: inout [Module], method: String,
        unstated: inout PackageManifest.Item?
    ) throws(CourseImportError) {
        let title = shortText(manifest.titles(of: item, in: organization).joined(separator: " — "))
        var duration = Hours(minutes: 0)
        if let minutes = item.learningTime, let quarter = Self.quarterHours(minutes) {
            if quarter != minutes { tally("rounded", item) }
            duration = Hours(minutes: quarter)
        } else if let moduleHours = options.moduleHours {
            duration = moduleHours
        } else if unstated == nil {
            unstated = item
        }
        modules.append(
            Module(
                id: "M\(modules.count + 1)", title: title, duration: duration, modality: .remote, objectives: ["O1"],
                content: [title], methods: [method]))
    }

    /// Minutes to the nearest quarter hour, at least one; `nil` for nothing.
    static func quarterHours(_ minutes: Int) -> Int? {
        guard minutes > 0 else { return nil }
        return max(15, (minutes + 7) / 15 * 15)
    }

    /// Every file a launched resource names is in the package, and none leaves it. (The
    /// resources no item of the imported organisation launches are not looked at.)
    private func checkFiles(of organization: PackageManifest.Organization) throws(CourseImportError) {
        if case .unknown = contents { return }
        let launched = Set(organization.items.compactMap(\.reference))
        let resources = manifest.resources.values.filter { launched.contains($0.identifier) }
            .sorted { ($0.location.line, $0.identifier) < ($1.location.line, $1.identifier) }
        for resource in resources {
            for href in [resource.href].compactMap({ $0 }) + resource.files {
                guard let path = Self.resolved(href, bases: [manifest.manifestBase, manifest.resourcesBase, resource.base]) else {
                    continue
                }
                guard let normal = path.normal else {
                    throw error(resource.location, at: href, "resource \"\(resource.identifier)\" names \"\(href)\", outside the package")
                }
                guard contents.holds(normal) else {
                    throw error(
                        resource.location, at: resource.identifier,
                        normal == href
                            ? "resource \"\(resource.identifier)\" names the file \"\(href)\", which the package does not hold"
                            : "resource \"\(resource.identifier)\" names the file \"\(href)\" (\(normal) in the package, after xml:base), which the package does not hold"
                    )
                }
            }
        }
    }

    /// A file reference as a path from the package's root, each `xml:base` applied in turn
    /// as a URL resolves a relative reference (a base not ending in `/` names a file, whose
    /// folder counts), the query and fragment dropped, percent escapes decoded, `.` and `..`
    /// resolved: `normal` is `nil` when the path climbs out of the package. `nil` for a
    /// reference on the web (it has a scheme).
    static func resolved(_ href: String, bases: [String?]) -> (path: String, normal: String?)? {
        func isAbsolute(_ reference: String) -> Bool {
            guard let colon = reference.firstIndex(of: ":"), reference.distance(from: reference.startIndex, to: colon) > 1 else {
                return false
            }
            return reference[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        }
        var folder: [Substring] = []
        let references = bases.compactMap { $0 } + [href]
        for (index, whole) in references.enumerated() {
            let reference = String(whole.prefix { $0 != "?" && $0 != "#" })
            if isAbsolute(reference) { return nil }
            let decoded = reference.removingPercentEncoding ?? reference
            // From the web server's root, not the package's.
            if decoded.hasPrefix("/") || decoded.hasPrefix("\\") { return (decoded, nil) }
            var parts = decoded.split(separator: "/", omittingEmptySubsequences: false)
            // What follows a base's last `/` is a file's name: its folder is what comes before.
            if index < references.count - 1 { parts.removeLast() }
            for part in parts where !part.isEmpty && part != "." {
                if part == ".." {
                    guard !folder.isEmpty else { return (decoded, nil) }
                    folder.removeLast()
                } else {
                    folder.append(part)
                }
            }
        }
        let path = folder.joined(separator: "/")
        return (path, PackageArchive.normalised(path))
    }

    /// What the package says that a course has no place for, said once per kind.
    private mutating func noteWhatHasNoEquivalent(besides organization: PackageManifest.Organization) {
        var notes: [(SourceLocation, Text)] = []
        for (kind, found) in manifest.unmatched {
            notes.append(
                (found.first, "\(kind), in \(counted(found.count, "place", "places")), have no equivalent in a course: not imported"))
        }
        let others = manifest.organizations.filter { $0.identifier != organization.identifier }
        if let first = others.first {
            notes.append(
                (first.location, "\(counted(others.count, "other organisation", "other organisations")) than the default: not imported"))
        }
        if let first = manifest.firstUnreadableTime {
            notes.append(
                (
                    first,
                    "\(counted(manifest.unreadableTimes, "learning time", "learning times")) not read: a duration is written PT1H30M (or 01:30:00)"
                ))
        }
        let launching = organization.items.filter { $0.reference.flatMap { manifest.resources[$0]?.href } != nil }
        if let first = launching.first {
            notes.append(
                (
                    first.location,
                    "launch URLs, in \(counted(launching.count, "item", "items")), have no equivalent in a course: the modules keep their titles, the content stays in the learning platform"
                ))
        }
        for (location, message) in notes { pending.append((location, "", message)) }
    }

    /// The manifest's identifier as a course id (letters, digits, `.`, `_` and `-`, 64 at most);
    /// of an IRI (cmi5's), its last segment.
    private func courseID() -> String {
        var identifier = manifest.identifier ?? ""
        if identifier.contains("://"), let last = identifier.split(separator: "/").last { identifier = String(last) }
        var id = ""
        for character in identifier.unicodeScalars {
            let allowed = character.isASCII && (CharacterSet.alphanumerics.contains(character) || "._-".unicodeScalars.contains(character))
            id.unicodeScalars.append(allowed ? character : "-")
        }
        while let first = id.unicodeScalars.first, !(first.isASCII && CharacterSet.alphanumerics.contains(first)) {
            id.unicodeScalars.removeFirst()
        }
        id = String(id.prefix(64))
        return id.isEmpty ? "PACKAGE" : id
    }

    /// The metadata's language as the course format writes it (`fr`, `en-US`), or `fr`.
    private func language() -> String {
        guard let stated = manifest.language ?? manifest.titleLanguage else { return "fr" }
        let parts = stated.split(separator: "-")
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return "fr" }
        if parts.count == 2, parts[1].count == 2, parts[1].allSatisfy({ $0.isASCII && $0.isLetter }) {
            return first.lowercased() + "-" + parts[1].uppercased()
        }
        return first.lowercased()
    }

    /// At most 300 characters as the course schema counts them (Unicode scalars), cut with "…".
    private func shortText(_ text: String) -> String {
        Self.cut(text, to: 300)
    }

    static func cut(_ text: String, to length: Int) -> String {
        guard text.unicodeScalars.count > length else { return text }
        var scalars = String.UnicodeScalarView(text.unicodeScalars.prefix(length - 1))
        scalars.append("…")
        return String(scalars)
    }
}
