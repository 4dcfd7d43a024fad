"""Tests of nianbao.publish."""
