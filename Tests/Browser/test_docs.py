"""The localized error pages: /docs (filters, search, language switcher) and /docs/errors/{code}, in every locale."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from browser_support import assert_accessible, horizontal_overflow, screenshot, wait_for

LOCALES = ("en", "zh-Hans", "zh-Hant", "ja", "ko")


def labelled(driver, label: str):
    """The form control whose <label> says `label`, found as a screen reader finds it."""
    target = driver.find_element(By.XPATH, f"//label[normalize-space()='{label}']").get_attribute("for")
    return driver.find_element(By.ID, target)


def visible_rows(driver):
    return [row for row in driver.find_elements(By.CSS_SELECTOR, "tbody tr") if row.is_displayed()]


def locale_strings(errata, locale):
    """What the service says for a few pages' words: read from the page itself would prove nothing."""
    return errata.rpc("errors.list", {"locale": locale})["entries"]


@pytest.mark.parametrize("locale", LOCALES)
def test_docs_index_lists_every_error_in_each_locale(errata, browser, locale):
    browser.get(f"{errata.url}/docs?locale={locale}")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == locale
    entries = locale_strings(errata, locale)
    rows = visible_rows(browser)
    assert len(rows) == len(entries)
    page_text = browser.find_element(By.TAG_NAME, "main").text
    for entry in entries:
        assert entry["message"] in page_text
    assert horizontal_overflow(browser) <= 0
    screenshot(browser, f"docs-{locale}")
    assert_accessible(browser)


def test_docs_search_filters_as_you_type(errata, browser):
    browser.get(f"{errata.url}/docs?locale=en")
    total = len(visible_rows(browser))
    browser.execute_script("window.sameDocument = true")
    search = labelled(browser, "Search codes and messages")
    search.send_keys("SlowDown")
    wait_for(browser, lambda d: 0 < len(visible_rows(d)) < total, "typing in the search never filtered the list")
    assert any("SlowDown" in row.text for row in visible_rows(browser))
    # Nothing was submitted: the page's script filtered this very document.
    assert browser.execute_script("return window.sameDocument === true")
    search.send_keys(Keys.CONTROL, "a")
    search.send_keys(Keys.DELETE)
    wait_for(browser, lambda d: len(visible_rows(d)) == total, "clearing the search never showed every error again")


def test_docs_filters_work_without_javascript(errata, open_browser):
    browser = open_browser(javascript=False)
    browser.get(f"{errata.url}/docs?locale=en")
    Select(labelled(browser, "HTTP status")).select_by_value("409")
    labelled(browser, "HTTP status").submit()
    wait_for(browser, lambda d: "status=409" in d.current_url, "the filter form was never submitted")
    expected = errata.rpc("errors.list", {"locale": "en", "httpStatus": 409})["entries"]
    rows = visible_rows(browser)
    assert len(rows) == len(expected) and all("409" in row.text for row in rows)


def test_language_switcher_goes_to_the_same_page_in_another_locale(errata, browser):
    browser.get(f"{errata.url}/docs/errors/NoSuchKey?locale=en")
    switcher = browser.find_element(By.CSS_SELECTOR, "nav.languages")
    switcher.find_element(By.XPATH, ".//a[@hreflang='zh-Hant']").click()
    wait_for(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-Hant",
             "the switcher never showed the zh-Hant page")
    expected = errata.rpc("errors.describe", {"code": "NoSuchKey", "locale": "zh-Hant"})["message"]
    assert expected in browser.find_element(By.TAG_NAME, "main").text
    assert "/docs/errors/NoSuchKey" in browser.current_url


@pytest.mark.parametrize(("languages", "locale"), [("zh-TW,zh", "zh-Hant"), ("ja-JP,ja", "ja"), ("ko-KR,ko", "ko")])
def test_docs_negotiate_the_browsers_language(errata, open_browser, languages, locale):
    browser = open_browser(languages)
    browser.get(f"{errata.url}/docs/errors/SlowDown")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == locale


@pytest.mark.parametrize("locale", LOCALES)
def test_error_page_in_each_locale(errata, browser, locale):
    browser.get(f"{errata.url}/docs/errors/BucketNotEmpty?variant=objects&locale={locale}")
    description = errata.rpc("errors.describe", {"code": "BucketNotEmpty", "variant": "objects", "locale": locale})
    main = browser.find_element(By.TAG_NAME, "main").text
    assert description["message"] in main
    assert description["remediation"] in main
    assert description["serviceMessage"] in main
    assert str(description["httpStatus"]) in main
    hreflangs = {link.get_attribute("hreflang") for link in browser.find_elements(By.CSS_SELECTOR, "link[rel=alternate]")}
    assert set(LOCALES) <= hreflangs
    assert horizontal_overflow(browser) <= 0
    screenshot(browser, f"error-BucketNotEmpty-{locale}")
    assert_accessible(browser)


