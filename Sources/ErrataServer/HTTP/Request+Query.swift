import ErrataCore
import Hummingbird

extension Request {
    /// A query parameter's value; an empty value (`?variant=`) counts as absent.
    func nonEmptyQueryParameter(_ name: String) -> String? {
        guard let value = uri.queryParameters[name[...]], !value.isEmpty else { return nil }
        return String(value)
    }

    /// A query parameter naming a language tag, if present.
    ///
    /// - Throws: A 400 ``Problem`` naming the parameter when it is not a well-formed BCP 47 tag.
    func languageTagQueryParameter(_ name: String) throws(Problem) -> LanguageTag? {
        guard let raw = nonEmptyQueryParameter(name) else { return nil }
        guard let tag = LanguageTag(rawValue: raw) else {
            throw Problem.badRequest("\(name) must be a well-formed BCP 47 language tag", parameter: name)
        }
        return tag
    }

    /// A query parameter holding an integer in `range`, if present.
    ///
    /// - Throws: A 400 ``Problem`` naming the parameter when it is not such an integer.
    func integerQueryParameter(_ name: String, in range: ClosedRange<Int>) throws(Problem) -> Int? {
        guard let text = nonEmptyQueryParameter(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw Problem.badRequest("\(name) must be an integer between \(range.lowerBound) and \(range.upperBound)", parameter: name)
        }
        return value
    }

    /// A query parameter holding `true` or `false`, if present.
    ///
    /// - Throws: A 400 ``Problem`` naming the parameter when it is neither.
    func booleanQueryParameter(_ name: String) throws(Problem) -> Bool? {
        switch nonEmptyQueryParameter(name) {
        case nil: return nil
        case "true": return true
        case "false": return false
        default: throw Problem.badRequest("\(name) must be true or false", parameter: name)
        }
    }
}
