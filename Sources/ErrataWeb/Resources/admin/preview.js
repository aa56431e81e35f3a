// A locale's texts rendered as the docs page and errata.js show them: the message as a heading, the
// remediation as steps (one per line). The texts come rendered by the server (`admin.validateText`'s
// `preview`: placeholders, plurals and numbers filled in with the entry's defaults), so no rule of the
// server's is copied here.

import { h } from "./dom.js";

/// The preview of `message` and `remediation` in `locale`.
export function renderPreview(locale, localeName, message, remediation) {
  const steps = remediation.split("\n").map((step) => step.trim()).filter(Boolean);
  return h("section", { class: "preview", lang: locale, "aria-label": `Preview in ${localeName}` },
    h("p", { class: "preview-message" }, message),
    steps.length > 1 ? h("ol", {}, steps.map((step) => h("li", {}, step))) : h("p", {}, steps[0] ?? ""));
}
