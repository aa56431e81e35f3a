// Renders message patterns with ErrataCore for `.ci/icu-check`, which compares the answers with ICU's.
//
// Reads a JSON array of cases `{"pattern", "locale", "values": {name: string}}` from standard input and
// writes a JSON array of answers in the same order: `{"text": …}`, or `{"error": …}` when the pattern is
// invalid or a value cannot be used.
import ErrataCore
import Foundation

struct Case: Decodable {
    var pattern: String
    var locale: String
    var values: [String: String]
}

struct Answer: Encodable {
    var text: String?
    var error: String?
}

func answer(_ item: Case) -> Answer {
    let pattern = MessagePattern(item.pattern)
    if let error = pattern.syntaxError { return Answer(error: error.description) }
    guard let locale = LanguageTag(rawValue: item.locale) else { return Answer(error: "bad locale \(item.locale)") }
    do {
        return Answer(text: try pattern.rendered(with: item.values, locale: locale))
    } catch {
        return Answer(error: error.description)
    }
}

let cases = try JSONDecoder().decode([Case].self, from: FileHandle.standardInput.readDataToEndOfFile())
FileHandle.standardOutput.write(try JSONEncoder().encode(cases.map(answer)))
