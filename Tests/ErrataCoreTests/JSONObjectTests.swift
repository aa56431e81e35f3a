import ErrataCore
import Foundation
import Testing

/// JSON objects keep their members in order, yet compare and hash as JSON means: regardless of order.
@Suite struct JSONObjectTests {
    @Test func equalityAndHashIgnoreMemberOrder() {
        let forward: JSONObject = ["jsonrpc": "2.0", "method": "errors.describe", "params": ["code": "NoSuchKey", "locale": "de"], "id": 1]
        let backward: JSONObject = ["id": 1, "params": ["locale": "de", "code": "NoSuchKey"], "method": "errors.describe", "jsonrpc": "2.0"]
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        #expect(Set([JSONValue.object(forward), .object(backward)]).count == 1)
        #expect(Array(forward.keys) == ["jsonrpc", "method", "params", "id"])

        #expect(forward != ["jsonrpc": "2.0", "method": "errors.describe", "params": ["code": "NoSuchKey", "locale": "de"], "id": 2])
        #expect(forward != ["jsonrpc": "2.0", "method": "errors.describe", "params": ["code": "NoSuchKey"], "id": 1])
        #expect(forward != ["jsonrpc": "2.0", "method": "errors.describe", "id": 1])
        #expect(JSONObject() == [:])
    }

    @Test func largeObjectsCompareRegardlessOfOrder() {
        let pairs = (0..<100).map { ("member\($0)", JSONValue.integer(Int64($0))) }
        let forward = JSONObject(pairs: pairs)
        let backward = JSONObject(pairs: pairs.reversed())
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        var changed = backward
        changed["member50"] = .integer(-1)
        #expect(forward != changed)
    }

    @Test func settingReplacesAddsAndRemovesMembers() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 3
        object["c"] = 4
        object["b"] = nil
        #expect(Array(object.keys) == ["a", "c"])
        #expect(object["a"] == 3 && object["b"] == nil && object["c"] == 4)
        #expect(object.count == 2)
        #expect(JSONObject(pairs: [("a", 1), ("a", 2)]) == ["a": 2])
        let many = JSONObject(pairs: (0..<40).map { ("m\($0 % 20)", JSONValue.integer(Int64($0))) })
        #expect(many.count == 20 && many["m0"] == 20 && many["m19"] == 39 && many.keys.first == "m0")
        #expect(object.dictionary == ["a": 3, "c": 4])
        #expect(JSONObject(["x": true]) == ["x": true])
    }

    /// Encoded through `CanonicalJSON`, an object's members come out sorted whatever their order.
    @Test func encodesCanonicallyWhateverTheOrder() throws {
        let parsed = try StrictJSONParser.parse(Data(#"{"b":[{"z":1,"y":null}],"a":"x"}"#.utf8), maximumDepth: 8).get()
        #expect(String(decoding: CanonicalJSON.encode(parsed), as: UTF8.self) == #"{"a":"x","b":[{"y":null,"z":1}]}"#)
        #expect(try JSONDecoder().decode(JSONValue.self, from: CanonicalJSON.encode(parsed)) == parsed)
    }

    /// Past the size names are found by scanning, the parser keeps a set of them: duplicates are still
    /// caught wherever they are, and a hostile object of many members is read in linear time.
    @Test func parserFindsDuplicatesInLargeObjects() {
        func object(_ names: [String]) -> Data {
            Data(("{" + names.map { #""\#($0)":0"# }.joined(separator: ",") + "}").utf8)
        }
        let names = (0..<10_000).map { "m\($0)" }
        guard case .success(.object(let parsed)) = StrictJSONParser.parse(object(names), maximumDepth: 4) else {
            Issue.record("10,000 distinct members refused")
            return
        }
        #expect(parsed.count == 10_000)
        #expect(Array(parsed.keys.prefix(3)) == ["m0", "m1", "m2"])
        #expect(parsed["m9999"] == 0)

        for (duplicate, position) in [(0, 5), (3, 16), (15, 17), (16, 40), (9_998, 9_999)] {
            var withDuplicate = names.prefix(position)
            withDuplicate.append(names[duplicate])
            let body = object(Array(withDuplicate))
            let offset = body.count - #""\#(names[duplicate])":0}"#.utf8.count
            let result = StrictJSONParser.parse(body, maximumDepth: 4)
            #expect(result == .failure(.duplicateKey(names[duplicate], offset: offset)), "member \(duplicate) repeated at \(position)")
        }
    }
}
