"""Placeholder until the domain events land."""
