"""The pure core: the POP model, dates, checks and computations.

Nothing under this package may import Textual or TinyDB (a test enforces it).
"""
