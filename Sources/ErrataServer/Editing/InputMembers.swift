package import ErrataCore

/// The named inputs of one operation, read from JSON-RPC params or a REST JSON body, with typed
/// accessors whose errors name the field.
///
/// An operation declares its input names; a member it does not declare is refused, so a typo
/// such as `local` is reported, not ignored.
///
/// For example:
///
/// ```swift
/// let input = try InputMembers(body, names: ["text", "publish", "note"], noun: "member")
/// let text = try input.string("text", required: true)!
/// ```
package struct InputMembers: Sendable {
    /// The longest string accepted in any input, in Unicode scalars (as JSON Schema's `maxLength` counts).
    package static let maximumStringLength = 4_096

    private let members: JSONObject
    /// What one input is called in messages: `param` over JSON-RPC, `member` in a REST body.
    private let noun: String

    /// - Throws: ``InvalidInput`` naming the first member (in sorted order) that is not in `names`.
    package init(_ members: JSONObject, names: [String], noun: String) throws(InvalidInput) {
        // Sorted only when something is wrong, so that the first unknown name is reported stably.
        if members.keys.contains(where: { !names.contains($0) }), let unknown = members.keys.sorted().first(where: { !names.contains($0) }) {
            let expected = names.isEmpty ? "this method takes no \(noun)s" : "expected \(names.joined(separator: ", "))"
            throw InvalidInput("unknown \(noun) '\(unknown)'; \(expected)", field: unknown)
        }
        self.members = members
        self.noun = noun
    }

    /// Whether no input was given at all; a member given as `null` is input, so `[null]` is not empty.
    package var isEmpty: Bool {
        members.isEmpty
    }

    /// A string input; `null` counts as absent.
    ///
    /// - Throws: `-32602` when required and absent, not a string, or longer than `maximumLength` scalars.
    package func string(_ name: String, required: Bool = false, maximumLength: Int = Self.maximumStringLength) throws(InvalidInput) -> String? {
        switch members[name] {
        case nil, .null?:
            if required { throw InvalidInput("\(noun) '\(name)' is required", field: name) }
            return nil
        case .string(let value)?:
            guard Self.fits(value, maximumLength: maximumLength) else {
                throw InvalidInput("\(noun) '\(name)' is longer than \(maximumLength) characters", field: name)
            }
            return value
        case let other?:
            throw InvalidInput("\(noun) '\(name)' must be a string, not \(other.typeName)", field: name)
        }
    }

    /// An integer input; `null` counts as absent.
    ///
    /// - Throws: `-32602` when required and absent, not an integer, or outside `range`.
    package func integer(_ name: String, required: Bool = false, in range: ClosedRange<Int> = Int.min...Int.max) throws(InvalidInput) -> Int? {
        switch members[name] {
        case nil, .null?:
            if required { throw InvalidInput("\(noun) '\(name)' is required", field: name) }
            return nil
        case .integer(let value)?:
            guard let value = Int(exactly: value), range.contains(value) else {
                throw InvalidInput("\(noun) '\(name)' must be between \(range.lowerBound) and \(range.upperBound)", field: name)
            }
            return value
        case let other?:
            throw InvalidInput("\(noun) '\(name)' must be an integer, not \(other.typeName)", field: name)
        }
    }

    /// A boolean input; `null` counts as absent.
    ///
    /// - Throws: `-32602` when present and not a boolean.
    package func bool(_ name: String) throws(InvalidInput) -> Bool? {
        switch members[name] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case let other?: throw InvalidInput("\(noun) '\(name)' must be a boolean, not \(other.typeName)", field: name)
        }
    }

    /// An object input whose members are all strings or numbers, returned as strings.
    ///
    /// - Throws: `-32602` when it is not such an object, or has more than `maximumCount` members.
    package func stringMap(_ name: String, maximumCount: Int = 32) throws(InvalidInput) -> [String: String] {
        switch members[name] {
        case nil, .null?:
            return [:]
        case .object(let object)?:
            guard object.count <= maximumCount else {
                throw InvalidInput("\(noun) '\(name)' has more than \(maximumCount) members", field: name)
            }
            var result: [String: String] = [:]
            for (key, value) in object {
                switch value {
                case .string(let string) where Self.fits(string, maximumLength: 256): result[key] = string
                case .integer(let number): result[key] = String(number)
                default:
                    throw InvalidInput("\(noun) '\(name).\(key)' must be a string of at most 256 characters or an integer", field: "\(name).\(key)")
                }
            }
            return result
        case let other?:
            throw InvalidInput("\(noun) '\(name)' must be an object, not \(other.typeName)", field: name)
        }
    }

    /// Whether `value` has at most `maximumLength` Unicode scalars (as JSON Schema's `maxLength` counts).
    ///
    /// Bytes are bounded first, so that counting never walks a huge string; a string with no more
    /// bytes than the limit has no more scalars either, so most are never counted.
    private static func fits(_ value: String, maximumLength: Int) -> Bool {
        let bytes = value.utf8.count
        return bytes <= maximumLength || (bytes <= maximumLength * 4 && value.unicodeScalars.count <= maximumLength)
    }
}
