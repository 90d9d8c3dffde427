"""Store layer: all SQL, the file format and change signals."""
