"""Translations: the French .ts is complete and up to date, the .qm is compiled from it, the
menus' keyboard accelerators do not collide, and the widgets follow a live language switch."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QMenu

from orbitdc.app import i18n
from orbitdc.physics import scenario
from orbitdc.physics.timeline import Timeline
from orbitdc.widgets import units
from orbitdc.widgets.inspector import Inspector
from orbitdc.widgets.panels import PowerPanel
from orbitdc.widgets.scenario_panel import ScenarioPanel
from orbitdc.widgets.timebar import TimeBar

REPO = Path(__file__).resolve().parents[2]
I18N_DIR = REPO / "src" / "orbitdc" / "assets" / "i18n"
TS = I18N_DIR / "orbitdc_fr.ts"
QM = I18N_DIR / "orbitdc_fr.qm"
SOURCE_DIRS = ("src/orbitdc/app", "src/orbitdc/widgets")  # as in `make translations`
NB = "\u00a0"  # no-break space (French typography)


# --- helpers --------------------------------------------------------------------------------

def _tool(name: str) -> str:
    """A PySide6 command-line tool (pyside6-lupdate, pyside6-lrelease) of this environment."""
    beside = Path(sys.executable).with_name(name)
    path = str(beside) if beside.is_file() else shutil.which(name)
    assert path, f"{name} not found (it comes with PySide6)"
    return path


def _run(*args: str) -> str:
    res = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False,
                         cwd=REPO)
    assert res.returncode == 0, res.stdout + res.stderr
    return res.stdout + res.stderr


def _messages(path: Path) -> Iterator[tuple[str, str, ET.Element]]:
    """(context, source, <translation> element) of every message of a .ts file."""
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            yield name, msg.findtext("source") or "", msg.find("translation")


def _keys(path: Path) -> set[tuple[str, str]]:
    return {(ctx, src) for ctx, src, _ in _messages(path)}


def _placeholders(text: str) -> Counter:
    return Counter(re.findall(r"%\d", text))


def _accelerators(text: str) -> list[str]:
    """The letters marked with a single & ("&&" is a literal ampersand)."""
    return re.findall(r"&([^&])", text.replace("&&", ""))


def _sources() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for d in SOURCE_DIRS for p in (REPO / d).rglob("*.py"))


# --- the .ts and the .qm --------------------------------------------------------------------

def test_ts_is_complete_and_consistent() -> None:
    msgs = list(_messages(TS))
    assert len(msgs) > 100
    problems = []
    for ctx, src, tr in msgs:
        where = f"[{ctx}] {src!r}"
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where}: {None if tr is None else tr.get('type')}")
            continue
        text = tr.text or ""
        if not text.strip():
            problems.append(f"{where}: empty translation")
        if _placeholders(text) != _placeholders(src):
            problems.append(f"{where}: placeholders differ in {text!r}")
        if len(_accelerators(text)) != len(_accelerators(src)):
            problems.append(f"{where}: accelerator count differs in {text!r}")
        if "..." in text:
            problems.append(f"{where}: '...' instead of '…' in {text!r}")
        if re.search(r"[^\s\u00a0\u202f][:;!?](\s|$)|«[^\u00a0\u202f]|[^\u00a0\u202f]»", text):
            problems.append(f"{where}: French punctuation needs a no-break space in {text!r}")
    assert not problems, "\n".join(problems)
    assert len({(c, s) for c, s, _ in msgs}) == len(msgs)  # no duplicate messages


def test_required_translations() -> None:
    table = {(ctx, src): (tr.text or "") for ctx, src, tr in _messages(TS)}
    assert table[("", "&File")] == "&Fichier"
    assert table[("MainWindow", "Power")] == "Puissance"


def test_ts_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    """lupdate over the same files finds nothing new and nothing vanished."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    out = _run(_tool("pyside6-lupdate"), *_sources(), "-ts", str(copy),
               "-target-language", "fr_FR", "-no-obsolete")
    found = re.search(r"Found (\d+) source text\(s\) \((\d+) new and (\d+) already existing\)",
                      out)
    assert found, out
    assert found.group(2) == "0", f"new strings: run `make translations`\n{out}"
    assert "obsolete" not in out, f"strings gone from the code: run `make translations`\n{out}"
    assert _keys(copy) == _keys(TS)


def test_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / QM.name
    _run(_tool("pyside6-lrelease"), str(TS), "-qm", str(fresh))
    assert QM.is_file(), "orbitdc_fr.qm missing: run `make translations`"
    if QM.read_bytes() == fresh.read_bytes():
        return
    # lrelease output may differ between Qt versions: compare what both translate to
    a, b = QTranslator(), QTranslator()
    assert a.load(str(QM)) and b.load(str(fresh))
    stale = [(ctx, src) for ctx, src, _ in _messages(TS)
             if a.translate(ctx, src) != b.translate(ctx, src)]
    assert not stale, f"orbitdc_fr.qm is stale (run `make translations`): {stale}"


# --- live switching -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_timeline() -> Timeline:
    return Timeline.build(scenario.load("default", duration="1h"))


