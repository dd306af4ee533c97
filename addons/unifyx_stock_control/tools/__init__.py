from . import cover
