package import ErrataCore

extension InputMembers {
    /// A call's params, by name or by position: positional params map onto `names` in order.
    ///
    /// - Throws: ``InvalidInput`` for more positional params than names, an undeclared name, or
    ///   params that are neither an array nor an object.
    package init(rpcParams params: JSONValue?, names: [String]) throws(InvalidInput) {
        switch params {
        case nil:
            try self.init([:], names: names, noun: "param")
        case .array(let values):
            guard values.count <= names.count else {
                throw InvalidInput("expected at most \(names.count) positional params (\(names.joined(separator: ", "))), got \(values.count)")
            }
            try self.init(JSONObject(uniqueMembers: zip(names, values).map(JSONObject.Member.init)), names: names, noun: "param")
        case .object(let object):
            try self.init(object, names: names, noun: "param")
        case .some(let other):
            throw InvalidInput("params must be an array or an object, not \(other.typeName)")
        }
    }
}
