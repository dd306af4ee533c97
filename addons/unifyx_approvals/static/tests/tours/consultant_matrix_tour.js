/** @odoo-module **/
// A consultant enters a row of the approval matrix through its screen: purchases
// from 50,000 EUR need the purchasing manager, then the director (run by
// tests/test_ui.py).
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("unifyx_consultant_enters_matrix_row", {
  url: "/odoo/action-unifyx_approvals.unifyx_approval_matrix_action",
  steps: () => [
    {content: "New row", trigger: ".o_list_button_add", run: "click"},
    {
      trigger: ".o_field_widget[name=name] input",
      run: "edit Purchases from 50,000 EUR",
    },
    {
      trigger: ".o_field_widget[name=document_type] select",
      run: 'select "purchase"',
    },
    {trigger: ".o_field_widget[name=amount_min] input", run: "edit 50000"},
    {
      content: "First step",
      trigger: "div[name=step_ids] a:contains('Add a line')",
      run: "click",
    },
    {
      trigger: "div[name=step_ids] .o_data_row .o_field_widget[name=group_id] input",
      run: "edit Purchasing Manager",
    },
    {trigger: ".ui-autocomplete a:contains('Purchasing Manager')", run: "click"},
    {
      content: "Second step",
      trigger: "div[name=step_ids] a:contains('Add a line')",
      run: "click",
    },
    {
      trigger:
        "div[name=step_ids] .o_data_row:eq(1) .o_field_widget[name=group_id] input",
      run: "edit Director",
    },
    {trigger: ".ui-autocomplete a:contains('Director')", run: "click"},
    {content: "Save", trigger: ".o_form_button_save", run: "click"},
    {trigger: ".o_form_saved"},
  ],
});
