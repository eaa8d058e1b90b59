"""Where pop keeps its files: the XDG rules, worked out without platformdirs.

pop_tui.paths works the folders out with ``os.path`` on Linux and the BSDs (a
shell command must start fast); it must give exactly what platformdirs gives.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs
import pytest

from pop_tui import paths

pytestmark = pytest.mark.skipif(not paths.follows_xdg(), reason="the XDG rules are for Linux/BSD")

# (XDG_DATA_HOME, XDG_CONFIG_HOME) as a user may have them: unset, empty, absolute, relative.
SETTINGS = [
    (None, None),
    ("", ""),
    ("{home}/data", "{home}/config"),
    ("relative/data", "relative/config"),
    ("{home}/with space/ë", "/"),
]
# $HOME: a folder, unset (the password database says), empty, relative.
HOMES = ["{home}", None, "", "relative"]


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize(("data", "config"), SETTINGS)
def test_the_folders_are_the_ones_platformdirs_gives(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    data: str | None,
    config: str | None,
    home: str | None,
) -> None:
    if home is None:
        monkeypatch.delenv("HOME", raising=False)
    else:
        monkeypatch.setenv("HOME", home.format(home=tmp_path))
    monkeypatch.delenv("POP_DB", raising=False)
    for variable, value in (("XDG_DATA_HOME", data), ("XDG_CONFIG_HOME", config)):
        if value is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, value.format(home=tmp_path))
    expected_data = platformdirs.user_data_dir("pop-tui", appauthor=False)
    expected_config = platformdirs.user_config_dir("pop-tui", appauthor=False)
    assert paths.default_plan_file() == os.path.join(expected_data, "plan.json")
    assert str(paths.user_config_folder()) == expected_config


def test_pop_db_wins_and_a_tilde_is_the_home_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("POP_DB", "~/plans/mine.json")
    assert paths.default_plan_file() == str(tmp_path / "plans" / "mine.json")


def test_other_systems_ask_platformdirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    asked: list[str] = []

    def user_data_dir(name: str, appauthor: bool) -> str:
        asked.append(name)
        return str(tmp_path / name)

    monkeypatch.setattr(platformdirs, "user_data_dir", user_data_dir)
    assert not paths.follows_xdg()
    assert paths.default_plan_file() == str(tmp_path / "pop-tui" / "plan.json")
    assert asked == ["pop-tui"]