@pytest.fixture
def french():
    """Yields a function switching the language (and delivering the LanguageChange events);
    English is restored afterwards whatever happens."""

    def switch(lang: str) -> None:
        assert i18n.install(lang)
        QApplication.processEvents()
        QApplication.processEvents()

    try:
        yield switch
    finally:
        i18n.install("en")
        QApplication.processEvents()


def _texts(power: PowerPanel, bar: TimeBar, insp: Inspector, scn: ScenarioPanel) -> dict:
    return {
        "power.title": power.title_label.text(),
        "power.solar": power.legend_text("top.solar"),
        "power.soc_limit": power.legend_text("top.soc_limit"),
        "power.eclipse": power.legend_text("top.eclipse"),
        "power.soc_axis": power.plot_top.getAxis("right").labelText,
        "power.power_axis": power.plot_total.getAxis("left").labelText,
        "power.time_axis": power.plot_total.getAxis("bottom").labelText,
        "power.total_header": power.plot_total.header_title.text,
        "bar.speed0": bar.speed_combo.itemText(0),
        "bar.play_tip": bar.play_button.toolTip(),
        "bar.slider_tip": bar.slider.toolTip(),
        "insp.heading": insp.heading.text(),
        "insp.inclination": insp.captions["inclination"].text(),
        "insp.illumination": insp.value_text("illumination"),
        "insp.temp_elec": insp.value_text("temp_elec"),
        "insp.altitude": insp.value_text("altitude"),
        "scn.solar": scn.captions["solar_array_m2"].text(),
        "scn.apply": scn.apply_button.text(),
        "scn.reset_tip": scn.reset_button.toolTip(),
        "scn.subtitle": scn.subtitle.text(),
        "scn.status": scn.status_label.text(),
    }


def test_widgets_follow_a_language_switch(qtbot, small_timeline, french) -> None:
    tl = small_timeline
    power, bar, insp, scn = PowerPanel(), TimeBar(), Inspector(), ScenarioPanel()
    for w in (power, bar, insp, scn):
        qtbot.addWidget(w)
        w.show()
    power.set_timeline(tl)
    insp.show_satellite(tl, 0, 0.0)
    scn.set_timeline(tl)
    scn.set_busy(True, 0.4)
    english = _texts(power, bar, insp, scn)
    assert english["power.solar"] == "Solar" and english["bar.speed0"] == "×1 (real time)"
    assert english["insp.inclination"] == "Inclination"

    french("fr")
    fr = _texts(power, bar, insp, scn)
    assert fr["power.title"] == "Puissance et batterie"
    assert fr["power.solar"] == "Solaire"
    assert fr["power.eclipse"] == "Éclipse"
    assert "Batterie (%)" in fr["power.soc_axis"]
    assert "Puiss. (MW)" in fr["power.power_axis"]  # the unit chosen from the data stays
    assert "Heure (UTC)" in fr["power.time_axis"]
    assert f"Les {tl.n_sat} satellites" in fr["power.total_header"]
    assert fr["bar.speed0"] == "×1 (temps réel)"
    assert fr["bar.play_tip"] == "Lecture / pause"
    assert fr["insp.heading"] == "Inspecteur"
    assert fr["insp.inclination"] == "Inclinaison"
    assert fr["insp.illumination"].split(" (")[0] in ("Ensoleillé", "Pénombre", "Ombre")
    assert "(max." in fr["insp.temp_elec"]  # values are rewritten too
    assert "," in fr["insp.altitude"] and "." not in fr["insp.altitude"]  # 550,9 km
    assert fr["scn.solar"] == "Panneaux solaires"
    assert fr["scn.apply"] == "Appliquer"
    assert fr["scn.subtitle"].startswith(f"Satellites de «{NB}")
    assert fr["scn.status"] == "Simulation en cours… 40 %"
    assert units.in_text(720) == "dans 12 min"  # module-level tr (empty context)
    unchanged = [k for k in english if english[k] == fr[k]]
    assert not unchanged, f"not translated after the switch: {unchanged}"

    french("en")
    assert _texts(power, bar, insp, scn) == english
    assert units.in_text(720) == "in 12 min"


def test_menu_accelerators_are_unique_in_french(qtbot, tmp_path: Path, french) -> None:
    from orbitdc.app import gui
    from orbitdc.app.main_window import MainWindow
    from orbitdc.app.settings import Settings

    gui.application("en")
    win = MainWindow(size=(1280, 760), settings=Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(win)
    french("fr")
    win.retranslate()
    assert win.menus.file_menu.title() == "&Fichier"

    def check(actions, where: str) -> None:
        letters = Counter(k.lower() for a in actions for k in _accelerators(a.text())[:1])
        clash = [k for k, n in letters.items() if n > 1]
        assert not clash, f"{where}: accelerators {clash} used twice: " \
                          f"{[a.text() for a in actions]}"
        for a in actions:
            assert len(_accelerators(a.text())) <= 1, a.text()
            if a.menu() is not None:
                check(a.menu().actions(), a.text())

    menus = [a for a in win.menuBar().actions() if isinstance(a.menu(), QMenu)]
    assert len(menus) == 4  # File, Edit, View, Help
    check(win.menuBar().actions(), "menu bar")
    assert QCoreApplication.translate("MainWindow", "Power") == "Puissance"
