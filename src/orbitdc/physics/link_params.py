"""The ``[links]`` parameter table: inter-satellite links (ISLs), data production and storage.

Defaults and their sources:

* ``isl = "none"``: no ISLs unless asked for. ``"grid"``: 2 in-plane + 2 cross-plane neighbours
  (Walker/SSO shells, the Starlink/Iridium layout); ``"nearest"``: the ``isl_neighbours``
  nearest satellites in range; ``"cluster"``: every pair in range (dense formations).
* Capacity falls as 1/d² with range d (received optical power, fixed apertures):
  ``isl_ref_gbps`` at ``isl_ref_range_km``, capped at ``isl_max_gbps``. 100 Gbit/s at
  5,000 km matches today's LEO optical terminals (e.g. Starlink's ~100 Gbit/s lasers, SDA
  Tranche terminals); the 10 Tbit/s cap is the Suncatcher paper's target for
  dense-wavelength-multiplexed links between satellites a few hundred metres to ~1 km apart
  (1.6 Tbit/s per transceiver pair shown on the bench).
* ``isl_max_range_km = 5000``: a terminal's acquisition range (Mynaric/Tesat-class).
* ``grazing_altitude_km = 80``: a line of sight passing lower crosses the dense atmosphere
  (mesosphere; refraction and absorption), so the link is refused.
* ``data_gbps = 1``: data produced per satellite at full compute (ours: results and
  checkpoints of 8 GPUs; scale it with the workload), in proportion to delivered compute.
* ``storage_gb = 2000``: onboard solid-state storage per satellite (ours: a few 1 TB
  radiation-tolerant SSDs); data arriving at a full store is dropped.
* ``cloud_seed = 0``: the seed of the clear/cloudy draw of optical passes.
"""

from __future__ import annotations

from orbitdc.physics import params
from orbitdc.physics.params import Param

ISL_MODES = ("none", "grid", "nearest", "cluster")
NEAREST_MAX_SATELLITES = 5000  # "nearest" compares every pair each step

PARAMS: tuple[Param, ...] = (
    Param("isl", "none", "", "inter-satellite links: none, grid, nearest or cluster",
          lo=None, choices=ISL_MODES),
    Param("isl_max_range_km", 5000.0, "km", "longest inter-satellite link", lo=0,
          lo_open=True, hi=100_000),
    Param("isl_ref_gbps", 100.0, "Gbit/s", "ISL capacity at the reference range", lo=0,
          lo_open=True, hi=1e7),
    Param("isl_ref_range_km", 5000.0, "km", "reference range of isl_ref_gbps", lo=0,
          lo_open=True, hi=100_000),
    Param("isl_max_gbps", 10_000.0, "Gbit/s", "cap on one ISL's capacity at short range",
          lo=0, lo_open=True, hi=1e8),
    Param("isl_neighbours", 4, "", "links per satellite for isl = \"nearest\"", lo=1, hi=64,
          integer=True),
    Param("grazing_altitude_km", 80.0, "km", "lowest altitude a line of sight may graze",
          lo=0, hi=2000),
    Param("data_gbps", 1.0, "Gbit/s", "data produced per satellite at full compute", hi=1e6),
    Param("storage_gb", 2000.0, "GB", "onboard storage per satellite (gigabytes)", hi=1e9),
    Param("cloud_seed", 0, "", "seed of the optical passes' clear-sky draw", lo=0,
          hi=2**63 - 1, integer=True),
)
PARAM_BY_NAME = params.by_name(PARAMS)


def defaults() -> dict[str, object]:
    """Every ``[links]`` key's default."""
    return params.defaults(PARAMS)
