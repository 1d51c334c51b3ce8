"""Small builders shared by the tests: scenarios written to a temporary folder and run."""

from __future__ import annotations

from pathlib import Path

from orbitdc.physics import scenario
from orbitdc.physics.simulation import Block, Simulation

# The tests' smallest Walker constellation: four satellites of a 53° shell at 550 km.
SHELL_2X2 = """[[constellation]]
name = "Shell"
type = "walker"
pattern = "delta"
altitude_km = 550
inclination_deg = 53
planes = 2
per_plane = 2
"""


def walker(planes: int, per_plane: int, name: str = "Walker", phasing: int = 1) -> str:
    """A [[constellation]] table: a Walker delta shell of 53° at 550 km."""
    return (f'[[constellation]]\nname = "{name}"\ntype = "walker"\npattern = "delta"\n'
            f"altitude_km = 550\ninclination_deg = 53\nplanes = {planes}\n"
            f"per_plane = {per_plane}\nphasing = {phasing}\n")


def write_scenario(folder: Path, body: str, *, start: str = "2026-03-20T00:00:00Z",
                   duration: str = "6h", step: str = "60s", name: str = "test") -> Path:
    """Write a scenario file with the given [spacecraft]/[[constellation]] body."""
    path = folder / f"{name}.toml"
    path.write_text(f'name = "{name}"\nstart = "{start}"\nduration = "{duration}"\n'
                    f'step = "{step}"\n{body}\n', encoding="utf-8")
    return path


def run_blocks(path: Path, block_size: int = 64) -> tuple[Simulation, Block]:
    """Simulate a scenario file; return the Simulation and one Block spanning the whole run."""
    sim = Simulation(scenario.load(path))
    return sim, Block.concat(list(sim.blocks(block_size)))
