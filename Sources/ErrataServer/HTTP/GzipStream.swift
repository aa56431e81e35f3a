import CompressNIO
import Foundation
import NIOCore
import NIOFoundationCompat

/// Compresses a body with gzip as it is written, so that only the compressed bytes are ever held whole.
///
/// For example:
///
/// ```swift
/// var stream = try GzipStream()
/// try document.writeCanonicalJSON { try stream.write($0) }
/// let gzip = try stream.finish()
/// ```
///
/// The output is what compressing the whole body at once makes (`ByteBuffer.compress(with: .gzip())`).
struct GzipStream: ~Copyable {
    /// The least free space given to zlib on each call, so that every call makes progress.
    private static let outputSpace = 65_536

    private let compressor: ZlibCompressor
    private var output: ByteBuffer

    /// - Throws: `CompressNIOError` when zlib cannot start (out of memory).
    init() throws {
        compressor = try ZlibCompressor(algorithm: .gzip)
        output = ByteBufferAllocator().buffer(capacity: Self.outputSpace)
    }

    /// Compresses the next piece of the body.
    mutating func write(_ piece: [UInt8]) throws {
        var input = ByteBuffer(bytes: piece)
        while input.readableBytes > 0 {
            output.reserveCapacity(minimumWritableBytes: Self.outputSpace)
            try compressor.deflate(from: &input, to: &output, flush: .no)
        }
    }

    /// Ends the stream and returns the gzip-encoded body.
    consuming func finish() throws -> Data {
        var nothing = ByteBuffer()
        while true {
            output.reserveCapacity(minimumWritableBytes: Self.outputSpace)
            do {
                try compressor.deflate(from: &nothing, to: &output, flush: .finish)
                return Data(buffer: output)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                // zlib had more to write than there was room for: give it more and finish again.
            }
        }
    }

    /// The body a gzip encoding encodes, inflated into one buffer of its exact size, which the
    /// gzip trailer gives modulo 2³² (RFC 1952 §2.3.1): for bodies under 4 GiB.
    ///
    /// - Throws: `CompressNIOError` when `gzip` is not a gzip stream or zlib runs out of memory.
    static func inflate(_ gzip: Data) throws -> ByteBuffer {
        var input = ByteBuffer(data: gzip)
        let size = input.getInteger(at: input.writerIndex - 4, endianness: .little, as: UInt32.self) ?? 0
        // Never zero: zlib needs somewhere to write, even to find a stream empty.
        var body = ByteBufferAllocator().buffer(capacity: max(Int(size), 64))
        try input.decompress(to: &body, with: .gzip())
        return body
    }
}
