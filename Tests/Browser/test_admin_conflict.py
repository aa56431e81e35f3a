"""Two admins edit the same text: the second save gets the conflict view with both texts, saves a merge
against the new version, and nothing is lost."""

from selenium.webdriver.common.by import By

from admin_pages import by_label, click, csp_violations, open_error, replace_text, save, sign_in, wait_text
from browser_support import assert_accessible, screenshot, wait_for

FIRST = "Check the object key for typos and letter case."
SECOND = "List the bucket to see whether the object exists."
MERGED = f"{FIRST} {SECOND}"


def test_the_second_save_shows_both_texts_and_saves_a_merge(own_errata, admin_console, open_browser):
    alice, bob = open_browser(), open_browser()
    sign_in(alice, admin_console, own_errata.token("edit", "alice"))
    sign_in(bob, admin_console, own_errata.token("edit", "bob"))
    for browser in (alice, bob):
        open_error(browser, "NoSuchKey")

    replace_text(by_label(alice, "Remediation in English (en), source"), FIRST)
    save(alice)
    wait_text(alice, "#status", "Saved 1 text to the draft.")

    replace_text(by_label(bob, "Remediation in English (en), source"), SECOND)
    save(bob)
    wait_text(bob, ".conflict", "Someone else saved this text first")
    assert by_label(bob, "Their text").get_attribute("value") == FIRST
    assert by_label(bob, "Your text").get_attribute("value") == SECOND
    wait_text(bob, "[data-field='remediation'][data-locale='en'] .error", "changed by someone else")
    screenshot(bob, "admin-conflict")
    assert_accessible(bob)

    merged = by_label(bob, "Merged text")
    assert merged == bob.switch_to.active_element  # focus moves to where the admin decides
    replace_text(merged, MERGED)
    click(bob, "Save merge")
    wait_text(bob, "#status", "Saved 1 text to the draft.")
    wait_for(bob, lambda d: not d.find_elements(By.CSS_SELECTOR, ".conflict"), "the conflict view stayed open")
    assert by_label(bob, "Remediation in English (en), source").get_attribute("value") == MERGED

    publisher = own_errata.token("publish", "publisher")
    draft = own_errata.rpc("admin.draft", {}, publisher)["changes"]
    english = [change for change in draft if change["locale"] == "en"]
    assert [(change["text"], change["author"]) for change in english] == [(MERGED, "bob")]
    own_errata.rpc("admin.publish", {"note": "Merged NoSuchKey steps"}, publisher)
    history = own_errata.rpc("admin.history", {"code": "NoSuchKey", "locale": "en"}, own_errata.token("admin", "root"))
    assert history["changes"][0]["newText"] == MERGED
    assert csp_violations(alice) == [] and csp_violations(bob) == []
