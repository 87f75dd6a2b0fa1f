"""briefing: turn analytical articles into a searchable, citable briefing site."""

__version__ = "0.1.0"
