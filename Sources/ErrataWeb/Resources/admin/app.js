// The console's entry point: sign in and out, the scope-aware navigation, and hash routes
// (`#/find`, `#/edit/Code[/variant]`, `#/draft`, `#/history`, `#/locales`). Routes hold no token.

import { invalidate } from "./catalog.js";
import { h } from "./dom.js";
import { showDraft } from "./draft.js";
import { closeEditor, showEditor, unsavedEdits } from "./editor.js";
import { showFind } from "./find.js";
import { showHistory } from "./history.js";
import { showLocales } from "./locales.js";
import { explain, token } from "./rpc.js";
import * as session from "./session.js";
import { announce, confirmAction, showView } from "./ui.js";

const routes = { find: showFind, edit: showEditor, draft: showDraft, history: showHistory, locales: showLocales };
let shownHash = null;

function showSignedIn(signedIn) {
  document.getElementById("sign-in").hidden = signedIn;
  document.getElementById("nav").hidden = !signedIn;
  document.getElementById("session").hidden = !signedIn;
  if (!signedIn) {
    document.getElementById("view").replaceChildren();
    document.title = "Sign in — Errata console";
    return;
  }
  const { name, scope } = session.current;
  document.getElementById("who").textContent = name ? `${name} · scope ${scope}` : `scope ${scope}`;
  for (const link of document.querySelectorAll("#nav [data-scope]")) {
    link.parentElement.hidden = !session.allows(link.dataset.scope);
  }
}

async function route() {
  if (!session.current) return;
  // A hand-edited route may not decode; it then names no view and shows the list.
  const [name, ...rest] = location.hash.replace(/^#\/?/, "").split("/").map((part) => {
    try { return decodeURIComponent(part); } catch { return ""; }
  });
  const view = routes[name] ?? showFind;
  shownHash = location.hash;
  closeEditor();
  announce("");
  for (const link of document.querySelectorAll("#nav a")) {
    if (link.dataset.view === (routes[name] ? name : "find")) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  try {
    await view(rest);
  } catch (error) {
    showView("Something went wrong", h("p", { class: "error", role: "alert" }, explain(error)));
  }
}

// Leaving an editor with unsaved edits asks first; a cancelled leave puts the old route back.
async function onHashChange() {
  if (location.hash === shownHash) return;
  if (unsavedEdits()) {
    const target = location.hash;
    history.replaceState(null, "", shownHash ?? "#/find");
    const leave = await confirmAction("Leave without saving?", "This error has edits that are not saved to the draft. They will be lost.", "Leave without saving");
    if (!leave) return;
    history.replaceState(null, "", target);
  }
  await route();
}

async function signIn(secret) {
  await session.signIn(secret);
  showSignedIn(true);
  await route();
  announce(`Signed in${session.current.name ? ` as ${session.current.name}` : ""} with scope ${session.current.scope}.`);
}

document.getElementById("sign-in-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = document.getElementById("token");
  const error = document.getElementById("sign-in-error");
  const secret = input.value.trim();
  error.textContent = "";
  if (!secret) {
    error.textContent = "Paste a token first.";
    input.setAttribute("aria-invalid", "true");
    input.focus();
    return;
  }
  try {
    await signIn(secret);
    input.value = "";
    input.removeAttribute("aria-invalid");
  } catch (failure) {
    error.textContent = explain(failure);
    input.setAttribute("aria-invalid", "true");
    input.focus();
  }
});

document.getElementById("sign-out").addEventListener("click", async () => {
  if (unsavedEdits() && !(await confirmAction("Sign out without saving?", "This error has edits that are not saved to the draft.", "Sign out"))) return;
  session.signOut();
  closeEditor();
  invalidate();
  showSignedIn(false);
  announce("Signed out.");
  document.getElementById("token").focus();
});

window.addEventListener("hashchange", onHashChange);
window.addEventListener("beforeunload", (event) => {
  if (unsavedEdits()) event.preventDefault();
});
// Ctrl+S / Cmd+S saves the open editor instead of saving the page.
window.addEventListener("keydown", (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
    event.preventDefault();
    document.querySelector("[data-save]")?.click();
  }
});

const saved = token.get();
if (saved) {
  try {
    await signIn(saved);
  } catch (error) {
    document.getElementById("sign-in-error").textContent = explain(error);
    showSignedIn(false);
  }
} else {
  showSignedIn(false);
}
document.body.dataset.ready = "true";
