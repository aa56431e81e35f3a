import ErrataCore
import Foundation
import Hummingbird

extension Request {
    /// A query parameter's value; an empty value (`?variant=`) counts as absent.
    func nonEmptyQueryParameter(_ name: String) -> String? {
        guard let value = uri.queryParameters[name[...]], !value.isEmpty else { return nil }
        return String(value)
    }

    /// A field of a form sent with `method="get"` (`application/x-www-form-urlencoded`, where `+`
    /// is a space, unlike in ``nonEmptyQueryParameter(_:)``); an empty value counts as absent.
    func formQueryParameter(_ name: String) -> String? {
        guard let query = uri.query else { return nil }
        for field in query.split(separator: "&") {
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts[0] == name[...], parts.count == 2 else { continue }
            let spaced = parts[1].replacingOccurrences(of: "+", with: " ")
            let value = spaced.removingPercentEncoding ?? spaced
            return value.isEmpty ? nil : value
        }
        return nil
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
