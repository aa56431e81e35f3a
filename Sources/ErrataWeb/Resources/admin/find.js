// Find an error: by code or words of its text in any locale, category, HTTP status, and review state or
// missing translation in a locale. Each entry shows its state in every locale.

import { editHref, entryName, FIELDS, overview, STATE_WORDS } from "./catalog.js";
import { field, h, replace } from "./dom.js";
import { showView, stateBadge } from "./ui.js";

const filters = { words: "", category: "", status: "", state: "", locale: "" };

function select(options, value, onChange) {
  const element = h("select", { onchange: (event) => onChange(event.target.value) },
    options.map(([optionValue, label]) => h("option", { value: optionValue }, label)));
  element.value = value;
  return element;
}

function matches(entry, catalog) {
  const words = filters.words.trim().toLowerCase();
  if (words) {
    const haystack = [entry.code, entry.variant ?? "", entry.serviceMessage,
      ...Object.values(entry.locales).flatMap((texts) => FIELDS.map((name) => texts[name]?.text ?? ""))]
      .join("\n").toLowerCase();
    if (!words.split(/\s+/).every((word) => haystack.includes(word))) return false;
  }
  if (filters.category && entry.category !== filters.category) return false;
  if (filters.status && String(entry.httpStatus) !== filters.status) return false;
  if (filters.state) {
    const locales = filters.locale ? [filters.locale] : catalog.locales.map((locale) => locale.tag);
    const inState = (tag) => filters.state === "pending" ? entry.locales[tag]?.pending : entry.locales[tag]?.state === filters.state;
    if (!locales.some(inState)) return false;
  }
  return true;
}

function entryItem(entry, catalog) {
  const source = entry.locales[catalog.sourceLocale];
  return h("li", { class: "entry" },
    h("a", { href: editHref(entry) }, entryName(entry)),
    h("span", { class: "meta" }, `HTTP ${entry.httpStatus} · ${entry.category}`),
    h("p", { class: "summary" }, source?.message?.text ?? entry.serviceMessage),
    h("p", { class: "badges", "aria-label": `States of ${entryName(entry)}` },
      catalog.locales.map(({ tag }) => stateBadge(tag, entry.locales[tag]?.state ?? "missing", entry.locales[tag]?.pending))));
}

/// The find view.
export async function showFind() {
  const catalog = await overview();
  const categories = [...new Set(catalog.entries.map((entry) => entry.category))].sort();
  const statuses = [...new Set(catalog.entries.map((entry) => entry.httpStatus))].sort((a, b) => a - b);
  const list = h("ul", { class: "entries", "aria-labelledby": "results" });
  const count = h("p", { id: "results", class: "count", "aria-live": "polite" });

  const render = () => {
    const shown = catalog.entries.filter((entry) => matches(entry, catalog));
    count.textContent = `${shown.length} of ${catalog.entries.length} errors`;
    replace(list, shown.map((entry) => entryItem(entry, catalog)));
  };
  const set = (name) => (value) => { filters[name] = value; render(); };

  const search = h("input", { type: "search", value: filters.words, autocomplete: "off", oninput: (event) => set("words")(event.target.value) });
  const form = h("form", { class: "filters", role: "search", "aria-label": "Filter errors", onsubmit: (event) => event.preventDefault() },
    field("Code or words", search, "In any locale"),
    field("Category", select([["", "Any category"], ...categories.map((category) => [category, category])], filters.category, set("category"))),
    field("HTTP status", select([["", "Any status"], ...statuses.map((status) => [String(status), String(status)])], filters.status, set("status"))),
    field("State", select([["", "Any state"], ...Object.entries(STATE_WORDS), ["pending", "in the draft"]], filters.state, set("state"))),
    field("In locale", select([["", "Any locale"], ...catalog.locales.map(({ tag, name }) => [tag, `${name} (${tag})`])], filters.locale, set("locale"))));

  showView("Find an error", h("p", { class: "meta" }, `Published revision ${catalog.revision}`), form, count, list);
  render();
}
