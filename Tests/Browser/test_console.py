"""A storage console on another origin uses errata.js: explain, language switch, offline, new texts after a sync."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser_support import assert_accessible, screenshot, wait_for


def state(driver, expected: str, locale: str | None = None):
    """Waits until the console page says it is in `expected` state (and shows `locale`)."""
    def reached(driver):
        body = driver.find_element(By.TAG_NAME, "body")
        if body.get_attribute("data-state") == "failed":
            raise AssertionError("the console failed: " + driver.find_element(By.ID, "status").text)
        return body.get_attribute("data-state") == expected and (locale is None or body.get_attribute("data-locale") == locale)
    wait_for(driver, reached, f"console never reached {expected} {locale or ''}")


def published_message(errata, code: str, locale: str) -> str:
    return errata.rpc("errors.describe", {"code": code, "locale": locale})["message"]


def test_console_explains_in_zh_hant_switches_language_and_works_offline(own_errata, console_origin, browser):
    browser.get(f"{console_origin}/console.html?server={own_errata.url}")
    state(browser, "ready", "zh-Hant")
    assert browser.find_element(By.ID, "message").text == published_message(own_errata, "NoSuchKey", "zh-Hant")
    assert browser.find_element(By.ID, "request-id").text == "4442587FB7D0A2F9"
    assert browser.find_element(By.ID, "bucket").text == "photos"
    assert browser.find_element(By.ID, "key").text == "2026/cat.jpg"
    assert len(browser.find_elements(By.CSS_SELECTOR, "#remediation li")) >= 1
    screenshot(browser, "console-zh-Hant")
    assert_accessible(browser)

    Select(browser.find_element(By.ID, "language")).select_by_value("en")
    state(browser, "ready", "en")
    assert browser.find_element(By.ID, "message").text == published_message(own_errata, "NoSuchKey", "en")

    # The service stops: both catalogs the page used are kept, so switching back needs no request.
    own_errata.stop()
    Select(browser.find_element(By.ID, "language")).select_by_value("zh-Hant")
    state(browser, "ready", "zh-Hant")
    assert browser.find_element(By.ID, "message").text.strip()
    # A new visit with the service down still shows the text, from the kept catalog.
    browser.refresh()
    state(browser, "ready", "zh-Hant")
    screenshot(browser, "console-offline")


def test_console_shows_a_newly_published_text_after_a_sync(own_errata, console_origin, browser):
    browser.get(f"{console_origin}/console.html?server={own_errata.url}")
    state(browser, "ready", "zh-Hant")
    token = own_errata.token("publish", "browser-publisher")
    current = own_errata.rpc("admin.getText", {"code": "NoSuchKey", "locale": "zh-Hant", "field": "message"}, token)
    own_errata.rpc("admin.setText", {"code": "NoSuchKey", "locale": "zh-Hant", "field": "message",
                                     "text": "找不到這個物件（新版說明）。", "expectedVersion": current["version"],
                                     "publish": True, "note": "browser test"}, token)
    browser.find_element(By.ID, "check").click()
    wait_for(browser, lambda d: d.find_element(By.ID, "message").text == "找不到這個物件（新版說明）。",
             "the console never showed the newly published text")
