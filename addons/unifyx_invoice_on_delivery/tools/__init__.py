from . import quantities
