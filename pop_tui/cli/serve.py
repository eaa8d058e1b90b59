"""``pop serve``: the same app in a web browser, one app process per tab.

The server is textual-serve (the optional extra ``pop-tui[web]``). This module
only reads the command line and decides on the secret; the web server lives in
:mod:`pop_tui.cli.serve_web` and is imported when ``pop serve`` runs, so that
``pop --help`` and the shell commands never load it (nor Textual).
"""

from __future__ import annotations

import argparse
import importlib.util
import ipaddress
import os
import sys
from collections.abc import Mapping

from pop_tui.cli.context import Context, UsageError
from pop_tui.cli.parser import Common
from pop_tui.core.texts import t

# What adds the web server to an installed pop.
INSTALL_WEB = 'pip install "pop-tui[web]"'
TOKEN_VARIABLE = "POP_SERVE_TOKEN"
DEFAULT_PORT = 8000


def port_number(text: str) -> int:
    """A TCP port on the command line (argparse ``type``); 0 means any free port."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(t("serve.port_bad", value=text))
    return port


def is_loopback(host: str) -> bool:
    """True when ``host`` is an address (or name) that only this machine can reach."""
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def choose_token(host: str, given: str | None, env: Mapping[str, str]) -> tuple[str | None, bool]:
    """The secret a browser must bring, and whether pop made it up (so prints it).

    On this machine's own addresses no secret is needed unless one is given; on
    any other address one is always needed: given (``--token``, else
    ``$POP_SERVE_TOKEN``) or made up here.
    """
    token = given if given is not None else env.get(TOKEN_VARIABLE)
    if token is not None:
        if not token.strip():
            raise UsageError(t("serve.token_empty"))
        return token, False
    if is_loopback(host):
        return None, False
    import secrets

    return secrets.token_urlsafe(24), True


def web_extra_installed() -> bool:
    """True when textual-serve (and its aiohttp) can be imported; nothing is imported."""
    return all(importlib.util.find_spec(name) is not None for name in ("textual_serve", "aiohttp"))


def run_serve(args: argparse.Namespace, context: Context) -> int:
    token, made_up = choose_token(args.host, args.token, os.environ)
    if not web_extra_installed():
        print(t("cli.error", message=t("serve.missing", command=INSTALL_WEB)), file=sys.stderr)
        return 1
    # The plan is opened once here, so that a damaged file gets pop's usual
    # message at once instead of in every tab.
    from pop_tui.store.plan_store import PlanStore

    PlanStore.open(context.db)
    from pop_tui.cli.serve_web import serve

    return serve(context, host=args.host, port=args.port, token=token, print_token=made_up)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: Common) -> None:
    serve = commands.add_parser("serve", help=t("serve.help"), description=t("serve.help"))
    common(serve)
    serve.add_argument("--host", default="127.0.0.1", help=t("serve.help.host"))
    serve.add_argument(
        "--port", type=port_number, default=DEFAULT_PORT, metavar="PORT", help=t("serve.help.port")
    )
    serve.add_argument("--token", metavar="TOKEN", help=t("serve.help.token"))
    serve.set_defaults(run=run_serve)
