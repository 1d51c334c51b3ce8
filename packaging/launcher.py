"""Entry point of the installed app (PyInstaller): the ``orbitdc`` command, whose default with
no subcommand is the desktop window (``OrbitDC scenario.toml`` opens that file)."""

import multiprocessing
import sys

from orbitdc.app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the worker processes of a sweep's local Dask cluster
    sys.exit(main())
