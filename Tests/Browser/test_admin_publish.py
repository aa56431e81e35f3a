"""Publishing from the admin console: the draft's diff, publishing with a note, readers see the new text,
the history lists it, and a confirmed revert restores the old text and review states."""

import json

from selenium.webdriver.common.by import By

from admin_pages import (by_label, click, csp_violations, diff_texts, draft_edit, go, open_error, replace_text, save,
                         sign_in, wait_text)
from browser_support import assert_accessible, horizontal_overflow, screenshot, wait_for

NEW_REMEDIATION = "Check the object key for typos and letter case, then list the bucket to see whether the object exists."


def published_remediation(errata) -> str:
    status, _, body = errata.get("/v1/errors/NoSuchKey?locale=en")
    assert status == 200
    return json.loads(body)["remediation"]


def needs_review(errata) -> list:
    return errata.rpc("catalog.snapshot", {})["needsReview"]


def test_publish_then_history_and_revert(own_errata, admin_console, browser, open_browser):
    original = published_remediation(own_errata)
    sign_in(browser, admin_console, own_errata.token("publish", "publisher"))
    assert "History" in [link.text for link in browser.find_elements(By.CSS_SELECTOR, "#nav a") if link.is_displayed()]
    open_error(browser, "NoSuchKey")
    replace_text(by_label(browser, "Remediation in English (en), source"), NEW_REMEDIATION)
    save(browser)
    wait_text(browser, "#status", "Saved 1 text to the draft.")

    go(browser, "Draft", "Draft")
    wait_for(browser, lambda d: NEW_REMEDIATION in diff_texts(d, "after") and original in diff_texts(d, "before"),
             "the draft never showed the diff against the published text")
    assert browser.find_elements(By.CSS_SELECTOR, ".changes ins") and browser.find_elements(By.CSS_SELECTOR, ".changes del")
    wait_text(browser, ".changes", "by publisher")
    screenshot(browser, "admin-draft")
    assert_accessible(browser)
    assert horizontal_overflow(browser) == 0

    click(browser, "Publish")  # without a note: said next to the note
    wait_text(browser, "form[aria-labelledby='publish-title'] .error", "Write a note")
    by_label(browser, "Note for this revision").send_keys("Clearer NoSuchKey steps")
    click(browser, "Publish")
    wait_text(browser, "#draft-result", "as revision 2")
    screenshot(browser, "admin-published")
    assert published_remediation(own_errata) == NEW_REMEDIATION
    # The error page shows it too, at once.
    console = browser.current_window_handle
    # A new tab opened by WebDriver, then loaded by it: get() returns once the page has loaded, where a
    # tab opened by script is still loading when the test would switch to it.
    browser.switch_to.new_window("tab")
    browser.get(own_errata.url + "/docs/errors/NoSuchKey?locale=en")
    wait_text(browser, "main", NEW_REMEDIATION)
    browser.close()
    browser.switch_to.window(console)
    assert sorted(needs_review(own_errata)) == sorted(f"NoSuchKey.remediation@{tag}" for tag in own_errata.translation_tags())
    go(browser, "Find", "Find an error")
    replace_text(by_label(browser, "Code or words"), "NoSuchKey")
    wait_text(browser, ".entries", "zh-Hans: needs review")
    go(browser, "History", "History")
    wait_text(browser, "#view", "Reading the history needs a token of scope admin.")
    screenshot(browser, "admin-history-publish-scope")
    assert_accessible(browser)
    assert csp_violations(browser) == []

    # An admin sees the revision in the history and reverts it after a confirmation naming the change.
    admin = open_browser()
    sign_in(admin, admin_console, own_errata.token("admin", "root"))
    go(admin, "History", "History")
    wait_text(admin, ".revisions", "Clearer NoSuchKey steps")
    wait_text(admin, ".revisions", "by publisher")
    assert NEW_REMEDIATION in diff_texts(admin, "after")
    screenshot(admin, "admin-history")
    assert_accessible(admin)
    by_label(admin, "Code").send_keys("NoSuchBucket")
    click(admin, "Show")
    wait_text(admin, ".revisions", "Revision 1")
    assert "Clearer NoSuchKey steps" not in admin.find_element(By.CSS_SELECTOR, ".revisions").text
    replace_text(by_label(admin, "Code"), "NoSuchKey")
    click(admin, "Show")
    wait_text(admin, ".revisions", "Revision 2")

    click(admin, "Revert to revision 1")
    wait_for(admin, lambda d: d.find_element(By.ID, "confirm").is_displayed(), "revert never asked")
    wait_text(admin, "#confirm-body", "NoSuchKey remediation (en)")
    assert original in diff_texts(admin, "after")
    screenshot(admin, "admin-revert-confirm")
    assert_accessible(admin)
    admin.find_element(By.ID, "confirm-yes").click()
    wait_text(admin, "#history-result", "published as revision 3")
    assert published_remediation(own_errata) == original
    assert needs_review(own_errata) == []
    assert csp_violations(admin) == []


