from . import margin
