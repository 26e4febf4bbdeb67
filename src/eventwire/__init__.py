"""eventwire: news reports of political violence in, sourced and structured conflict events out.

The stages and where they live are described in docs/architecture.md.
"""