def test_discarding_the_whole_draft_asks_first(own_errata, admin_console, browser):
    token = own_errata.token("publish", "publisher")
    draft_edit(own_errata, token, "SlowDown", "en", "message", "Too many requests: slow down.")
    sign_in(browser, admin_console, token)
    go(browser, "Draft", "Draft")
    wait_text(browser, ".changes", "SlowDown message (en)")
    click(browser, "Discard all edits")
    wait_text(browser, "#confirm-body", "pending edits will be dropped")
    click(browser, "Cancel")
    assert own_errata.rpc("admin.draft", {}, token)["changes"]
    click(browser, "Discard all edits")
    click(browser, "Discard all")
    wait_text(browser, "#view", "The draft is empty")
    assert own_errata.rpc("admin.draft", {}, token)["changes"] == []
    screenshot(browser, "admin-draft-empty")
    assert_accessible(browser)


def test_discarding_one_edit_keeps_the_rest_of_the_draft(own_errata, admin_console, browser):
    token = own_errata.token("publish", "publisher")
    draft_edit(own_errata, token, "SlowDown", "en", "message", "Too many requests: slow down.")
    draft_edit(own_errata, token, "NoSuchBucket", "zh-Hans", "message", "找不到这个存储桶。")
    sign_in(browser, admin_console, token)
    go(browser, "Draft", "Draft")
    wait_text(browser, ".changes", "NoSuchBucket message (zh-Hans)")
    click(browser, "Discard the edit of NoSuchBucket message (zh-Hans)")
    wait_text(browser, "#confirm-body", "the published text stays")
    screenshot(browser, "admin-discard-one-confirm")
    click(browser, "Discard this edit")
    wait_for(browser, lambda d: "NoSuchBucket" not in d.execute_script("return document.querySelector('.changes')?.innerText ?? ''"),
             "the discarded edit never left the draft")
    # The English edit and the review marks it put on the translations are still pending.
    pending = {(change["code"], change["locale"]) for change in own_errata.rpc("admin.draft", {}, token)["changes"]}
    assert pending == {("SlowDown", tag) for tag in own_errata.locale_tags()}
    assert "SlowDown message (en)" in browser.find_element(By.CSS_SELECTOR, ".changes").text
    assert_accessible(browser)


def test_history_filters_by_token(own_errata, admin_console, browser):
    for name, code in (("alice", "SlowDown"), ("bob", "NoSuchBucket")):
        token = own_errata.token("publish", name)
        draft_edit(own_errata, token, code, "en", "message", f"A clearer {code} message.")
        own_errata.rpc("admin.publish", {"note": f"{name}'s {code}"}, token)
    sign_in(browser, admin_console, own_errata.token("admin", "root"))
    go(browser, "History", "History")
    wait_text(browser, ".revisions", "bob's NoSuchBucket")
    by_label(browser, "Published by (token name)").send_keys("alice")
    click(browser, "Show")
    wait_for(browser, lambda d: "bob's" not in d.find_element(By.CSS_SELECTOR, ".revisions").text, "the token filter never applied")
    assert "alice's SlowDown" in browser.find_element(By.CSS_SELECTOR, ".revisions").text
    screenshot(browser, "admin-history-by-token")
    assert_accessible(browser)


def test_a_publish_token_reverts_by_revision_number(own_errata, admin_console, browser):
    original = published_remediation(own_errata)
    token = own_errata.token("publish", "publisher")
    draft_edit(own_errata, token, "NoSuchKey", "en", "remediation", NEW_REMEDIATION)
    own_errata.rpc("admin.publish", {"note": "Clearer NoSuchKey steps"}, token)
    sign_in(browser, admin_console, token)
    go(browser, "History", "History")
    click(browser, "Revert…")
    wait_text(browser, "#view .error", "write a revision number")
    by_label(browser, "Revision to revert to").send_keys("1")
    click(browser, "Revert…")
    wait_text(browser, "#confirm-body", "every text changed since goes back")
    click(browser, "Revert to revision 1")
    wait_text(browser, "#history-result", "published as revision 3")
    assert published_remediation(own_errata) == original
