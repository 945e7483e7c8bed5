"""Benchmarks: generator, MkDocs and Zensical at 1 to 1,000 articles.

Run them with `python -m benchmarks.run` (or `make bench`)."""
