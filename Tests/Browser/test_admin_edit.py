"""Editing in the admin console with an edit token: a source edit puts translations up for review,
the server's rules are shown next to the text, a hostile text stays inert, unsaved edits are guarded."""

import json
import shutil
from pathlib import Path

from selenium.webdriver.common.by import By

from admin_pages import (absent, by_label, csp_violations, diff_texts, draft_edit, go, heading, open_error, replace_text,
                         save, sign_in, wait_text)
from browser_support import assert_accessible, horizontal_overflow, screenshot, wait_for
from errata_server import REPOSITORY

NEW_REMEDIATION = "Check the object key for typos and letter case, then list the bucket to see whether the object exists."
XSS = '<img src=x onerror="window.__xss = true"> Check the key.'


MESSAGE_COMMENT = "Shown as the title of the error when an upload is too large; keep it short."
REMEDIATION_COMMENT = 'Steps for the user.\n<img src=x onerror="window.__xss = true"> is what a careless comment could hold.'


def annotate(errata, code: str, comments: dict, directory: Path):
    """Gives `code`'s fields translator comments by importing a copy of Localizations/ that has them."""
    shutil.copytree(REPOSITORY / "Localizations", directory)
    strings_file = directory / "Errors.xcstrings"
    strings = json.loads(strings_file.read_text(encoding="utf-8"))
    for field, comment in comments.items():
        strings["strings"][f"{code}.{field}"]["comment"] = comment
    strings_file.write_text(json.dumps(strings, ensure_ascii=False, indent=2), encoding="utf-8")
    assert "updated the notes for translators of 1 entry" in errata.import_files(directory)


def card_state(driver, locale: str, field: str) -> str:
    return driver.execute_script(
        "return document.querySelector(`.text-card[data-locale='${arguments[0]}'][data-field='${arguments[1]}'] .badge`).textContent",
        locale, field)


def test_an_edit_of_the_english_remediation_puts_the_translations_up_for_review(own_errata, admin_console, browser):
    sign_in(browser, admin_console, own_errata.token("edit", "editor"))
    open_error(browser, "NoSuchKey")
    screenshot(browser, "admin-editor")
    assert_accessible(browser)
    assert horizontal_overflow(browser) == 0
    assert "The specified key does not exist." in browser.find_element(By.CSS_SELECTOR, ".facts").text

    remediation = by_label(browser, "Remediation in English (en), source")
    replace_text(remediation, NEW_REMEDIATION)
    wait_text(browser, ".preview[lang='en']", NEW_REMEDIATION)
    save(browser)
    wait_text(browser, "#status", "Saved 1 text to the draft.")
    for locale in ("zh-Hans", "zh-Hant"):
        wait_for(browser, lambda d: card_state(d, locale, "remediation") == f"{locale}: needs review · draft",
                 f"{locale} never showed needs review")
        assert card_state(browser, locale, "message") == f"{locale}: translated"
    assert card_state(browser, "en", "remediation") == "en: translated · draft"
    assert own_errata.rpc("admin.getText", {"code": "NoSuchKey", "locale": "en", "field": "remediation"},
                          own_errata.token("edit", "checker"))["text"] == NEW_REMEDIATION
    by_label(browser, "Mark 繁體中文 remediation reviewed")
    screenshot(browser, "admin-editor-needs-review")
    assert_accessible(browser)

    # The find list shows the states too; the draft lists the edit but publishing is not offered.
    go(browser, "Find", "Find an error")
    wait_text(browser, ".entries", "zh-Hans: needs review")
    go(browser, "Draft", "Draft")
    wait_text(browser, ".changes", "NoSuchKey remediation (en)")
    assert absent(browser, "Publish") and absent(browser, "Discard all edits")
    wait_text(browser, "#view", "Publishing and discarding need a token of scope publish.")
    screenshot(browser, "admin-draft-edit-scope")
    assert_accessible(browser)
    assert csp_violations(browser) == []


