// Review the shared draft: every pending edit with a word-level diff against the published text, its
// glossary warnings, who made it and when; publish the draft with a note, or discard one edit or the whole draft (publish scope).

import { editHref, invalidate, textName } from "./catalog.js";
import { renderDiff } from "./diff.js";
import { field, formatTime, h } from "./dom.js";
import { call } from "./rpc.js";
import { allows } from "./session.js";
import { warningItems } from "./text-card.js";
import { announce, busy, confirmAction, errorRegion, showError, showView } from "./ui.js";

function changeItem(change) {
  const name = textName(change);
  const error = errorRegion();
  return h("li", { class: "change" },
    h("h3", {}, h("a", { href: editHref(change) }, name)),
    allows("publish")
      ? h("button", { type: "button", class: "danger", "aria-label": `Discard the edit of ${name}`,
        onclick: (event) => busy(event.target, () => discardOne(change, name, error)) }, "Discard")
      : null,
    h("p", { class: "meta" }, `${change.state === "needs_review" ? "needs review" : "translated"} · by ${change.author ?? "unknown"} · ${formatTime(change.updatedAt)}`),
    change.previousText === undefined
      ? h("p", { class: "diff" }, h("ins", {}, change.text))
      : change.previousText === change.text
        ? h("p", { class: "meta" }, "Text unchanged; review state only.")
        : renderDiff(change.previousText, change.text, `Changes to ${name}`),
    change.warnings?.length ? h("ul", { class: "warnings", "aria-label": `Glossary warnings on ${name}` }, warningItems(change.warnings)) : null,
    error);
}

function publishForm(count) {
  const note = h("input", { type: "text", maxLength: 500, "aria-required": "true", autocomplete: "off" });
  const error = errorRegion();
  const button = h("button", { type: "submit", class: "primary" }, "Publish");
  return h("form", { class: "stack", "aria-labelledby": "publish-title", onsubmit: (event) => {
    event.preventDefault();
    busy(button, async () => {
      showError(error, null);
      if (!note.value.trim()) {
        error.textContent = "Write a note saying what this revision changes.";
        note.setAttribute("aria-invalid", "true");
        note.focus();
        return;
      }
      try {
        const { revision } = await call("admin.publish", { note: note.value.trim() });
        invalidate();
        await showDraft();
        announce(`Published revision ${revision}.`);
        document.getElementById("draft-result").textContent = `Published ${count} edit${count === 1 ? "" : "s"} as revision ${revision}. Readers see it now.`;
      } catch (failure) {
        showError(error, failure);
        if (failure.field === "note") note.setAttribute("aria-invalid", "true");
      }
    });
  } },
  h("h2", { id: "publish-title" }, "Publish"),
  field("Note for this revision", note, "What changed and why, for the history (1–500 characters)."),
  error, h("div", {}, button));
}

async function discardOne(change, name, error) {
  const body = "The pending edit is dropped and the published text stays. Discarding an edit of the source (English) text also drops the review marks it put on the translations.";
  if (!(await confirmAction(`Discard the edit of ${name}?`, body, "Discard this edit"))) return;
  try {
    const { code, variant, locale, field } = change;
    const { discarded } = await call("admin.discardDraft", { code, variant, locale, field });
    invalidate();
    await showDraft();
    announce(`Discarded ${discarded} pending edit${discarded === 1 ? "" : "s"}.`);
  } catch (failure) {
    showError(error, failure);
  }
}

async function discardAll(count, error) {
  if (!(await confirmAction("Discard the whole draft?", `All ${count} pending edits will be dropped. Nothing is published.`, "Discard all"))) return;
  try {
    const { discarded } = await call("admin.discardDraft");
    invalidate();
    await showDraft();
    announce(`Discarded ${discarded} pending edits.`);
  } catch (failure) {
    showError(error, failure);
  }
}

/// The draft view.
export async function showDraft() {
  const { changes } = await call("admin.draft");
  const result = h("p", { id: "draft-result", class: "success" });
  if (changes.length === 0) {
    showView("Draft", result, h("p", {}, "The draft is empty: every text is as published."));
    return;
  }
  const discardError = errorRegion();
  showView("Draft",
    result,
    h("p", {}, `${changes.length} pending edit${changes.length === 1 ? "" : "s"}, in the order made.`),
    h("ol", { class: "changes" }, changes.map(changeItem)),
    allows("publish")
      ? [publishForm(changes.length),
        h("h2", {}, "Discard"),
        h("p", {}, "Drop every pending edit; the published texts stay as they are."),
        h("div", { class: "actions" }, h("button", { type: "button", class: "danger",
          onclick: (event) => busy(event.target, () => discardAll(changes.length, discardError)) }, "Discard all edits")),
        discardError]
      : h("p", { class: "meta" }, "Publishing and discarding need a token of scope publish."));
}
