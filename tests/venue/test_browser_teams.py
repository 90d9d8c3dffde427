"""Real browsers (Debian's headless Chromium through Selenium) on the team worksheet and the
rapporteur pages, against the venue server in its thread as in the app.

* Two browser sessions of one team type into the same answer at the same moment: both see
  one merged text holding every character each typed, and so does the workshop file.
* A rapporteur page keeps capturing while the server is stopped (the Wi-Fi "drops"): the
  notes wait in IndexedDB, the page says how many, and they arrive exactly once when a
  server listens again on the same port; a page closed with notes waiting delivers them
  when it is opened again.

Screenshots at phone (390×844) and tablet (1024×768) size land in the test's tmp folder;
with FACILITATOR_SCREENSHOTS=folder they are also copied there (for the README).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from facilitator.store.database import Workshop
from facilitator.store.venue import SETTING_WORKSHEET
from facilitator.venue.publisher import SnapshotPublisher
from facilitator.venue.server import VenueServer
from tests.venue.shots import keep_shot
from tests.venue.test_browser import CHROMIUM, DRIVER, run_beside_qt

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")

PHONE = (390, 844, 2)
TABLET = (1024, 768, 1)


def browser(profile: Path, size: tuple[int, int, int] = PHONE) -> Any:
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
    width, height, ratio = size
    options.add_experimental_option(
        "mobileEmulation",
        {"deviceMetrics": {"width": width, "height": height, "pixelRatio": ratio}},
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(options=options, service=Service(str(DRIVER)))


class Served:
    """The venue server of the test, which can be stopped and started again on its port."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws
        self.server: VenueServer | None = None
        self.publisher: SnapshotPublisher | None = None
        self.port = 0

    def start(self) -> None:
        self.server = VenueServer(self.ws.writer.submit)
        self.publisher = SnapshotPublisher(self.ws, self.server.publish)
        self.port = self.server.start("127.0.0.1", self.port)

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.publisher.detach()  # type: ignore[union-attr]
            self.server = self.publisher = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def served(qtbot, workshop: Workshop) -> Iterator[Served]:  # noqa: ANN001
    s = Served(workshop)
    s.start()
    yield s
    s.stop()


def _beside_qt_wait(qtbot, cond: Any, timeout: float = 20) -> None:  # noqa: ANN001
    qtbot.waitUntil(cond, timeout=int(timeout * 1000))


