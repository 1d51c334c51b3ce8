"""The Links panel (contact timeline, downlink and backlog, cluster distances) and the
inspector's link rows, on a small real Timeline carrying a hand-made ``Links`` whose passes,
downlinks and totals are known exactly."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from orbitdc.app import i18n
from orbitdc.physics import ground, links, scenario
from orbitdc.physics.contacts import Passes
from orbitdc.physics.timeline import Timeline
from orbitdc.viewstate import ViewState
from orbitdc.widgets import link_text
from orbitdc.widgets.inspector import LINK_ROWS, Inspector
from orbitdc.widgets.panels import LinksPanel, panel_specs
from orbitdc.widgets.panels.contact_timeline import merge_intervals
from orbitdc.widgets.units import DASH

SMALL_TOML = """
name = "Small"
start = "2026-06-21T00:00:00Z"
duration = "3h"
step = "30s"

[[constellation]]
name = "Walker"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 2
per_plane = 3
"""
STATIONS = ("Svalbard", "Table Mountain", "Troll")
# station, satellite, AOS s, LOS s, clear — sorted by AOS; satellite 0's second pass is
# clouded out, satellites 0 and 1 overlap over Svalbard (1200–1900 s for "any satellite")
PASSES = ((0, 0, 1200.0, 1680.0, True), (0, 1, 1500.0, 1900.0, True),
          (1, 0, 5010.0, 5400.0, False), (2, 2, 7000.0, 7300.0, True),
          (1, 3, 9000.0, 9500.0, True))
RATE_GBPS = 100.0
MADE_GB = 0.2  # per satellite per step
STORAGE_GB = 2000.0
EDGES = (np.array([0, 0, 1, 3]), np.array([1, 2, 2, 4]), np.full(4, 8000.0))


def _stations() -> ground.Stations:
    lat = {"Svalbard": 78.23, "Table Mountain": 34.38, "Troll": -72.01}
    return ground.Stations([ground.Station(n, lat[n], 10.0, 500.0, 10.0, RATE_GBPS, 1,
                                           "optical", 0.5) for n in STATIONS])


def make_links(tl: Timeline, cluster: bool = True) -> links.Links:
    """Links for ``tl``: the passes above, each clear pass downlinked at 100 Gbit/s over
    its steps, 0.2 GB made per satellite per step, totals to match."""
    n_time, n_sat, step = tl.n_time, tl.n_sat, float(tl.sim.grid.step_s)
    p = np.array(PASSES, dtype=object)
    passes = Passes(p[:, 0].astype(np.int16), p[:, 1].astype(np.int32),
                    p[:, 2].astype(float), p[:, 3].astype(float), np.full(len(p), 40.0),
                    (p[:, 2] + p[:, 3]).astype(float) / 2, np.zeros(len(p), bool),
                    p[:, 4].astype(bool))
    serve = [(k, sat, sta) for sta, sat, aos, los, clear in PASSES if clear
             for k in range(int(np.ceil(aos / step)), int(los // step))]
    k_s, sat_s, sta_s = (np.array(c, dtype) for c, dtype in
                         zip(zip(*serve, strict=True), (np.int32, np.int32, np.int16),
                             strict=True))
    rate = np.zeros((n_time, n_sat))
    rate[k_s, sat_s] = RATE_GBPS
    backlog, down = np.zeros((n_time, n_sat)), np.zeros((n_time, n_sat))
    for k in range(1, n_time):  # (a reference loop: small arrays)
        have = backlog[k - 1] + MADE_GB
        down[k] = np.minimum(have, rate[k] * step / 8.0)
        backlog[k] = have - down[k]
    phase = 2 * np.pi * tl.offset_s / 5700.0 * 2
    nan = np.full(n_time, np.nan)
    totals = {"downlink_gbps": rate.sum(axis=1), "backlog_gb": backlog.sum(axis=1),
              "produced_gb": MADE_GB * n_sat * np.arange(n_time),
              "downlinked_gb": np.cumsum(down.sum(axis=1)), "dropped_gb": np.zeros(n_time),
              "n_in_contact": (rate > 0).sum(axis=1).astype(float), "n_isl": np.full(n_time, 4.0),
              "isl_capacity_mean_gbps": 8000.0 + 500 * np.sin(phase) if cluster else nan,
              "nn_distance_min_km": 0.15 - 0.05 * np.cos(phase) if cluster else nan,
              "nn_distance_max_km": 0.25 - 0.05 * np.cos(phase) if cluster else nan}
    assert set(totals) == set(links.TOTALS)
    e = np.empty(0, np.int32)
    return links.Links(stations=_stations(), passes=passes,
                       isl_mode="cluster" if cluster else "none", step_s=step,
                       storage_gb=np.full(n_sat, STORAGE_GB),
                       backlog_gb_t=backlog.astype(np.float16), serve_k=k_s, serve_sat=sat_s,
                       serve_station=sta_s, serve_gbps=np.full(k_s.size, RATE_GBPS, np.float32),
                       load_k=e, load_a=e.copy(), load_b=e.copy(),
                       load_gbps=np.empty(0, np.float32), totals=totals,
                       edges_fn=(lambda r: EDGES) if cluster else None)


def replace_links(tl: Timeline, value) -> Timeline:
    out = Timeline.__new__(Timeline)
    out.__dict__.update(tl.__dict__)
    out.links = value
    return out


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Timeline:
    path = tmp_path_factory.mktemp("scn") / "small.toml"
    path.write_text(SMALL_TOML, encoding="utf-8")
    return Timeline.build(scenario.load(path))


@pytest.fixture(scope="module")
def linked(small) -> Timeline:
    """``small`` with links (a shallow copy: the same arrays)."""
    return replace_links(small, make_links(small))


@pytest.fixture
def panel(qtbot, linked) -> LinksPanel:
    w = LinksPanel()
    qtbot.addWidget(w)
    w.resize(1000, 1000)  # plots tall enough for their axis titles
    w.set_timeline(linked)
    w.set_selected(0)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.plot_top.vb.height() > 150)  # laid out
    return w


def _rects(panel: LinksPanel, layer: str) -> set[tuple[int, float, float]]:
    row, x0, x1 = panel.contacts.rects(layer)
    return set(zip(row.tolist(), x0.tolist(), x1.tolist(), strict=True))


# --- the panel --------------------------------------------------------------------------------

def test_links_is_a_registered_scenario_time_panel() -> None:
    spec = next(s for s in panel_specs() if s.key == "links")
    assert spec.factory is LinksPanel and spec.x_domain == "scenario_time"
    assert spec.translated_title() == "Links"


def test_one_row_per_station_named(panel) -> None:
    assert panel.contacts.names == list(STATIONS)
    ticks = panel.plot_contacts.getAxis("left")._tickLevels[0]
    assert [label for _y, label in ticks] == list(STATIONS)
    assert panel.plot_contacts.vb.viewRange()[1] == pytest.approx([-0.5, 2.5])
    assert not panel.showing_message()


def test_passes_are_bars_at_their_times(panel, linked) -> None:
    assert _rects(panel, "selected_clear") == {(0, 1200.0, 1680.0)}
    assert _rects(panel, "selected_clouded") == {(1, 5010.0, 5400.0)}
    assert _rects(panel, "any_clear") == {(0, 1200.0, 1900.0), (2, 7000.0, 7300.0),
                                          (1, 9000.0, 9500.0)}  # 0 and 1 merged
    assert _rects(panel, "any_clouded") == {(1, 5010.0, 5400.0)}
    panel.set_selected(3)
    assert _rects(panel, "selected_clear") == {(1, 9000.0, 9500.0)}
    assert _rects(panel, "selected_clouded") == set()


def test_clouded_passes_are_hatched(panel) -> None:
    bars = panel.contacts.bars
    for layer in ("selected_clouded", "any_clouded"):
        assert bars[layer].opts["brush"].style() == Qt.BrushStyle.BDiagPattern
    for layer in ("selected_clear", "any_clear"):
        assert bars[layer].opts["brush"].style() == Qt.BrushStyle.SolidPattern
    assert panel.legend_text("contacts.clouded") == "Clouded out"


def test_selected_curves_follow_the_selection(panel, linked) -> None:
    lk = linked.links
    down = panel.curves["top.downlink"]
    assert panel.plot_top.header_title.text.count(linked.names[0]) == 1
    np.testing.assert_allclose(down.yData, lk.downlink_gbps(0))  # Gbit/s
    assert np.flatnonzero(down.yData).tolist() == list(range(40, 56))
    # backlog and storage share the right axis: TB, chosen from the 2,000 GB storage
    np.testing.assert_allclose(panel.curves["top.backlog"].yData * 1e3, lk.backlog_gb(0))
    assert panel.storage.value() == pytest.approx(STORAGE_GB / 1e3)
    assert "(Gbit/s)" in panel.axis_title(panel.plot_top.getAxis("left"))
    assert "Backlog (TB)" in panel.axis_title(panel.plot_top.getAxis("right"))
    panel.set_selected(2)
    assert np.flatnonzero(down.yData).tolist() == list(range(234, 243))
    assert linked.names[2] in panel.plot_top.header_title.text
    panel.set_selected(None)
    assert down.xData is None or down.xData.size == 0
    assert _rects(panel, "selected_clear") == set()


def test_constellation_and_cluster_curves_in_scaled_units(panel, linked) -> None:
    t = linked.links.totals
    np.testing.assert_allclose(panel.curves["total.downlink"].yData, t["downlink_gbps"])
    produced = panel.curves["total.produced"].yData
    assert t["produced_gb"][-1] == pytest.approx(432.0)  # 0.2 GB × 6 × 360 steps: in GB
    np.testing.assert_allclose(produced, t["produced_gb"])
    assert "Data (GB)" in panel.axis_title(panel.plot_total.getAxis("right"))
    assert panel.plot_cluster.isVisible()  # nearest-neighbour distances in metres
    np.testing.assert_allclose(panel.curves["cluster.nn_min"].yData,
                               t["nn_distance_min_km"] * 1000.0)
    assert "Distance (m)" in panel.axis_title(panel.plot_cluster.getAxis("left"))
    np.testing.assert_allclose(panel.curves["cluster.capacity"].yData,
                               t["isl_capacity_mean_gbps"] / 1000.0)  # ~8 Tbit/s
    assert "(Tbit/s)" in panel.axis_title(panel.plot_cluster.getAxis("right"))
    assert panel.time_plots() == [panel.plot_contacts, panel.plot_top, panel.plot_total,
                                  panel.plot_cluster]
    # time values and label under the lowest plot only
    assert panel.plot_cluster.getAxis("bottom").style["showValues"]
    assert not panel.plot_total.getAxis("bottom").style["showValues"]


def test_short_plots_keep_the_unit_on_their_axes(qtbot, panel) -> None:
    axis = panel.plot_top.getAxis("left")
    assert axis.labelText == "Downlink (Gbit/s)" and axis.label.isVisible()
    panel.show_parts(["selected"])  # (a panel shows fewer plots rather than low ones:
    panel.resize(1000, 210)  # a plot this low is the only one shown, in a tiny panel)
    qtbot.waitUntil(lambda: panel.plot_top.vb.height() < 110)
    qtbot.wait(10)
    assert axis.labelText == "Gbit/s" and axis.label.isVisible()
    panel.show_parts(None)
    panel.resize(1000, 1000)
    qtbot.waitUntil(lambda: axis.labelText == "Downlink (Gbit/s)")


def test_no_isl_plot_without_distances(qtbot, small) -> None:
    tl = replace_links(small, make_links(small, cluster=False))
    w = LinksPanel()
    qtbot.addWidget(w)
    w.set_timeline(tl)
    w.show()
    assert not w.plot_cluster.isVisible() and not w.plot_cluster.overlay.isVisible()
    assert w.time_plots() == [w.plot_contacts, w.plot_top, w.plot_total]
    assert w.plot_total.getAxis("bottom").style["showValues"]
    assert "Time (UTC)" in w.axis_title(w.plot_total.getAxis("bottom"))


def test_cursor_follows_the_clock_and_a_click_seeks(qtbot, panel, linked) -> None:
    view = ViewState()
    view.new_timeline(linked.n_sat)
    panel.bind(view)
    view.offset_s = 1234.0
    assert len(panel.cursors) == 4
    assert [c.value() for c in panel.cursors] == [1234.0] * 4
    vb = panel.plot_contacts.vb
    pixel = panel.view.mapFromScene(vb.mapViewToScene(QPointF(4000.0, 1.0)))
    with qtbot.waitSignal(panel.time_requested, timeout=2000) as got:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pixel)
    assert got.args[0] == pytest.approx(4000.0, abs=2 * linked.span_s / vb.width())


def test_message_without_links(qtbot, small) -> None:
    assert small.links is None
    w = LinksPanel()
    qtbot.addWidget(w)
    w.set_timeline(small)
    w.set_selected(0)
    w.show()
    assert w.showing_message() and w.message.isVisible() and not w.view.isVisible()
    assert w.message.text().startswith("No ground stations or inter-satellite links")
    assert w.time_plots() == []
    w.set_timeline(None)  # no scenario: empty plots, no message
    assert not w.showing_message() and w.view.isVisible()
    # a scenario with stations whose link model has not run yet (the window shows it first)
    waiting = replace_links(small, None)
    waiting.scenario = dataclasses.replace(small.scenario, stations=_stations().items)
    w.set_timeline(waiting)
    assert w.showing_message() and w.message.text() == "Computing ground contacts and links…"


def test_a_real_link_model_run(qtbot, tmp_path) -> None:
    """The same panel and inspector on the link model's own output (optical network, grid
    ISLs): a bar per pass of the selected satellite, the model's totals, its next contact."""
    path = tmp_path / "linked.toml"
    text = SMALL_TOML.replace('step = "30s"', 'step = "30s"\nground_network = "optical"')
    path.write_text(text + '\n[links]\nisl = "grid"\n', encoding="utf-8")
    tl = Timeline.build(scenario.load(path))
    lk = tl.links
    assert lk is not None and len(lk.stations) == 6 and len(lk.passes) > 0
    sat = int(lk.passes.sat[0])
    w = LinksPanel()
    qtbot.addWidget(w)
    w.set_timeline(tl)
    w.set_selected(sat)
    assert w.contacts.names == lk.stations.names
    mine = lk.passes.of_sat(sat)
    bars = _rects(w, "selected_clear") | _rects(w, "selected_clouded")
    assert bars == set(zip(mine.station.tolist(), mine.aos_s.tolist(), mine.los_s.tolist(),
                           strict=True))
    div = 1e3 if "Tbit/s" in w.axis_title(w.plot_total.getAxis("left")) else 1.0
    np.testing.assert_allclose(w.curves["total.downlink"].yData * div,
                               lk.totals["downlink_gbps"])
    insp = Inspector()
    qtbot.addWidget(insp)
    insp.show_satellite(tl, sat, 0.0)
    name, _aos, _dur = lk.next_contact(sat, 0.0)
    assert insp.value_text("next_contact").startswith(name)


