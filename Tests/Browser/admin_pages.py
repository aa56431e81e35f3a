"""Driving the admin console as a screen-reader user would: controls are found by their labels."""

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser_support import wait_for

# Records CSP violations from the first script on, so a test can assert there were none.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def literal(text: str) -> str:
    """`text` as an XPath string literal."""
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ", '\"', ".join(f'"{part}"' for part in text.split('"')) + ")"


def by_label(driver, label: str):
    """The visible control whose <label> or aria-label is `label` (whole text, spaces normalized)."""
    text = literal(label)
    xpath = (f"//*[@id=//label[normalize-space(.)={text}]/@for] | //*[@aria-label={text}]"
             f" | //button[normalize-space(.)={text}] | //a[normalize-space(.)={text}]")

    def visible(driver):
        try:
            shown = [element for element in driver.find_elements(By.XPATH, xpath) if element.is_displayed()]
        except StaleElementReferenceException:  # the view re-rendered meanwhile: look again
            return False
        return shown[0] if shown else False
    return wait_for(driver, visible, f"no visible control labelled {label!r}")


def click(driver, label: str):
    """Clicks the control labelled `label`, looking again if the view re-rendered under the click."""
    def clicked(driver):
        try:
            by_label(driver, label).click()
            return True
        except StaleElementReferenceException:
            return False
    wait_for(driver, clicked, f"could not click {label!r}")


def absent(driver, label: str) -> bool:
    """Whether no button, link or labelled control named `label` is shown (right now, without waiting)."""
    text = literal(label)
    xpath = f"//button[normalize-space(.)={text}] | //a[normalize-space(.)={text}] | //*[@id=//label[normalize-space(.)={text}]/@for]"
    return not any(element.is_displayed() for element in driver.find_elements(By.XPATH, xpath))


def shown_codes(driver) -> set:
    """The errors the find view lists."""
    return set(driver.execute_script("return [...document.querySelectorAll('.entries > li > a')].map((a) => a.textContent)"))


def wait_text(driver, css: str, expected: str):
    """Waits until an element matching `css` shows `expected` (a substring)."""
    def shown(driver):
        texts = driver.execute_script("return [...document.querySelectorAll(arguments[0])].map((e) => e.innerText)", css)
        return any(expected in text for text in texts)
    wait_for(driver, shown, f"{css} never showed {expected!r}")


def open_console(driver, url: str):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_WATCH})
    driver.get(url)
    wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true",
             "the console never finished starting")


def sign_in(driver, url: str, token: str):
    """Opens the console and signs in with `token`; waits for the navigation."""
    open_console(driver, url)
    by_label(driver, "Token").send_keys(token)
    by_label(driver, "Sign in").click()
    wait_for(driver, lambda d: d.find_element(By.ID, "nav").is_displayed(), "never signed in")
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#view h1"), "no view after signing in")


def csp_violations(driver) -> list:
    return driver.execute_script("return window.__cspViolations ?? []")


def heading(driver) -> str:
    return driver.execute_script("return document.querySelector('#view h1')?.textContent ?? ''")


def go(driver, link: str, expected_heading: str):
    """Follows the navigation link `link` and waits for the view titled `expected_heading`."""
    click(driver, link)
    wait_for(driver, lambda d: heading(d) == expected_heading, f"{expected_heading} never showed")


def open_error(driver, code: str):
    """Finds `code` in the list and opens its editor."""
    search = by_label(driver, "Code or words")
    search.clear()
    search.send_keys(code)
    click(driver, code)
    wait_for(driver, lambda d: heading(d) == code and d.find_elements(By.CSS_SELECTOR, ".text-card"), f"{code} never opened")


def replace_text(element, text: str):
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(Keys.DELETE)
    element.send_keys(text)


def save(driver):
    """Saves with Ctrl+S, as an admin at the keyboard would."""
    driver.switch_to.active_element.send_keys(Keys.CONTROL, "s")


def diff_texts(driver, side: str = "after") -> list:
    """The texts the `.diff` paragraphs show, before or after: without their removed (or added) parts and the
    words only screen readers read."""
    return driver.execute_script("""
        return [...document.querySelectorAll('.diff')].map((diff) => {
          const copy = diff.cloneNode(true);
          copy.querySelectorAll(arguments[0] === 'after' ? 'del, .visually-hidden' : 'ins, .visually-hidden')
            .forEach((node) => node.remove());
          return copy.textContent;
        })""", side)


def draft_edit(errata, token: str, code: str, locale: str, field: str, text: str):
    """Puts an edit of one text in the draft through the API, against the version it reads first."""
    key = {"code": code, "locale": locale, "field": field}
    current = errata.rpc("admin.getText", key, token)
    errata.rpc("admin.setText", key | {"text": text, "expectedVersion": current["version"]}, token)
