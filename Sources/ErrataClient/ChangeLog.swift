import ErrataCore
import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The deltas synced since the cache's base file was written: `changes.log`, one JSON record a line.
///
/// Appending one small record (and one `fsync`) is what makes a sync of one change cheap; rewriting
/// the whole base file for every change costs as much as the catalog. Records only ever apply on top
/// of the base: each names the revision it starts from, and a record that does not continue the
/// chain — a torn last line after a crash, a record left from an older base, or one written by an older
/// client, whose deltas carried no review states — is skipped, so a reader sees a revision that was
/// synced, never a mix (and the next sync asks the server again from there).
struct ChangeLog: Sendable {
    let url: URL

    /// One synced delta and when it was synced (which counts as a check of the server).
    struct Record: Codable, Sendable {
        var savedAt: Date
        var changes: CatalogChanges
    }

    // MARK: - Reading

    /// The records that continue `revision`, in order; a missing or unreadable log has none.
    ///
    /// - Parameter revision: The revision of the base file the log belongs to.
    func records(continuing revision: Int) -> [Record] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        let newline = UInt8(ascii: "\n")
        var lines = data.split(separator: newline)
        // A last line without its newline was torn by a crash.
        if data.last != newline, !lines.isEmpty { lines.removeLast() }
        var records: [Record] = []
        var current = revision
        for line in lines {
            guard let record = try? CacheFileReader.record(line),
                record.changes.fromRevision == current, record.changes.toRevision > current,
                record.changes.locales != nil
            else { continue }
            records.append(record)
            current = record.changes.toRevision
        }
        return records
    }

    // MARK: - Writing

    /// Appends a record and flushes it to disk.
    ///
    /// - Returns: The size of the log afterwards, in bytes, for deciding when to compact it.
    /// - Throws: An error describing the failed step; the records already in the log are intact.
    func append(_ record: Record) throws -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var line = try encoder.encode(record)
        line.append(UInt8(ascii: "\n"))
        let existed = FileManager.default.fileExists(atPath: url.path)
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_APPEND, 0o644)
        guard descriptor >= 0 else { throw AtomicFileError(step: "open \(url.path)", code: errno) }
        defer { _ = close(descriptor) }
        var size = Int(lseek(descriptor, 0, SEEK_END))
        var lastByte: UInt8 = 0
        if size > 0, pread(descriptor, &lastByte, 1, off_t(size - 1)) == 1, lastByte != UInt8(ascii: "\n") {
            // A torn line from a crash: end it, so this record starts a line of its own.
            line.insert(UInt8(ascii: "\n"), at: 0)
        }
        try line.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                guard written > 0 else { throw AtomicFileError(step: "append to \(url.path)", code: errno) }
                offset += written
            }
        }
        // The record must be on disk before the sync reports the new revision as saved.
        guard fsync(descriptor) == 0 else { throw AtomicFileError(step: "flush \(url.path)", code: errno) }
        if !existed { AtomicFile.synchronizeDirectory(url.deletingLastPathComponent()) }
        size += line.count
        return size
    }

    /// Removes the log; done before a new base file is written, so the log never outlives its base.
    func remove() throws {
        guard unlink(url.path) == 0 || errno == ENOENT else { throw AtomicFileError(step: "remove \(url.path)", code: errno) }
        AtomicFile.synchronizeDirectory(url.deletingLastPathComponent())
    }
}
