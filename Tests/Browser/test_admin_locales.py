"""Locales in the admin console: completeness per locale, and adding a locale with an admin token."""

from admin_pages import absent, by_label, click, csp_violations, go, replace_text, sign_in, wait_text
from browser_support import assert_accessible, horizontal_overflow, screenshot, wait_for


def locale_row(driver, tag: str) -> str:
    return driver.execute_script(
        "return [...document.querySelectorAll('tbody tr')].map((row) => row.innerText).find((text) => text.includes(arguments[0])) ?? ''",
        f"({tag})")


def test_locales_show_completeness_and_an_admin_adds_one(own_errata, admin_console, browser):
    sign_in(browser, admin_console, own_errata.token("admin", "root"))
    go(browser, "Locales", "Locales")
    total = len(own_errata.rpc("catalog.snapshot", {})["entries"])
    assert f"{total} / {total}" in locale_row(browser, "zh-Hans")
    assert "complete" in locale_row(browser, "zh-Hans")
    screenshot(browser, "admin-locales")
    assert_accessible(browser)
    assert horizontal_overflow(browser) == 0

    tag = by_label(browser, "Language tag")
    tag.send_keys("not a tag")
    by_label(browser, "Name in that language").send_keys("Français")
    click(browser, "Add locale")
    wait_text(browser, "form[aria-labelledby='add-locale-title'] .error", "tag")
    assert tag.get_attribute("aria-invalid") == "true"
    screenshot(browser, "admin-locales-invalid")
    assert_accessible(browser)

    replace_text(tag, "fr")
    click(browser, "Add locale")
    wait_for(browser, lambda d: "(fr)" in locale_row(d, "fr"), "the new locale never showed")
    assert "incomplete" in locale_row(browser, "fr")
    assert "fr" in [locale["tag"] for locale in own_errata.rpc("locales.list", {})]
    assert csp_violations(browser) == []


def test_an_edit_token_cannot_add_a_locale(own_errata, admin_console, browser):
    sign_in(browser, admin_console, own_errata.token("edit", "editor"))
    go(browser, "Locales", "Locales")
    wait_text(browser, "#view", "Adding a locale needs a token of scope admin.")
    assert absent(browser, "Add locale")
