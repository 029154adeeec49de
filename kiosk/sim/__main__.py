"""``python -m kiosk.sim``: run one voucher API's simulator until SIGTERM/SIGINT."""

import sys

from kiosk.sim.cli import main

if __name__ == "__main__":
    sys.exit(main())
