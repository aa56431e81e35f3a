// One text of the editor (one field in one locale): its textarea, review state, the server's verdict on
// it and its glossary warnings as the admin types and after a save, a "mark reviewed" button for a translation awaiting review, and its conflicts.

import { FIELD_TITLES, textName } from "./catalog.js";
import { renderConflict } from "./conflict.js";
import { h, replace, uniqueId } from "./dom.js";
import { explain } from "./rpc.js";
import { stateBadge } from "./ui.js";

/// The list items of glossary warnings (`TextWarningAnswer`s), as text.
export function warningItems(warnings = []) {
  return warnings.map((warning) => h("li", {}, h("span", { class: "warning-label" }, "Warning: "), warning.message));
}

/// The editor card of one text. `actions` has `validate(card)`, `markReviewed(card)`, `saveOne(card)`,
/// `changed()`.
export class TextCard {
  constructor({ entry, locale, localeName, field, isSource, answer, actions }) {
    Object.assign(this, { entry, locale, localeName, field, isSource, actions });
    this.name = textName({ code: entry.code, variant: entry.variant, field, locale });
    this.problems = h("ul", { class: "problems", id: uniqueId("problems"), "aria-live": "polite" });
    this.warnings = h("ul", { class: "warnings", id: uniqueId("warnings"), "aria-live": "polite" });
    this.error = h("p", { class: "error", role: "alert" });
    this.badge = h("span");
    this.conflictSlot = h("div");
    this.reviewButton = h("button", { type: "button", hidden: true, onclick: () => actions.markReviewed(this) },
      `Mark ${localeName} ${field} reviewed`);
    this.textarea = h("textarea", { id: uniqueId("text"), rows: field === "message" ? 3 : 7, lang: locale,
      "aria-describedby": `${this.problems.id} ${this.warnings.id}`, oninput: () => this.onInput() });
    const label = `${FIELD_TITLES[field]} in ${localeName} (${locale})${isSource ? ", source" : ""}`;
    this.element = h("div", { class: `text-card${isSource ? " source" : ""}`, "data-locale": locale, "data-field": field },
      h("div", { class: "card-head" }, h("label", { for: this.textarea.id }, label), this.badge),
      this.textarea, this.problems, this.warnings, this.error,
      h("div", { class: "actions" }, this.reviewButton),
      this.conflictSlot);
    this.update(answer, { keepInput: false });
  }

  /// Whether the textarea differs from the text last read or saved.
  get dirty() {
    return this.textarea.value !== this.saved;
  }

  /// Takes a TextAnswer (read, saved or marked); the textarea follows unless it holds unsaved edits.
  update(answer, { keepInput = this.dirty } = {}) {
    this.saved = answer.text;
    this.version = answer.version;
    this.state = answer.text === "" && answer.version === 0 ? "missing" : answer.state;
    this.pending = answer.pending;
    if (!keepInput && this.textarea.value !== answer.text) {
      this.textarea.value = answer.text;
      this.preview = null; // The server's rendering was of the text this replaces.
    }
    replace(this.badge, stateBadge(this.locale, this.state, this.pending));
    this.reviewButton.hidden = this.isSource || this.state !== "needs_review";
    this.element.classList.toggle("dirty", this.dirty);
  }

  onInput() {
    this.element.classList.toggle("dirty", this.dirty);
    this.error.textContent = "";
    this.preview = null; // The server's rendering was of the text before this input.
    this.actions.changed();
    clearTimeout(this.validation);
    this.validation = setTimeout(() => this.actions.validate(this), 250);
  }

  /// Shows the server's verdict (`admin.validateText`) or the problems `admin.setText` answered.
  showProblems(problems, length, maximumLength) {
    const items = problems.map((problem) => h("li", {}, typeof problem === "string" ? problem : problem.detail));
    if (length !== undefined) items.push(h("li", { class: "length" }, `${length} of ${maximumLength} characters`));
    replace(this.problems, items);
    if (problems.length) this.textarea.setAttribute("aria-invalid", "true");
    else this.textarea.removeAttribute("aria-invalid");
  }

  /// Shows the glossary warnings the server found (`admin.validateText`, `admin.setText`): the text is saved all the same.
  showWarnings(warnings) {
    replace(this.warnings, warningItems(warnings));
  }

  /// Shows a failed call next to this text, in words.
  showError(error) {
    if (error.reason === "InvalidParams" && error.field === "text") {
      this.showProblems(error.data.problems ?? [error.message]);
      this.error.textContent = `Not saved: ${this.name} breaks the text rules.`;
    } else {
      this.error.textContent = `Not saved: ${explain(error)}`;
    }
  }

  /// Shows the conflict view: `current` is the text someone else saved.
  showConflict(current) {
    this.error.textContent = `${this.name} was changed by someone else. Compare and choose below.`;
    const yours = this.textarea.value;
    replace(this.conflictSlot, renderConflict(this.name, current, yours, (text, save) => {
      this.conflictSlot.replaceChildren();
      this.error.textContent = "";
      this.update(current, { keepInput: true });
      this.textarea.value = text;
      this.element.classList.toggle("dirty", this.dirty);
      this.actions.changed();
      if (save) this.actions.saveOne(this);
      else this.textarea.focus();
    }));
    this.conflictSlot.querySelector("textarea:not([readonly])").focus();
  }

  /// Whether a conflict is open on this text.
  get inConflict() {
    return this.conflictSlot.childElementCount > 0;
  }
}
