/// An array kept in fixed-size chunks, so that changing one element of a copy copies one chunk, not the whole array.
///
/// ``CatalogSnapshot/applying(_:revision:)`` relies on it: the next revision shares every
/// chunk it does not touch with the previous one, so applying a change costs the chunk, not the catalog.
struct ChunkedArray<Element: Sendable>: Sendable {
    // 2^8 elements per chunk: small enough to copy cheaply, large enough to keep the chunk list short.
    private static var chunkShift: Int { 8 }
    private static var chunkMask: Int { (1 << chunkShift) - 1 }

    private var chunks: [[Element]]

    /// The elements of `elements`, in order.
    init(_ elements: [Element]) {
        let size = 1 << Self.chunkShift
        chunks = stride(from: 0, to: elements.count, by: size).map {
            Array(elements[$0..<min($0 + size, elements.count)])
        }
    }

    /// The element at `index`, which must be less than the count the array was created with.
    subscript(index: Int) -> Element {
        get { chunks[index >> Self.chunkShift][index & Self.chunkMask] }
        set { chunks[index >> Self.chunkShift][index & Self.chunkMask] = newValue }
    }
}
