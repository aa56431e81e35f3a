// History (admin scope): published changes, newest first, filtered by code, locale and author, each with
// its diff; revert to a revision (publish scope) after a confirmation that says what will change.

import { invalidate, overview, textName } from "./catalog.js";
import { renderDiff } from "./diff.js";
import { field, formatTime, h, replace, uniqueId } from "./dom.js";
import { call } from "./rpc.js";
import { allows } from "./session.js";
import { announce, busy, confirmAction, errorRegion, showError, showView } from "./ui.js";

const filters = { code: "", locale: "", author: "", reviewChanges: false };
const PAGE = 100;

function textKey(change) {
  return `${change.code}\u0000${change.variant ?? ""}\u0000${change.locale}\u0000${change.field}`;
}

// What reverting to `revision` changes: for each text changed after it, its text now and then.
async function changesSince(revision) {
  const { changes } = await call("admin.history", { limit: 500 });
  const texts = new Map();
  for (const change of changes.filter((item) => item.revision > revision)) {
    const key = textKey(change);
    const known = texts.get(key);
    texts.set(key, { ...change, now: known?.now ?? change.newText, then: change.oldText ?? "" });
  }
  return [...texts.values()].filter((text) => text.now !== text.then);
}

async function revert(revision, error) {
  const note = h("input", { type: "text", maxLength: 500, value: `Revert to revision ${revision}` });
  let body;
  if (allows("admin")) {
    const changes = await changesSince(revision);
    body = [h("p", {}, changes.length
      ? `Publishes the texts and review states of revision ${revision} again as a new revision. ${changes.length === 1 ? "This text changes" : `These ${changes.length} texts change`}:`
      : `No text differs from revision ${revision}; review states return to those of revision ${revision}.`),
    h("ul", { class: "changes" }, changes.map((text) => h("li", {}, h("strong", {}, textName(text)),
      renderDiff(text.now, text.then, `What reverting changes in ${textName(text)}`))))];
  } else {
    body = h("p", {}, `Publishes the texts and review states of revision ${revision} again as a new revision; every text changed since goes back.`);
  }
  if (!(await confirmAction(`Revert to revision ${revision}?`, [body, field("Note for the new revision", note)], `Revert to revision ${revision}`))) return;
  try {
    const result = await call("admin.revert", { toRevision: revision, note: note.value.trim() || `Revert to revision ${revision}` });
    invalidate();
    announce(`Reverted to revision ${revision}: published as revision ${result.revision}.`);
    if (allows("admin")) await showHistory();
    document.getElementById("history-result").textContent = `Reverted to revision ${revision}; published as revision ${result.revision}.`;
  } catch (failure) {
    showError(error, failure);
  }
}

function revisionGroups(changes) {
  const groups = [];
  for (const change of changes) {
    if (groups.at(-1)?.revision !== change.revision) groups.push({ revision: change.revision, changes: [] });
    groups.at(-1).changes.push(change);
  }
  return groups;
}

// A revision of many changes (the initial import has every text) is folded until the admin opens it.
const FOLDED_OVER = 6;

function renderGroup({ revision, changes, truncated }, newest, error) {
  const first = changes[0];
  const list = h("ul", { class: "changes" }, changes.map((change) => h("li", {},
    h("strong", {}, textName(change)),
    change.oldText === change.newText
      ? h("p", { class: "meta" }, `Review state set to ${change.state === "needs_review" ? "needs review" : "translated"}.`)
      : renderDiff(change.oldText ?? "", change.newText, `Changes to ${textName(change)} in revision ${revision}`))));
  return h("li", { class: "revision" },
    h("h2", {}, `Revision ${revision}`),
    h("p", { class: "meta" }, `${formatTime(first.createdAt)} · by ${first.author ?? "initial import"} · `, h("q", {}, first.note)),
    changes.length > FOLDED_OVER ? h("details", {}, h("summary", {}, `Show its ${truncated ? "first " : ""}${changes.length} changes`), list) : list,
    allows("publish") && revision < newest
      ? h("button", { type: "button", onclick: (event) => busy(event.target, () => revert(revision, error)) }, `Revert to revision ${revision}`)
      : null);
}

