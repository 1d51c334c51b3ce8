"""Layering contracts (import-linter, configured in pyproject.toml) and packaging facts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("lint-imports")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "importlinter.cli"]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False,
                          env={"PYTHONPATH": str(cwd / "src"), "PATH": "/usr/bin:/bin"})


def test_import_contracts_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 6 kept, 0 broken" in result.stdout


def test_import_contracts_catch_a_violation(tmp_path: Path) -> None:
    # The same contracts on a copy of the package where physics imports a view layer.
    shutil.copytree(ROOT / "src", tmp_path / "src")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    bad = tmp_path / "src" / "orbitdc" / "physics" / "leak.py"
    bad.write_text(textwrap.dedent("""
        import orbitdc.app.cli  # noqa: F401  (a forbidden upward import)
    """))
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "orbitdc.physics.leak -> orbitdc.app.cli" in result.stdout


@pytest.mark.parametrize("name", ["default", "suncatcher", "starcloud", "gigawatt",
                                  "starlink-like", "starcloud-filing", "spacex-odc-filing"])
def test_presets_are_packaged_and_state_their_sources(name: str) -> None:
    from orbitdc.assets import preset_path

    path = preset_path(name)
    assert path is not None and path.is_file()
    head = path.read_text(encoding="utf-8").splitlines()[:5]
    assert all(line.startswith("#") for line in head[:2])  # opens with sourced comments


def test_modules_are_small() -> None:
    """One job per module: none over ~350 lines; the globe scene keeps only the canvas,
    camera, frames, picking and the layer registry."""
    src = ROOT / "src" / "orbitdc"
    sizes = {p.relative_to(src).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in src.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 360} == {}
    assert sizes["render/globe_scene.py"] <= 210


def test_the_window_opens_without_importing_numba_or_skyfield() -> None:
    """numba (~0.2 s to import, more in the installed app) is imported when the link phase
    first needs a compiled kernel, Skyfield (~0.1 s) when the loader first needs a time
    scale or the Sun: not before the window's first frame (the load starts after it)."""
    import subprocess
    import sys

    code = ("import sys, orbitdc.app.gui, orbitdc.app.cli.app, orbitdc.app.main_window, "
            "orbitdc.physics.timeline, orbitdc.physics.link_model; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'numba', 'skyfield'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.strip() == "[]"
