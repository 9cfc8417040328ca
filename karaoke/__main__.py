"""``python -m karaoke`` is the same as the ``karaoke`` command."""

import sys

from karaoke.cli import main

sys.exit(main())
