/** @odoo-module **/
// A consultant loads a legacy file through the cockpit: new run on the
// categories profile, upload of the shipped 01_categories.csv, preview, dry
// run, commit (run by tests/test_ui.py, which serves the file to the browser).
import {inputFiles} from "@web/../tests/utils";
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("unifyx_migration_consultant_upload", {
  url: "/odoo/action-unifyx_migration.unifyx_migration_run_action",
  steps: () => [
    {content: "New run", trigger: ".o_list_button_add", run: "click"},
    {
      trigger: ".o_field_widget[name=profile_id] input",
      run: "edit Product categories",
    },
    {trigger: ".ui-autocomplete a:contains('Product categories')", run: "click"},
    {
      content: "Upload the legacy file",
      trigger: ".o_field_widget[name=file] .o_select_file_button",
      async run() {
        const response = await fetch(
          "/web/content/unifyx_migration.tour_legacy_categories?download=true"
        );
        const file = new File([await response.blob()], "01_categories.csv", {
          type: "text/csv",
        });
        await inputFiles(".o_field_widget[name=file] .o_input_file", [file]);
      },
    },
    {trigger: ".o_field_widget[name=file] .o_clear_file_button"},
    {content: "Preview", trigger: "button[name=action_preview]", run: "click"},
    {trigger: ".o_notebook a.nav-link:contains('Preview')", run: "click"},
    {trigger: ".o_unifyx_preview td:contains('Quincaillerie / Visserie / Inox')"},
    {content: "Dry run", trigger: "button[name=action_dry_run]", run: "click"},
    {trigger: ".o_statusbar_status .o_arrow_button_current:contains('Dry run done')"},
    {trigger: ".o_notebook a.nav-link:contains('Validation report')", run: "click"},
    {trigger: ".o_field_widget[name=line_ids] td:contains('QUINCAILLERIE > Visserie')"},
    {content: "Commit", trigger: "button[name=action_commit]", run: "click"},
    {trigger: ".modal-footer .btn-primary", run: "click"},
    {trigger: ".o_statusbar_status .o_arrow_button_current:contains('Committed')"},
  ],
});
