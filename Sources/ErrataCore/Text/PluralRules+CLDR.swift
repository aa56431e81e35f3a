extension PluralRules {
    /// CLDR's cardinal plural rules (`plurals.json`, CLDR 42, as ICU 72 carries them) for the catalog's
    /// locales and a few with more categories, by language subtag; samples left out. `other` is what
    /// no rule matches. A language missing here has `other` only, like ja, ko and zh.
    static let cldrRules: [String: [(PluralCategory, String)]] = [
        "ar": [
            (.zero, "n = 0"),
            (.one, "n = 1"),
            (.two, "n = 2"),
            (.few, "n % 100 = 3..10"),
            (.many, "n % 100 = 11..99"),
        ],
        "cs": [
            (.one, "i = 1 and v = 0"),
            (.few, "i = 2..4 and v = 0"),
            (.many, "v != 0"),
        ],
        "de": [(.one, "i = 1 and v = 0")],
        "en": [(.one, "i = 1 and v = 0")],
        "es": [
            (.one, "n = 1"),
            (.many, "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5"),
        ],
        "fr": [
            (.one, "i = 0,1"),
            (.many, "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5"),
        ],
        "pl": [
            (.one, "i = 1 and v = 0"),
            (.few, "v = 0 and i % 10 = 2..4 and i % 100 != 12..14"),
            (.many, "v = 0 and i != 1 and i % 10 = 0..1 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 12..14"),
        ],
        "ru": [
            (.one, "v = 0 and i % 10 = 1 and i % 100 != 11"),
            (.few, "v = 0 and i % 10 = 2..4 and i % 100 != 12..14"),
            (.many, "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14"),
        ],
        "uk": [
            (.one, "v = 0 and i % 10 = 1 and i % 100 != 11"),
            (.few, "v = 0 and i % 10 = 2..4 and i % 100 != 12..14"),
            (.many, "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14"),
        ],
    ]
}
