"""Tests of the static quality report (nianbao.report)."""
