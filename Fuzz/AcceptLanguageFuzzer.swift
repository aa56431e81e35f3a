// libFuzzer target: the Accept-Language parser (`AcceptLanguage`).
//
// Compiled into one module together with every Sources/ErrataCore file (see Fuzz/run.sh),
// so internal symbols are reachable. The input bytes are the header value (invalid UTF-8 is
// repaired with U+FFFD, as a server decoding a header would).
//
// Checked for every input:
// - at most `maximumRanges` elements, every weight in 0...1000, every range a canonical tag;
// - `preferred` holds exactly the elements with weight > 0, highest first, ties in header order;
// - `excluded` is exactly the non-wildcard ranges with weight 0;
// - parsing is deterministic and the same for a String and a Substring;
// - for an all-ASCII header, the result equals an independent reference parser written from
//   RFC 9110 §12.4.2 / §12.5.4 (qvalue grammar, OWS) and the documented cut-offs;
// - the same header placed right at the 4,096-byte cut (so the cut falls inside its first bytes,
//   possibly inside a multi-byte character; empty elements pad it) and after 60-odd other ranges (so the 64-range cut
//   falls inside it) still satisfies every invariant.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAcceptLanguage(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let header = String(decoding: bytes, as: UTF8.self)
    let isASCII = bytes.allSatisfy { $0 < 0x80 }

    let parsed = AcceptLanguage(header)
    checkInvariants(parsed, header: header)
    require(AcceptLanguage(header) == parsed, "parsing is not deterministic for \(debug(header))")
    require(AcceptLanguage(header[...]) == parsed, "String and Substring parse differently: \(debug(header))")
    if isASCII {
        let expected = referenceElements(bytes)
        require(
            parsed.elements == expected,
            "differs from the reference parser for \(debug(header)): got \(render(parsed.elements)), expected \(render(expected))"
        )
    }

    // The same header right at the length cut-off: the cut lands within its first 7 bytes. Commas
    // pad it cheaply (empty elements are skipped and do not count as ranges).
    let paddedBytes = [UInt8](repeating: UInt8(ascii: ","), count: AcceptLanguage.maximumHeaderLength - 1 - count % 7) + bytes
    let padded = String(decoding: paddedBytes, as: UTF8.self)
    let paddedParsed = AcceptLanguage(padded)
    checkInvariants(paddedParsed, header: padded)
    if isASCII {
        require(paddedParsed.elements == referenceElements(paddedBytes), "padded header differs from the reference: \(debug(header))")
    }

    // The same header after many ranges (`*`, cheap to parse): the range cut-off lands inside it.
    let crowdedBytes = Array(String(repeating: "*,", count: AcceptLanguage.maximumRanges - 1 - count % 4).utf8) + bytes
    let crowded = String(decoding: crowdedBytes, as: UTF8.self)
    let crowdedParsed = AcceptLanguage(crowded)
    checkInvariants(crowdedParsed, header: crowded)
    if isASCII {
        require(crowdedParsed.elements == referenceElements(crowdedBytes), "crowded header differs from the reference: \(debug(header))")
    }
    return 0
}

private func checkInvariants(_ parsed: AcceptLanguage, header: String) {
    let elements = parsed.elements
    require(elements.count <= AcceptLanguage.maximumRanges, "\(elements.count) elements for \(debug(header))")
    for element in elements {
        require((0...1_000).contains(element.weight), "weight \(element.weight) for \(debug(header))")
        require(element.isWildcard == (element.range == nil))
        if let range = element.range {
            require(LanguageTag(rawValue: range.rawValue) == range, "range \(range) is not canonical")
            require(range.rawValue.utf8.count <= LanguageTag.maximumLength)
        }
    }

    let preferred = parsed.preferred
    let positive = elements.filter { $0.weight > 0 }
    require(preferred.count == positive.count, "preferred has \(preferred.count) of \(positive.count) positive elements")
    require(preferred.allSatisfy { $0.weight > 0 }, "preferred holds a q=0 element")
    for (earlier, later) in zip(preferred, preferred.dropFirst()) {
        require(earlier.weight >= later.weight, "preferred not sorted by weight: \(render(preferred))")
    }
    // Stable: within one weight, header order. Elements can repeat, so compare per weight.
    for weight in Set(positive.map(\.weight)) {
        require(
            preferred.filter { $0.weight == weight } == positive.filter { $0.weight == weight },
            "ties at weight \(weight) are not in header order: \(render(preferred))"
        )
    }

    let excluded = parsed.excluded
    require(excluded == elements.compactMap { $0.weight == 0 ? $0.range : nil }, "excluded is wrong for \(debug(header))")
}

