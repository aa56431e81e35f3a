@testable import ErrataServer
import Testing

/// A memo read and written from many threads at once answers what it would alone, and stays bounded.
@Suite struct RevisionMemoTests {
    @Test func concurrentReadsAndMissesAnswerTheComputedValue() async {
        let memo = RevisionMemo<Int, String>(capacity: 64)
        // 8 tasks, each over 256 keys: most reads hit, and the memo starts over four times a pass.
        let wrong = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<20 {
                        for key in 0..<256 {
                            let key = (key * (task + 1) + round) % 256
                            if memo.value(for: key, make: { "value \(key)" }) != "value \(key)" { wrong += 1 }
                        }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0)
        #expect(memo.count <= 64)
    }

    @Test func aMemoEmptiedForGoodComputesButKeepsNothing() {
        let memo = RevisionMemo<String, Int>(capacity: 4)
        #expect(memo.value(for: "a", make: { 1 }) == 1)
        #expect(memo.value(for: "a", make: { 2 }) == 1, "kept")
        memo.removeAll(forGood: true)
        #expect(memo.count == 0)
        #expect(memo.value(for: "a", make: { 3 }) == 3)
        #expect(memo.value(for: "a", make: { 4 }) == 4, "no longer kept")
        #expect(memo.count == 0)
    }

    @Test func aFullMemoStartsOver() {
        let memo = RevisionMemo<Int, Int>(capacity: 3)
        for key in 0..<3 { _ = memo.value(for: key, make: { key }) }
        #expect(memo.count == 3)
        _ = memo.value(for: 3, make: { 3 })
        #expect(memo.count == 1)
        #expect(memo.value(for: 0, make: { -1 }) == -1, "forgotten when it started over")
    }
}
