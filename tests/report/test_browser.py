"""report.html in a real browser: headless Chromium (Debian's ``chromium``), driven over the
DevTools protocol on a pipe (``--remote-debugging-pipe``, no port, no network).

Checks: no console error, no uncaught exception, no CSP violation; the charts are in the
DOM; the report's own script ran (the tables sort); and a transcript, agent id, file name
and title full of ``<script>``, ``onerror=`` and ``javascript:`` ran nothing: the title is
the one we set, no payload global exists, no element the payloads would add is there.

Skips with a message when Chromium is not installed (``.ci/run`` installs it where it can);
``VERBALKIT_CHROMIUM`` names another binary.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_html_report import HOSTILE_TITLE, example_calls, hostile_call, hostile_failures

from verbalkit.report.html import render_html
from verbalkit.scoring.agents import summarise_agents


def chromium_path() -> str | None:
    env = os.environ.get("VERBALKIT_CHROMIUM")
    if env:
        return env
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


CHROMIUM = chromium_path()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium not installed: the report.html browser test needs Debian's chromium "
    "(`apt-get install -y chromium`; .ci/run installs it when it can), or VERBALKIT_CHROMIUM",
)

TIMEOUT_S = 60.0


class Browser:
    """A headless Chromium and one page, spoken to over the DevTools pipe (fd 3 in, fd 4 out)."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire() -> None:
            # In the child, before exec: the DevTools pipe must be fds 3 (in) and 4 (out).
            # Move both above 9 first, so neither is overwritten if it already is 3 or 4.
            read_end = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
            write_end = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.proc = subprocess.Popen(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--disable-extensions",
                f"--user-data-dir={profile}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,
            close_fds=False,  # fds 3 and 4 are made in preexec_fn; close_fds would shut them
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buf = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def send(self, method: str, params: dict[str, Any] | None = None, *, page: bool = True) -> Any:
        self._next += 1
        msg: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if page and self.session is not None:
            msg["sessionId"] = self.session
        os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT_S
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_child], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buf += chunk
        raw, _, self._buf = self._buf.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def wait_for(self, method: str) -> dict[str, Any]:
        for e in self.events:
            if e.get("method") == method:
                return e
        while True:
            e = self._read()
            self.events.append(e)
            if e.get("method") == method:
                return e

    def open(self, url: str) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, page=False)
        attached = self.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, page=False
        )
        self.session = attached["sessionId"]
        for domain in ("Runtime", "Log", "Page"):
            self.send(f"{domain}.enable")
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def js(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors (CSP violations)."""
        out = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Runtime.exceptionThrown":
                out.append(f"exception: {params['exceptionDetails'].get('text')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                out.append(f"console.{params['type']}: {params.get('args')}")
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                out.append(f"log: {params['entry'].get('text')}")
        return out

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.send("Browser.close", page=False)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_child)
        os.close(self._from_child)


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    calls = [*example_calls(), hostile_call()]
    html = render_html(
        calls,
        summarise_agents(calls),
        lang="en",
        title=HOSTILE_TITLE,
        failures=hostile_failures(),
    )
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser(report_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    assert CHROMIUM is not None
    b = Browser(CHROMIUM, tmp_path_factory.mktemp("chromium-profile"))
    try:
        b.open(report_file.as_uri())
        yield b
    finally:
        b.close()


def test_no_console_errors_exceptions_or_csp_violations(browser: Browser) -> None:
    assert browser.problems() == []


def test_hostile_text_ran_no_script(browser: Browser) -> None:
    assert browser.js("document.title") == HOSTILE_TITLE
    assert browser.js("typeof window.__pwned") == "undefined"
    assert browser.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert browser.js("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0
    handlers = browser.js(
        "Array.from(document.querySelectorAll('*')).flatMap(e => "
        "Array.from(e.attributes).filter(a => a.name.startsWith('on'))"
        ".map(a => e.tagName + ' ' + a.name))"
    )
    assert handlers == []
    assert browser.js("document.scripts.length") == 2
    # the payload is on the page, as text
    assert browser.js("document.body.textContent.includes('<script>alert(1)</script>')")


def test_charts_are_in_the_dom(browser: Browser) -> None:
    assert browser.js("document.querySelectorAll('#chart-agents svg text').length") > 3
    assert browser.js("document.querySelectorAll('#chart-stages svg').length") == 1
    sections = browser.js("document.querySelectorAll('section.call').length")
    assert sections == len(example_calls()) + 1
    assert browser.js("document.querySelectorAll('section.call figure svg').length") == sections
    width = browser.js("document.querySelector('#chart-agents svg').getBoundingClientRect().width")
    assert width > 300


def test_the_report_script_ran_and_sorts_the_calls_table(browser: Browser) -> None:
    assert browser.js("document.documentElement.dataset.sortable") == "ready"
    overall_col = browser.js(
        "Array.from(document.querySelectorAll('#calls-table thead th'))"
        ".findIndex(th => th.textContent.trim() === 'Overall')"
    )
    assert overall_col >= 0
    read = (
        "Array.from(document.querySelectorAll('#calls-table tbody tr'))"
        f".map(r => r.cells[{overall_col}].dataset.v).filter(v => v !== '').map(Number)"
    )
    click = f"document.querySelectorAll('#calls-table thead th')[{overall_col}].querySelector('button').click()"
    browser.js(click)
    ascending = browser.js(read)
    assert ascending == sorted(ascending) and len(ascending) >= 6
    browser.js(click)
    assert browser.js(read) == sorted(ascending, reverse=True)
    assert browser.problems() == []
