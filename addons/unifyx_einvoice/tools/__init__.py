from . import identifiers