def test_screenshot(panel, screenshot) -> None:
    panel.set_cursor(5200.0)
    assert screenshot(panel, "links").stat().st_size > 10_000


# --- helpers ----------------------------------------------------------------------------------

def test_merge_intervals_matches_a_sweep() -> None:
    rng = np.random.default_rng(3)
    group = rng.integers(0, 4, 300)
    x0 = rng.uniform(0, 1e4, 300)
    x1 = x0 + rng.uniform(0, 300, 300)
    g, a, b = merge_intervals(group, x0, x1)
    grid = np.linspace(0, 1.1e4, 20_001)
    for s in range(4):  # covered instants are the same
        want = ((grid[:, None] >= x0[group == s]) & (grid[:, None] <= x1[group == s])).any(1)
        have = ((grid[:, None] >= a[g == s]) & (grid[:, None] <= b[g == s])).any(1)
        assert (want == have).all()
        assert (a[g == s][1:] > b[g == s][:-1]).all()  # disjoint, sorted


def test_units_scale_with_the_values() -> None:
    assert link_text.data_unit(np.array([0.0, 812.0])) == (1.0, "GB")
    assert link_text.data_unit(5.0e4) == (1e3, "TB")
    assert link_text.data_unit(3.0e6) == (1e6, "PB")
    assert link_text.rate_unit(np.array([0.0, 0.0])) == (1.0, "Gbit/s")
    assert link_text.rate_unit(1.2e3) == (1e3, "Tbit/s")
    assert link_text.distance_unit(np.array([0.1, 0.2, np.nan])) == (1e-3, "m")
    assert link_text.distance_unit(850.0) == (1.0, "km")
    assert link_text.format_data(1250.0) == "1.25\u00a0TB"
    assert link_text.format_rate(100.0) == "100\u00a0Gbit/s"


