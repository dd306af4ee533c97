from . import demo_data
