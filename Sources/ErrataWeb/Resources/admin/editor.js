// Edit one error: its message, remediation and developer hint in every locale side by side with the source, the service
// message, placeholders with their notes and each field's translator comment, live checks by the server's own rules (refusals and glossary warnings), a preview, review marks, and saving
// to the draft against the version read (Ctrl/Cmd+S too), with conflicts shown, never lost.

import { entryName, FIELD_TITLES, FIELDS, findEntry, invalidate, overview } from "./catalog.js";
import { h, replace } from "./dom.js";
import { renderPreview } from "./preview.js";
import { batch, call } from "./rpc.js";
import { TextCard } from "./text-card.js";
import { announce, busy, errorRegion, showError, showView } from "./ui.js";

let cards = [];

/// Whether the open editor holds edits not saved to the draft.
export function unsavedEdits() {
  return cards.some((card) => card.dirty);
}

/// Forgets the open editor (its unsaved edits too), when another view replaces it.
export function closeEditor() {
  cards = [];
}

function textParams(card) {
  return { code: card.entry.code, variant: card.entry.variant ?? null, locale: card.locale, field: card.field };
}

async function validate(card) {
  if (!card.element.isConnected) return;
  try {
    const text = card.textarea.value;
    const verdict = await call("admin.validateText", { ...textParams(card), text });
    card.showProblems(verdict.problems, verdict.length, verdict.maximumLength);
    card.showWarnings(verdict.warnings);
    if (card.textarea.value !== text) return; // Typed on meanwhile: the next verdict renders it.
    card.preview = verdict.preview ?? null;
    card.actions.changed();
  } catch (error) {
    card.showError(error);
  }
}

// After a save or a review mark the server may have changed other texts' states (an edit of the source
// puts translations up for review): read every text not being edited again.
async function refresh() {
  const idle = cards.filter((card) => !card.dirty && !card.inConflict);
  const answers = await batch(idle.map((card) => ({ method: "admin.getText", params: textParams(card) })));
  answers.forEach((answer, index) => answer.result && idle[index].update(answer.result));
}

async function save(toSave) {
  const answers = await batch(toSave.map((card) => ({ method: "admin.setText",
    params: { ...textParams(card), text: card.textarea.value, expectedVersion: card.version } })));
  let saved = 0;
  answers.forEach(({ result, error }, index) => {
    const card = toSave[index];
    if (result) {
      card.update(result, { keepInput: false });
      card.showProblems([]);
      card.showWarnings(result.warnings);
      saved += 1;
    } else if (error.reason === "Conflict") {
      card.showConflict(error.data.current);
    } else {
      card.showError(error);
    }
  });
  invalidate();
  await refresh();
  const failed = toSave.length - saved;
  const texts = (count) => `${count} text${count === 1 ? "" : "s"}`;
  announce(failed === 0 ? `Saved ${texts(saved)} to the draft.`
    : `Saved ${texts(saved)}; ${texts(failed)} not saved, see below.`);
}

async function markReviewed(card) {
  try {
    const answer = await call("admin.setReviewState", { ...textParams(card), state: "translated", expectedVersion: card.version });
    card.update(answer);
    invalidate();
    announce(`${card.name} marked reviewed.`);
  } catch (error) {
    if (error.reason === "Conflict") card.showConflict(error.data.current);
    else card.showError(error);
  }
}

function entryFacts(entry) {
  return h("dl", { class: "facts" },
    h("dt", {}, "HTTP status"), h("dd", {}, String(entry.httpStatus)),
    h("dt", {}, "Category"), h("dd", {}, entry.category),
    h("dt", {}, "Retry"), h("dd", {}, entry.retry),
    h("dt", {}, "Fault"), h("dd", {}, entry.fault),
    h("dt", {}, "Service message"), h("dd", {}, h("q", { lang: "en" }, entry.serviceMessage)),
    h("dt", {}, "Placeholders"),
    h("dd", {}, entry.placeholders.length
      ? h("ul", { class: "plain placeholders" }, entry.placeholders.map(({ name, default: value, note }) =>
        h("li", {}, h("code", {}, `{${name}}`), ` — shown as “${value}” when the caller gives no value`,
          note && h("p", { class: "note", role: "note", "aria-label": `Note on {${name}}` },
            h("span", { class: "note-label" }, "Note: "), note))))
      : "none"));
}