def test_marking_a_translation_reviewed(own_errata, admin_console, browser):
    token = own_errata.token("edit", "editor")
    draft_edit(own_errata, token, "NoSuchKey", "en", "message", "The object you asked for is not in this bucket.")
    sign_in(browser, admin_console, token)
    open_error(browser, "NoSuchKey")
    assert card_state(browser, "zh-Hans", "message") == "zh-Hans: needs review · draft"
    by_label(browser, "Mark 简体中文 message reviewed").click()
    wait_for(browser, lambda d: card_state(d, "zh-Hans", "message") == "zh-Hans: translated · draft", "never marked reviewed")
    assert absent(browser, "Mark 简体中文 message reviewed")
    assert own_errata.rpc("admin.getText", {"code": "NoSuchKey", "locale": "zh-Hans", "field": "message"}, token)["state"] == "translated"


def test_the_server_rules_are_shown_next_to_the_text(own_errata, admin_console, browser):
    sign_in(browser, admin_console, own_errata.token("edit", "editor"))
    open_error(browser, "EntityTooLarge")
    text = by_label(browser, "Remediation in 简体中文 (zh-Hans)")
    replace_text(text, "单次上传最大为 {maxPartSize}。")
    save(browser)
    card = "[data-locale='zh-Hans'][data-field='remediation']"
    wait_text(browser, f"{card} .problems", "maxPartSize")
    wait_text(browser, f"{card} .error", "Not saved")
    assert text.get_attribute("aria-invalid") == "true"
    screenshot(browser, "admin-editor-invalid")
    assert_accessible(browser)


def test_the_server_checks_a_text_as_it_is_typed(own_errata, admin_console, browser):
    sign_in(browser, admin_console, own_errata.token("edit", "editor"))
    open_error(browser, "EntityTooLarge")
    text = by_label(browser, "Remediation in 繁體中文 (zh-Hant)")
    replace_text(text, "單次上傳最大為 {maxPartSize}。")
    card = "[data-locale='zh-Hant'][data-field='remediation']"
    wait_text(browser, f"{card} .problems", "maxPartSize")
    wait_text(browser, f"{card} .problems", "of 2000 characters")
    assert text.get_attribute("aria-invalid") == "true"
    assert own_errata.rpc("admin.draft", {}, own_errata.token("edit", "checker"))["changes"] == []  # nothing saved
    replace_text(text, "單次上傳最大為 {maxObjectSize}。")
    wait_for(browser, lambda d: text.get_attribute("aria-invalid") is None, "the fixed text still showed a problem")
    screenshot(browser, "admin-editor-live-check")
    assert_accessible(browser)


def test_a_hostile_text_stays_inert(own_errata, admin_console, browser):
    sign_in(browser, admin_console, own_errata.token("edit", "editor"))
    open_error(browser, "NoSuchKey")
    replace_text(by_label(browser, "Remediation in English (en), source"), XSS)
    save(browser)
    wait_text(browser, "#status", "Saved 1 text to the draft.")
    wait_text(browser, ".preview[lang='en']", XSS)
    go(browser, "Draft", "Draft")
    wait_for(browser, lambda d: XSS in diff_texts(d), "the draft never showed the text as written")
    go(browser, "Find", "Find an error")
    wait_text(browser, ".entries", "NoSuchKey")
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    assert browser.execute_script("return window.__xss === undefined")
    assert csp_violations(browser) == []


def test_leaving_with_unsaved_edits_asks_first(own_errata, admin_console, browser):
    sign_in(browser, admin_console, own_errata.token("edit", "editor"))
    open_error(browser, "SlowDown")
    replace_text(by_label(browser, "Message in English (en), source"), "You are sending requests too fast.")
    by_label(browser, "Find").click()
    wait_for(browser, lambda d: d.find_element(By.ID, "confirm").is_displayed(), "leaving never asked")
    screenshot(browser, "admin-leave-unsaved")
    assert_accessible(browser)
    by_label(browser, "Cancel").click()
    assert heading(browser) == "SlowDown"
    assert by_label(browser, "Message in English (en), source").get_attribute("value") == "You are sending requests too fast."
    by_label(browser, "Find").click()
    by_label(browser, "Leave without saving").click()
    wait_for(browser, lambda d: heading(d) == "Find an error", "leaving without saving never left")
    go(browser, "Draft", "Draft")  # the edits left behind ask no more
    assert not browser.find_element(By.ID, "confirm").is_displayed()


