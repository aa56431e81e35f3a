// The conflict view of one text: someone saved it after this editor read it. Their text and the admin's
// are shown side by side with a diff; the admin keeps either or saves a merge against their version.

import { renderDiff } from "./diff.js";
import { field, h } from "./dom.js";

/// The conflict panel for the text named `name`: `theirs` is the server's current TextAnswer, `yours` the
/// admin's unsaved text. `resolve(text, save)` is called with the text chosen and whether to save it.
export function renderConflict(name, theirs, yours, resolve) {
  const merged = h("textarea", { rows: 5, value: yours });
  return h("section", { class: "conflict", role: "group", "aria-label": `Conflict in ${name}` },
    h("h4", {}, "Someone else saved this text first"),
    h("p", {}, "They saved it after you opened it. Both texts are below, and nothing is lost: keep theirs, keep yours, or merge them and save."),
    h("div", { class: "two-columns" },
      field("Their text", h("textarea", { rows: 5, readOnly: true, value: theirs.text })),
      field("Your text", h("textarea", { rows: 5, readOnly: true, value: yours }))),
    h("p", { class: "meta" }, "From theirs to yours:"),
    renderDiff(theirs.text, yours, `Differences from their text to yours in ${name}`),
    field("Merged text", merged),
    h("div", { class: "actions" },
      h("button", { type: "button", onclick: () => resolve(theirs.text, false) }, "Keep theirs"),
      h("button", { type: "button", onclick: () => resolve(yours, true) }, "Keep yours"),
      h("button", { type: "button", class: "primary", onclick: () => resolve(merged.value, true) }, "Save merge")));
}
