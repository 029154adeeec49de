"""``python -m kiosk``, and the PyInstaller bundle's executable."""

import sys

from kiosk.sim.child import CHILD_ARG

if sys.argv[1:2] == [CHILD_ARG]:  # the bundle runs its demo simulator as a child this way
    from kiosk.sim.cli import main as simulator

    sys.exit(simulator(sys.argv[2:]))

from kiosk.main import main  # after the check: the simulator child needs none of it

sys.exit(main())
