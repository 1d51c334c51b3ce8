"""Entry point of the installed app (PyInstaller): the ``orbitdc`` command, whose default with
no subcommand is the desktop window (``OrbitDC scenario.toml`` opens that file)."""

import sys

from orbitdc.app.cli import main

if __name__ == "__main__":
    sys.exit(main())
