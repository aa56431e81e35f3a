// Shared pieces of the console's views: the status line, the confirmation dialog, error messages next
// to what caused them, and state badges.

import { h, replace } from "./dom.js";
import { explain } from "./rpc.js";
import { STATE_WORDS } from "./catalog.js";

/// Says `text` in the status line (a polite live region).
export function announce(text) {
  document.getElementById("status").textContent = text;
}

/// Shows `error` in words in `element` (an alert region next to the control that caused it).
export function showError(element, error) {
  element.textContent = error ? explain(error) : "";
}

/// An empty alert region to show errors in, next to what causes them.
export function errorRegion() {
  return h("p", { class: "error", role: "alert" });
}

/// Asks in a modal dialog; answers whether the admin confirmed. `body` is nodes or text.
export function confirmAction(title, body, confirmLabel) {
  const dialog = document.getElementById("confirm");
  document.getElementById("confirm-title").textContent = title;
  replace(document.getElementById("confirm-body"), body);
  document.getElementById("confirm-yes").textContent = confirmLabel;
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true });
  });
}

/// A badge saying a locale's state of an entry, in words and colour.
export function stateBadge(locale, state, pending) {
  return h("span", { class: `badge state-${state}` }, `${locale}: ${STATE_WORDS[state]}`, pending ? " · draft" : null);
}

/// A view's heading and body in the view container; focuses the heading for screen-reader and keyboard users.
export function showView(title, ...children) {
  const heading = h("h1", { tabindex: "-1" }, title);
  replace(document.getElementById("view"), heading, ...children);
  document.title = `${title} — Errata console`;
  heading.focus({ preventScroll: true });
  return heading;
}

/// Runs `action` while `button` is disabled (so a double click sends one request).
export async function busy(button, action) {
  button.disabled = true;
  try {
    return await action();
  } finally {
    button.disabled = false;
  }
}