function filterForm(locales, onSubmit) {
  const code = h("input", { type: "text", value: filters.code, autocomplete: "off" });
  const locale = h("select", {}, h("option", { value: "" }, "Any locale"),
    locales.map(({ tag, name }) => h("option", { value: tag }, `${name} (${tag})`)));
  locale.value = filters.locale;
  const author = h("input", { type: "text", value: filters.author, autocomplete: "off" });
  const review = h("input", { type: "checkbox", id: uniqueId("review"), checked: filters.reviewChanges });
  return h("form", { class: "filters", role: "search", "aria-label": "Filter history", onsubmit: (event) => {
    event.preventDefault();
    Object.assign(filters, { code: code.value.trim(), locale: locale.value, author: author.value.trim(), reviewChanges: review.checked });
    onSubmit();
  } },
  field("Code", code), field("Locale", locale),
  field("Published by (token name)", author),
  h("div", { class: "field checkbox" }, review, h("label", { for: review.id }, "Review-state changes too")),
  h("div", { class: "field" }, h("button", { type: "submit" }, "Show")));
}

/// The history view.
export async function showHistory() {
  const error = errorRegion();
  const result = h("p", { id: "history-result", class: "success" });
  const revertNumber = h("input", { type: "number", min: 1, inputMode: "numeric" });
  const revertForm = allows("publish") ? h("form", { class: "filters", "aria-label": "Revert to a revision", onsubmit: (event) => {
    event.preventDefault();
    const revision = Number(revertNumber.value);
    if (!Number.isInteger(revision) || revision < 1) { error.textContent = "Revision: write a revision number, 1 or higher."; revertNumber.focus(); return; }
    busy(event.submitter, () => revert(revision, error));
  } }, field("Revision to revert to", revertNumber), h("div", { class: "field" }, h("button", { type: "submit" }, "Revert…"))) : null;

  if (!allows("admin")) {
    showView("History", result, h("p", {}, "Reading the history needs a token of scope admin."), revertForm, error);
    return;
  }
  invalidate();  // the newest revision must be current: it has no revert button
  const catalog = await overview();
  const list = h("ol", { class: "revisions", "aria-label": "Revisions, newest first" });
  const older = h("button", { type: "button", hidden: true }, "Older changes");
  let before = null;
  const load = async ({ more = false } = {}) => {
    showError(error, null);
    if (!more) before = null;
    const params = { limit: PAGE };
    if (before) params.before = before;
    if (filters.code) params.code = filters.code;
    if (filters.locale) params.locale = filters.locale;
    if (filters.author) params.author = filters.author;
    if (filters.reviewChanges) params.reviewChanges = true;
    try {
      const { changes } = await call("admin.history", params);
      let groups = revisionGroups(changes);
      before = null;
      // A full page may end inside a revision: leave that revision for the next page, which starts with it
      // whole, unless it is the page's only revision (then the rest of it is skipped, and said so).
      if (changes.length === PAGE) {
        const last = groups.at(-1);
        if (groups.length > 1) { groups = groups.slice(0, -1); before = last.revision + 1; }
        else { last.truncated = true; before = last.revision; }
      }
      const items = groups.map((group) => renderGroup(group, catalog.revision, error));
      if (more) list.append(...items);
      else replace(list, items.length ? items : h("li", {}, "No change matches these filters."));
      older.hidden = before === null;
    } catch (failure) {
      showError(error, failure);
    }
  };
  older.addEventListener("click", () => busy(older, () => load({ more: true })));
  showView("History", result, filterForm(catalog.locales, () => load()), error, revertForm, list, older);
  await load();
}
