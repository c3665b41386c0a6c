"""Pieces of the docs build (see docs/hooks.py): text, pictures and reference pages."""
