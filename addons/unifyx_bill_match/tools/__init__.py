from . import tolerance
