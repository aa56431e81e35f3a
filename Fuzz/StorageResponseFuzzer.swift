// libFuzzer target: the reader of raw storage responses (`StorageResponse`, `ErrorXMLReader`).
//
// Compiled into one module together with every Sources/ErrataCore file (see Fuzz/run.sh), so
// internal symbols are reachable. The input bytes are the response body, read once without
// headers and once with a request-id header.
//
// Checked for every input: reading ends in a value or a typed `StorageResponseError` (never a
// crash, a hang or an out-of-memory); it is deterministic; a value read from a body has the body's
// format and no empty field; headers only fill what the body left out.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStorageResponse(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let body = Data(bytes: start, count: count)
    let first = Result { () throws(StorageResponseError) in try StorageResponse(body: body) }
    let again = Result { () throws(StorageResponseError) in try StorageResponse(body: body) }
    require(first == again, "reading is not deterministic")
    let withHeader = Result { () throws(StorageResponseError) in try StorageResponse(body: body, headers: ["x-amz-request-id": "R"]) }
    switch (first, withHeader) {
    case (.success(let response), .success(let filled)):
        require(response.format != .headers, "a body read as headers")
        for field in [response.code?.rawValue, response.message, response.requestID, response.hostID, response.resource, response.bucket, response.key] {
            require(field?.isEmpty != true, "an empty field was kept")
        }
        require(filled.requestID == (response.requestID ?? "R"), "the header replaced what the body carried")
    case (.failure(.empty), .success(let filled)):
        require(filled.format == .headers && filled.requestID == "R", "headers alone were not read")
    case (.failure(let error), .failure(let same)):
        require(error == same, "the headers changed the body's error")
    default:
        require(false, "the headers changed whether the body reads: \(first) vs \(withHeader)")
    }
    return 0
}

private func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "", file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
