"""Errata's locale negotiation against langcodes' closest_supported_match; see .ci/locale-check.

Usage: python3 .ci/locale_check.py RPC_URL DIFFERENCES_TSV
"""
import json
import sys
import urllib.request

import langcodes
from langcodes import data_dicts

SUPPORTED = ["en", "zh-Hans", "zh-Hant", "ja", "ko"]
DEFAULT = "en"
BATCH = 100  # the JSON-RPC batch limit

# The cases the tests name, and others that exercise aliases, extlangs, scripts and malformed input.
HAND_PICKED = """
    zh zh-CN zh-SG zh-TW zh-HK zh-MO zh-Hant-CN zh-Hans-TW zh-Hant-HK zh-Hans-HK zh-Hani zh-Latn zh-Bopo
    yue yue-HK yue-Hans yue-Hant yue-CN zh-yue cmn cmn-TW cmn-Hant wuu lzh hak nan gan hsn
    ja ja-JP ja-Latn ja-Hira ja-Kana ja-Hrkt ja-US ko ko-KP ko-KR ko-Latn ko-Hang ko-Kore
    en en-GB en-US en-AU en-IN en-840 en-Latn-US en-Shaw en-x-private en-US-x-twain sco
    fr de es pt ru und und-Hant und-Hans und-Jpan und-Kore und-TW und-CN und-JP und-KR und-US und-FR
    iw in sh mo no nb tlh qaa zxx mul i-klingon x-private x-foo-bar zh- !! 12 en--US abcd e
""".split()


def generated_tags():
    """Every language of likely subtags; distance-paired languages × regions and scripts; und-X."""
    tags = set(HAND_PICKED)
    languages = {key for key in data_dicts.LIKELY_SUBTAGS if "-" not in key and key != "und"}
    tags |= languages
    paired = set()
    for desired, row in data_dicts.LANGUAGE_DISTANCES.items():
        for tag in [desired, *row]:
            language = tag.split("_")[0]
            if language in languages:
                paired.add(language)
    regions = ["CN", "TW", "HK", "MO", "SG", "JP", "KR", "KP", "US", "GB", "419", "IN", "FR", "BR"]
    scripts = ["Hans", "Hant", "Latn", "Jpan", "Kore", "Cyrl", "Arab"]
    for language in paired:
        tags |= {f"{language}-{region}" for region in regions}
        tags |= {f"{language}-{script}" for script in scripts}
        tags |= {f"{language}-{script}-{region}" for script in scripts[:2] for region in regions[:5]}
    for key in data_dicts.LIKELY_SUBTAGS:
        if key.startswith("und-"):
            tags.add(key)
    return sorted(tags)


def langcodes_answer(tag):
    """`locale` or `locale (fallback)` as Errata writes its negotiation, from langcodes."""
    try:
        match = langcodes.closest_supported_match(tag, SUPPORTED)
    except ValueError:  # langcodes refuses the tag; Errata falls back on a tag it cannot parse
        match = None
    return match if match is not None else f"{DEFAULT} (fallback)"


def rpc(url, body):
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def errata_answers(url, tags):
    answers = {}
    for start in range(0, len(tags), BATCH):
        chunk = tags[start:start + BATCH]
        calls = [
            {"jsonrpc": "2.0", "method": "errors.describe", "params": {"code": "NoSuchKey", "locale": tag}, "id": i}
            for i, tag in enumerate(chunk)
        ]
        for response in rpc(url, calls):
            if "result" not in response:
                raise SystemExit(f"errors.describe failed for {chunk[response['id']]!r}: {response}")
            result = response["result"]
            # `en` is the source locale, so its `fallback` can only mean that negotiation fell back.
            fell_back = result["locale"] == DEFAULT and result["fallback"]
            answers[chunk[response["id"]]] = result["locale"] + (" (fallback)" if fell_back else "")
    return answers


def read_differences(path):
    """tag → (Errata's answer, reason) for each deliberate difference."""
    differences = {}
    with open(path, encoding="utf-8") as file:
        for line in file:
            if line.strip() and not line.startswith("#"):
                tag, errata, reason = line.rstrip("\n").split("\t")
                differences[tag] = (errata, reason)
    return differences


def main():
    url, differences_path = sys.argv[1:]
    listed = rpc(url, {"jsonrpc": "2.0", "method": "locales.list", "id": 1})["result"]
    locales = [locale["tag"] for locale in listed]
    if locales != SUPPORTED:
        raise SystemExit(f"the seed catalog's locales are {locales}, this check compares against {SUPPORTED}")
    tags = generated_tags()
    errata = errata_answers(url, tags)
    differences = read_differences(differences_path)
    failures = []
    agreed = 0
    for tag in tags:
        expected = langcodes_answer(tag)
        if errata[tag] == expected:
            agreed += 1
            if tag in differences:
                failures.append(f"{tag}: listed as a difference, but both answer {expected}")
        elif differences.get(tag, (None,))[0] != errata[tag]:
            failures.append(f"{tag}: Errata {errata[tag]}, langcodes {expected}")
    for tag in differences.keys() - set(tags):
        failures.append(f"{tag}: listed as a difference, but not compared")
    for failure in failures:
        print(failure)
    print(f"locale-check: {len(tags)} tags, {agreed} agree, {len(tags) - agreed} differ")
    print(f"{len(tags) - len(failures)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
