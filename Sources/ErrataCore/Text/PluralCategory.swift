/// A CLDR plural category: which form of a word a number takes in a language.
enum PluralCategory: String, Hashable, Sendable, CaseIterable {
    case zero
    case one
    case two
    case few
    case many
    case other
}
