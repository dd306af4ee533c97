/** @odoo-module **/
// A consultant enters a customer contract, a sales manager activates it, and
// a salesperson's quotation is priced by it, showing where the price comes
// from (run by tests/test_ui.py, which creates the records named here).
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";
import tourUtils from "@sale/js/tours/tour_utils";

const CUSTOMER = "Tour Customer T";
const PRODUCT = "Tour Socket T";

// UnifyX > Pricing > a menu of it.
function openPricingMenu(menu, content) {
  return [
    {
      content: "Open the Pricing menu",
      trigger:
        ".o_menu_sections [data-menu-xmlid='unifyx_pricing.unifyx_pricing_menu']",
      run: "click",
    },
    {
      content,
      trigger: `[data-menu-xmlid='unifyx_pricing.${menu}']`,
      run: "click",
    },
  ];
}

// Type `value` in the many2one field `field` (a selector) and pick it.
function pickRecord(field, value, content) {
  return [
    {content, trigger: `${field} input`, run: `edit ${value}`},
    {
      trigger: `ul.ui-autocomplete > li > a:contains("${value}")`,
      run: "click",
    },
  ];
}

// The contract line being edited.
const LINE = ".o_field_widget[name=line_ids] .o_selected_row";

// A new contract line, its many2one `field` set to `value`.
function addContractLine(field, value, content) {
  return [
    {
      content,
      trigger: ".o_field_widget[name=line_ids] .o_field_x2many_list_row_add a",
      run: "click",
    },
    ...pickRecord(`${LINE} .o_field_widget[name=${field}]`, value),
  ];
}

// A new quotation from the Sales app for `customer`, a line of PRODUCT added.
function quoteProduct(customer) {
  return [
    ...stepUtils.goToAppSteps("sale.sale_menu_root", "Open Sales"),
    ...tourUtils.createNewSalesOrder(),
    ...tourUtils.selectCustomer(customer),
    ...tourUtils.addProduct(PRODUCT),
    {
      content: "The line says its price comes from the contract",
      trigger:
        ".o_data_row .o_field_cell[name=unifyx_price_source]:contains('Contract')",
    },
  ];
}

// A new contract named `name`, from the UnifyX app.
function newContract(name) {
  return [
    ...stepUtils.goToAppSteps("unifyx_base.unifyx_root_menu", "Open UnifyX"),
    ...openPricingMenu("unifyx_price_contract_menu", "Open the contracts"),
    {
      content: "New contract",
      trigger: ".o_list_button_add",
      run: "click",
    },
    {
      content: "Name it",
      trigger: ".o_field_widget[name=name] input",
      run: `edit ${name}`,
    },
  ];
}

registry.category("web_tour.tours").add("unifyx_consultant_enters_contract", {
  url: "/odoo",
  steps: () => [
    ...newContract("Tour contract"),
    ...pickRecord(".o_field_widget[name=partner_id]", CUSTOMER, "For the customer"),
    ...addContractLine("product_id", PRODUCT, "Add a price"),
    {
      content: "A fixed price of 1.23",
      trigger: `${LINE} .o_field_widget[name=fixed_price] input`,
      run: "edit 1.23",
    },
    ...stepUtils.saveForm(),
    {
      content: "Saved as a draft: the consultant cannot activate it",
      trigger: ".o_form_view:not(:has(button[name=action_activate]))",
    },
  ],
});

registry.category("web_tour.tours").add("unifyx_manager_activates_contract", {
  steps: () => [
    {
      content: "Activate the contract",
      trigger: "button[name=action_activate]",
      run: "click",
    },
    {
      content: "Active",
      trigger: ".o_field_widget[name=state] .o_arrow_button_current:contains('Active')",
    },
  ],
});

