public import Foundation
public import ZIPFoundation

/// E-learning packages built at run time around the corpus's manifests (the corpus holds
/// manifests, not the content they launch), as folders or zips.
public enum Packages {
    /// A package around a corpus manifest: the manifest under its own name and every file it
    /// names (an `href`, a cmi5 `<url>`, without query), each with a line of text.
    public static func folder(from manifestPath: String, in folder: TemporaryFolder, leaving missing: Set<String> = []) throws -> URL {
        guard let corpora = Fixtures.corpora else { throw CocoaError(.fileNoSuchFile) }
        let manifest = corpora.appendingPathComponent(manifestPath)
        let text = try String(contentsOf: manifest, encoding: .utf8)
        let root = folder.url.appendingPathComponent("package")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: root.appendingPathComponent(manifest.lastPathComponent))
        var named: Set<String> = []
        for pattern in ["href=\"([^\"]+)\"", "<url>([^<?#]+)"] {
            for match in try NSRegularExpression(pattern: pattern).matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { named.insert(String(text[range])) }
            }
        }
        for href in named.subtracting(missing) {
            let file = root.appendingPathComponent(href)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("contenu\n".utf8).write(to: file)
        }
        return root
    }

    /// `entries` zipped into `name` in `folder`.
    @discardableResult
    public static func zip(
        _ entries: [(path: String, data: Data)], as name: String, in folder: TemporaryFolder, method: CompressionMethod = .deflate
    )
        throws -> URL
    {
        let url = folder.url.appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for entry in entries {
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(entry.data.count), compressionMethod: method) {
                position, size in entry.data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    /// The files of a folder, as zip entries.
    public static func entries(of root: URL) throws -> [(path: String, data: Data)] {
        let paths = FileManager.default.subpaths(atPath: root.path) ?? []
        return try paths.sorted().compactMap { path in
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder)
            return isFolder.boolValue ? nil : (path, try Data(contentsOf: root.appendingPathComponent(path)))
        }
    }
}
