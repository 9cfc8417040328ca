"""Headless Chromium for the companion's browser tests: Debian's ``chromium`` driven through
``chromium-driver`` (``/usr/bin/chromedriver``) by selenium.

Nothing here skips: the README's test command (``tools/setup.sh test``) installs both packages
and selenium, so a missing one fails the test with a message saying how to install it.

Every wait is bounded (:data:`WAIT_S`), and every page gets a recorder of Content-Security-
Policy violations installed before its own scripts run (``window.__cspViolations``).
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: The longest any single wait for the page lasts, in seconds.
WAIT_S = 15.0
#: Chromium's flags: headless, and nothing that reaches the network or needs a sandbox that a
#: root user in a container cannot have.
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # A page in a background tab or occluded window would get its timers and frames throttled.
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
)
_RECORD_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""

try:  # a missing selenium must fail the tests that need it, not skip or break collection
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    _SELENIUM_ERROR: str | None = None
except ImportError as error:  # pragma: no cover - only without the test extras
    _SELENIUM_ERROR = str(error)


def require_browser() -> None:
    """Fail (never skip) with how to install, when Chromium, its driver or selenium is missing."""
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if _SELENIUM_ERROR is not None:
        missing.append(f"selenium ({_SELENIUM_ERROR})")
    if missing:
        pytest.fail(
            "the browser tests need Debian's chromium and chromium-driver and the selenium "
            f"package; missing: {', '.join(missing)}. Install them with `tools/setup.sh test`.",
            pytrace=False,
        )


@contextlib.contextmanager
def chromium(width: int = 360, height: int = 740, language: str = "es") -> Iterator[Any]:
    """A headless Chromium window of ``width`` × ``height`` CSS pixels whose user speaks
    ``language`` (``navigator.language``, which the pages follow), quit on exit."""
    require_browser()
    profile = tempfile.mkdtemp(prefix="karaoke-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        *FLAGS,
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
        f"--lang={language}",
    ):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        driver.set_page_load_timeout(WAIT_S)
        driver.set_script_timeout(WAIT_S)
        driver.set_window_size(width, height)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _RECORD_CSP})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_until(driver: Any, condition: Callable[[Any], Any], what: str, timeout_s: float = WAIT_S):
    """``condition(driver)``'s first truthy value, polled for at most ``timeout_s``; the
    failure names ``what`` was awaited."""
    return WebDriverWait(driver, timeout_s, poll_frequency=0.02).until(
        condition, f"waited {timeout_s:g} s for {what}"
    )


def body_data(driver: Any, key: str) -> str:
    """``document.body.dataset[key]`` ("" when unset)."""
    return str(driver.execute_script("return document.body.dataset[arguments[0]] || '';", key))


def console_errors(driver: Any) -> list[str]:
    """The page's console messages at level SEVERE since the last call."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def csp_violations(driver: Any) -> list[str]:
    """Content-Security-Policy violations the page reported since it loaded."""
    return list(driver.execute_script("return window.__cspViolations || [];"))
