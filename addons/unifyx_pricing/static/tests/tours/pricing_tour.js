/** @odoo-module **/
// A consultant enters a customer contract, a sales manager activates it, and
// a demo salesperson's quotation is priced by it, showing where the price
// comes from (run by tests/test_ui.py).
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";
import tourUtils from "@sale/js/tours/tour_utils";

const CUSTOMER = "SARL Confort Lyon 3";
const PRODUCT = "Prise 2P+T #002";

registry.category("web_tour.tours").add("unifyx_consultant_enters_contract", {
  url: "/odoo",
  steps: () => [
    ...stepUtils.goToAppSteps("unifyx_approvals.unifyx_root_menu", "Open UnifyX"),
    {
      content: "Open the Pricing menu",
      trigger:
        ".o_menu_sections [data-menu-xmlid='unifyx_pricing.unifyx_pricing_menu']",
      run: "click",
    },
    {
      content: "Open the contracts",
      trigger: "[data-menu-xmlid='unifyx_pricing.unifyx_price_contract_menu']",
      run: "click",
    },
    {
      content: "New contract",
      trigger: ".o_list_button_add",
      run: "click",
    },
    {
      content: "Name it",
      trigger: ".o_field_widget[name=name] input",
      run: "edit Tour contract",
    },
    {
      content: "For the customer",
      trigger: ".o_field_widget[name=partner_id] input",
      run: `edit ${CUSTOMER}`,
    },
    {
      trigger: `ul.ui-autocomplete > li > a:contains("${CUSTOMER}")`,
      run: "click",
    },
    {
      content: "Add a price",
      trigger: ".o_field_widget[name=line_ids] .o_field_x2many_list_row_add a",
      run: "click",
    },
    {
      trigger:
        ".o_field_widget[name=line_ids] .o_selected_row .o_field_widget[name=product_id] input",
      run: `edit ${PRODUCT}`,
    },
    {
      trigger: `ul.ui-autocomplete > li > a:contains("${PRODUCT}")`,
      run: "click",
    },
    {
      content: "A fixed price of 1.23",
      trigger:
        ".o_field_widget[name=line_ids] .o_selected_row .o_field_widget[name=fixed_price] input",
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
    ...stepUtils.goToAppSteps("sale.sale_menu_root", "Open Sales"),
    ...tourUtils.createNewSalesOrder(),
    ...tourUtils.selectCustomer(CUSTOMER),
    ...tourUtils.addProduct(PRODUCT),
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
      content: "The line says its price comes from the contract",
      trigger:
        ".o_data_row .o_field_cell[name=unifyx_price_source]:contains('Contract')",
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
