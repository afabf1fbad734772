public import Foundation
public import TrainingCore
internal import ZIPFoundation

/// Reads an e-learning package — SCORM 1.2, SCORM 2004, IMS Common Cartridge 1.0 to 1.3 or
/// cmi5 — into a course whose modules are the package's items, delivered remotely.
///
/// A package is a `.zip` (or a cartridge's `.imscc`), a folder holding `imsmanifest.xml` (or
/// cmi5's `cmi5.xml`) at its root, or that manifest alone. A zip whose files are all in one
/// folder has that folder for root. From a zip, only the manifest is inflated, into a private
/// temporary folder, within ``Limits``; every entry is checked first, from the archive's
/// directory, and the package is refused whole if one would leave its folder. From a zip or a
/// folder, every file a launched resource names must be in the package; from the manifest
/// alone, the files are not looked for.
///
/// The default organisation's items become the modules, in document order: an item that
/// launches something is a module, titled with the titles of the items that enclose it
/// (`Module 1 — Chapitre 2`). Its hours are the typical learning time its metadata states,
/// rounded to the quarter hour, or the hours the options give. What a course has no place for
/// (sequencing rules, launch URLs, time limits, other organisations) is a warning.
public struct PackageReader: Sendable {
    /// What a zip may hold before it is refused as a bomb or a mistake.
    public struct Limits: Sendable {
        /// The most entries.
        public var entries = 20_000
        /// The most bytes all entries together say they inflate to.
        public var totalBytes: UInt64 = 8 << 30
        /// The largest manifest.
        public var manifestBytes: UInt64 = 16 << 20
        /// The most an entry of over a mebibyte may inflate, as a multiple of its compressed size.
        public var compressionRatio: UInt64 = 200
        /// Where the manifest of a zip is inflated, in a folder of its own removed after.
        var temporaryRoot = FileManager.default.temporaryDirectory

        public init() {}
    }

    /// What the user gives that a package may not say.
    public struct Options: Sendable {
        /// The hours of a module whose item states no learning time.
        public var moduleHours: Hours?
        /// The course's id, instead of the one made from the manifest's identifier.
        public var courseID: String?

        public init(moduleHours: Hours? = nil, courseID: String? = nil) {
            self.moduleHours = moduleHours
            self.courseID = courseID
        }
    }

    /// The limits on zips.
    public var limits: Limits
    public var options: Options

    /// A reader with the default limits.
    public init(options: Options = Options(), limits: Limits = Limits()) {
        self.options = options
        self.limits = limits
    }

    /// Whether `path` is a package rather than a course or LHEO file: a `.zip`, or a folder
    /// holding a manifest. (A manifest alone is told by its root: ``CourseReader``.)
    public static func isPackage(_ path: String) -> Bool {
        isArchive(path) || manifestName(inFolder: path) != nil
    }

    /// Whether `path` is a zip: a regular file named `.zip`, or a Common Cartridge's `.imscc`.
    /// (A folder or a pipe so named is not: reading it as an archive would never end.)
    public static func isArchive(_ path: String) -> Bool {
        guard ["zip", "imscc"].contains(URL(fileURLWithPath: path).pathExtension.lowercased()) else { return false }
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// The name of the manifest at the root of the folder at `path`, if it is a package's.
    static func manifestName(inFolder path: String) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        let url = URL(fileURLWithPath: path)
        return PackageFormat.manifestNames.first { FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }
    }

    /// Reads the package at `path` into a course; what has no equivalent goes to `warn`.
    public func read(_ path: String, warn: (CourseImportWarning) -> Void) throws -> CatalogueEntry {
        let url = URL(fileURLWithPath: path)
        if Self.isArchive(path) {
            let archive = try PackageArchive(url: url, shownAs: path, limits: limits)
            defer { archive.removeTemporaryFolder() }
            return try read(manifest: archive.manifest, shownAs: path + "/" + archive.manifestPath, contents: .archive(archive), warn: warn)
        }
        let name = Self.manifestName(inFolder: path) ?? PackageFormat.manifestNames[0]
        let shown = (path.hasSuffix("/") ? path : path + "/") + name
        return try read(manifest: url.appendingPathComponent(name), shownAs: shown, contents: .folder(url), warn: warn)
    }

