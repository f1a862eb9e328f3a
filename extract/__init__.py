"""Extraction stages: documents -> spaCy Docs -> actor mentions -> triples."""
