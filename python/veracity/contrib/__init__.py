"""Integrations with other engines, each behind its own extra (``veracity[dask]``, ...).

- :mod:`veracity.contrib.dask`: analysis and source profiles of a Dask DataFrame on a cluster.

Spark (``pandas_udf``) and Ray Data (``map_batches``) need no helper: ``docs/scale-out.md`` has
the recipes.
"""