    /// `bytes` as a person reads a size: `16 MiB`, `8 GiB`, `512 KiB`.
    static func size(_ bytes: UInt64) -> String {
        for (unit, shift) in [("GiB", UInt64(30)), ("MiB", 20), ("KiB", 10)] where bytes >= 1 << shift && bytes % (1 << shift) == 0 {
            return "\(bytes >> shift) \(unit)"
        }
        return bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }

    /// Reads a manifest alone, named `shown` in messages: the files it names are not looked for.
    func read(manifest url: URL, shownAs shown: String, warn: (CourseImportWarning) -> Void) throws -> CatalogueEntry {
        try read(manifest: url, shownAs: shown, contents: .unknown, warn: warn)
    }

    private func read(
        manifest url: URL, shownAs shown: String, contents: PackageContents, warn: (CourseImportWarning) -> Void
    ) throws -> CatalogueEntry {
        // Memory grows with the manifest's items and resources: a manifest is bounded, from a
        // folder too (its size as stat gives it, through a symbolic link).
        var status = stat()
        if stat(url.path, &status) == 0, UInt64(status.st_size) > limits.manifestBytes {
            throw CourseImportError(
                SourceLocation(path: shown, line: 0), "the manifest is larger than \(Self.size(limits.manifestBytes)); refused")
        }
        let manifest = try PackageManifest.read(url, shownAs: shown)
        var builder = PackageCourseBuilder(
            manifest: manifest, contents: contents, options: options, columns: ColumnFinder(opening: url.path, shownAs: shown))
        let course = try builder.course()
        for warning in builder.warnings { warn(warning) }
        return CatalogueEntry(course: course, location: manifest.location)
    }
}

/// What a package holds besides its manifest, to check the files the manifest names.
enum PackageContents {
    case archive(PackageArchive)
    case folder(URL)
    /// The manifest alone: the files are elsewhere.
    case unknown

    /// Whether the package holds the file at `path`, relative to its root.
    func holds(_ path: String) -> Bool {
        switch self {
        case .archive(let archive): archive.paths.contains(path)
        case .folder(let folder):
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
        case .unknown: true
        }
    }
}

/// A zip package, checked entry by entry from its central directory, its manifest inflated
/// into a temporary folder of its own.
final class PackageArchive {
    /// The files it holds, from the package's root.
    let paths: Set<String>
    /// The manifest, inflated.
    let manifest: URL
    /// Where the manifest is in the archive.
    let manifestPath: String
    private let folder: URL

