"""A synthetic corpus of annual reports with known values: random but internally
consistent tables, realistic prose, deliberate errors, and the manglings real reports
suffer, each report beside ``expected/<stem>.json`` for ``score.py``."""

from .corpus import FORMATS_ALL, MANGLINGS, generate

__all__ = ["FORMATS_ALL", "MANGLINGS", "generate"]
