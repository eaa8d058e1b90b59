"""``python -m pop_tui``: the same as the ``pop`` command."""

import sys

from pop_tui.cli import main

sys.exit(main())
