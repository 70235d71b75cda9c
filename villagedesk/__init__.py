"""VillageDesk: counter software for village service halls."""

__version__ = "0.1.0"
