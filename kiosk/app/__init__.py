"""Application services the UI and CLI call. Qt-free except the ``qt_*`` modules."""
