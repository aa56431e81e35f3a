"""<errata-message> renders the catalog's text in each locale with no code on the page but the import."""

from selenium.webdriver.common.by import By

from browser_support import assert_accessible, screenshot, wait_for

EXPECTED = [("NoSuchKey", None, "en"), ("BucketNotEmpty", "objects", "zh-Hans"), ("SlowDown", None, "zh-Hant")]


def rendered_text(driver, element) -> str:
    """What the element shows, through its open shadow root when it has one."""
    return driver.execute_script("const e = arguments[0]; return (e.shadowRoot ?? e).textContent", element)


def test_errata_message_renders_in_all_three_locales(errata, console_origin, browser):
    browser.get(f"{console_origin}/element.html?server={errata.url}")
    elements = browser.find_elements(By.TAG_NAME, "errata-message")
    assert len(elements) == 3
    for element, (code, variant, locale) in zip(elements, EXPECTED):
        params = {"code": code, "locale": locale} | ({"variant": variant} if variant else {})
        message = errata.rpc("errors.describe", params)["message"]
        wait_for(browser, lambda d: message in rendered_text(d, element), f"{code} never showed its {locale} message")
    alert = elements[2]
    assert browser.execute_script(
        "const e = arguments[0]; return e.getAttribute('role') ?? e.shadowRoot?.querySelector('[role=alert]')?.getAttribute('role')",
        alert) == "alert"
    screenshot(browser, "errata-message")
    assert_accessible(browser)
