"""Run every benchmark and print ``name: value`` lines (ratios measured in the same run)."""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys

from bench import physics_bench
from bench.soak_bench import cpu_model


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--skip-memory", action="store_true",
                        help="skip the 30k × 24 h Timeline build (~1 min)")
    parser.add_argument("--only", choices=["physics", "scale", "million", "links", "sweep",
                                           "globe",
                                           "export", "app", "soak", "fuzz", "life",
                                           "telemetry"],
                        help="run one group (soak: only when asked for)")
    parser.add_argument("--minutes", type=float, default=5.0,
                        help="length of the soak (default 5: three reloads, 90 s apart)")
    parser.add_argument("--cases", type=int, default=10_000,
                        help="fuzz: number of loader cases (default 10000)")
    parser.add_argument("--seed", type=int, default=0,
                        help="fuzz: seed of the case generator (default 0)")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and shutil.which("xvfb-run") and args.only in (
            None, "globe", "app", "soak"):
        # The globe benchmarks need an X display: rerun under a virtual one.
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24",
                               sys.executable, "-m", "bench", *sys.argv[1:]])
    print(f"# machine: {platform.machine()} {cpu_model()}, {platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} cores")
    if args.only in (None, "physics"):
        physics(args)
    if args.only in (None, "links"):
        links()
    if args.only in (None, "scale"):
        scale()
    if args.only in (None, "million"):
        million()
    if args.only in (None, "sweep"):
        sweep()
    if args.only in (None, "life"):
        life()
    if args.only in (None, "telemetry"):
        telemetry()
    if args.only in (None, "globe"):
        globe()
    if args.only in (None, "export"):
        export()
    if args.only in (None, "app"):
        app()
    if args.only == "soak":  # minutes long: never part of the default run
        soak(args)
    if args.only == "fuzz":  # thousands of cases: never part of the default run
        fuzz(args)


def app() -> None:
    from bench import app_bench

    r = app_bench.first_frame()
    if r is None:
        print("# installed app: not built (make app), skipped")
        return
    print(f"# installed app (dist/OrbitDC) launch to first frame {r['frozen_s']:.2f} s, "
          f"from source {r['source_s']:.2f} s (medians of 3)")
    print(f"app_start_to_first_frame_s: {r['frozen_s']:.2f}  (target <= 3)")
    print(f"app_start_ratio_to_source: {r['ratio']:.2f}")


def export() -> None:
    from bench import export_bench

    fps = {}
    for n in (1000, 9000, 88000):
        r = export_bench.export_fps(n)
        fps[n] = r["fps"]
        target = "  (target >= 15)" if n == 9000 else ""
        print(f"# export 1920x1080, {n} satellites: {r['fps']:.1f} frames/s; encoding "
              f"pre-rendered frames alone {r['encode_fps']:.1f} frames/s")
        print(f"export_fps_{n // 1000}k: {r['fps']:.1f}{target}")
        print(f"export_fps_ratio_{n // 1000}k: {r['ratio']:.2f}")
        print(f"export_fps_panels_{n // 1000}k: {r['panels_fps']:.1f}")
    print(f"export_fps_88k_vs_9k: {fps[88000] / fps[9000]:.2f}  (target >= 0.5)")


def telemetry() -> None:
    from bench import telemetry_bench

    r = telemetry_bench.telemetry_ratios()
    print(f"# telemetry: {r['satellites']:,} satellites x 6 h at 60 s, {r['rows']:,} rows: "
          f"Parquet {r['parquet_s']:.1f} s, {r['parquet_mb']:,.0f} MB; CSV {r['csv_s']:.1f} s, "
          f"{r['csv_mb']:,.0f} MB; the simulation alone {r['simulation_s']:.1f} s (writers "
          f"alone: Parquet/CSV {r['writer_time_ratio']:.2f})")
    print(f"telemetry_parquet_time_ratio: {r['telemetry_parquet_time_ratio']:.2f}  "
          "(expected well below 1)")
    print(f"telemetry_parquet_size_ratio: {r['telemetry_parquet_size_ratio']:.3f}  "
          "(expected well below 1)")


