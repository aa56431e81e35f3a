/// Checks a whole catalog: unique entries and locales, and every text present and well-formed.
///
/// For example:
///
/// ```swift
/// let problems = CatalogValidator.problems(in: catalog)
/// guard problems.isEmpty else { print(problems.map(\.description).joined(separator: "\n")) }
/// ```
public enum CatalogValidator {
    /// The problems of a catalog, in a stable order; empty when it is valid.
    public static func problems(in catalog: Catalog) -> [CatalogProblem] {
        var problems: [CatalogProblem] = []
        var seenEntries: Set<EntryKey> = []
        for entry in catalog.entries where !seenEntries.insert(entry.key).inserted {
            problems.append(.duplicateEntry(entry.key))
        }
        var seenLocales: Set<LanguageTag> = []
        for locale in catalog.locales where !seenLocales.insert(locale.tag).inserted {
            problems.append(.duplicateLocale(locale.tag))
        }
        if !seenLocales.contains(catalog.sourceLocale) {
            problems.append(.sourceLocaleMissing(catalog.sourceLocale))
        }
        for entry in catalog.entries {
            if !isWellFormed(entry.code) {
                problems.append(.malformedCode(entry.key))
            }
            if !(100...999).contains(entry.httpStatus) {
                problems.append(.malformedStatus(entry.key, entry.httpStatus))
            }
            problems += noteProblems(of: entry)
            problems += retryPolicyProblems(of: entry)
            if (entry.origin == .generic) != (entry.code == GenericAnswer.code) {
                problems.append(.misplacedGenericOrigin(entry.key, entry.origin))
            }
        }
        problems += aliasProblems(of: catalog.entries)
        for retry in RetryClass.allCases {
            for reason in catalog.retryPolicies[retry]?.problems ?? [] {
                problems.append(.badRetryPolicy(nil, reason))
            }
        }
        // An optional text exists in a locale only where the source locale has it.
        for key in catalog.texts.keys.sorted()
        where !key.field.isRequired && catalog[TextKey(entry: key.entry, locale: catalog.sourceLocale, field: key.field)] == nil {
            problems.append(.translationWithoutSource(key))
        }
        let parametersByEntry = Dictionary(
            catalog.entries.map { ($0.key, $0.parameters) },
            uniquingKeysWith: { first, _ in first }
        )
        for key in catalog.expectedTextKeys {
            guard let text = catalog[key] else {
                problems.append(.missingText(key))
                continue
            }
            let source = key.locale == catalog.sourceLocale
                ? nil
                : catalog[TextKey(entry: key.entry, locale: catalog.sourceLocale, field: key.field)]
            let declared = parametersByEntry[key.entry] ?? [:]
            for problem in TextRules.problems(in: text, sourceText: source, declaredParameters: declared) {
                problems.append(.badText(key, problem))
            }
        }
        return problems
    }

    /// The problems of the entries' aliases: malformed, the same as a code, claimed twice, or different among a code's variants.
    private static func aliasProblems(of entries: [CatalogEntry]) -> [CatalogProblem] {
        var problems: [CatalogProblem] = []
        let codes = Set(entries.map(\.code))
        var owners: [ErrorCode: ErrorCode] = [:]
        var aliasesByCode: [ErrorCode: [ErrorCode]] = [:]
        for entry in entries {
            if let first = aliasesByCode[entry.code] {
                if Set(first) != Set(entry.aliases) { problems.append(.inconsistentAliases(entry.key)) }
                continue
            }
            aliasesByCode[entry.code] = entry.aliases
            for alias in entry.aliases {
                if !isWellFormed(alias) {
                    problems.append(.malformedAlias(entry.key, alias))
                } else if codes.contains(alias) {
                    problems.append(.aliasIsACode(entry.key, alias))
                } else if let owner = owners[alias] {
                    problems.append(.duplicateAlias(entry.key, alias, owner: owner))
                } else {
                    owners[alias] = entry.code
                }
            }
        }
        return problems
    }

    /// Whether a code or alias is ASCII letters and digits only, and not empty.
    private static func isWellFormed(_ code: ErrorCode) -> Bool {
        !code.rawValue.isEmpty && code.rawValue.utf8.count <= ErrorCode.maximumLength && code.rawValue.allSatisfy(\.isASCIIAlphanumeric)
    }

