/// Finds known error codes close to a mistyped one, for "did you mean" hints.
struct CodeSuggester: Sendable {
    private let codes: [ErrorCode]
    private let lowercased: [[UInt8]]

    init(codes: [ErrorCode]) {
        self.codes = codes
        self.lowercased = codes.map { Array($0.rawValue.lowercased().utf8) }
    }

    /// Codes within a small case-insensitive edit distance of `input`, closest first.
    ///
    /// - Parameters:
    ///   - input: What the user typed.
    ///   - limit: How many suggestions at most.
    func suggestions(for input: String, limit: Int) -> [ErrorCode] {
        let target = Array(input.lowercased().utf8.prefix(128))
        let threshold = max(2, target.count / 3)
        var scored: [(distance: Int, code: ErrorCode)] = []
        for (index, candidate) in lowercased.enumerated() {
            let distance = Self.editDistance(target, candidate, bound: threshold)
            if distance <= threshold { scored.append((distance, codes[index])) }
        }
        return scored.sorted { ($0.distance, $0.code) < ($1.distance, $1.code) }.prefix(limit).map(\.code)
    }

    /// Levenshtein distance, giving up early (returning `bound + 1`) once it must exceed `bound`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int {
        if abs(a.count - b.count) > bound { return bound + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > bound { return bound + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
