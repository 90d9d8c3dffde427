"""Nothing the venue server sends names another host: pages, scripts, styles, catalogues."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

from aiohttp.test_utils import TestClient

from facilitator.venue.app import STATIC
from tests.venue.phones import Venue

# Anything that names a host: a scheme with "//", or a protocol-relative "//host".
HOSTED = re.compile(r"(?:[a-z][a-z0-9+.-]*:)?//[^\s\"'`)]+", re.I)
XML_NAMESPACE = re.compile(r'xmlns(?::\w+)?="[^"]*"')  # an identifier, never fetched


def hosts_in(text: str) -> list[str]:
    text = XML_NAMESPACE.sub("", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)  # CSS and JS block comments
    text = re.sub(r"(?m)^\s*//.*$", "", text)  # JS line comments
    found = []
    for m in HOSTED.finditer(text):
        url = m.group(0)
        if url.startswith(('ws://"', 'wss://"')) or url in ("ws://", "wss://"):
            continue  # "ws://" + location.host: the page's own host
        found.append(url)
    return found


class References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href", "action", "poster", "data") and value:
                self.urls.append(value)


def test_no_packaged_file_names_another_host() -> None:
    files = [p for p in STATIC.rglob("*") if p.is_file()]
    assert {p.suffix for p in files} >= {".html", ".js", ".css", ".json", ".svg"}
    for path in files:
        assert hosts_in(path.read_text(encoding="utf-8")) == [], path.name


def test_the_served_pages_reference_only_the_server_itself(venue: Venue) -> None:
    async def crawl(client: TestClient) -> dict[str, str]:
        seen: dict[str, str] = {}
        todo = ["/", f"/j/{venue.code}", "/api/strings", "/favicon.ico", "/t/tea_demo00", "/r/"]
        while todo:
            path = todo.pop()
            if path in seen:
                continue
            r = await client.get(path)
            assert r.status == 200, path
            text = (await r.read()).decode("utf-8", "replace")
            seen[path] = text
            refs: list[str] = []
            if "html" in r.content_type:
                parser = References()
                parser.feed(text)
                refs += parser.urls
            if "css" in r.content_type:
                refs += re.findall(r"url\(\"?([^\")]+)\"?\)", text)
            for ref in refs:
                url = urlparse(urljoin("http://127.0.0.1/", ref))
                assert url.hostname == "127.0.0.1" and not urlparse(ref).netloc, ref
                if not url.path.endswith(".ttf"):
                    todo.append(url.path)
                else:
                    fonts = await client.get(url.path)
                    assert fonts.status == 200, url.path
        return seen

    pages = venue.run(crawl)
    assert {"/static/style.css", "/static/app.js", "/static/icon.svg"} <= set(pages)
    assert {"/static/team.js", "/static/vendor/yjs.js", "/static/rapporteur.js"} <= set(pages)
    for path, text in pages.items():
        if not path.endswith((".ttf", ".svg")):
            assert hosts_in(text) == [], path
