"""Turns news articles into a themed, searchable MkDocs Material microsite."""

__version__ = "0.1.0"
