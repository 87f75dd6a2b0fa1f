"""Tests that kill mutants `make mutate` found alive (docs-dev/MUTATION.md): citations."""

from __future__ import annotations
