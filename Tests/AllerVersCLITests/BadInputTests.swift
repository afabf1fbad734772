import Foundation
import Testing
import TrainingTesting

/// Bad input through the command line: one line, a non-zero exit, the store unchanged.
@Suite struct BadInputTests {
    static let goodCourse = Fixtures.shippedCourseFiles[0]

    /// Files that are refused, each imported after a valid one so that all-or-nothing shows.
    static let badFiles: [(String, String, String)] = [
        ("malformed.xml", "<course xmlns=\"urn:allervers:course:1\"><title>x</course>", "malformed.xml:1:"),
        (
            "doctype.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>",
            "doctype.xml:2:1: a DOCTYPE"
        ),
        ("foreign.xml", "<html/>", "foreign.xml:1: the root element is html"),
    ]

    @Test(arguments: badFiles.map(\.0))
    func badFileLeavesTheStoreUnchanged(name: String) async throws {
        let (_, text, expected) = try #require(Self.badFiles.first { $0.0 == name })
        let workspace = try await initialisedWorkspace()
        let bad = try workspace.file(name, text)
        let before = try storeBytes(workspace)
        let result = await allervers("course", "import", "--store", workspace.url.path, Self.goodCourse.path, bad.path)
        #expect(result.exitCode != 0)
        #expect(result.error.contains(expected), "\(result.error)")
        #expect(!result.error.contains("\n"))
        #expect(try storeBytes(workspace) == before)
        let list = await allervers("course", "list", "--store", workspace.url.path)
        #expect(list.output.hasPrefix("No course yet"))
    }

    @Test func conflictNamesTheFileAndLine() async throws {
        let workspace = try await initialisedWorkspace()
        _ = await allervers("course", "import", "--store", workspace.url.path, Self.goodCourse.path)
        let changed = try String(contentsOf: Self.goodCourse, encoding: .utf8).replacingOccurrences(of: "Deux jours", with: "Trois jours")
        let file = try workspace.file("changed.xml", changed)
        let before = try storeBytes(workspace)
        let result = await allervers("course", "import", "--store", workspace.url.path, file.path)
        #expect(
            result.error
                == "\(file.path):2: course AV-FOND version 1.0 is already in the workspace with different content: give the changed course a new version, or import with --replace"
        )
        #expect(try storeBytes(workspace) == before)
        let replaced = await allervers("course", "import", "--replace", "--store", workspace.url.path, file.path)
        #expect(replaced.output.contains("1 replaced"))
    }

    @Test func missingFileAndEmptyFolder() async throws {
        let workspace = try await initialisedWorkspace()
        let missing = await allervers("course", "import", "--store", workspace.url.path, "/nonexistent.xml")
        #expect(missing.error == "/nonexistent.xml: no such file or folder")
        let empty = workspace.url.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let folder = await allervers("course", "validate", empty.path)
        #expect(folder.exitCode != 0)
        #expect(folder.error == "\(empty.path): this folder holds no course file and no package")
    }

    @Test func noWorkspace() async throws {
        let folder = try TemporaryFolder()
        let result = await allervers("course", "list", "--store", folder.url.path)
        #expect(result.exitCode != 0)
        #expect(result.error.contains("no AllerVers workspace in"))
    }

    @Test func storeThatCannotBeWritten() async throws {
        let workspace = try await initialisedWorkspace()
        switch TestDatabase.current {
        case .sqlite:
            // Running as root, permissions do not stop a write: a directory in the store's place does.
            let store = workspace.url.appendingPathComponent(".allervers/store.sqlite")
            try FileManager.default.removeItem(at: store)
            try FileManager.default.createDirectory(at: store, withIntermediateDirectories: false)
        case .postgres:
            // A server that is not there.
            let location = workspace.url.appendingPathComponent(".allervers/store-location")
            try Data("postgres://nobody@127.0.0.1:9/nowhere\n".utf8).write(to: location)
        }
        let result = await allervers("course", "import", "--store", workspace.url.path, Self.goodCourse.path)
        #expect(result.exitCode != 0)
        #expect(result.error.hasPrefix("cannot use the store"), "\(result.error)")
        #expect(!result.error.contains("\n"))
    }
}

/// The built binary, as a user runs it.
@Suite struct BinaryTests {
    @Test func versionAndHelp() throws {
        let binary = try builtBinary
        #expect(try execute(binary, ["--version"]) == (0, "0.1.0\n"))
        let help = try execute(binary, ["course", "import", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("Example:"))
    }

    @Test func errorIsOneLineOnStandardErrorWithExitCode() throws {
        let binary = try builtBinary
        let folder = try TemporaryFolder()
        let bad = try folder.file("bad.xml", "<course xmlns=\"urn:allervers:course:1\">")
        let result = try execute(binary, ["course", "validate", bad.path])
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("Error: \(bad.path):1:"))
        #expect(result.output.split(separator: "\n").count == 1)
    }

    /// Nothing outside the file is read: strace watches every open and connect while the
    /// hostile corpus's external-entity files are validated.
    @Test func hostileFilesReadNothingElse() throws {
        let binary = try builtBinary
        let strace = URL(fileURLWithPath: "/usr/bin/strace")
        try #require(FileManager.default.isExecutableFile(atPath: strace.path), "strace is missing: make test installs it")
        let folder = try TemporaryFolder()
        let own = try folder.file(
            "parameter.xml",
            "<!DOCTYPE course [<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p; <!ENTITY x SYSTEM \"/etc/passwd\">]>\n<course xmlns=\"urn:allervers:course:1\">&x;</course>"
        )
        let files =
            [own]
            + Fixtures.corpusFiles("hostile-xml/defusedxml").filter {
                $0.lastPathComponent.hasPrefix("external") || $0.lastPathComponent.hasPrefix("dtd")
            }
        try #require(files.count >= 4)
        for file in files {
            let trace = folder.url.appendingPathComponent("trace.txt")
            let result = try execute(
                strace, ["-f", "-e", "trace=open,openat,connect,socket", "-o", trace.path, binary.path, "course", "validate", file.path])
            #expect(result.status != 0)
            let log = try String(contentsOf: trace, encoding: .utf8)
            #expect(log.contains(file.path), "strace saw no open of the file itself")
            for forbidden in ["/etc/passwd", "/etc/hostname", "connect(", "AF_INET", ".dtd\""] {
                #expect(!log.contains(forbidden), "\(file.lastPathComponent) made allervers touch \(forbidden)")
            }
        }
    }
}
