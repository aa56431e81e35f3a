"""Signing in to the admin console: a wrong token is refused in words, a token's scope shapes the console,
signing out forgets the token; the list of errors shows each locale's state and filters."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from admin_pages import (absent, by_label, csp_violations, go, heading, open_console, replace_text, shown_codes,
                         sign_in, wait_text)
from browser_support import assert_accessible, horizontal_overflow, screenshot, wait_for


def test_a_wrong_token_gets_a_clear_message_and_is_not_kept(own_errata, admin_console, browser):
    open_console(browser, admin_console)
    screenshot(browser, "admin-sign-in")
    assert_accessible(browser)
    by_label(browser, "Token").send_keys("not-a-token")
    by_label(browser, "Sign in").click()
    wait_text(browser, "#sign-in-error", "did not accept the token")
    assert by_label(browser, "Token").get_attribute("aria-invalid") == "true"
    assert browser.execute_script("return sessionStorage.length") == 0
    assert "not-a-token" not in browser.current_url
    screenshot(browser, "admin-sign-in-refused")
    assert_accessible(browser)
    assert csp_violations(browser) == []


def test_an_edit_token_sees_the_list_with_states_and_no_history(own_errata, admin_console, browser):
    token = own_errata.token("edit", "editor")
    sign_in(browser, admin_console, token)
    who = browser.find_element(By.ID, "who").text
    assert who == "editor · scope edit"
    assert heading(browser) == "Find an error"
    assert absent(browser, "History")
    assert browser.execute_script("return localStorage.length") == 0
    assert token not in browser.current_url

    entries = browser.find_elements(By.CSS_SELECTOR, ".entries > li")
    assert len(entries) == len(own_errata.rpc("catalog.snapshot", {})["entries"])
    badges = [badge.text for badge in entries[0].find_elements(By.CSS_SELECTOR, ".badge")]
    assert badges == [f"{tag}: translated" for tag in own_errata.locale_tags()]
    screenshot(browser, "admin-find")
    assert_accessible(browser)
    assert horizontal_overflow(browser) == 0

    # Words of a zh-Hans text (NoSuchKey's remediation); search covers developer hints too, and "对象键" is in several.
    by_label(browser, "Code or words").send_keys("大小写")
    wait_text(browser, "#results", "errors")
    wait_for(browser, lambda d: "NoSuchKey" in shown_codes(d) and "AccessDenied" not in shown_codes(d),
             "searching words of a zh-Hans text never found NoSuchKey alone")

    replace_text(by_label(browser, "Code or words"), "")
    Select(by_label(browser, "HTTP status")).select_by_value("404")
    Select(by_label(browser, "Category")).select_by_value("object")
    wait_for(browser, lambda d: "NoSuchKey" in shown_codes(d) and "NoSuchBucket" not in shown_codes(d)
             and "AccessDenied" not in shown_codes(d), "the HTTP status and category filters never applied")

    by_label(browser, "Sign out").click()
    wait_for(browser, lambda d: by_label(d, "Token").is_displayed(), "signing out never showed the sign-in form")
    assert browser.execute_script("return sessionStorage.length") == 0
    assert csp_violations(browser) == []


def test_an_admin_token_sees_every_view(own_errata, admin_console, browser):
    sign_in(browser, admin_console, own_errata.token("admin", "root"))
    assert "scope admin" in browser.find_element(By.ID, "who").text
    go(browser, "History", "History")
    go(browser, "Locales", "Locales")
    go(browser, "Draft", "Draft")
    assert csp_violations(browser) == []