def life() -> None:
    from bench import life_bench

    r = life_bench.life_ratio()
    print(f"# life: 10 years, 200 runs, {r['n_sat']:,}-satellite Walker shell "
          f"({r['groups']} groups, {r['days']} sampled days; {r['note']}) in {r['life_s']:.1f} s "
          f"vs its 24 h Timeline ({r['n_time']} steps) built in {r['timeline_s']:.1f} s; "
          f"capacity {r['capacity_start_pflops']:,.0f} -> {r['capacity_end_p50_pflops']:,.0f} "
          "PFLOPS (p50)")
    print(f"life_ratio_30k: {r['life_ratio_30k']:.2f}  (target <= 2)")


def scale() -> None:
    from bench import scale_bench

    r = scale_bench.timeline_build_ratio()
    print(f"# scale: starcloud-filing, {r['n_sat']:,} satellites x {r['n_time']} instants: "
          f"Timeline build {r['seconds']:.1f} s vs raw single-core SGP4 {r['sgp4_s']:.1f} s; "
          f"sunlit {r['sunlit']:.1%}")
    print(f"timeline_build_ratio_88k: {r['timeline_build_ratio_88k']:.3f}  (target <= 0.8)")
    print(f"memory_rss_mb_88k_24h: {r['memory_rss_mb_88k_24h']:.0f}  (target <= 1000)")


def million() -> None:
    from bench import million_bench

    r = million_bench.million_build_ratio()
    s, g = r["short"], r["long"]
    print(f"# million: spacex-odc-filing, {r['n_sat']:,} satellites, sharded on 2 workers "
          f"({g['shards']} shards): {s['n_time']} instants {s['seconds']:.1f} s, "
          f"{g['n_time']} instants {g['seconds']:.1f} s -> fixed {r['fixed_s']:.1f} s + "
          f"{r['per_instant_s'] * 1e3:.0f} ms an instant, 1,441 instants "
          f"{r['build_full_s']:.0f} s; raw single-core SGP4 {r['sgp4_full_s']:.0f} s (scaled); "
          f"sunlit {g['sunlit']:.1%}, {g['eflops']:,.0f} EFLOPS")
    print(f"million_build_ratio: {r['million_build_ratio']:.3f}  (target <= 0.6)")
    print(f"million_worker_rss_mb: {r['worker_rss_mb']:.0f}  (target <= 4000)")
    print(f"million_client_rss_mb: {r['client_rss_mb']:.0f}  (target <= 4000)")
    from bench import app_bench

    a = app_bench.app_whole_run()
    print(f"# the app on the million (3 h at 60 s): whole run built in shards on a local "
          f"cluster after {a['whole_run_s']:.1f} s; the window's longest stall meanwhile "
          f"{a['stall_max_ms']:.0f} ms")
    print(f"app_1m_whole_run_s: {a['whole_run_s']:.1f}")
    print(f"app_1m_stall_max_ms: {a['stall_max_ms']:.0f}  (interactive: <= 200)")
    print(f"app_1m_rss_mb: {a['app_rss_mb']:.0f}  (target <= 4000)")
    print(f"app_1m_worker_rss_mb: {a['worker_rss_mb']:.0f}  (target <= 4000)")