/// The translator comment of a field (the same in every locale), if the catalog has one.
function fieldComment(entry, field) {
  const comment = entry.comments[field];
  return comment && h("p", { class: "note comment", role: "note", "aria-label": `Translator comment on the ${field}` },
    h("span", { class: "note-label" }, "Translator comment: "), comment);
}

/// The editor of the entry at route `[code, variant?]`.
export async function showEditor([code, variant]) {
  const catalog = await overview();
  const entry = findEntry(catalog, variant ? `${code}/${variant}` : code);
  if (!entry) {
    showView("Error not found", h("p", { role: "alert" }, `The catalog has no error ${code}${variant ? ` (${variant})` : ""}.`),
      h("p", {}, h("a", { href: "#/find" }, "Back to the list")));
    return;
  }
  const locales = [...catalog.locales].sort((a, b) => Number(b.source) - Number(a.source));
  const keys = locales.flatMap((locale) => FIELDS.map((field) => ({ locale, field })));
  const answers = await batch(keys.map(({ locale, field }) => ({ method: "admin.getText",
    params: { code: entry.code, variant: entry.variant ?? null, locale: locale.tag, field } })));
  const failed = answers.find((answer) => answer.error && answer.error.reason !== "TextNotFound");
  if (failed) throw failed.error;

  const previews = h("div", { class: "previews" });
  const renderPreviews = () => replace(previews, locales.map((locale) => {
    // The server's rendering of a text once it has checked it; the text as typed until then.
    const text = (field) => {
      const card = cards.find((candidate) => candidate.locale === locale.tag && candidate.field === field);
      return card ? card.preview ?? card.textarea.value : "";
    };
    return renderPreview(locale.tag, locale.name, text("message"), text("remediation"));
  }));
  const actions = { validate, markReviewed, changed: renderPreviews,
    saveOne: (card) => save([card]) };
  cards = keys.map(({ locale, field }, index) => new TextCard({ entry, locale: locale.tag, localeName: locale.name,
    field, isSource: locale.source, answer: answers[index].result ?? { text: "", version: 0, state: "needs_review", pending: false }, actions }));

  const saveError = errorRegion();
  const saveButton = h("button", { type: "button", class: "primary", "data-save": true, "aria-keyshortcuts": "Control+S Meta+S",
    onclick: () => busy(saveButton, async () => {
      showError(saveError, null);
      const dirty = cards.filter((card) => card.dirty);
      if (dirty.length === 0) { announce("Nothing to save: no text was changed."); return; }
      try { await save(dirty); } catch (error) { showError(saveError, error); }
    }) }, "Save to draft");

  showView(entryName(entry),
    h("p", {}, h("a", { href: "#/find" }, "Back to the list")),
    entryFacts(entry),
    FIELDS.map((field) => h("section", { class: "field-group", "aria-label": FIELD_TITLES[field] },
      h("h2", {}, FIELD_TITLES[field]),
      fieldComment(entry, field),
      h("div", { class: "cards" }, cards.filter((card) => card.field === field).map((card) => card.element)))),
    h("div", { class: "save-bar" }, saveButton, h("span", { class: "hint" }, "Ctrl+S or ⌘S saves too."), saveError),
    h("section", { "aria-labelledby": "preview-title" }, h("h2", { id: "preview-title" }, "Preview"), previews));
  renderPreviews();
  await renderedPreviews(cards);
  renderPreviews();
}

/// Asks the server to render every text as readers see it, for the preview; a text it cannot render
/// (or a failed call) keeps showing as written.
async function renderedPreviews(toRender) {
  try {
    const texts = toRender.map((card) => card.textarea.value);
    const verdicts = await batch(toRender.map((card, index) => ({ method: "admin.validateText",
      params: { ...textParams(card), text: texts[index] } })));
    verdicts.forEach(({ result }, index) => {
      if (toRender[index].textarea.value === texts[index]) toRender[index].preview = result?.preview ?? null;
    });
  } catch {
    // The preview is an aid: the texts as written stay.
  }
}
