// Locales: how complete each is (entries translated, awaiting review, missing, in the draft), and adding
// a locale (admin scope).

import { invalidate, overview } from "./catalog.js";
import { field, h } from "./dom.js";
import { call, explain } from "./rpc.js";
import { allows } from "./session.js";
import { announce, busy, errorRegion, showView } from "./ui.js";

function localeRow(locale) {
  return h("tr", {},
    h("th", { scope: "row" }, h("span", { lang: locale.tag }, locale.name), ` (${locale.tag})`, locale.source ? " · source" : null),
    h("td", {}, h("progress", { max: locale.total, value: locale.translated, "aria-label": `${locale.name}: ${locale.translated} of ${locale.total} translated` }),
      ` ${locale.translated} / ${locale.total}`),
    h("td", {}, String(locale.needsReview)),
    h("td", {}, String(locale.missing)),
    h("td", {}, String(locale.pending)),
    h("td", {}, locale.complete ? "complete" : "incomplete"));
}

function addLocaleForm() {
  const tag = h("input", { type: "text", autocomplete: "off", spellcheck: false, maxLength: 64 });
  const name = h("input", { type: "text", autocomplete: "off", maxLength: 100 });
  const tagError = errorRegion();
  const nameError = errorRegion();
  const formError = errorRegion();
  const button = h("button", { type: "submit", class: "primary" }, "Add locale");
  return h("form", { class: "stack", "aria-labelledby": "add-locale-title", onsubmit: (event) => {
    event.preventDefault();
    busy(button, async () => {
      for (const region of [tagError, nameError, formError]) region.textContent = "";
      for (const input of [tag, name]) input.removeAttribute("aria-invalid");
      try {
        const { revision } = await call("admin.addLocale", { tag: tag.value.trim(), name: name.value.trim() });
        invalidate();
        await showLocales();
        announce(`Added locale ${tag.value.trim()} in revision ${revision}.`);
      } catch (error) {
        const [region, input] = error.field === "tag" || error.reason === "LocaleExists" ? [tagError, tag]
          : error.field === "name" ? [nameError, name] : [formError, null];
        region.textContent = explain(error);
        input?.setAttribute("aria-invalid", "true");
        (input ?? button).focus();
      }
    });
  } },
  h("h2", { id: "add-locale-title" }, "Add a locale"),
  field("Language tag", tag, "A BCP 47 tag such as fr or pt-BR."), tagError,
  field("Name in that language", name, "Such as Français."), nameError,
  formError, h("div", {}, button));
}

/// The locales view.
export async function showLocales() {
  const catalog = await overview();
  showView("Locales",
    h("div", { class: "table-scroll" }, h("table", {},
      h("caption", {}, `Completeness of each locale in entries (revision ${catalog.revision} and the draft)`),
      h("thead", {}, h("tr", {}, ["Locale", "Translated", "Needs review", "Missing", "In the draft", "State"].map((title) => h("th", { scope: "col" }, title)))),
      h("tbody", {}, catalog.locales.map(localeRow)))),
    allows("admin") ? addLocaleForm() : h("p", { class: "meta" }, "Adding a locale needs a token of scope admin."));
}