def sweep() -> None:
    from bench import sweep_bench

    r = sweep_bench.sweep_speedup()
    runs = "/".join(f"{x:.1f}" for x in (r["serial_runs_s"][0], *r["two_workers_runs_s"],
                                       r["serial_runs_s"][1]))
    print(f"# sweep: {r['variants']} variants of 500 satellites x 24 h: serial "
          f"{r['serial_s']:.1f} s, 2 workers {r['two_workers_s']:.1f} s (means of two; in "
          f"order serial/cluster/cluster/serial {runs} s; cluster start "
          f"{r['cluster_start_s']:.1f} s), a variant {r['variant_mean_s']:.2f} s, rows "
          f"identical: {r['rows_identical']}, failed {r['failed']}; gap between variants on a "
          f"worker {r['gap_ms']:.1f} ms; wall-time overhead {r['wall_overhead_per_variant']:.3f}")
    print(f"# the same variants in two plain processes at once (no Dask): "
          f"{r['two_processes_s']:.1f} s, speed-up {r['two_processes_speedup']:.2f}: what two "
          f"processes get on this machine")
    print(f"sweep_speedup_2workers: {r['sweep_speedup_2workers']:.2f}  (target >= 1.7)")
    print(f"sweep_vs_two_processes: {r['sweep_vs_two_processes']:.2f}")
    print(f"sweep_overhead_per_variant: {r['sweep_overhead_per_variant']:.3f}  "
          "(target <= 0.05)")


def links() -> None:
    from bench import link_model_bench, links_bench

    r = link_model_bench.links_step_ratio()
    print(f"# links: {r['satellites']} satellites, 6 stations, grid ISLs ({r['isl_up']:.0f} "
          f"up), {r['steps']} steps; {r['passes']} passes, {r['downlinked_tb']:.0f} of "
          f"{r['produced_tb']:.0f} TB downlinked; physics alone "
          f"{r['physics_ms_per_step']:.2f} ms a step, with the link model beside it "
          f"{r['pipelined_ms_per_step']:.2f} ms; the link model on its own "
          f"{r['links_ms_per_step']:.2f} ms a step vs physics "
          f"{r['serial_physics_ms_per_step']:.2f} ms, fed in turn")
    print(f"links_serial_ratio_30k: {r['links_serial_ratio_30k']:.3f}  (one CPU)")
    print(f"links_step_ratio_30k: {r['links_step_ratio_30k']:.3f}  (target <= 0.30)")
    p = links_bench.pass_finding_speedup()
    print("# passes: " + ", ".join(f"{k} {v:.4g}" if isinstance(v, float) else f"{k} {v}"
                                   for k, v in p.items() if not k.startswith("pass_finding")))
    print(f"pass_finding_speedup_1k: {p['pass_finding_speedup']:.0f}  (1,000 satellites)")
    print(f"pass_finding_speedup_30k: {p['pass_finding_speedup_30k']:.0f}  (target >= 1000)")


def globe() -> None:
    from bench import globe_bench

    for n in (1000, 10000, 30000, 88000, 1_000_000):
        r = globe_bench.globe_fps(n)
        target = {10000: "  (target >= 30)", 30000: "  (target >= 20)",
                  88000: "  (target >= 15)", 1_000_000: "  (target >= 10)"}.get(n, "")
        name = "1m" if n == 1_000_000 else f"{n // 1000}k"
        print(f"# globe {n:,} satellites: {r['fps']:.1f} fps vs bare VisPy Markers "
              f"{r['bare_fps']:.1f} fps")
        print(f"globe_fps_{name}: {r['fps']:.1f}{target}")
        print(f"globe_fps_ratio_{name}: {r['ratio']:.2f}"
              + ("  (target >= 1.5)" if n == 88000 else ""))
    print(f"start_to_first_frame_s: {globe_bench.start_to_first_frame():.2f}  "
          "(target <= 1.5)")
    from bench import app_bench

    big = app_bench.start_88k()
    print(f"start_88k_interactive_s: {big['window_frame_s']:.2f}  (target <= 1.5)")
    print(f"start_88k_satellites_s: {big['first_frame_s']:.2f}  (target <= 5)")
    million = app_bench.start_88k(runs=1, preset="spacex-odc-filing")
    print(f"start_1m_interactive_s: {million['window_frame_s']:.2f}")
    print(f"start_1m_satellites_s: {million['first_frame_s']:.2f}  (target <= 10)")


def fuzz(args: argparse.Namespace) -> None:
    from bench import fuzz_bench

    print(f"# machine: {fuzz_bench.cpu_model()}, {os.cpu_count()} cores")
    result = fuzz_bench.run(args.cases, args.seed,
                            progress=lambda text: print(f"# {text}", flush=True))
    fuzz_bench.print_campaign(result)


