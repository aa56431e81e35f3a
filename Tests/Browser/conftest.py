"""Fixtures of the browser tests: a live errata-server, a console page on another origin, headless Chromium."""

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from errata_server import REPOSITORY, ErrataServer

FIXTURES = Path(__file__).parent / "fixtures"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def console_directory(tmp_path_factory):
    """What the console origin serves: a copy of fixtures/, to which a test may add pages."""
    directory = tmp_path_factory.mktemp("console")
    shutil.copytree(FIXTURES, directory, dirs_exist_ok=True)
    return directory


@pytest.fixture(scope="session")
def console_origin(console_directory):
    """The fixture console pages, served from an origin of their own (another port, another host name)."""
    handler = functools.partial(QuietHandler, directory=str(console_directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # localhost, not 127.0.0.1: a different host as well as a different port from errata-server.
    yield f"http://localhost:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def errata(console_origin):
    """One errata-server for the tests that do not stop it or change its catalog."""
    server = ErrataServer(cors_origins=[console_origin]).start()
    yield server
    server.close()


@pytest.fixture
def own_errata(console_origin):
    """An errata-server of the test's own, for tests that publish or stop it."""
    server = ErrataServer(cors_origins=[console_origin]).start()
    yield server
    server.close()


@pytest.fixture
def admin_console(own_errata):
    """The admin console's URL on `own_errata`: served by errata-server itself, on one origin with its `/rpc`."""
    return own_errata.url + "/admin"


@pytest.fixture
def open_browser():
    """Opens Debian's headless Chromium through its chromedriver (no Selenium Manager download), with a new
    profile each time, so no test sees another's storage. `languages` is what navigator.languages and
    Accept-Language say; `javascript=False` opens a browser with scripts off."""
    drivers = []

    def open(languages: str = "en-US,en", width: int = 1280, javascript: bool = True):
        options = webdriver.ChromeOptions()
        options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         f"--window-size={width},900", f"--lang={languages.split(',')[0]}"):
            options.add_argument(argument)
        preferences = {"intl.accept_languages": languages}
        if not javascript:
            preferences["profile.managed_default_content_settings.javascript"] = 2
        options.add_experimental_option("prefs", preferences)
        service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
        driver = webdriver.Chrome(options=options, service=service)
        driver.set_script_timeout(30)
        drivers.append(driver)
        return driver

    yield open
    for driver in drivers:
        driver.quit()


@pytest.fixture
def browser(open_browser):
    """A browser speaking English."""
    return open_browser()