    init(url: URL, shownAs shown: String, limits: PackageReader.Limits) throws(CourseImportError) {
        let whole = SourceLocation(path: shown, line: 0)
        guard PackageReader.isArchive(url.path) else { throw CourseImportError(whole, "not a regular file") }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw CourseImportError(whole, "not a zip archive this tool can read")
        }
        var paths: Set<String> = []
        var total: UInt64 = 0
        var count = 0
        var files: [String: Entry] = [:]
        for entry in archive {
            count += 1
            guard count <= limits.entries else {
                throw CourseImportError(whole, "the archive holds more than \(limits.entries) entries; a package this large is refused")
            }
            let path = entry.path
            guard let normal = Self.normalised(path) else {
                throw CourseImportError(
                    whole, "the entry \"\(path)\" would be written outside the package's folder; the archive is refused")
            }
            guard entry.type != .symlink else {
                throw CourseImportError(whole, "the entry \"\(path)\" is a symbolic link; a package holds files and folders only")
            }
            // Sizes are what the archive says (ZIP64 sizes up to 2⁶⁴): compared, never added past the limit.
            guard entry.uncompressedSize <= limits.totalBytes - total else {
                throw CourseImportError(
                    whole,
                    "the archive inflates to more than \(PackageReader.size(limits.totalBytes)); a package this large is refused")
            }
            total += entry.uncompressedSize
            if entry.uncompressedSize > 1 << 20, entry.uncompressedSize / max(entry.compressedSize, 1) > limits.compressionRatio {
                throw CourseImportError(
                    whole,
                    "the entry \"\(path)\" inflates \(entry.uncompressedSize / max(entry.compressedSize, 1)) times its size: refused as a zip bomb"
                )
            }
            if entry.type == .file, !normal.isEmpty {
                paths.insert(normal)
                files[normal] = entry
            }
        }
        // The manifest at the root; or, when every file is in one folder (a folder zipped
        // whole), at that folder's root, which is then the package's. imsmanifest.xml first.
        // (What macOS adds to a zip it makes, __MACOSX/ and .DS_Store, does not count.)
        var root = ""
        let content = paths.filter { !$0.hasPrefix("__MACOSX/") && !$0.hasSuffix(".DS_Store") }
        if !PackageFormat.manifestNames.contains(where: { files[$0] != nil }),
            let first = content.first?.split(separator: "/").first, content.allSatisfy({ $0.hasPrefix(first + "/") })
        {
            root = first + "/"
        }
        guard let manifestPath = PackageFormat.manifestNames.map({ root + $0 }).first(where: { files[$0] != nil }),
            let manifestEntry = files[manifestPath]
        else {
            throw CourseImportError(
                whole, "the archive has no imsmanifest.xml or cmi5.xml at its root: it is not a SCORM, Common Cartridge or cmi5 package")
        }
        let name = String(manifestPath.dropFirst(root.count))
        if !root.isEmpty { paths = Set(content.map { String($0.dropFirst(root.count)) }) }
        guard manifestEntry.uncompressedSize <= limits.manifestBytes else {
            throw CourseImportError(whole, "its \(name) is larger than \(PackageReader.size(limits.manifestBytes)); refused")
        }
        let folder = limits.temporaryRoot.appendingPathComponent("allervers-package-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CourseImportError(whole, "cannot make a temporary folder to read the package in")
        }
        let manifest = folder.appendingPathComponent(name)
        do {
            guard FileManager.default.createFile(atPath: manifest.path, contents: nil),
                let handle = FileHandle(forWritingAtPath: manifest.path)
            else { throw CourseImportError(whole, "cannot write its manifest into a temporary folder") }
            defer { try? handle.close() }
            var written: UInt64 = 0
            let stated = manifestEntry.uncompressedSize
            let checksum = try archive.extract(manifestEntry, skipCRC32: false) { chunk in
                written += UInt64(chunk.count)
                guard written <= stated else {
                    throw CourseImportError(whole, "its \(name) inflates beyond the size the archive states: refused as a zip bomb")
                }
                try handle.write(contentsOf: chunk)
            }
            // ZIPFoundation computes the checksum of what it hands a consumer but leaves the comparison to the caller.
            guard checksum == manifestEntry.checksum, written == stated else { throw CocoaError(.fileReadCorruptFile) }
        } catch let error as CourseImportError {
            try? FileManager.default.removeItem(at: folder)
            throw error
        } catch Archive.ArchiveError.invalidCompressionMethod {
            try? FileManager.default.removeItem(at: folder)
            throw CourseImportError(
                whole, "its \(name) is compressed by a method this tool does not read (it reads stored and deflated entries)")
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw CourseImportError(whole, "its \(name) cannot be read from the archive (damaged, or its checksum does not match)")
        }
        self.paths = paths
        self.manifest = manifest
        self.manifestPath = manifestPath
        self.folder = folder
    }

    func removeTemporaryFolder() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The entry's path relative to the package's root, or `nil` when it would leave it
    /// (absolute, `..`, a drive letter, a NUL). Backslashes count as separators, as some
    /// Windows tools write them.
    static func normalised(_ path: String) -> String? {
        guard !path.isEmpty, !path.contains("\0") else { return nil }
        let slashed = path.replacingOccurrences(of: "\\", with: "/")
        guard !slashed.hasPrefix("/"), !(slashed.count >= 2 && slashed.dropFirst().first == ":") else { return nil }
        var parts: [Substring] = []
        for part in slashed.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": return nil
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
