"""Qt widgets and screens: show state, ask for input, nothing else."""
