from . import lifecycle
