"""A real phone browser (Debian's headless Chromium through Selenium) on the venue pages.

The server runs in its thread as in the app; this (UI) thread keeps Qt's event loop running so
the writes of the page are stored, while the browser is driven from a worker thread. What the
facilitator does (revealing results) goes to the UI thread through the workshop's writer, as
every other-thread write does. Screenshots at phone size land in the test's tmp folder.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import aiohttp
import pytest

from facilitator.store.database import Workshop
from facilitator.venue.publisher import SnapshotPublisher
from facilitator.venue.server import VenueServer
from tests.venue.phones import add_evaluation, add_poll

CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")


@dataclass(frozen=True)
class Call:
    """A facilitator action run on the UI thread (an operation like any other)."""

    fn: Callable[[Workshop], Any]

    def apply(self, ws: Workshop) -> Any:
        return self.fn(ws)


def phone_browser(profile: Path) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-extensions",
        "--disable-default-apps",
        "--lang=en-GB",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    options.add_experimental_option(
        "mobileEmulation", {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 2}}
    )
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(str(DRIVER)))


@pytest.fixture
def served(qtbot, workshop: Workshop) -> Iterator[tuple[VenueServer, str]]:  # noqa: ANN001
    server = VenueServer(workshop.writer.submit)
    publisher = SnapshotPublisher(workshop, server.publish)
    server.start("127.0.0.1", 0)
    yield server, f"http://127.0.0.1:{server.port}"
    server.stop()
    publisher.detach()


def _click_vote(driver: Any, text: str) -> bool:
    """Upvote the question holding ``text`` (False, to try again, if the list was redrawn)."""
    from selenium.webdriver.common.by import By

    for li in driver.find_elements(By.CSS_SELECTOR, "#question_list li"):
        if text in li.text:
            li.find_element(By.CSS_SELECTOR, "button.vote").click()
            return True
    return False


def run_beside_qt(qtbot, fn: Callable[[], Any], timeout: float = 120) -> Any:  # noqa: ANN001
    box: dict[str, Any] = {}

    def main() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            box["error"] = exc

    thread = threading.Thread(target=main, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=int(timeout * 1000))
    if "error" in box:
        raise box["error"]
    return box["value"]


def test_a_phone_joins_votes_asks_upvotes_evaluates_and_sees_the_result(
    qtbot, workshop: Workshop, served: tuple[VenueServer, str], tmp_path: Path
) -> None:  # noqa: ANN001
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    server, base = served
    ws = workshop
    session = ws.venue.qa_session()
    pid = add_poll(ws, session, "single", ["Funding", "Youth groups", "Media"], "Which first?")
    youth = ws.venue.options(pid)[1]["id"]
    eid = add_evaluation(ws, [("scale5", "How useful was today?"), ("text", "What to change?")])
    join_url = server.url()
    code = ws.venue.join_code()
    shots = tmp_path / "screens"
    shots.mkdir()

    def facilitator(fn: Callable[[Workshop], Any]) -> Any:
        return ws.writer.submit(Call(fn)).result(10).value

    async def other_phone_asks() -> None:
        async with aiohttp.ClientSession() as s:
            r = await s.post(f"{base}/api/join", json={"code": code})
            token = (await r.json())["token"]
            await s.post(
                f"{base}/api/questions",
                json={"text": "Who pays for the youth programme?"},
                headers={"Authorization": f"Bearer {token}"},
            )

    def scenario() -> dict[str, Any]:
        driver = phone_browser(tmp_path / "profile")
        wait = WebDriverWait(driver, 20, ignored_exceptions=[StaleElementReferenceException])
        out: dict[str, Any] = {}
        try:
            driver.get(join_url)
            wait.until(ec.visibility_of_element_located((By.ID, "poll_live")))
            assert driver.find_element(By.ID, "poll_question").text == "Which first?"
            assert urlparse(driver.current_url).path == "/"  # the code left the address bar
            driver.save_screenshot(str(shots / "phone-poll.png"))
            choices = driver.find_elements(By.CSS_SELECTOR, "#poll_form label.choice")
            assert [c.text for c in choices] == ["Funding", "Youth groups", "Media"]
            choices[1].click()
            driver.find_element(By.CSS_SELECTOR, "#poll_form button[type=submit]").click()
            wait.until(ec.visibility_of_element_located((By.ID, "poll_done")))
            out["answers"] = facilitator(lambda w: w.venue.values(pid))

            # Questions: ask one, and upvote another phone's.
            asyncio.run(other_phone_asks())
            driver.find_element(By.CSS_SELECTOR, "#tabs [data-tab=questions]").click()
            box = wait.until(ec.visibility_of_element_located((By.ID, "ask_input")))
            box.send_keys("Can the report be in Russian too?")
            driver.find_element(By.CSS_SELECTOR, "#ask_form button[type=submit]").click()
            wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#question_list li")) == 2)
            wait.until(lambda d: _click_vote(d, "youth programme"))
            wait.until(
                lambda d: any(
                    "youth programme" in li.text
                    and li.find_element(By.CSS_SELECTOR, ".vote .n").text == "2"
                    for li in d.find_elements(By.CSS_SELECTOR, "#question_list li")
                )
            )
            mine = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#question_list li")]
            out["questions"] = mine
            driver.save_screenshot(str(shots / "phone-questions.png"))

            # Evaluation.
            driver.find_element(By.CSS_SELECTOR, "#tabs [data-tab=evaluation]").click()
            wait.until(
                ec.visibility_of_element_located((By.CSS_SELECTOR, "#evaluation_forms form"))
            )
            driver.find_element(
                By.CSS_SELECTOR, "#evaluation_forms .scale label:nth-of-type(4)"
            ).click()
            driver.find_element(By.CSS_SELECTOR, "#evaluation_forms textarea").send_keys(
                "Longer breaks, please"
            )
            driver.save_screenshot(str(shots / "phone-evaluation.png"))
            driver.find_element(By.CSS_SELECTOR, "#evaluation_forms button[type=submit]").click()
            wait.until(
                ec.visibility_of_element_located((By.CSS_SELECTOR, "#evaluation_forms .done"))
            )
            out["evaluation"] = facilitator(lambda w: w.venue.eval_values(eid))

            # The facilitator reveals the results: they arrive without a reload.
            driver.find_element(By.CSS_SELECTOR, "#tabs [data-tab=poll]").click()
            facilitator(lambda w: w.venue.set_poll_fields(pid, {"revealed": 1}))
            wait.until(ec.visibility_of_element_located((By.ID, "poll_results")))
            out["bars"] = [
                li.text.replace("\n", " ")
                for li in driver.find_elements(By.CSS_SELECTOR, "#poll_results .bars li")
            ]
            driver.save_screenshot(str(shots / "phone-results.png"))

            # The phone sleeps and comes back: it is still in, without the code.
            driver.get(base + "/")
            wait.until(ec.visibility_of_element_located((By.ID, "poll_results")))
            out["join_shown"] = driver.find_element(By.ID, "join").is_displayed()
            out["requests"] = [
                json.loads(e["message"])["message"]
                for e in driver.get_log("performance")
                if '"Network.requestWillBeSent"' in e["message"]
                or '"Network.webSocketCreated"' in e["message"]
            ]
            out["console"] = [
                e for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "WARNING")
            ]
        finally:
            driver.quit()
        return out

    out = run_beside_qt(qtbot, scenario)
    assert out["answers"] == [youth]
    assert any("Can the report be in Russian too?" in q and "Yours" in q for q in out["questions"])
    assert out["evaluation"] == {
        ws.venue.eval_questions(eid)[0]["id"]: [4],
        ws.venue.eval_questions(eid)[1]["id"]: ["Longer breaks, please"],
    }
    assert out["bars"] == ["Funding 0", "Youth groups 1", "Media 0"]
    assert out["join_shown"] is False
    urls = [
        m["params"].get("request", {}).get("url") or m["params"].get("url", "")
        for m in out["requests"]
    ]
    urls = [u for u in urls if urlparse(u).scheme not in ("chrome", "data", "about", "")]
    assert urls and all(urlparse(u).hostname == "127.0.0.1" for u in urls), urls
    assert any(u.startswith("ws://127.0.0.1") for u in urls)  # the live socket passed the CSP
    assert out["console"] == []
    votes = {q["text"]: q["votes"] for q in ws.venue.questions(session)}
    assert votes == {
        "Who pays for the youth programme?": 2,
        "Can the report be in Russian too?": 1,
    }
    for name in ("phone-poll", "phone-questions", "phone-evaluation", "phone-results"):
        png = shots / f"{name}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    assert shutil.which(str(DRIVER))
