"""Benchmarks: ``python -m bench`` (``make bench``). Each prints ratios against a baseline
measured in the same run, on this machine."""
