"""The web server behind ``pop serve``: textual-serve, guarded and cleaned up after.

textual-serve starts one app process per browser tab (a websocket) and draws the
terminal on a canvas. pop adds to it:

- a guard in front of every route, the websocket included: the secret (a
  ``?token=`` once, then a cookie), the Host header when there is no secret (a
  page elsewhere that renames itself to 127.0.0.1 reaches nothing), and the
  Origin header (a page of another site may not open the websocket);
- its own page: the title names the app and the plan, and nothing is fetched
  from outside (textual-serve's page asks a font of a web service);
- clean-up: SIGINT, SIGTERM or SIGHUP ends every app it started (each is told to
  stop as at a hang-up, so typing is kept as a draft), and an app ends by itself
  when the server dies without a word (see :mod:`pop_tui.cli.serve_child`).

Imported only by ``pop serve``: it loads aiohttp and textual-serve.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import os
import shlex
import signal
import socket
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

from pop_tui.cli.context import Context
from pop_tui.core.texts import language, t

PAGE = Path(__file__).with_name("serve_page")
# How long the apps get to end after being told, before they are killed.
QUIT_GRACE = 3.0
KILL_GRACE = 2.0
# Names of this machine that a browser may use when there is no secret.
LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
SECURITY_HEADERS = {
    # Not in a frame of another page (keys typed into a hidden frame).
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def app_command(context: Context) -> list[str]:
    """The command of one tab's app: ``pop tui`` on the same plan, in the same language."""
    return [
        sys.executable,
        "-m",
        "pop_tui.cli.serve_child",
        "--db",
        os.path.abspath(context.db_file),
        "--lang",
        language(),
        "tui",
    ]


def shown_path(path: str) -> str:
    """``path`` as a person reads it: the home folder as ``~``."""
    home = os.path.expanduser("~")
    absolute = os.path.abspath(path)
    if home not in ("", "/") and absolute.startswith(home + os.sep):
        return "~" + absolute[len(home) :]
    return absolute


def child_pids() -> set[int]:
    """The processes this one started and has not yet reaped (Linux: from /proc)."""
    pids: set[int] = set()
    with contextlib.suppress(OSError):
        for task in os.listdir("/proc/self/task"):
            with contextlib.suppress(OSError), open(f"/proc/self/task/{task}/children") as f:
                pids.update(int(word) for word in f.read().split())
    return pids


def _same(given: str | None, secret: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), secret.encode())


class PopServer(Server):
    """textual-serve's server with pop's guard, page and clean-up."""

    def __init__(self, context: Context, *, host: str, port: int, token: str | None) -> None:
        self.plan_shown = shown_path(context.db_file)
        super().__init__(
            # "exec": the shell becomes the app, so the app is this server's child.
            command="exec " + shlex.join(app_command(context)),
            host=host,
            port=port,
            title=t("serve.title", plan=self.plan_shown),
            templates_path=PAGE,
        )
        self.token = token
        self.cookie = f"pop-serve-{port}"

    # --- the guard ------------------------------------------------------------

    def host_allowed(self, request: web.Request) -> bool:
        """Without a secret, only this machine's own names (no DNS rebinding)."""
        if self.token is not None:
            return True
        name = (urlsplit(f"//{request.host}").hostname or "").lower()
        return name in LOCAL_NAMES or name == self.host.strip("[]").lower()

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        response = await self._guarded(request, handler)
        if not response.prepared:
            response.headers.update(SECURITY_HEADERS)
        return response

    async def _guarded(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self.host_allowed(request):
            return web.Response(status=403, text=t("serve.host_refused"))
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc.lower() != request.host.lower():
            return web.Response(status=403, text=t("serve.origin_refused"))
        if self.token is None:
            return await handler(request)
        if _same(request.query.get("token"), self.token):
            # The secret comes once in the address; from then on in a cookie, and the
            # address bar (and its history) no longer shows it.
            query = {k: v for k, v in request.query.items() if k != "token"}
            # Always a path of this server ("//name" would be another site).
            location = "/" + request.path.lstrip("/") + ("?" + urlencode(query) if query else "")
            response = web.Response(status=303, headers={"Location": location})
            response.set_cookie(self.cookie, self.token, httponly=True, samesite="Strict", path="/")
            return response
        if _same(request.cookies.get(self.cookie), self.token):
            return await handler(request)
        return web.Response(status=401, text=t("serve.refused"))

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints its banner here; pop says where it listens once it does."""

    # --- the page ---------------------------------------------------------------

    async def handle_index(self, request: web.Request) -> web.Response:
        """The page, its addresses taken from the request (any name the browser used)."""
        base = f"{request.scheme}://{request.host}"
        websocket = ("wss" if request.scheme == "https" else "ws") + f"://{request.host}/ws"
        context: dict[str, Any] = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": websocket,
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        return response

    # --- running and stopping -------------------------------------------------

    def address(self, port: int) -> str:
        host = self.host
        if host in ("0.0.0.0", "::", ""):
            host = socket.gethostname()
        elif ":" in host and not host.startswith("["):
            host = f"[{host}]"
        return f"http://{host}:{port}/"

    async def run(self, print_token: bool) -> int:
        app = await self._make_app()
        runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=KILL_GRACE)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
            port = int(runner.addresses[0][1])
            self.cookie = f"pop-serve-{port}"
            self.announce(self.address(port), print_token)
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signum, stop.set)
            await stop.wait()
            ended = await self.end_apps()
        finally:
            await runner.cleanup()
        print(t("serve.stopped", count=ended), flush=True)
        return 0

    def announce(self, url: str, print_token: bool) -> None:
        print(t("serve.serving", plan=self.plan_shown, url=url))
        if self.token is not None and print_token:
            print(t("serve.open"))
            print(f"    {url}?token={self.token}")
        else:
            print(t("serve.open_local" if self.token is None else "serve.token_given"))
            print(f"    {url}")
        print(t("serve.stop"), flush=True)

    async def end_apps(self) -> int:
        """Hang up on every app (drafts kept), then kill what is left.

        SIGHUP, not SIGTERM: the tab's websocket closes at the same time, which is a
        hang-up too (see serve_driver), and a SIGTERM after a hang-up would end an app
        at once, before its drafts are written (see cli/hangup.py)."""
        apps = child_pids()
        for sig, grace in ((signal.SIGHUP, QUIT_GRACE), (signal.SIGKILL, KILL_GRACE)):
            for pid in apps & child_pids():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, sig)
            deadline = time.monotonic() + grace
            while apps & child_pids() and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
        return len(apps)


def serve(context: Context, *, host: str, port: int, token: str | None, print_token: bool) -> int:
    """Serve the app on ``host``:``port`` until a signal ends the server; the exit code."""
    # The apps must not inherit the secret, and each ends when this process does.
    os.environ.pop("POP_SERVE_TOKEN", None)
    os.environ["POP_SERVE_PARENT"] = str(os.getpid())
    server = PopServer(context, host=host, port=port, token=token)
    return asyncio.run(server.run(print_token))