registry.category("web_tour.tours").add("unifyx_salesperson_contract_price", {
  url: "/odoo",
  steps: () => [
    ...quoteProduct(CUSTOMER),
    {
      content: "Two units",
      trigger: "div[name='product_uom_qty'] input",
      run: "edit 2 && press Tab",
    },
    {
      content: "The contract prices the line: 2 x 1.23",
      trigger: ".o_data_row .o_field_cell[name=price_subtotal]:contains('2.46')",
    },
    {
      content: "Confirm the quotation",
      trigger: "button[name=action_confirm]:enabled:first",
      run: "click",
    },
    {
      content: "The quotation became a sales order",
      trigger:
        ".o_field_widget[name=state] .o_arrow_button_current:contains('Sales Order')",
    },
  ],
});

// The consultant's second visit: a contract for a customer segment and the
// salesperson's discount limit, entered through the screens.
const SEGMENT_CUSTOMER = "Tour Wholesaler T";
const CATEGORY = "Tour Switchgear T";
const SEGMENT = "Tour Wholesale T";

registry
  .category("web_tour.tours")
  .add("unifyx_consultant_enters_segment_contract_and_limit", {
    url: "/odoo",
    steps: () => [
      ...newContract("Tour segment contract"),
      ...pickRecord(
        ".o_field_widget[name=customer_segment_id]",
        SEGMENT,
        "For the wholesale segment"
      ),
      ...addContractLine("categ_id", CATEGORY, "Add a category discount"),
      {
        content: "A discount on the list price",
        trigger: `${LINE} .o_field_widget[name=price_type] select`,
        run: 'select "discount"',
      },
      {
        content: "of 10 %",
        trigger: `${LINE} .o_field_widget[name=discount] input`,
        run: "edit 10",
      },
      ...stepUtils.saveForm(),
      ...openPricingMenu("unifyx_discount_limit_menu", "Open the discount limits"),
      {
        content: "Edit the salesperson's limit",
        trigger:
          ".o_data_row:has(.o_field_cell[name=group_id]:contains('Salesperson')) .o_field_cell[name=max_discount]",
        run: "click",
      },
      {
        content: "8 % at most",
        trigger: ".o_selected_row .o_field_widget[name=max_discount] input",
        run: "edit 8",
      },
      {
        content: "Save",
        trigger: ".o_list_button_save",
        run: "click",
      },
      {
        content: "Saved",
        trigger:
          ".o_data_row:not(.o_selected_row):has(.o_field_cell[name=group_id]:contains('Salesperson')) .o_field_cell[name=max_discount]:contains('8.00')",
      },
    ],
  });

// The salesperson quotes a wholesale customer: the segment contract prices
// the line, a discount beyond the limit shows at once and the order goes to
// the sales manager.
registry.category("web_tour.tours").add("unifyx_salesperson_segment_discount", {
  url: "/odoo",
  steps: () => [
    ...quoteProduct(SEGMENT_CUSTOMER),
    {
      content: "The segment contract gives 10 %; give 20 % instead",
      trigger: ".o_selected_row .o_field_widget[name=discount] input:value(10.00)",
      run: "edit 20 && press Tab",
    },
    {
      content: "Warned at once: beyond the 8 % limit",
      trigger: ".o_notification:contains('Discount beyond your limit')",
    },
    ...stepUtils.saveForm(),
    {
      content: "The discount shows as needing approval",
      trigger:
        ".o_data_row .o_field_cell.text-warning[name=discount]:contains('20.00')",
    },
    {
      content: "Open the approvals",
      trigger: ".o_notebook .nav-link:contains('Approvals')",
      run: "click",
    },
    {
      content: "The order raises the excess-discount exception",
      trigger:
        ".o_field_widget[name=unifyx_exception_type_ids] .o_tag:contains('Discount above')",
    },
    {
      content: "Ask for approval",
      trigger: "button[name=request_validation]",
      run: "click",
    },
    {
      content: "Sent to the sales manager",
      trigger: ".o_form_view:not(:has(button[name=request_validation]))",
    },
  ],
});
