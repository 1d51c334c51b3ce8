"""Trade studies: many design variants of one scenario evaluated on Dask (``orbitdc sweep``).

- :mod:`spec`: ``--vary`` specs, the plan of variants (grid or Latin hypercube) and the
  scenario of a variant (its overrides applied to the base file, validated by the loader);
- :mod:`metrics`: one variant's figures (the ``info``, ``cost`` and mission-life numbers);
- :mod:`results`: the results file (CSV or Parquet), written as variants finish, read back;
- :mod:`engine`: the run on a Dask cluster (a local one by default).

No Qt, VisPy or views here: workers import only this package and :mod:`orbitdc.physics`.
"""
