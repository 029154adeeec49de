"""Camera sources, barcode decoders, keyboard-wedge logic, code normalisation. Qt-free."""
