// A locale's texts rendered as the docs page and errata.js show them: the message as a heading, the
// remediation as steps (one per line), placeholders filled with their default values.

import { h } from "./dom.js";

function fill(text, placeholders) {
  return text.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name) =>
    placeholders.find((placeholder) => placeholder.name === name)?.default ?? whole);
}

/// The preview of `message` and `remediation` in `locale`.
export function renderPreview(locale, localeName, message, remediation, placeholders) {
  const steps = fill(remediation, placeholders).split("\n").map((step) => step.trim()).filter(Boolean);
  return h("section", { class: "preview", lang: locale, "aria-label": `Preview in ${localeName}` },
    h("p", { class: "preview-message" }, fill(message, placeholders)),
    steps.length > 1 ? h("ol", {}, steps.map((step) => h("li", {}, step))) : h("p", {}, steps[0] ?? ""));
}
