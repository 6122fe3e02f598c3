"""regdraft: versioned drafting and amendment of organisational regulations."""

__version__ = "0.1.0"
