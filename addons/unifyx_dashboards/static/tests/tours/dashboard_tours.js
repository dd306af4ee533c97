/** @odoo-module **/
// Each role opens the UnifyX boards it may read in the Dashboards app, and
// only those; each board shows the figures tests/test_ui.py created (read from
// the spreadsheet's evaluated cells: the grid itself is a canvas).
import {registry} from "@web/core/registry";

const OPERATIONS = {
  name: "Operations",
  // A KPI's label (from the KPI registry) and the values stored by the test.
  figures: ["On-time delivery (%)", "87.65", "4321.5"],
};
const MARGINS = {
  name: "Margins",
  // The test's customer, with its revenue and real margin.
  figures: ["Tour Customer Zeta", "1234", "234"],
};

function dashboardModel() {
  const nodes = [odoo.__WOWL_DEBUG__.root.__owl__];
  while (nodes.length) {
    const node = nodes.pop();
    if (node.component.constructor.name === "SpreadsheetDashboardAction") {
      const dashboard = node.component.state.activeDashboard;
      return dashboard && dashboard.model;
    }
    nodes.push(...Object.values(node.children));
  }
  return undefined;
}

function shownTexts(model) {
  const texts = new Set();
  for (const sheetId of model.getters.getSheetIds()) {
    for (const cell of model.getters.getEvaluatedCells(sheetId)) {
      texts.add(String(cell.value));
      texts.add(cell.formattedValue);
    }
  }
  return texts;
}

async function waitForFigures(board) {
  const deadline = Date.now() + 25000;
  let missing = board.figures;
  let texts = new Set();
  while (Date.now() < deadline) {
    const model = dashboardModel();
    if (model) {
      texts = shownTexts(model);
      missing = board.figures.filter((figure) => !texts.has(figure));
      if (!missing.length) {
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `The ${board.name} board does not show ${JSON.stringify(missing)}; ` +
      `it shows ${JSON.stringify([...texts])}`
  );
}

function listedBoards(expected) {
  return {
    content: `The UnifyX boards listed are exactly ${expected.join(", ") || "none"}`,
    trigger: ".o_spreadsheet_dashboard_search_panel",
    run() {
      const listed = [];
      for (const section of document.querySelectorAll(
        ".o_spreadsheet_dashboard_search_panel .o_search_panel_section"
      )) {
        const header = section.querySelector(".o_search_panel_section_header");
        if (header && header.textContent.trim().toUpperCase() === "UNIFYX") {
          for (const value of section.querySelectorAll(
            ".o_search_panel_category_value"
          )) {
            listed.push(value.textContent.trim());
          }
        }
      }
      if (JSON.stringify(listed) !== JSON.stringify(expected)) {
        throw new Error(`UnifyX boards listed: ${JSON.stringify(listed)}`);
      }
    },
  };
}

function openBoard(board) {
  return [
    {
      content: `Open the ${board.name} board`,
      trigger: `.o_search_panel_category_value:contains('${board.name}')`,
      run: "click",
    },
    {
      content: "The board is selected",
      trigger: `.o_search_panel_category_value.active:contains('${board.name}')`,
    },
    {
      content: "Its spreadsheet is drawn",
      trigger: ".o_spreadsheet_dashboard_action .o-grid canvas",
    },
    {
      content: `The ${board.name} board shows the figures of the test`,
      trigger: ".o_spreadsheet_dashboard_action .o-grid canvas",
      timeout: 30000,
      run: () => waitForFigures(board),
    },
  ];
}

function boardsTour(boards) {
  return {
    url: "/odoo/action-spreadsheet_dashboard.ir_actions_dashboard_action",
    steps: () => [
      listedBoards(boards.map((board) => board.name)),
      ...boards.flatMap(openBoard),
    ],
  };
}

const tours = registry.category("web_tour.tours");
tours.add("unifyx_boards_warehouse_manager", boardsTour([OPERATIONS]));
tours.add("unifyx_boards_sales_manager", boardsTour([MARGINS]));
tours.add("unifyx_boards_finance", boardsTour([OPERATIONS, MARGINS]));
tours.add("unifyx_boards_refused", boardsTour([]));
