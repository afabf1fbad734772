public import Foundation

/// A file made by the tool that must not replace another: created with `O_EXCL`, written
/// whole (a write the kernel cuts short is continued), and, where asked, on the disk before
/// it counts as written. The one way the tool writes such a file itself rather than through
/// `Data.write`, which waits for the disk after every file.
public enum NewFile {
    /// Creates the file at `path` with `mode` and writes `bytes`; with `durable`, waits for
    /// the disk. A file that could not be written whole stays as far as it got, for the
    /// caller to remove.
    public static func write(_ bytes: some ContiguousBytes, to path: String, mode: mode_t, durable: Bool) throws(NewFileError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw NewFileError(errno: errno, created: false) }
        defer { close(descriptor) }
        let failed: Int32? = bytes.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return errno }
                written += count
            }
            return durable && fsync(descriptor) != 0 ? errno : nil
        }
        if let failed { throw NewFileError(errno: failed, created: true) }
    }
}

/// Why a new file could not be made: the system's error.
public struct NewFileError: Error, Sendable {
    /// The system's error number.
    public let errno: Int32
    /// Whether the file was made before the failure (a write failed, not the creation).
    public let created: Bool
    /// The system's words for it.
    public var reason: String { String(cString: strerror(errno)) }
}
