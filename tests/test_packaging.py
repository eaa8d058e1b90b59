"""An installed (non-editable) copy of pop starts, with its styles inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# With pytest -n: the wheel (a module fixture) is built once: all of this file on one worker.
pytestmark = pytest.mark.xdist_group("test_packaging")

START_APP = """
import asyncio, sys, tempfile
from datetime import date
from pathlib import Path
import pop_tui
from pop_tui.store.plan_store import PlanStore
from pop_tui.core.demo import populate_demo
from pop_tui.ui.app import PopApp

today = date(2026, 11, 29)
store = PlanStore.open(Path(tempfile.mkdtemp()) / "plan.json")
store.apply("demo", lambda e: populate_demo(e, today, "en"))

async def main():
    app = PopApp(store, today=lambda: today)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print("SCREEN", type(app.screen).__name__)
        print("CSS", *[str(p) for p in app.css_path])
        print("MODULE", pop_tui.__file__)

asyncio.run(main())
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    (found,) = out.glob("pop_tui-*.whl")
    return found


@pytest.mark.slow
def test_wheel_carries_the_styles(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n.split("/")[-1] for n in names if n.startswith("pop_tui/styles/")}
    assert shipped == {p.name for p in (ROOT / "styles").glob("*.tcss")}
    # The `pop` command is a script of its own (bin/pop), not an entry point's launcher.
    data = "pop_tui-{}.data".format(wheel.name.split("-")[1])
    assert f"{data}/scripts/pop" in names
    # The manual page, installed as share/man/man1/pop.1 (`man pop`).
    assert f"{data}/data/share/man/man1/pop.1" in names
    assert "pop_tui/cli/serve_page/app_index.html" in names  # pop serve's page


@pytest.mark.slow
def test_installed_copy_starts_headless_and_answers_version(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    bin_dir = target / "bin"
    python = bin_dir / "python"
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    )  # fmt: skip
    # The dependencies come from the test run's own environment (no network needed);
    # pop itself is installed from the wheel, so the source tree is never on the path.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
         str(wheel)],
        check=True, capture_output=True,
    )  # fmt: skip

    version = subprocess.run(
        [bin_dir / "pop", "--version"], check=True, capture_output=True, text=True, cwd=tmp_path
    )
    assert version.stdout.startswith("pop ")

    started = subprocess.run(
        [python, "-c", START_APP], check=True, capture_output=True, text=True, cwd=tmp_path,
        timeout=120,
    )  # fmt: skip
    lines = dict(line.split(" ", 1) for line in started.stdout.splitlines())
    assert lines["SCREEN"] == "DashboardScreen"
    assert lines["MODULE"].startswith(str(site))
    css = lines["CSS"].split()
    assert css and all(path.startswith(str(site / "pop_tui" / "styles")) for path in css)
