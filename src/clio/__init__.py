"""Clio: a history tutor for messaging platforms, built from plain seed texts."""

__version__ = "0.1.0"
