"""The admin console with the keyboard alone: sign in, find an error, edit it and save with Ctrl+S."""

from selenium.webdriver.common.keys import Keys

from admin_pages import heading, open_console, wait_text
from browser_support import wait_for


def tab_to(driver, description: str, is_target, limit: int = 40):
    """Presses Tab until `is_target(active element)`, at most `limit` times."""
    for _ in range(limit):
        active = driver.switch_to.active_element
        if is_target(active):
            return active
        active.send_keys(Keys.TAB)
    raise AssertionError(f"Tab never reached {description}")


def labelled(driver, element) -> str:
    return driver.execute_script(
        "const e = arguments[0]; return e.labels?.[0]?.textContent ?? e.getAttribute('aria-label') ?? e.textContent", element)


def test_sign_in_find_edit_and_save_with_the_keyboard_alone(own_errata, admin_console, browser):
    open_console(browser, admin_console)
    token = tab_to(browser, "the token field", lambda e: e.get_attribute("id") == "token")
    token.send_keys(own_errata.token("edit", "keyboard"), Keys.ENTER)
    wait_for(browser, lambda d: heading(d) == "Find an error", "signing in with Enter never showed the list")

    search = tab_to(browser, "the search field", lambda e: labelled(browser, e) == "Code or words")
    search.send_keys("NoSuchKey")
    link = tab_to(browser, "the NoSuchKey link", lambda e: e.tag_name == "a" and e.text == "NoSuchKey")
    link.send_keys(Keys.ENTER)
    wait_for(browser, lambda d: heading(d) == "NoSuchKey", "Enter on the link never opened the editor")

    text = tab_to(browser, "the English message", lambda e: labelled(browser, e) == "Message in English (en), source")
    text.send_keys(Keys.END, " Check the key.")
    text.send_keys(Keys.CONTROL, "s")
    wait_text(browser, "#status", "Saved 1 text to the draft.")
