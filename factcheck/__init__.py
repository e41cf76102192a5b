"""factcheck: a cross-source fact consistency checker for news writing."""

__version__ = "0.1.0"
