"""`georisk bench`: relay ceiling, offline scoring ceiling, the worker, latency, RSS and soak.

Pure parts (histogram quantiles, ratio and targets, the report's shape) live in `latency` and
`report` and are unit-tested without a broker; the rest drives a broker and worker processes.
"""
