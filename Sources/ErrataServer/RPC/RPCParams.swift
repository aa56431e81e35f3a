public import ErrataCore

/// Typed access to a call's params, by name or by position, with `-32602` errors that name the field.
///
/// A method declares its parameter names in order; positional params map onto them, and a named
/// member the method does not declare is refused, so a typo such as `local` is reported, not ignored.
///
/// For example:
///
/// ```swift
/// let params = try RPCParams(request.params, names: ["code", "variant", "locale"])
/// let code = try params.string("code", required: true)!
/// ```
public struct RPCParams: Sendable {
    /// The longest string accepted in any param, in Unicode scalars (as JSON Schema's `maxLength` counts).
    public static let maximumStringLength = 4_096

    private let members: [String: JSONValue]

    /// - Throws: `-32602` when there are more positional params than names, or an undeclared name.
    public init(_ params: JSONValue?, names: [String]) throws(JSONRPCErrorObject) {
        switch params {
        case nil:
            members = [:]
        case .array(let values):
            guard values.count <= names.count else {
                throw .invalidParams("expected at most \(names.count) positional params (\(names.joined(separator: ", "))), got \(values.count)")
            }
            members = Dictionary(uniqueKeysWithValues: zip(names, values))
        case .object(let object):
            // Sorted only when something is wrong, so that the first unknown name is reported stably.
            if object.keys.contains(where: { !names.contains($0) }), let unknown = object.keys.sorted().first(where: { !names.contains($0) }) {
                let expected = names.isEmpty ? "this method takes no params" : "expected \(names.joined(separator: ", "))"
                throw .invalidParams("unknown param '\(unknown)'; \(expected)", field: unknown)
            }
            members = object
        case .some(let other):
            throw .invalidParams("params must be an array or an object, not \(other.typeName)")
        }
    }

    /// A string param; `null` counts as absent.
    ///
    /// - Throws: `-32602` when required and absent, not a string, or longer than `maximumLength` scalars.
    public func string(_ name: String, required: Bool = false, maximumLength: Int = maximumStringLength) throws(JSONRPCErrorObject) -> String? {
        switch members[name] {
        case nil, .null?:
            if required { throw .invalidParams("param '\(name)' is required", field: name) }
            return nil
        case .string(let value)?:
            // Bytes are bounded first, so that counting never walks a huge string; a string with no
            // more bytes than the limit has no more scalars either, so most are never counted.
            let bytes = value.utf8.count
            guard bytes <= maximumLength || (bytes <= maximumLength * 4 && value.unicodeScalars.count <= maximumLength) else {
                throw .invalidParams("param '\(name)' is longer than \(maximumLength) characters", field: name)
            }
            return value
        case let other?:
            throw .invalidParams("param '\(name)' must be a string, not \(other.typeName)", field: name)
        }
    }

    /// An integer param; `null` counts as absent.
    ///
    /// - Throws: `-32602` when required and absent, not an integer, or outside `range`.
    public func integer(_ name: String, required: Bool = false, in range: ClosedRange<Int> = Int.min...Int.max) throws(JSONRPCErrorObject) -> Int? {
        switch members[name] {
        case nil, .null?:
            if required { throw .invalidParams("param '\(name)' is required", field: name) }
            return nil
        case .integer(let value)?:
            guard let value = Int(exactly: value), range.contains(value) else {
                throw .invalidParams("param '\(name)' must be between \(range.lowerBound) and \(range.upperBound)", field: name)
            }
            return value
        case let other?:
            throw .invalidParams("param '\(name)' must be an integer, not \(other.typeName)", field: name)
        }
    }

    /// A boolean param; `null` counts as absent.
    ///
    /// - Throws: `-32602` when present and not a boolean.
    public func bool(_ name: String) throws(JSONRPCErrorObject) -> Bool? {
        switch members[name] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        case let other?: throw .invalidParams("param '\(name)' must be a boolean, not \(other.typeName)", field: name)
        }
    }

    /// An object param whose members are all strings or numbers, returned as strings.
    ///
    /// - Throws: `-32602` when it is not such an object, or has more than `maximumCount` members.
    public func stringMap(_ name: String, maximumCount: Int = 32) throws(JSONRPCErrorObject) -> [String: String] {
        switch members[name] {
        case nil, .null?:
            return [:]
        case .object(let object)?:
            guard object.count <= maximumCount else {
                throw .invalidParams("param '\(name)' has more than \(maximumCount) members", field: name)
            }
            var result: [String: String] = [:]
            for (key, value) in object {
                switch value {
                case .string(let string) where string.utf8.count <= 1_024 && string.unicodeScalars.count <= 256: result[key] = string
                case .integer(let number): result[key] = String(number)
                default:
                    throw .invalidParams("param '\(name).\(key)' must be a string of at most 256 characters or an integer", field: "\(name).\(key)")
                }
            }
            return result
        case let other?:
            throw .invalidParams("param '\(name)' must be an object, not \(other.typeName)", field: name)
        }
    }
}
