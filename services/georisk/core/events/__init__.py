"""Structured events (GDELT/CAMEO rows, cyber incidents, export controls): parsing and mapping
to per-dimension readings. Pure: no I/O."""
