/** @odoo-module **/
// A salesperson finds the UnifyX app, browses its customers, then quotes
// and confirms through the Sales app (run by tests/test_ui.py, which creates the
// customer and the product).
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";
import tourUtils from "@sale/js/tours/tour_utils";

const CUSTOMER = "UX Tour Customer Lyon";
const PRODUCT = "UX Tour Socket 2P+T";

registry.category("web_tour.tours").add("unifyx_salesperson_quotation", {
  url: "/odoo",
  steps: () => [
    ...stepUtils.goToAppSteps("unifyx_base.unifyx_root_menu", "Open UnifyX"),
    {
      content: "Open the Partners menu",
      trigger: ".o_menu_sections [data-menu-xmlid='unifyx_base.unifyx_customers_menu']",
      run: "click",
    },
    {
      content: "Open the customers",
      trigger: "[data-menu-xmlid='unifyx_base.unifyx_customer_action_menu']",
      run: "click",
    },
    {
      content: "The customers are listed",
      trigger: ".o_kanban_view .o_kanban_record",
    },
    ...stepUtils.toggleHomeMenu(),
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
      content: "The line is priced",
      trigger: ".o_field_cell[name=price_subtotal]:not(:contains('0.00'))",
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
