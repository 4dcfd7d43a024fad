"""Freshness of the marts, matching the daily schedule (Dagster's FreshnessPolicy).

`daily_build` starts at 03:00 (Asia/Shanghai); an hour later every table of the
`marts` schema must have been materialised in the 24 hours before (by that build,
by `make run` or by a sensor run: they share the instance, `orchestration.home`).
A missed or failed daily build shows the marts as stale in the UI (Dagster's
freshness daemon evaluates the policy; no sensor is needed).
"""

from __future__ import annotations

from datetime import timedelta

from dagster import AssetSpec, FreshnessPolicy

from orchestration.defs.automation import daily_build

MARTS_SCHEMA = "marts"  # the asset key's prefix of every table analysts read, quality marts included
GRACE = timedelta(hours=1)  # how long the daily build may take
WINDOW = timedelta(hours=24)


def deadline_cron(cron: str, grace: timedelta) -> str:
    """The daily cron `cron` shifted by `grace` (whole hours, same minute)."""
    minute, hour, *rest = cron.split()
    return " ".join([minute, str((int(hour) + int(grace.total_seconds() // 3600)) % 24), *rest])


MART_FRESHNESS = FreshnessPolicy.cron(
    deadline_cron=deadline_cron(daily_build.cron_schedule, GRACE),
    lower_bound_delta=WINDOW,
    timezone=daily_build.execution_timezone,
)


def with_mart_freshness(spec: AssetSpec) -> AssetSpec:
    """`map_asset_specs` function: the marts get MART_FRESHNESS, other assets stay as they are."""
    if spec.key.path[0] == MARTS_SCHEMA:
        return spec.replace_attributes(freshness_policy=MART_FRESHNESS)
    return spec
