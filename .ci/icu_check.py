"""Renders a table of message patterns with ErrataCore and with ICU (PyICU) and compares the answers.

Deliberate differences, none of them exercised by the table below:
- Errata names arguments with an ASCII letter and up to 63 letters, digits or `_`; ICU also takes
  numbers (`{0}`) and other identifiers. Errata refuses those.
- Errata reads `{n}`, `{n, number}`, `plural` (with `offset:`) and `select`; ICU also has number styles,
  `date`, `time`, `choice`, `selectordinal`, `spellout`, …. Errata refuses those.
- Errata refuses plural keywords other than the CLDR categories and `=N`, select keywords other than
  ASCII letters, digits, `_` and `-`, and duplicate cases; ICU ignores unknown plural keywords.
- Errata's values are strings: a number argument takes a plain decimal with at most 15 integer digits.

One difference the table does exercise, and compares around:
- Errata formats numbers with Foundation, whose ICU data is newer than Debian's ICU 72: there `ar`
  writes Latin digits (CLDR 42 and ICU 72 write Arabic-Indic ones). The table renders `ar` with ICU's
  `ar-u-nu-latn`, so digits aside (grouping, separators, plural categories) it is still compared.
"""
import json
import subprocess
import sys

import icu

PATTERNS = [
    ("{n, number}", {}),
    ("{n, plural, one {# file} other {# files}}", {}),
    ("{n, plural, zero {zero #} one {one #} two {two #} few {few #} many {many #} other {other #}}", {}),
    ("{n, plural, =0 {none} =1 {exactly one} other {# items}}", {}),
    ("{n, plural, offset:1 =0 {nobody} =1 {just you} one {you and # other} other {you and # others}}", {}),
    ("{n, plural, one {'#' is # in {name}} other {# of {name}''s}}", {"name": "Bob"}),
    ("Don't delete '{this}': {n, number} left, it's fine.", {}),
    ("{kind, select, bucket {{n, plural, one {# bucket} other {# buckets}}} other {{n, number} things #}}", {"kind": "bucket"}),
    ("{kind, select, bucket {{n, plural, one {# bucket} other {# buckets}}} other {{n, number} things #}}", {"kind": "table"}),
    ("It''s {n, plural, other {# = #}} } '}'", {}),
    ("{n, plural, one {{n, number} (#)} other {{n, number} [#]}}", {}),
    ("Up to {max} parts of {n, plural, =1 {one object} other {# objects}}.", {"max": "9,999"}),
]
# The locale ICU renders for each of Errata's, where they differ (see above).
ICU_LOCALES = {"ar": "ar-u-nu-latn"}
LOCALES = ["en", "ja", "ko", "zh-Hans", "zh-Hant", "ru", "uk", "pl", "cs", "ar", "fr", "es", "de"]
VALUES = [0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1000000, 1.5, 0.5, 2.25, 12345.678, -21, 1.0005, 2.0015, 100000000000000]


def icu_render(pattern, locale, values):
    message = icu.MessageFormat(pattern, icu.Locale.forLanguageTag(ICU_LOCALES.get(locale, locale)))
    names = list(values)
    return message.format(names, [icu.Formattable(values[name]) for name in names])


def main(executable):
    cases = []
    for pattern, fixed in PATTERNS:
        for locale in LOCALES:
            for value in VALUES:
                cases.append((pattern, locale, {**fixed, "n": value}))
    request = [
        {"pattern": pattern, "locale": locale, "values": {name: str(value) for name, value in values.items()}}
        for pattern, locale, values in cases
    ]
    answers = json.loads(subprocess.run([executable], input=json.dumps(request).encode(), capture_output=True, check=True).stdout)
    passed = failed = 0
    for (pattern, locale, values), answer in zip(cases, answers, strict=True):
        expected = icu_render(pattern, locale, values)
        if answer.get("text") == expected:
            passed += 1
        else:
            failed += 1
            print(f"DIFFERS {locale} {values} {pattern!r}\n  ICU:    {expected!r}\n  Errata: {answer}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
