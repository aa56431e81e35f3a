"""The README's "Use from a web console" HTML, as pasted into a page of another origin, shows localized texts."""

import re

from selenium.webdriver.common.by import By

from browser_support import assert_accessible, screenshot, wait_for
from errata_server import REPOSITORY


def readme_html() -> str:
    """The first ```html block of the README's "Use from a web console" section."""
    readme = (REPOSITORY / "README.md").read_text()
    section = readme.split("## Use from a web console", 1)[1]
    return re.search(r"```html\n(.*?)```", section, re.S).group(1)


def test_readme_console_lines_render_in_the_browsers_language(errata, console_origin, console_directory, open_browser):
    lines = readme_html().replace("http://127.0.0.1:8080", errata.url)
    (console_directory / "readme.html").write_text(
        '<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>README console</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main><h1>主控台</h1>\n{lines}</main></body></html>')
    browser = open_browser("zh-TW,zh,en")
    browser.get(f"{console_origin}/readme.html")
    elements = browser.find_elements(By.TAG_NAME, "errata-message")
    assert len(elements) == 2
    first = errata.rpc("errors.describe", {"code": "NoSuchKey", "locale": "zh-Hant"})
    second = errata.rpc("errors.describe", {"code": "BucketNotEmpty", "variant": "objects", "locale": "zh-Hant"})
    for element, description in zip(elements, (first, second)):
        wait_for(browser, lambda d: description["message"] in element.text, f"{description['code']} never rendered")
        assert description["remediation"] in element.text
    assert elements[1].get_attribute("role") == "alert"
    screenshot(browser, "readme-console")
    assert_accessible(browser)
