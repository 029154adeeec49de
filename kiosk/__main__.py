"""``python -m kiosk``."""

import sys

from kiosk.main import main

sys.exit(main())
