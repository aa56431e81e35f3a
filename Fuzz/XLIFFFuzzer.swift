// libFuzzer target: the reader and writer of XLIFF files (`XLIFFDocument`, `XMLEventReader`).
//
// Compiled into one module together with every Sources/ErrataCore file (see Fuzz/run.sh), so
// internal symbols are reachable. The input bytes are an XLIFF file as `import --format xliff` reads it.
//
// Checked for every input: reading ends in a document or a typed `XLIFFError` (never a crash, a hang
// or an out-of-memory) and is deterministic; a document read, written and read again is the same
// document (the writer escapes whatever the reader can produce, and the reader produces only
// characters XML allows).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLIFF(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    let first = Result { () throws(XLIFFError) in try XLIFFDocument(xml: bytes) }
    let again = Result { () throws(XLIFFError) in try XLIFFDocument(xml: bytes) }
    require(first == again, "reading is not deterministic")
    guard case .success(let document) = first else { return 0 }
    let written = Result { () throws(XLIFFError) in try XLIFFDocument(xml: Array(document.xml().utf8)) }
    require(written == .success(document), "a document written does not read back the same: \(written)")
    return 0
}

private func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "", file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
