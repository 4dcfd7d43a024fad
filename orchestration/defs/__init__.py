"""Dagster definitions, one module per stage: ingest, transform, quality, publish, automation."""
