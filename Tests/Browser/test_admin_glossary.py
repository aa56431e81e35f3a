"""Glossary warnings in the admin console: a text with a variant the glossary says to avoid is saved all the same,
and the warning shows beside it, in words, after the save and in the draft review."""

from admin_pages import by_label, csp_violations, go, open_error, replace_text, save, sign_in, wait_text
from browser_support import assert_accessible, horizontal_overflow, screenshot

# 物件鍵 is what Localizations/glossary.json says to avoid for object-key in zh-Hant (the term is 物件索引鍵).
TEXT = "找不到指定的物件鍵。"
WARNING = "“物件鍵” at 6 is a variant to avoid for object-key; the glossary says “物件索引鍵”"


def test_a_text_with_an_avoided_variant_is_saved_with_its_warning_beside_it(own_errata, admin_console, browser):
    token = own_errata.token("edit", "editor")
    sign_in(browser, admin_console, token)
    open_error(browser, "NoSuchKey")
    text = by_label(browser, "Message in 繁體中文 (zh-Hant)")
    replace_text(text, TEXT)
    save(browser)
    wait_text(browser, "#status", "Saved 1 text to the draft.")
    card = "[data-locale='zh-Hant'][data-field='message']"
    wait_text(browser, f"{card} .warnings", f"Warning: {WARNING}")
    assert text.get_attribute("aria-invalid") is None  # a warning is no refusal
    assert own_errata.rpc("admin.getText", {"code": "NoSuchKey", "locale": "zh-Hant", "field": "message"}, token)["text"] == TEXT
    screenshot(browser, "admin-editor-glossary-warning")
    assert_accessible(browser)
    assert horizontal_overflow(browser) == 0

    go(browser, "Draft", "Draft")
    wait_text(browser, ".changes .warnings", WARNING)
    screenshot(browser, "admin-draft-glossary-warning")
    assert_accessible(browser)
    assert horizontal_overflow(browser) == 0
    assert csp_violations(browser) == []
