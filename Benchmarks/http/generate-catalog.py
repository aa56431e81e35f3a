#!/usr/bin/env python3
"""Writes a synthetic Localizations/ directory (catalog.json + Errors.xcstrings) for scale tests.

The seed catalog (Localizations/) is kept as is, so `NoSuchKey` and friends answer exactly as in
the seed; synthetic entries `SynthErr00001`... are added until there are CODES codes, and the seed
locales are extended with synthetic ones until there are LOCALES locales. Every text in every
locale is present and translated, with lengths like the seed's (message ~90, remediation ~230 chars).

usage: generate-catalog.py OUT_DIR [--codes 10000] [--locales 10] [--seed-dir Localizations]
"""
import argparse, json, os, random

EXTRA_LOCALES = [("de", "Deutsch"), ("fr", "Français"), ("ja", "日本語"), ("ko", "한국어"), ("es", "Español"),
                 ("pt-BR", "Português (Brasil)"), ("it", "Italiano"), ("ru", "Русский"), ("nl", "Nederlands"),
                 ("pl", "Polski"), ("tr", "Türkçe"), ("vi", "Tiếng Việt")]
CATEGORIES = ["auth", "bucket", "object", "upload", "request", "throttling", "server", "account"]
WORDS = ("check the bucket key object upload request policy access account region endpoint signature "
         "permission quota limit part size header token clock retry backoff console storage service").split()

def sentence(rng, words):
    s = " ".join(rng.choice(WORDS) for _ in range(words))
    return s[0].upper() + s[1:] + "."

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--codes", type=int, default=10000)
    ap.add_argument("--locales", type=int, default=10)
    ap.add_argument("--seed-dir", default=os.path.join(os.path.dirname(__file__), "..", "..", "Localizations"))
    a = ap.parse_args()
    rng = random.Random(42)
    with open(os.path.join(a.seed_dir, "catalog.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    with open(os.path.join(a.seed_dir, "Errors.xcstrings"), encoding="utf-8") as f:
        strings = json.load(f)
    seed_locales = [l["tag"] for l in manifest["locales"]]
    extra = [(tag, name) for tag, name in EXTRA_LOCALES if tag not in seed_locales]
    for tag, name in extra[: max(0, a.locales - len(seed_locales))]:
        manifest["locales"].append({"tag": tag, "name": name})
    locales = [l["tag"] for l in manifest["locales"]]
    manifest.pop("revision", None)

    def unit(value):
        return {"stringUnit": {"state": "translated", "value": value}}

    # Seed texts in the new locales: the English text marked with the locale, so every text exists.
    for key, entry in strings["strings"].items():
        en = entry["localizations"]["en"]["stringUnit"]["value"]
        for tag in locales:
            if tag not in entry["localizations"]:
                entry["localizations"][tag] = unit(f"[{tag}] {en}")
    codes = {e["code"] for e in manifest["entries"]}
    n = 0
    while len(codes) < a.codes:
        n += 1
        code = f"SynthErr{n:05d}"
        codes.add(code)
        manifest["entries"].append({
            "code": code, "variant": None, "httpStatus": rng.choice([400, 403, 404, 409, 412, 500, 503]),
            "serviceMessage": sentence(rng, 10), "category": rng.choice(CATEGORIES),
            "retry": "never", "fault": "client", "parameters": {},
        })
        for field, words in (("message", 14), ("remediation", 36)):
            text = sentence(rng, words)
            strings["strings"][f"{code}.{field}"] = {
                "extractionState": "manual",
                "localizations": {tag: unit(text if tag == "en" else f"[{tag}] {text}") for tag in locales},
            }
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "catalog.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    with open(os.path.join(a.out, "Errors.xcstrings"), "w", encoding="utf-8") as f:
        json.dump(strings, f, ensure_ascii=False, indent=1)
    print(f"{a.out}: {len(manifest['entries'])} entries, {len(codes)} codes, {len(locales)} locales, "
          f"{len(strings['strings'])} strings")

if __name__ == "__main__":
    main()
