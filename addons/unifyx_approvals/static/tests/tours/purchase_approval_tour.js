/** @odoo-module **/
// A purchaser's RFQ over 5,000 EUR shows who must approve it and is submitted;
// the purchasing manager approves it with a comment and confirms it (run by
// tests/test_ui.py, which creates the vendor and the product).
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("unifyx_purchaser_request_approval", {
  url: "/odoo",
  steps: () => [
    ...stepUtils.goToAppSteps("purchase.menu_purchase_root", "Open Purchase"),
    {content: "New RFQ", trigger: ".o_list_button_add", run: "click"},
    {
      content: "Vendor",
      trigger: ".o_field_widget[name=partner_id] input",
      run: "edit UX Tour Vendor",
    },
    {
      trigger: ".ui-autocomplete a:contains('UX Tour Vendor Rhône')",
      run: "click",
    },
    {content: "Add a line", trigger: "a:contains('Add a product')", run: "click"},
    {
      trigger: ".o_data_row .o_field_widget[name=product_id] input",
      run: "edit UX Tour Socket",
    },
    {trigger: ".ui-autocomplete a:contains('UX Tour Socket 2P+T')", run: "click"},
    {
      trigger: ".o_data_row .o_field_widget[name=product_qty] input",
      run: "edit 10 && press Tab",
    },
    {
      trigger: ".o_data_row .o_field_widget[name=price_unit] input",
      run: "edit 600 && press Tab",
    },
    {content: "Save", trigger: ".o_form_button_save", run: "click"},
    {trigger: ".o_form_view button[name=request_validation]"},
    {
      content: "Approvals tab",
      trigger: "a.nav-link:contains('Approvals')",
      run: "click",
    },
    {
      content: "The matrix says who must approve",
      trigger: "div[name=unifyx_approval_preview]:contains('Purchasing Manager')",
    },
    {
      content: "Submit for approval",
      trigger: "button[name=request_validation]",
      run: "click",
    },
    {
      content: "Waiting for approval",
      trigger: ".o_form_view .alert-warning:contains('needs to be')",
    },
  ],
});

registry.category("web_tour.tours").add("unifyx_manager_approve_purchase", {
  steps: () => [
    {content: "Approve", trigger: "button[name=validate_tier]", run: "click"},
    {
      content: "Give a reason",
      trigger: ".modal div[name=comment] input",
      run: "edit Agreed for the Lyon site",
    },
    {trigger: ".modal button[name=add_comment]", run: "click"},
    {trigger: "body:not(:has(.modal))"},
    {trigger: ".o_form_view:not(:has(button[name=validate_tier]:visible))"},
    {
      content: "Confirm the order",
      trigger: ".o_form_statusbar button[name=button_confirm]:visible:enabled",
      run: "click",
    },
    {
      content: "It is a purchase order",
      trigger:
        ".o_field_widget[name=state] .o_arrow_button_current:contains('Purchase Order')",
    },
  ],
});