    /// The problems of an entry's own retry policy: numbers out of range, or a policy on an entry never retried.
    private static func retryPolicyProblems(of entry: CatalogEntry) -> [CatalogProblem] {
        guard let policy = entry.retryPolicy else { return [] }
        guard entry.retry != .never else { return [.badRetryPolicy(entry.key, "an entry with retry 'never' has no retry policy")] }
        return policy.problems.map { .badRetryPolicy(entry.key, $0) }
    }

    /// The problems of an entry's notes for translators, in a stable order.
    private static func noteProblems(of entry: CatalogEntry) -> [CatalogProblem] {
        var problems: [CatalogProblem] = []
        for field in TextField.allCases {
            guard let comment = entry.comments[field] else { continue }
            problems += NoteRules.problems(in: comment).map { .badComment(entry.key, field, $0) }
        }
        for (name, note) in entry.parameterNotes.sorted(by: { $0.key < $1.key }) {
            guard entry.parameters[name] != nil else {
                problems.append(.noteWithoutParameter(entry.key, name))
                continue
            }
            problems += NoteRules.problems(in: note).map { .badParameterNote(entry.key, name, $0) }
        }
        return problems
    }
}

/// One thing wrong with a catalog.
public enum CatalogProblem: Hashable, Sendable, CustomStringConvertible {
    case duplicateEntry(EntryKey)
    case duplicateLocale(LanguageTag)
    case sourceLocaleMissing(LanguageTag)
    case malformedCode(EntryKey)
    case malformedStatus(EntryKey, Int)
    case missingText(TextKey)
    case badText(TextKey, TextProblem)
    /// The translator comment of a field's text breaks ``NoteRules``.
    case badComment(EntryKey, TextField, TextProblem)
    /// A placeholder's note breaks ``NoteRules``.
    case badParameterNote(EntryKey, String, TextProblem)
    /// A note for a placeholder the entry declares no default for.
    case noteWithoutParameter(EntryKey, String)
    /// A translation of an optional text the source locale does not have.
    case translationWithoutSource(TextKey)
    /// A retry policy, the entry's own or the catalog's (`nil`), that cannot be used.
    case badRetryPolicy(EntryKey?, String)
    /// An alias that is not ASCII letters and digits.
    case malformedAlias(EntryKey, ErrorCode)
    /// An alias that is also an entry's code.
    case aliasIsACode(EntryKey, ErrorCode)
    /// An alias another code already claims.
    case duplicateAlias(EntryKey, ErrorCode, owner: ErrorCode)
    /// A variant whose aliases differ from its code's first variant's.
    case inconsistentAliases(EntryKey)
    /// Origin `generic` on an entry other than `UnrecognizedError`, or another origin on one of its variants.
    case misplacedGenericOrigin(EntryKey, EntryOrigin)

    public var description: String {
        switch self {
        case .duplicateEntry(let key): "entry \(key) appears more than once"
        case .duplicateLocale(let tag): "locale \(tag) appears more than once"
        case .sourceLocaleMissing(let tag): "source locale \(tag) is not among the locales"
        case .malformedCode(let key): "entry \(key) has a code that is not ASCII letters and digits"
        case .malformedStatus(let key, let status): "entry \(key) has HTTP status \(status), outside 100...999"
        case .missingText(let key): "\(key.stringKey) has no \(key.locale) text"
        case .badText(let key, let problem): "\(key.stringKey) (\(key.locale)): \(problem)"
        case .badComment(let key, let field, let problem): "\(key.stringKey(field)) comment: \(problem)"
        case .badParameterNote(let key, let name, let problem): "\(key) note of placeholder {\(name)}: \(problem)"
        case .noteWithoutParameter(let key, let name): "entry \(key) has a note for placeholder {\(name)} but no default value for it"
        case .translationWithoutSource(let key): "\(key.stringKey) has a \(key.locale) text but no source text"
        case .badRetryPolicy(let key?, let reason): "entry \(key) retry policy: \(reason)"
        case .badRetryPolicy(nil, let reason): "catalog retry policy: \(reason)"
        case .malformedAlias(let key, let alias): "entry \(key) has an alias '\(alias.rawValue.prefix(64))' that is not ASCII letters and digits"
        case .aliasIsACode(let key, let alias): "entry \(key) has the alias \(alias), which is also an entry's code"
        case .duplicateAlias(let key, let alias, let owner): "entry \(key) has the alias \(alias), which \(owner) already has"
        case .inconsistentAliases(let key): "entry \(key) lists other aliases than its code's first variant"
        case .misplacedGenericOrigin(let key, let origin):
            "entry \(key) has origin '\(origin.rawValue)': origin 'generic' is for the variants of \(GenericAnswer.code) and only them"
        }
    }
}
