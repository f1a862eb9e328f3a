"""Errors of the graph store, in a module of their own so every store module can raise
them without importing the others."""

from __future__ import annotations


class StoreError(RuntimeError):
    """The store cannot be used; the message is one line naming the file and the problem."""


class StoreLocked(StoreError):
    """Another process holds the writer lock of OUT; the message names the holder."""