def test_error_page_in_dark_mode(errata, browser):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    browser.get(f"{errata.url}/docs/errors/SlowDown?locale=en")
    background = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
    screenshot(browser, "error-SlowDown-dark")
    assert_accessible(browser)
    assert background not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background


@pytest.mark.parametrize("locale", LOCALES)
def test_error_page_shows_the_developer_hint_apart(errata, browser, locale):
    description = errata.rpc("errors.describe", {"code": "BadDigest", "locale": locale})
    browser.get(f"{errata.url}/docs/errors/BadDigest?locale={locale}")
    section = browser.find_element(By.CSS_SELECTOR, "section.developer-hint")
    heading = section.find_element(By.TAG_NAME, "h2")
    # Labelled for developers, after what the user should do, and saying the service's own hint.
    assert section.get_attribute("aria-labelledby") == heading.get_attribute("id")
    assert heading.text and heading.text not in description["remediation"]
    assert section.find_element(By.ID, "developer-hint").text == description["developerHint"]
    order = browser.execute_script(
        "return document.querySelector('p.remediation').compareDocumentPosition(arguments[0])", section)
    assert order & 4, "the hint comes after the remediation"
    assert horizontal_overflow(browser) <= 0
    screenshot(browser, f"error-BadDigest-hint-{locale}")
    assert_accessible(browser)


def test_error_page_without_a_hint_has_no_hint_section(errata, browser):
    entries = errata.rpc("errors.list", {"locale": "en"})["entries"]
    plain = next(entry for entry in entries if "developerHint" not in entry)
    browser.get(f"{errata.url}/docs/errors/{plain['code']}?locale=en")
    assert browser.find_elements(By.CSS_SELECTOR, "section.developer-hint") == []


def test_docs_origin_filter_narrows_as_you_choose(errata, browser):
    browser.get(f"{errata.url}/docs?locale=en")
    browser.execute_script("window.sameDocument = true")
    entries = errata.rpc("errors.list", {"locale": "en"})["entries"]
    s3_codes = [entry for entry in entries if entry["origin"] == "s3"]
    origin = Select(labelled(browser, "Origin"))
    origin.select_by_value("s3")
    wait_for(browser, lambda d: len(visible_rows(d)) == len(s3_codes), "choosing S3-standard codes never narrowed the list")
    # Each row says its set in words, not by colour alone.
    assert all("S3 standard" in row.text for row in visible_rows(browser))
    assert "origin=s3" in browser.current_url
    assert browser.execute_script("return window.sameDocument === true")
    assert horizontal_overflow(browser) <= 0
    screenshot(browser, "docs-origin-s3-en")
    assert_accessible(browser)
    origin.select_by_value("")
    labelled(browser, "Search codes and messages").send_keys("NoSuchBucketPolicy")
    wait_for(browser, lambda d: [row.text.split()[0] for row in visible_rows(d)] == ["NotSuchBucketPolicy"],
             "searching another spelling never found its entry")


@pytest.mark.parametrize("locale", ("en", "ja"))
def test_alias_page_says_which_entry_answers(errata, browser, locale):
    description = errata.rpc("errors.describe", {"code": "NoSuchBucketPolicy", "locale": locale})
    assert description["requestedCode"] == "NoSuchBucketPolicy"
    browser.get(f"{errata.url}/docs/errors/NoSuchBucketPolicy?locale={locale}")
    assert browser.find_element(By.TAG_NAME, "h1").text == description["code"]
    note = browser.find_element(By.CSS_SELECTOR, "main .alias-notice").text
    assert "NoSuchBucketPolicy" in note and description["code"] in note
    main = browser.find_element(By.TAG_NAME, "main").text
    assert description["message"] in main and description["remediation"] in main
    canonical = browser.find_element(By.CSS_SELECTOR, "link[rel=canonical]").get_attribute("href")
    assert canonical.endswith(f"/docs/errors/{description['code']}?locale={locale}")
    assert horizontal_overflow(browser) <= 0
    screenshot(browser, f"error-alias-NoSuchBucketPolicy-{locale}")
    assert_accessible(browser)


def test_generic_answer_page_says_what_it_answers(errata, browser):
    description = errata.rpc("errors.describe", {"code": "UnrecognizedError", "variant": "throttling", "locale": "zh-Hant"})
    assert description["origin"] == "generic"
    browser.get(f"{errata.url}/docs/errors/UnrecognizedError?variant=throttling&locale=zh-Hant")
    assert browser.find_element(By.CSS_SELECTOR, "main .generic-notice").is_displayed()
    assert description["message"] in browser.find_element(By.TAG_NAME, "main").text
    assert horizontal_overflow(browser) <= 0
    screenshot(browser, "error-UnrecognizedError-throttling-zh-Hant")
    assert_accessible(browser)
