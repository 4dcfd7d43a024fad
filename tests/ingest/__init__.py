"""Tests of nianbao.ingest."""
