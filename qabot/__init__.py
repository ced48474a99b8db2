"""qabot: answer questions about a collection of articles with cited sentences, offline."""

__version__ = "0.1.0"
