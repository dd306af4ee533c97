/** @odoo-module **/
// A manager opens a UnifyX board in the Dashboards app and its spreadsheet
// renders (run by tests/test_ui.py).
import {registry} from "@web/core/registry";

function openBoard(name) {
  return {
    url: "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action",
    steps: () => [
      {
        content: `Open the ${name} board`,
        trigger: `.o_search_panel_category_value:contains('${name}')`,
        run: "click",
      },
      {
        content: "The board is selected",
        trigger: `.o_search_panel_category_value.active:contains('${name}')`,
      },
      {
        content: "Its spreadsheet is drawn",
        trigger: ".o_spreadsheet_dashboard_action .o-grid canvas",
      },
    ],
  };
}

registry
  .category("web_tour.tours")
  .add("unifyx_board_operations", openBoard("Operations"));
registry.category("web_tour.tours").add("unifyx_board_margins", openBoard("Margins"));