def test_two_browsers_of_a_team_type_into_one_answer_at_once_and_both_texts_are_kept(
    qtbot, workshop: Workshop, served: Served, tmp_path: Path
) -> None:  # noqa: ANN001
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    ws = workshop
    ws.info.set_setting(SETTING_WORKSHEET, "rnd_demo1")  # two teams, three prompts, no answers
    team = ws.notes.teams_for_exercise("exe_demo1")[0]
    prompt = ws.notes.prompts("exe_demo1")[0]
    url = f"{served.base}/j/{ws.venue.join_code()}/t/{team['id']}"
    words = {  # typed at the same moment, at the same place
        "a": "Fund youth radio in every province. ",
        "b": "Train imams as credible messengers. ",
    }
    second = ws.notes.prompts("exe_demo1")[1]
    shots = tmp_path / "screens"
    shots.mkdir()

    def scenario() -> dict[str, Any]:
        drivers = {
            k: browser(tmp_path / f"profile-{k}", PHONE if k == "a" else TABLET) for k in words
        }
        out: dict[str, Any] = {}
        try:
            areas = {}
            for k, d in drivers.items():
                d.get(url)
                areas[k] = WebDriverWait(d, 20).until(
                    ec.visibility_of_element_located((By.CSS_SELECTOR, "textarea.answer"))
                )
            heading = drivers["a"].find_element(By.ID, "team_name").text
            labels = [e.text for e in drivers["a"].find_elements(By.CSS_SELECTOR, ".prompt label")]
            out["heading"], out["labels"] = heading, labels
            for area in areas.values():
                area.click()
            start = threading.Barrier(len(words))

            def type_into(k: str) -> None:
                start.wait()
                for ch in words[k]:
                    areas[k].send_keys(ch)  # one key at a time, both browsers at once

            threads = [threading.Thread(target=type_into, args=(k,)) for k in words]
            for t in threads:
                t.start()
            for t in threads:
                t.join(120)

            def merged(d: Any) -> str:
                return d.find_element(By.CSS_SELECTOR, "textarea.answer").get_attribute("value")

            def settled(_: Any) -> bool:
                texts = {merged(d) for d in drivers.values()}
                return len(texts) == 1 and all(
                    d.find_element(By.ID, "status").get_attribute("class").endswith("saved")
                    for d in drivers.values()
                )

            WebDriverWait(drivers["a"], 20).until(settled)
            out["texts"] = [merged(d) for d in drivers.values()]
            # One more answer, typed on the tablet and seen on the phone.
            other = drivers["b"].find_elements(By.CSS_SELECTOR, "textarea.answer")[1]
            other.click()
            other.send_keys("Ministries of education and religious affairs, with youth groups")
            WebDriverWait(drivers["a"], 20).until(
                lambda d: (
                    "youth groups"
                    in d.find_elements(By.CSS_SELECTOR, "textarea.answer")[1].get_attribute("value")
                )
            )
            WebDriverWait(drivers["a"], 20).until(settled)
            out["status"] = drivers["a"].find_element(By.ID, "status").text
            drivers["a"].save_screenshot(str(shots / "venue-team-phone.png"))
            drivers["b"].save_screenshot(str(shots / "venue-team-tablet.png"))
            out["console"] = [
                e
                for d in drivers.values()
                for e in d.get_log("browser")
                if e.get("level") in ("SEVERE", "WARNING")
            ]
        finally:
            for d in drivers.values():
                d.quit()
        return out

    out = run_beside_qt(qtbot, scenario, timeout=240)
    assert out["heading"].startswith(team["name"])
    assert out["labels"] == [p["text"] for p in ws.notes.prompts("exe_demo1")]
    text_a, text_b = out["texts"]
    assert text_a == text_b
    assert sorted(text_a) == sorted("".join(words.values()))  # every character each typed
    assert out["status"] == "Saved on the facilitator's laptop"
    assert out["console"] == []
    # The file: the worksheet note of that team and prompt holds the merged text.
    notes = [n for n in ws.notes.answers([prompt["id"]]) if n["team_id"] == team["id"]]
    assert [n["text"] for n in notes] == [text_a.strip()]
    assert ws.venue.answer_docs([team["id"]])[(team["id"], prompt["id"])]["text"] == text_a
    (other,) = [n for n in ws.notes.answers([second["id"]]) if n["team_id"] == team["id"]]
    assert other["text"] == "Ministries of education and religious affairs, with youth groups"
    for name in ("venue-team-phone", "venue-team-tablet"):
        png = shots / f"{name}.png"
        assert png.stat().st_size > 10_000
        keep_shot(png)


def _waiting(d: Any) -> int:
    from selenium.webdriver.common.by import By

    return int(d.find_element(By.ID, "waiting").get_attribute("data-count") or -1)


