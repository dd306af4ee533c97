/** @odoo-module **/
// The warehouse operator works with the OCA stock_barcodes screens: a receipt
// scanned product by product then validated, and a count of one shelf (run by
// tests/test_barcode_ui.py, which checks what the scans recorded).
import {registry} from "@web/core/registry";

// Demo products UX-RAC-00003 and UX-CAB-00022, and a Lyon shelf.
const FIRST = "3760000000031";
const SECOND = "3760000000222";
const SHELF = "LYO-B-01";

/** Send a barcode the way a scanner does: fast keystrokes ended by Enter. */
function scan(barcode) {
  for (const key of [...barcode, "Enter"]) {
    document.body.dispatchEvent(new KeyboardEvent("keydown", {key, bubbles: true}));
  }
}

/** Scan, then wait for the screen to answer with the barcode in its message. */
function scanSteps(barcode, expected) {
  return [
    {
      content: `Scan ${barcode}`,
      trigger: ".oe_stock_barcordes_form .barcode-info",
      run: () => scan(barcode),
    },
    {
      content: `The screen read ${barcode}`,
      trigger: `.barcode-info div[name=message]:contains('${expected || barcode}')`,
    },
  ];
}

registry.category("web_tour.tours").add("unifyx_barcode_receipt", {
  steps: () => [
    {
      content: "Open the scan screen of the receipt",
      trigger: ".o_form_view button[name=action_barcode_scan]",
      run: "click",
    },
    ...scanSteps(FIRST),
    ...scanSteps(SECOND),
    ...scanSteps(FIRST),
    ...scanSteps("3760000000000", "3760000000000"),
    {
      content: "An unknown barcode is refused",
      trigger: ".barcode-info div[name=message]:contains('not found')",
    },
    {
      content: "Validate the receipt",
      trigger: "button[name=action_validate_picking]:visible",
      run: "click",
    },
    {content: "Confirm", trigger: ".modal-footer .btn-primary", run: "click"},
    {
      content: "Back on the list of receipts",
      trigger: ".o_kanban_view, .o_list_view",
    },
  ],
});

registry.category("web_tour.tours").add("unifyx_barcode_count", {
  steps: () => [
    {
      content: "The barcode menu offers the count",
      trigger: ".stock-barcodes-main-menu button:contains('Inventory')",
      run: "click",
    },
    ...scanSteps(SHELF),
    ...scanSteps(FIRST),
    ...scanSteps(SECOND),
    ...scanSteps(FIRST),
  ],
});
