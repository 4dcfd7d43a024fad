"""Dagster definitions for nianbao (thin: assets, checks, schedule, sensor, resources)."""
