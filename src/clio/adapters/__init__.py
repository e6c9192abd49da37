"""Adapters that connect platforms to the service."""
