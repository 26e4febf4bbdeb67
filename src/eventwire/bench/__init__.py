"""Benchmarks run by `make bench`, one module per benchmark, each `python -m eventwire.bench.NAME`:
`pipeline` (end-to-end throughput against the full spaCy baseline), `api` (HTTP API under load),
`dedup` (cross-report merging) and `batch` (Dask archive batches). Never imported by the stages."""
