"""What every browser test does: wait for the page, screenshot it at two widths, check it with axe-core."""

import base64
import os
from pathlib import Path

from axe_selenium_python import Axe
from selenium.webdriver.support.ui import WebDriverWait

from errata_server import REPOSITORY

SCREENSHOTS = Path(os.environ.get("ERRATA_ARTIFACTS", REPOSITORY / "artifacts")) / "screenshots"
# axe-selenium-python drives axe-core, but bundles axe-core 3.1.1 (2018). The CI installs axe-core 4.x from
# the axe-playwright-python wheel (without its dependencies) and names the file in $AXE_CORE_SCRIPT.
AXE_SCRIPT = os.environ.get("AXE_CORE_SCRIPT")
WIDTHS = (1280, 375)
TIMEOUT = 20


def wait_for(driver, condition, message: str):
    """Polls `condition(driver)` until it is truthy, for at most TIMEOUT seconds, failing with `message`."""
    return WebDriverWait(driver, TIMEOUT, poll_frequency=0.05).until(condition, message)


def screenshot(driver, name: str):
    """Saves the whole page at each width in WIDTHS as `<name>-<width>.png`, then restores the width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    original = driver.get_window_size()
    for width in WIDTHS:
        driver.set_window_size(width, 900)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": min(height, 8000), "deviceScaleFactor": 1, "mobile": width < 600})
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        (SCREENSHOTS / f"{name}-{width}.png").write_bytes(base64.b64decode(shot["data"]))
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.set_window_size(original["width"], original["height"])


def horizontal_overflow(driver, width: int = 375) -> int:
    """How many CSS pixels the page is wider than a `width` px phone screen (0 when it fits)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    try:
        return driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def serious_violations(driver) -> list:
    """The axe-core violations of impact serious or critical on the current page."""
    if not AXE_SCRIPT or not Path(AXE_SCRIPT).is_file():
        raise FileNotFoundError("AXE_CORE_SCRIPT names no axe-core 4.x script; .ci/browser-tests installs one")
    axe = Axe(driver, script_url=AXE_SCRIPT)
    axe.inject()
    results = axe.run()
    return [violation for violation in results["violations"] if violation["impact"] in ("serious", "critical")]


def assert_accessible(driver):
    violations = serious_violations(driver)
    assert not violations, Axe(driver).report(violations)
