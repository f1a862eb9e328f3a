"""Graph stages: merge triples into a store, then query, view and export it."""