# --- the inspector ----------------------------------------------------------------------------

@pytest.fixture
def inspector(qtbot) -> Inspector:
    w = Inspector()
    qtbot.addWidget(w)
    w.show()
    return w


def test_inspector_link_rows(inspector, linked) -> None:
    inspector.show_satellite(linked, 0, 1000.0)
    assert inspector.link_rows_shown()
    nxt = inspector.value_text("next_contact")
    assert nxt == "Svalbard at 00:20:00 UTC (in 3 min), 8 min long"
    assert inspector.value_text("downlink") == DASH
    inspector.show_satellite(linked, 0, 1300.0)
    assert inspector.value_text("next_contact").startswith("Svalbard since 00:20:00 UTC")
    assert inspector.value_text("downlink") == "Svalbard, 100\u00a0Gbit/s"
    backlog = inspector.value_text("backlog")
    assert backlog.endswith("of 2.00\u00a0TB storage)") and "\u00a0GB (" in backlog
    names = linked.names
    assert inspector.value_text("isl") == f"2: {names[1]}, {names[2]}"
    inspector.show_satellite(linked, 0, 2000.0)  # next: the clouded pass
    assert inspector.value_text("next_contact").startswith("Table Mountain at 01:23:30 UTC")
    assert inspector.value_text("next_contact").endswith("— clouded out")
    inspector.show_satellite(linked, 0, 6000.0)
    assert inspector.value_text("next_contact") == "no contact before the end of the run"


