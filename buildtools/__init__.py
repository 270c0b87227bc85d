"""Helpers for the invoke tasks: safe builds and publishing. No domain logic here."""
