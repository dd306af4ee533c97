from . import unifyx_demo
from . import unifyx_demo_company
from . import unifyx_demo_catalogue
from . import unifyx_demo_partners
from . import unifyx_demo_history
from . import unifyx_demo_scenarios
from . import unifyx_demo_dashboards