def physics(args: argparse.Namespace) -> None:
    step = physics_bench.physics_step_ratio()
    print(f"# full step {step['full_step_ms']:.2f} ms vs raw SGP4 {step['raw_sgp4_ms']:.2f} ms "
          f"for {step['satellites']} satellites")
    print(f"physics_step_ratio_30k: {step['physics_step_ratio_30k']:.3f}  (target <= 1.20)")
    ill = physics_bench.illumination_speedup()
    print(f"# illumination: {ill['ours_us']:.1f} us compiled (numpy form: "
          f"{ill['numpy_us']:.1f} us, {ill['numpy_speedup_1k']:.0f}x) vs "
          f"{ill['skyfield_loop_ms']:.0f} ms Skyfield is_sunlit loop; agreement "
          f"{ill['agreement']:.2%}, {ill['sunlit_fraction']:.0%} sunlit")
    print(f"illumination_speedup_1k: {ill['illumination_speedup_1k']:.0f}  (target >= 15000)")
    if not args.skip_memory:
        mem = physics_bench.memory_30k_24h()
        print(f"# timeline {mem['n_sat']} satellites x {mem['n_time']} steps built in "
              f"{mem['build_s']:.1f} s")
        print(f"memory_rss_mb_30k_24h: {mem['memory_rss_mb_30k_24h']:.0f}  (target <= 500)")


def soak(args: argparse.Namespace) -> None:
    from bench import soak_bench

    def note(text: str) -> None:
        print(f"# {text}", flush=True)

    note(f"soak: {' <-> '.join(soak_bench.PRESETS)}, a reload every {soak_bench.RELOAD_S:g} s "
         f"through File > Presets, playing at x{soak_bench.SPEED:,.0f}, "
         f"{soak_bench.SIZE[0]}x{soak_bench.SIZE[1]}, {args.minutes:g} min")
    r = soak_bench.soak(args.minutes, progress=note)
    for w in r.windows:
        what = "start" if w.k == 0 else f"reload {w.k}"
        note(f"{what} ({w.preset}): RSS settled {w.settled_mb:.0f} MB, high-water "
             f"{w.high_mb:.0f} MB")
    for kind, text in r.qt_messages[:10]:
        note(f"Qt {kind}: {text}")
    note(f"process CPU {r.cpu_s:.0f} s in {r.seconds:.0f} s; {soak_bench.load_average()}")
    threads = r.settled_threads
    print(f"soak_minutes: {r.minutes:g}")
    print(f"soak_reloads: {r.reloads}")
    print(f"soak_rss_mb_start: {r.windows[0].settled_mb:.0f}")
    print(f"soak_rss_mb_first_reload: {r.rss_first_reload_mb:.0f}")
    print(f"soak_rss_mb_end: {r.rss_end_mb:.0f}")
    print(f"soak_rss_growth_after_first_reload: {r.growth:.3f}  (target <= 0.05)")
    for preset in soak_bench.PRESETS:
        print(f"soak_rss_growth_{preset.replace('-', '_')}: {r.growth_of(preset):.3f}")
    print(f"soak_rss_growth_worst_window: {r.worst_growth:.3f}")
    print(f"soak_rss_trend_over_run: {r.trend:.3f}")
    print(f"soak_rss_mb_high_water: {max(w.high_mb for w in r.windows):.0f}")
    print(f"soak_threads_start: {threads[0] if threads else 'nan'}")
    print(f"soak_threads_end: {threads[-1] if threads else 'nan'}")
    print(f"soak_threads_range: {min(threads, default=0)}-{max(threads, default=0)}  "
          f"(target: constant; {max(r.all_threads)} at most during a load)")
    print(f"soak_qt_warnings: {len(r.qt_messages)}  (target 0)")
    print(f"soak_fps: {r.fps:.1f}")


if __name__ == "__main__":
    main()
