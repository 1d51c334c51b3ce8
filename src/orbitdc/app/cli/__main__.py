"""``python -m orbitdc.app.cli``: the same as the ``orbitdc`` command."""

import sys

from orbitdc.app.cli import main

sys.exit(main())
