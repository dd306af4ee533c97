from . import models, tools
from .hooks import pre_init_hook
