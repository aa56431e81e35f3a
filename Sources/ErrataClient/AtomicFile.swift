import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes files so that a reader, or the next launch after a crash, sees the old file or the new one, never a part.
enum AtomicFile {
    /// Writes `data` to a temporary file in the same directory, flushes it to disk, then renames it over `url`.
    ///
    /// The temporary file must sit in the same directory: `rename(2)` is only atomic within one file system.
    /// - Throws: An error describing the failed step; `url` is then unchanged.
    static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        // O_EXCL: never write through a file (or link) someone else put at the temporary name.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw AtomicFileError(step: "create \(temporary.path)", code: errno) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            // Without fsync the rename can reach the disk before the data, leaving an empty file after a crash.
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, url.path) == 0 else {
                throw AtomicFileError(step: "rename to \(url.path)", code: errno)
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        synchronizeDirectory(directory)
    }

    /// Flushes the directory entry so the rename itself survives a crash; best effort, as not every
    /// file system allows opening a directory.
    static func synchronizeDirectory(_ directory: URL) {
        let descriptor = open(directory.path, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }
}

/// A failed step of an atomic write, with the system's reason.
struct AtomicFileError: Error, CustomStringConvertible {
    var step: String
    var code: Int32

    var description: String { "cannot \(step): \(String(cString: strerror(code)))" }
}
