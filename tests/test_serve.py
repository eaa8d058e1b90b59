"""``pop serve`` without a browser: the command line, the extra, and the guard in front.

The guard is tested on a real server over real sockets (loopback only): a request
without the secret is refused and never reaches an app, the websocket included.
The browser tests are in tests/test_serve_browser.py.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pop_tui.cli.context import UsageError
from pop_tui.cli.serve import choose_token, is_loopback
from pop_tui.store.plan_store import PlanStore
from tests.serve_server import Served, serving

# Which of the heavy modules a run of ``pop`` loaded (Textual, the web server).
CHECK = (
    "import sys\n"
    "{prepare}\n"
    "from pop_tui.cli import main\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "except SystemExit as exc:\n"
    "    code = exc.code\n"
    "print(); print(code)\n"
    "print(sorted({{m.split('.')[0] for m, v in sys.modules.items() if v is not None}} & "
    "{{'textual', 'textual_serve', 'aiohttp', 'rich'}}))"
)


def run_check(prepare: str, *words: str) -> tuple[str, list[str], str]:
    done = subprocess.run(
        [sys.executable, "-c", CHECK.format(prepare=prepare), *words],
        capture_output=True,
        text=True,
        timeout=60,
    )
    *_, code, modules = done.stdout.splitlines()
    return code, json.loads(modules.replace("'", '"')), done.stdout + done.stderr


def test_serve_help_loads_neither_textual_nor_the_web_server() -> None:
    code, modules, out = run_check("", "serve", "--help")
    assert code == "0"
    assert "--token" in out and "--host" in out
    assert modules == []


def test_without_the_web_extra_serve_says_what_adds_it(demo_store: PlanStore) -> None:
    # As if textual-serve were not installed: the import system finds no such module.
    hide = "sys.modules['textual_serve'] = None"
    code, modules, out = run_check(hide, "serve", "--db", str(demo_store.path))
    assert code == "1"
    assert 'pip install "pop-tui[web]"' in out
    assert modules == []


def test_the_check_would_see_the_web_server_if_it_were_loaded() -> None:
    # Guards the two tests above.
    code, modules, _ = run_check("import pop_tui.cli.serve_web", "--version")
    assert code == "0"
    assert {"aiohttp", "textual_serve"} <= set(modules)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.0.2.7", False),
        ("example.org", False),
    ],
)
def test_which_addresses_only_this_machine_reaches(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected


def test_a_secret_is_needed_beyond_this_machine_only() -> None:
    assert choose_token("127.0.0.1", None, {}) == (None, False)
    assert choose_token("127.0.0.1", "given", {}) == ("given", False)
    assert choose_token("127.0.0.1", None, {"POP_SERVE_TOKEN": "env"}) == ("env", False)
    assert choose_token("0.0.0.0", None, {"POP_SERVE_TOKEN": "env"}) == ("env", False)
    assert choose_token("0.0.0.0", "given", {"POP_SERVE_TOKEN": "env"}) == ("given", False)
    made, printed = choose_token("0.0.0.0", None, {})
    assert printed and made is not None and len(made) >= 32
    assert choose_token("0.0.0.0", None, {})[0] != made
    with pytest.raises(UsageError):
        choose_token("0.0.0.0", " ", {})


@pytest.mark.parametrize("words", [["--port", "70000"], ["--port", "x"], ["--token", ""]])
def test_bad_options_are_refused(demo_store: PlanStore, words: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pop_tui", "serve", "--db", str(demo_store.path), *words],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "pop" in done.stderr


# --- the guard, on a real server -----------------------------------------------------


def request(
    served: Served,
    path: str,
    headers: dict[str, str] | None = None,
    websocket: bool = False,
) -> http.client.HTTPResponse:
    """One request to the server through 127.0.0.1 (whatever address it listens on)."""
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    sent = {"Host": f"127.0.0.1:{served.port}", **(headers or {})}
    if websocket:
        sent |= {
            "Upgrade": "websocket",
            "Connection": "Upgrade",
            "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
            "Sec-WebSocket-Version": "13",
        }
    connection.request("GET", path, headers=sent)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_beyond_loopback_nothing_answers_without_the_token(demo_store: PlanStore) -> None:
    with serving(demo_store.path, "--host", "0.0.0.0") as served:
        token = served.token
        assert token is not None and len(token) >= 32
        assert "".join(served.printed).count(token) == 1  # printed once, with the address
        for path in ("/", "/ws", "/static/js/textual.js", "/download/x", f"/?token={token}x"):
            assert request(served, path).status == 401, path
        assert request(served, "/ws", websocket=True).status == 401
        assert request(served, "/", {"Cookie": f"pop-serve-{served.port}=wrong"}).status == 401

        # The token once in the address: a cookie, and the address without the token.
        welcome = request(served, f"/?token={token}&fontsize=14")
        assert welcome.status == 303
        assert welcome.getheader("Location") == "/?fontsize=14"
        assert request(served, f"//evil.example?token={token}").getheader("Location") == (
            "/evil.example"
        )
        cookie = welcome.getheader("Set-Cookie") or ""
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        cookie = cookie.split(";", 1)[0]
        page = request(served, "/", {"Cookie": cookie})
        assert page.status == 200
        assert page.getheader("X-Frame-Options") == "DENY"
        # A page of another site may not open the app, cookie or not.
        evil = {"Cookie": cookie, "Origin": "http://evil.example"}
        assert request(served, "/ws", evil, websocket=True).status == 403
        # No request reached an app: the server started none.
        assert served.apps() == set()
        assert served.stop() is not None
    assert served.process.returncode == 0


def test_on_loopback_it_answers_only_to_this_machine_s_names(tmp_path: Path) -> None:
    # A folder name with markup in it: the page's title shows it as text.
    plan = tmp_path / "<b>x" / "plan.json"
    subprocess.run(
        [sys.executable, "-m", "pop_tui", "demo", "--out", str(plan)], check=True, timeout=60
    )
    with serving(plan) as served:
        assert served.token is None
        assert served.url.startswith("http://127.0.0.1:")
        connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
        connection.request("GET", "/")
        page = connection.getresponse().read().decode()
        assert f"<title>pop — {tmp_path}/&lt;b&gt;x/plan.json</title>" in page
        assert "googleapis" not in page  # nothing fetched from outside
        # DNS rebinding: a page of another site whose name now points at 127.0.0.1.
        rebound = {"Host": f"evil.example:{served.port}"}
        assert request(served, "/", rebound).status == 403
        assert request(served, "/ws", rebound, websocket=True).status == 403
        evil = {"Origin": "http://evil.example"}
        assert request(served, "/ws", evil, websocket=True).status == 403
        assert request(served, "/", {"Host": f"localhost:{served.port}"}).status == 200
        assert served.apps() == set()


def test_a_given_token_is_asked_on_loopback_too_and_not_printed(demo_store: PlanStore) -> None:
    secret = "a-secret-of-my-own-choosing"
    with serving(demo_store.path, env={"POP_SERVE_TOKEN": secret}) as served:
        assert secret not in "".join(served.printed)
        assert request(served, "/").status == 401
        assert request(served, f"/?token={secret}").status == 303


def test_a_damaged_plan_is_said_at_once_and_nothing_is_served(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text("{ not json")
    done = subprocess.run(
        [sys.executable, "-m", "pop_tui", "serve", "--db", str(plan), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert str(plan) in done.stderr and "Nothing was written" in done.stderr
    assert plan.read_text() == "{ not json"


def test_a_port_in_use_is_said_plainly(demo_store: PlanStore) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pop_tui",
                "serve",
                "--db",
                str(demo_store.path),
                "--port",
                port,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr.startswith("pop: ") and port in done.stderr
    assert "Traceback" not in done.stderr


def test_the_browser_tests_fail_without_the_browser(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/test_serve_browser.py", "-k", "phone"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "POP_TEST_CHROMIUM": str(tmp_path / "no-chromium")},
    )  # fmt: skip
    assert done.returncode == 1, done.stdout
    assert "no-chromium is missing" in done.stdout
    assert "skipped" not in done.stdout