def _type_note(d: Any, text: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = d.find_element(By.ID, "note_input")
    box.send_keys(text)
    box.send_keys(Keys.ENTER)


def test_a_rapporteur_page_queues_notes_while_the_server_is_down_and_delivers_them_once(
    qtbot, workshop: Workshop, served: Served, tmp_path: Path
) -> None:  # noqa: ANN001
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    ws = workshop
    key = ws.venue.add_rapporteur("Amina (room B)")["key"]
    session = "ses_demo104"
    team = ws.notes.teams_for_session(session)[1]
    person = ws.notes.people()[3]
    shots = tmp_path / "screens"
    shots.mkdir()
    first = "r: Fund youth radio in every province"
    offline = [f"Offline note {i}: the Wi-Fi is down" for i in range(1, 4)]
    closed = "k: Typed with the server down and the page closed"
    box: dict[str, Any] = {}

    def stop_server() -> None:
        box["stop"] = True

    def scenario() -> dict[str, Any]:
        out: dict[str, Any] = {}
        d = browser(tmp_path / "rapporteur", TABLET)
        wait = WebDriverWait(d, 20)
        try:
            d.get(f"{served.base}/r/{key}")
            wait.until(ec.visibility_of_element_located((By.ID, "note_input")))
            wait.until(lambda d: "Amina" in d.find_element(By.ID, "status").text)
            out["path"] = d.execute_script("return location.pathname")
            Select(d.find_element(By.ID, "session_select")).select_by_value(session)
            Select(d.find_element(By.ID, "team_select")).select_by_value(team["id"])
            d.find_element(By.ID, "said_by").send_keys(person["name"])
            _type_note(d, first)
            wait.until(
                lambda d: _waiting(d) == 0 and d.find_elements(By.CSS_SELECTOR, "#recent li")
            )
            out["online_shot"] = str(shots / "venue-rapporteur-tablet.png")
            d.save_screenshot(out["online_shot"])
            # The network is cut: the server stops (the UI thread does it, see below).
            box["stop"] = True
            wait.until(lambda _: box.get("stopped"))
            wait.until(lambda d: "Offline" in d.find_element(By.ID, "status").text)
            for text in offline:
                _type_note(d, text)
            wait.until(lambda d: _waiting(d) == 3)
            out["waiting_text"] = d.find_element(By.ID, "waiting").text
            d.save_screenshot(str(shots / "venue-rapporteur-offline.png"))
            time.sleep(1.5)  # the page tries to send meanwhile, and keeps them
            out["still_waiting"] = _waiting(d)
            box["start"] = True
            WebDriverWait(d, 30).until(lambda d: _waiting(d) == 0)
            out["after"] = d.find_element(By.ID, "waiting").text
            # Now with the page closed: a note typed offline, the browser quit, reopened later.
            box["stop"] = True
            box.pop("stopped", None)
            wait.until(lambda _: box.get("stopped"))
            wait.until(lambda d: "Offline" in d.find_element(By.ID, "status").text)
            _type_note(d, closed)
            wait.until(lambda d: _waiting(d) == 1)
            out["console"] = [
                e
                for e in d.get_log("browser")
                if e.get("level") == "SEVERE"
                and "/api/" not in e.get("message", "")  # refused connections while it is down
            ]
        finally:
            d.quit()
        box["start"] = True
        wait_start = time.monotonic()
        while box.get("start") and time.monotonic() - wait_start < 20:
            time.sleep(0.05)
        d = browser(tmp_path / "rapporteur", PHONE)  # the same profile: the same IndexedDB
        try:
            d.get(f"{served.base}/r/")
            WebDriverWait(d, 30).until(lambda d: _waiting(d) == 0)
            WebDriverWait(d, 10).until(lambda d: "Amina" in d.find_element(By.ID, "status").text)
            d.save_screenshot(str(shots / "venue-rapporteur-phone.png"))
        finally:
            d.quit()
        return out

    # The server is stopped and started on the UI thread, like the app does.
    result: dict[str, Any] = {}
    done = threading.Event()

    def main() -> None:
        try:
            result["out"] = scenario()
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            result["error"] = exc
        done.set()

    threading.Thread(target=main, daemon=True).start()
    deadline = time.monotonic() + 240
    while not done.is_set() and time.monotonic() < deadline:
        if box.pop("stop", False):
            served.stop()
            box["stopped"] = True
        if box.get("start"):
            served.start()  # the same port
            box["start"] = False
        qtbot.wait(50)
    assert done.is_set(), "the browser scenario did not finish"
    if "error" in result:
        raise result["error"]
    out = result["out"]
    assert out["path"] == "/r/"  # the key left the address bar
    assert out["waiting_text"] == "3 notes waiting" and out["still_waiting"] == 3
    assert out["after"] == "All sent"
    assert out["console"] == []
    notes = [n for n in ws.notes.notes_for(session) if n["author"] == "Amina (room B)"]
    texts = [n["text"] for n in notes]
    assert texts.count("Fund youth radio in every province") == 1
    for text in offline:
        assert texts.count(text) == 1
    assert texts.count("Typed with the server down and the page closed") == 1
    assert len(notes) == 5
    radio = next(n for n in notes if n["text"].startswith("Fund youth radio"))
    assert radio["kind"] == "recommendation" and radio["team_id"] == team["id"]
    assert radio["attribution_person_id"] == person["id"]
    closed_note = next(n for n in notes if n["text"].startswith("Typed with"))
    assert closed_note["kind"] == "key_point"
    for name in ("venue-rapporteur-tablet", "venue-rapporteur-offline", "venue-rapporteur-phone"):
        png = shots / f"{name}.png"
        assert png.stat().st_size > 10_000
        keep_shot(png)
