"""``python -m derivcheck``: the same as the ``derivcheck`` command."""

import sys

from .cli import main

sys.exit(main())
