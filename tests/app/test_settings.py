"""A broken settings file never stops the app: junk, truncated files and values of the wrong
type are ignored with one warning each and the defaults used; recent files that were deleted
are listed greyed with a tooltip, presets stay enabled."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from orbitdc.app import gui, i18n
from orbitdc.app.main_window import MainWindow
from orbitdc.app.menus import COLOR_KEYS, FRAME_KEYS
from orbitdc.app.settings import Settings

WARNING = "orbitdc: warning: settings file {path}: ignored bad value for {key}"
# One bad value per case: (key, ini line(s)).
BAD_VALUES = {
    "recent as a map": ("recent", "[General]\nrecent=@Variant(\\0\\0\\0\\b\\0\\0\\0\\x1\\0\\0\\0"
                                  "\\x2\\0\\x61\\0\\0\\0\\n\\0\\0\\0\\x2\\0\\x62)"),
    "recent as bytes": ("recent", "[General]\nrecent=@ByteArray(abc)"),
    "colour mode unknown": ("color_mode", "[General]\ncolor_mode=sparkles"),
    "colour mode as bytes": ("color_mode", "[General]\ncolor_mode=@ByteArray(soc)"),
    "colour mode as a list": ("color_mode", "[General]\ncolor_mode=soc, temperature"),
    "frame a number": ("frame", "[General]\nframe=3"),
    "frame as a list": ("frame", "[General]\nframe=earth, inertial"),
    "layer not a bool": ("layers/orbits", "[layers]\norbits=maybe"),
    "layer a number": ("layers/stars", "[layers]\nstars=2"),
    "layer a list": ("layers/legend", "[layers]\nlegend=true, false"),
    "geometry a string": ("window/geometry", "[window]\ngeometry=hello"),
    "geometry junk bytes": ("window/geometry", "[window]\ngeometry=@ByteArray(\\x1\\x2junk)"),
    "geometry truncated": ("window/geometry", "[window]\ngeometry=@ByteArray(\\x1\\xd9\\xd0"),
    "state junk bytes": ("window/state", "[window]\nstate=@ByteArray(not a state)"),
}
KEY_CHOICES = {"color_mode": COLOR_KEYS, "frame": FRAME_KEYS}
JUNK = {
    "binary": os.urandom(4096),
    "nul bytes": b"[General]\ncolor_mode=soc\0\0\0",
    "not utf-8": b"[General]\nrecent=/tmp/\xff\xfe.toml\n",
    "syntax error": b"[General\ncolor_mode=soc\n",
    "only separators": b"=\n=\n[",
}


def _warnings(capsys) -> list[str]:
    return [line for line in capsys.readouterr().err.splitlines()
            if line.startswith("orbitdc: warning:")]


def _window(qtbot, path: Path) -> MainWindow:
    gui.application("en")
    win = MainWindow(size=(1280, 760), settings=Settings(path))
    qtbot.addWidget(win)
    return win


def _has_defaults(win: MainWindow) -> bool:
    """The menus show the default colour mode, frame and layers."""
    return (win.menus.colors["illumination"].isChecked()
            and win.menus.color_combo.currentIndex() == COLOR_KEYS.index("illumination")
            and win.menus.frames["inertial"].isChecked()
            and all(act.isChecked() == win.globe.layers[key].default_visible
                    for key, act in win.menus.layers.items()))


# --- Settings alone ---------------------------------------------------------------------------

@pytest.mark.parametrize("case", list(BAD_VALUES))
def test_bad_value_is_dropped_with_one_warning(qapp, capsys, tmp_path: Path, case: str) -> None:
    key, text = BAD_VALUES[case]
    path = tmp_path / "settings.ini"
    path.write_text(text + "\n", encoding="utf-8")
    s = Settings(path)
    for _ in range(3):  # asked again: no second warning
        if key.startswith("window/"):
            s.restore_window(QMainWindow())
        else:
            kind = list if key == "recent" else bool if key.startswith("layers/") else str
            default = object()
            assert s.get(key, default, kind, KEY_CHOICES.get(key)) is default
    assert _warnings(capsys) == [WARNING.format(path=path, key=key)]
    assert s.qs.value(key) is None


def test_good_values_are_read(qapp, capsys, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[General]\ncolor_mode=soc\nframe=earth\nlanguage=fr\nrecent=/a.toml, b\n"
                    "count=7\nratio=0.5\n[layers]\norbits=false\nstars=true\nsun=1\n",
                    encoding="utf-8")
    s = Settings(path)
    assert s.get("color_mode", "illumination", choices=COLOR_KEYS) == "soc"
    assert s.get("frame", "inertial", choices=FRAME_KEYS) == "earth"
    assert s.get("language", "en", choices=i18n.LANGUAGES) == "fr"
    assert s.recent() == ["/a.toml", "b"]
    assert [s.get(f"layers/{k}", True, bool) for k in ("orbits", "stars", "sun", "shadow")] == \
        [False, True, True, True]
    assert (s.get("count", 0, int), s.get("ratio", 0.0, float)) == (7, 0.5)
    assert s.get("missing", "x") == "x"
    assert _warnings(capsys) == []


def test_numbers_must_be_finite(qapp, capsys, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[General]\nspeed=nan\ncount=fast\n", encoding="utf-8")
    s = Settings(path)
    assert s.get("speed", 60.0, float) == 60.0 and s.get("count", 3, int) == 3
    assert len(_warnings(capsys)) == 2


def test_recent_of_the_wrong_type_in_the_session(qapp, capsys, tmp_path: Path) -> None:
    """Values set by the program keep their type: an int where a list belongs."""
    path = tmp_path / "settings.ini"
    qs = QSettings(str(path), QSettings.IniFormat)
    qs.setValue("recent", 42)
    qs.sync()
    s = Settings(path)
    assert s.recent() == [] and s.recent() == []
    assert _warnings(capsys) == [WARNING.format(path=path, key="recent")]


@pytest.mark.parametrize("case", list(JUNK))
def test_junk_file_is_ignored_with_one_warning_and_rewritten(qapp, capsys, tmp_path: Path,
                                                             case: str) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(JUNK[case])
    s = Settings(path)
    assert _warnings(capsys) == [f"orbitdc: warning: settings file {path}: not a valid settings "
                                 "file; ignored (defaults used, it is rewritten on exit)"]
    assert s.qs.allKeys() == [] and s.recent() == []
    assert s.get("color_mode", "illumination", choices=COLOR_KEYS) == "illumination"
    s.set("frame", "earth")
    s.qs.sync()
    again = Settings(path)
    assert again.get("frame", "inertial") == "earth" and again.qs.allKeys() == ["frame"]
    assert _warnings(capsys) == []


def test_language_setting_is_checked(qapp, capsys, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[General]\nlanguage=klingon\n", encoding="utf-8")
    monkeypatch.setattr(gui, "Settings", lambda: Settings(path))
    try:
        gui.application()
        assert i18n.current() == i18n.system_language()
    finally:
        i18n.install("en")
    assert _warnings(capsys) == [WARNING.format(path=path, key="language")]


# --- the window on a broken file --------------------------------------------------------------

@pytest.mark.parametrize("case", list(BAD_VALUES))
def test_window_starts_on_a_bad_value(qtbot, capsys, tmp_path: Path, case: str) -> None:
    key, text = BAD_VALUES[case]
    path = tmp_path / "settings.ini"
    path.write_text(text + "\n", encoding="utf-8")
    win = _window(qtbot, path)
    assert _warnings(capsys) == [WARNING.format(path=path, key=key)]
    assert _has_defaults(win)
    win.close()
    Settings(path)  # the bad value is gone from the file
    assert _warnings(capsys) == []


def test_window_starts_with_every_value_bad(qtbot, capsys, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    sections: dict[str, list[str]] = {}
    for _key, text in BAD_VALUES.values():
        head, line = text.split("\n")
        sections.setdefault(head, []).append(line)
    path.write_text("".join(f"{h}\n" + "\n".join(lines) + "\n" for h, lines in
                            sections.items()), encoding="utf-8")
    win = _window(qtbot, path)
    got = _warnings(capsys)
    assert len(got) == len(set(got))  # one warning per key
    assert {line.rsplit(" ", 1)[1] for line in got} <= {k for k, _ in BAD_VALUES.values()}
    assert len(got) >= 6
    assert _has_defaults(win)
    win.close()


@pytest.mark.parametrize("case", list(JUNK))
def test_window_starts_on_a_junk_file(qtbot, capsys, tmp_path: Path, case: str) -> None:
    path = tmp_path / "settings.ini"
    path.write_bytes(JUNK[case])
    win = _window(qtbot, path)
    assert len(_warnings(capsys)) == 1
    assert _has_defaults(win)
    win.close()


def _saved_settings(qtbot, folder: Path) -> bytes:
    """A real settings file: window layout, options off their defaults, recent scenarios."""
    path = folder / "saved.ini"
    win = _window(qtbot, path)
    win.menus.layers["stars"].setChecked(False)
    win.menus.colors["soc"].trigger()
    win.menus.frames["earth"].trigger()
    win.settings.add_recent("default")
    win.settings.add_recent(str(folder / "Étoile.toml"))
    win.close()
    return path.read_bytes()


def test_window_starts_on_a_truncated_file(qtbot, capsys, tmp_path: Path) -> None:
    data = _saved_settings(qtbot, tmp_path)
    capsys.readouterr()
    # Cut inside the window geometry, inside a UTF-8 character: one warning each.
    bad_cuts = {data.index(b"geometry=") + 30, data.index("É".encode()) + 1}
    for cut in sorted({len(data) * i // 8 for i in range(1, 8)} | bad_cuts):
        path = tmp_path / f"cut{cut}.ini"
        path.write_bytes(data[:cut])
        win = _window(qtbot, path)
        got = _warnings(capsys)
        assert len(got) == 1 if cut in bad_cuts else len(got) <= 1, (cut, got)
        win.close()


# --- recent scenarios -------------------------------------------------------------------------

def test_missing_recent_files_are_greyed(qtbot, tmp_path: Path) -> None:
    there = tmp_path / "there.toml"
    there.write_text("", encoding="utf-8")
    gone = tmp_path / "gone.toml"
    amp = tmp_path / "R&D.toml"
    amp.write_text("", encoding="utf-8")
    path = tmp_path / "settings.ini"
    s = Settings(path)
    s.qs.setValue("recent", [str(there), str(gone), "default", "no-such-preset", str(amp)])
    s.qs.sync()
    win = _window(qtbot, path)
    menu = win.menus.recent_menu
    acts = {a.text().replace("&&", "&"): a for a in menu.actions()}
    assert list(acts) == [str(there), str(gone), "default", "no-such-preset", str(amp)]
    assert menu.isEnabled() and menu.toolTipsVisible()
    assert [acts[k].isEnabled() for k in acts] == [True, False, True, False, True]
    assert acts[str(gone)].toolTip() == f"File not found: {gone}"
    assert acts["no-such-preset"].toolTip() == "File not found: no-such-preset"
    assert acts[str(amp)].text() == str(amp).replace("&", "&&")  # not an accelerator
    # Deleted while the app runs: greyed the next time the menu opens.
    there.unlink()
    menu.aboutToShow.emit()
    assert not next(a for a in menu.actions() if a.text() == str(there)).isEnabled()
    # The tooltip follows the language.
    try:
        win.menus._set_language("fr")
        tip = next(a for a in menu.actions() if a.text() == str(gone)).toolTip()
        assert tip == f"Fichier introuvable : {gone}".replace(" :", "\u00a0:")
    finally:
        win.menus._set_language("en")
    win.close()


def test_a_missing_recent_file_cannot_be_opened(qtbot, tmp_path: Path) -> None:
    gone = tmp_path / "gone.toml"
    path = tmp_path / "settings.ini"
    s = Settings(path)
    s.qs.setValue("recent", [str(gone)])
    s.qs.sync()
    win = _window(qtbot, path)
    [act] = win.menus.recent_menu.actions()
    with qtbot.assertNotEmitted(win.load_failed, wait=100):
        act.trigger()  # a disabled action does nothing
    assert not win.loader.busy
    win.close()