def test_inspector_hides_link_rows_without_links(inspector, small, linked) -> None:
    inspector.show_satellite(linked, 0, 0.0)
    inspector.show_satellite(small, 0, 0.0)
    assert not inspector.link_rows_shown()
    assert all(inspector.captions[k].isHidden() for k in LINK_ROWS)
    inspector.set_timeline(linked)
    assert inspector.link_rows_shown()


# --- French -----------------------------------------------------------------------------------

@pytest.fixture
def french():
    assert i18n.install("fr")
    QApplication.processEvents()
    QApplication.processEvents()
    try:
        yield
    finally:
        i18n.install("en")
        QApplication.processEvents()


def test_french(qtbot, panel, inspector, linked, french) -> None:
    from PySide6.QtCore import QCoreApplication

    assert panel.title_label.text() == "Liaisons"
    assert QCoreApplication.translate("MainWindow", "Links") == "Liaisons"
    assert panel.legend_text("contacts.clouded") == "Ciel couvert"
    assert panel.legend_text("top.backlog") == "En attente à bord"
    assert "Débit desc. (Gbit/s)" in panel.axis_title(panel.plot_top.getAxis("left"))
    assert "Heure (UTC)" in panel.axis_title(panel.plot_cluster.getAxis("bottom"))
    assert "Contacts au sol" in panel.plot_contacts.header_title.text
    inspector.show_satellite(linked, 0, 1000.0)
    assert inspector.captions["next_contact"].text() == "Prochain contact"
    assert inspector.value_text("next_contact") == (
        "Svalbard à 00:20:00 UTC (dans 3 min), durée 8 min")
    assert "Go (" in inspector.value_text("backlog")
    message = LinksPanel()
    qtbot.addWidget(message)
    message.set_timeline(replace_links(linked, None))
    assert message.message.text().startswith("Aucune station sol")