// MARK: - Reference parser (ASCII headers only)

/// An independent implementation of the documented behaviour, on bytes.
private func referenceElements(_ header: [UInt8]) -> [AcceptLanguage.Element] {
    let limited = Array(header.prefix(AcceptLanguage.maximumHeaderLength))
    let pieces = splitBytes(limited, on: UInt8(ascii: ",")).filter { !$0.isEmpty }.prefix(AcceptLanguage.maximumRanges)
    var result: [AcceptLanguage.Element] = []
    for piece in pieces {
        let parameters = splitBytes(piece, on: UInt8(ascii: ";"))
        let rangeBytes = trimOWS(parameters[0])
        var weight = 1_000
        var valid = true
        for parameter in parameters.dropFirst() {
            guard let equals = parameter.firstIndex(of: UInt8(ascii: "=")) else { valid = false; break }
            let name = trimOWS(Array(parameter[..<equals]))
            let value = trimOWS(Array(parameter[(equals + 1)...]))
            guard name == [UInt8(ascii: "q")] || name == [UInt8(ascii: "Q")], let q = rfcQValue(value) else {
                valid = false
                break
            }
            weight = q
        }
        guard valid else { continue }
        if rangeBytes == [UInt8(ascii: "*")] {
            result.append(.init(range: nil, weight: weight))
        } else if let tag = LanguageTag(rawValue: String(decoding: rangeBytes, as: UTF8.self)) {
            result.append(.init(range: tag, weight: weight))
        }
    }
    return result
}

private func splitBytes(_ bytes: [UInt8], on separator: UInt8) -> [[UInt8]] {
    var parts: [[UInt8]] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == separator {
        parts.append(Array(bytes[start..<index]))
        start = index + 1
    }
    parts.append(Array(bytes[start...]))
    return parts
}

private func trimOWS(_ bytes: [UInt8]) -> [UInt8] {
    let isOWS = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
    guard let first = bytes.firstIndex(where: { !isOWS($0) }), let last = bytes.lastIndex(where: { !isOWS($0) }) else {
        return []
    }
    return Array(bytes[first...last])
}

/// RFC 9110 §12.4.2: `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, in thousandths.
private func rfcQValue(_ bytes: [UInt8]) -> Int? {
    guard let first = bytes.first else { return nil }
    let fraction = bytes.dropFirst()
    if !fraction.isEmpty {
        guard fraction.first == UInt8(ascii: "."), fraction.count <= 4 else { return nil }
    }
    let digits = Array(fraction.dropFirst())
    switch first {
    case UInt8(ascii: "0"):
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        let padded = digits + Array(repeating: UInt8(ascii: "0"), count: 3 - digits.count)
        return padded.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    case UInt8(ascii: "1"):
        return digits.allSatisfy { $0 == UInt8(ascii: "0") } ? 1_000 : nil
    default:
        return nil
    }
}

// MARK: - Messages

private func render(_ elements: [AcceptLanguage.Element]) -> String {
    "[" + elements.map { "\($0.range?.rawValue ?? "*");\($0.weight)" }.joined(separator: ", ") + "]"
}

private func debug(_ header: String) -> String {
    let shown = header.count > 200 ? String(header.prefix(200)) + "…(\(header.utf8.count) bytes)" : header
    return String(reflecting: shown)
}

/// `precondition` that keeps its message in optimized builds, so that a finding says what broke.
private func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "", file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
