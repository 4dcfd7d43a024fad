"""Tests of the Great Expectations validation of the marts (nianbao.expectations)."""