def test_the_editor_shows_translator_comments_and_placeholder_notes(own_errata, admin_console, browser, tmp_path):
    annotate(own_errata, "EntityTooLarge", {"message": MESSAGE_COMMENT, "remediation": REMEDIATION_COMMENT},
             tmp_path / "Localizations")
    sign_in(browser, admin_console, own_errata.token("edit", "editor"))
    open_error(browser, "EntityTooLarge")

    note = by_label(browser, "Note on {maxObjectSize}")
    assert note.text.startswith("Note: The largest object one single (non-multipart) upload may send")
    placeholder = note.find_element(By.XPATH, "..")
    assert placeholder.text.startswith("{maxObjectSize} — shown as “5 GB” when the caller gives no value")

    message_comment = by_label(browser, "Translator comment on the message")
    assert message_comment.text == f"Translator comment: {MESSAGE_COMMENT}"
    remediation_comment = by_label(browser, "Translator comment on the remediation")
    assert remediation_comment.text == "Translator comment: " + REMEDIATION_COMMENT
    # Each comment heads its field's texts, once for all locales.
    for field, comment in (("message", message_comment), ("remediation", remediation_comment)):
        cards = browser.find_elements(By.CSS_SELECTOR, f".text-card[data-field='{field}']")
        assert len(cards) == len(own_errata.locale_tags()) and all(card.location["y"] > comment.location["y"] for card in cards)
    # A comment is inserted as text: its markup stays inert.
    assert browser.execute_script("return document.querySelectorAll('#view img').length") == 0
    assert browser.execute_script("return window.__xss === undefined")

    screenshot(browser, "admin-editor-notes")
    assert_accessible(browser)
    assert horizontal_overflow(browser) == 0
    assert csp_violations(browser) == []


def test_the_developer_hint_is_edited_like_the_other_texts(own_errata, admin_console, browser):
    sign_in(browser, admin_console, own_errata.token("edit", "editor"))
    entries = own_errata.rpc("errors.list", {"locale": "en"})["entries"]
    plain = next(entry["code"] for entry in entries if "developerHint" not in entry and entry["variant"] is None)
    open_error(browser, plain)
    # A translation before the English hint is refused, with the server's reason next to the text.
    replace_text(by_label(browser, "Developer hint in 简体中文 (zh-Hans)"), "请检查请求。")
    wait_text(browser, ".text-card[data-locale='zh-Hans'][data-field='developerHint']", "the source language has no text")
    replace_text(by_label(browser, "Developer hint in 简体中文 (zh-Hans)"), "")
    replace_text(by_label(browser, "Developer hint in English (en), source"), "Log the request ID and retry once.")
    save(browser)
    wait_text(browser, "#status", "Saved 1 text to the draft.")
    assert own_errata.rpc("admin.getText", {"code": plain, "locale": "en", "field": "developerHint"},
                          own_errata.token("edit", "checker"))["text"] == "Log the request ID and retry once."
    assert_accessible(browser)
    assert horizontal_overflow(browser) == 0


def test_the_preview_shows_the_text_as_the_server_renders_it(own_errata, admin_console, browser):
    """The preview is the server's rendering (admin.validateText's preview): defaults filled in, an ICU
    plural picked by the locale's rules; while a text is invalid it shows as typed."""
    sign_in(browser, admin_console, own_errata.token("edit", "editor"))
    open_error(browser, "RequestTimeTooSkewed")
    wait_text(browser, ".preview[lang='en']", "15 minutes")
    assert "{maxClockSkewMinutes}" not in browser.find_element(By.CSS_SELECTOR, ".preview[lang='en']").text

    remediation = by_label(browser, "Remediation in English (en), source")
    replace_text(remediation, "Set the clock right: it is off by more than "
                              "{maxClockSkewMinutes, plural, one {# minute} other {# minutes}}.")
    wait_text(browser, ".preview[lang='en']", "Set the clock right: it is off by more than 15 minutes.")
    replace_text(remediation, "Off by {maxClockSkewMinutes, plural, one {# minute}}.")
    wait_text(browser, ".text-card[data-locale='en'][data-field='remediation'] .problems", "other")
    wait_text(browser, ".preview[lang='en']", "Off by {maxClockSkewMinutes, plural, one {# minute}}.")
    screenshot(browser, "admin-editor-preview")
    assert_accessible(browser)
