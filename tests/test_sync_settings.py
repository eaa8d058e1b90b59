"""``sync_on_quit`` in settings.toml: written by hand, kept when pop writes the theme."""

from __future__ import annotations

from pop_tui.ui.settings import SYNC_ON_QUIT, read_flag, read_settings, remember, settings_path


def test_sync_on_quit_is_off_unless_set_to_true() -> None:
    path = settings_path()
    assert read_flag(path, SYNC_ON_QUIT) is False
    path.parent.mkdir(parents=True)
    path.write_text('sync_on_quit = "yes"\n')
    assert read_flag(path, SYNC_ON_QUIT) is False
    path.write_text("sync_on_quit = true\n")
    assert read_flag(path, SYNC_ON_QUIT) is True


def test_choosing_a_theme_keeps_the_hand_written_setting() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text("sync_on_quit = true\n")
    remember(path, "theme", "nord")
    assert read_settings(path) == {"sync_on_quit": True, "theme": "nord"}
    assert "sync_on_quit = true" in path.read_text()
