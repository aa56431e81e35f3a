/// The members of a JSON object, in the order they were written.
///
/// JSON-RPC envelopes and params hold a handful of members, so a list scanned by name costs less
/// than a dictionary: reading or looking up a member hashes nothing. Names are unique (setting a
/// name already present replaces its value), and two objects are equal when they hold the same
/// members in any order, as JSON means.
///
/// For example:
///
/// ```swift
/// var params: JSONObject = ["code": "NoSuchKey"]
/// params["locale"] = "de"
/// params["code"]  // .string("NoSuchKey")
/// params == ["locale": "de", "code": "NoSuchKey"]  // true
/// ```
public struct JSONObject: Sendable {
    /// One member: a name and its value.
    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// How many members an object may hold before finding names by scanning stops paying (see ``StrictJSONParser``).
    package static let largeCount = 16

    /// The members, in order, names unique.
    public private(set) var members: [Member]

    /// An empty object.
    public init() {
        members = []
    }

    /// An object with a dictionary's members (in the dictionary's order).
    public init(_ dictionary: [String: JSONValue]) {
        members = dictionary.map { Member(key: $0.key, value: $0.value) }
    }

    /// An object with `members`, whose names the caller knows to be unique (as the strict parser does).
    package init(uniqueMembers members: [Member]) {
        self.members = members
    }

    /// The value of the member named `key`, or `nil`; setting `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            members.first { $0.key == key }?.value
        }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The member names, in order.
    public var keys: some Collection<String> { members.lazy.map(\.key) }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    /// The same names with their values transformed.
    public func mapValues(_ transform: (JSONValue) throws -> JSONValue) rethrows -> JSONObject {
        JSONObject(uniqueMembers: try members.map { Member(key: $0.key, value: try transform($0.value)) })
    }

    /// The members as a dictionary, for callers that look many names up in a large object.
    public var dictionary: [String: JSONValue] {
        Dictionary(members.lazy.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}

// MARK: - Sequence

extension JSONObject: Sequence {
    public func makeIterator() -> some IteratorProtocol<(key: String, value: JSONValue)> {
        members.lazy.map { (key: $0.key, value: $0.value) }.makeIterator()
    }

    public var underestimatedCount: Int { members.count }
}

// MARK: - Equality regardless of order

extension JSONObject: Hashable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        // Past a few members, scanning for each name would cost count²; a large object compares as a dictionary.
        guard lhs.count <= Self.largeCount else { return lhs.dictionary == rhs.dictionary }
        // Names are unique on both sides, so every member found on the other side is equality.
        return lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent, as `Dictionary` hashes: a commutative sum of each member's own hash.
        var sum = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member)
            sum &+= memberHasher.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}

// MARK: - Literals and Codable

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Later members replace earlier ones of the same name.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(pairs: elements)
    }

    /// An object with `pairs` in order; a later pair replaces an earlier one of the same name.
    public init(pairs: [(String, JSONValue)]) {
        self.init()
        guard pairs.count > Self.largeCount else {
            for (key, value) in pairs { self[key] = value }
            return
        }
        // Many pairs: names found through a dictionary of positions, so that building stays linear.
        var positions: [String: Int] = [:]
        for (key, value) in pairs {
            if let position = positions[key] {
                members[position].value = value
            } else {
                positions[key] = members.count
                members.append(Member(key: key, value: value))
            }
        }
    }
}

extension JSONObject: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try [String: JSONValue](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try dictionary.encode(to: encoder)
    }
}
