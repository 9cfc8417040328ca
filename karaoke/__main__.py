"""``python -m karaoke`` is the same as the ``karaoke`` command."""

import sys

from karaoke.cli.main import main

sys.exit(main())
