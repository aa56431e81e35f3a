// A word-level diff for display: words, spaces and punctuation are tokens, and each Han character is a
// token of its own (Chinese has no spaces between words). Longest common subsequence over the tokens.

import { h, hiddenText } from "./dom.js";

const TOKEN = /\p{Script=Han}|[^\s\p{Script=Han}\p{P}]+|\s+|[^]/gu;

/// The operations turning `before` into `after`: `[{kind: "same" | "removed" | "added", text}]`.
export function wordDiff(before, after) {
  const a = before.match(TOKEN) ?? [];
  const b = after.match(TOKEN) ?? [];
  const columns = b.length + 1;
  // lengths[i * columns + j]: the longest common subsequence of a[i...] and b[j...].
  const lengths = new Uint32Array((a.length + 1) * columns);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * columns + j] = a[i] === b[j]
        ? lengths[(i + 1) * columns + j + 1] + 1
        : Math.max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1]);
    }
  }
  const operations = [];
  const push = (kind, text) => {
    const last = operations.at(-1);
    if (last?.kind === kind) last.text += text;
    else operations.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { push("same", a[i]); i++; j++; }
    else if (lengths[(i + 1) * columns + j] >= lengths[i * columns + j + 1]) push("removed", a[i++]);
    else push("added", b[j++]);
  }
  while (i < a.length) push("removed", a[i++]);
  while (j < b.length) push("added", b[j++]);
  return joinChanges(operations);
}

// Changes kept apart only by a space read as one change: its removed words, then its added words.
function joinChanges(operations) {
  const joined = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed) joined.push({ kind: "removed", text: removed });
    if (added) joined.push({ kind: "added", text: added });
    removed = added = "";
  };
  operations.forEach((operation, index) => {
    if (operation.kind === "removed") removed += operation.text;
    else if (operation.kind === "added") added += operation.text;
    else if ((removed || added) && index < operations.length - 1 && /^\s+$/u.test(operation.text)) {
      removed += operation.text;
      added += operation.text;
    } else {
      flush();
      joined.push(operation);
    }
  });
  flush();
  return joined;
}

/// The diff as a paragraph with `<del>` and `<ins>`, labelled for screen readers.
export function renderDiff(before, after, label) {
  const parts = wordDiff(before ?? "", after).map(({ kind, text }) => {
    if (kind === "removed") return h("del", {}, hiddenText("removed: "), text);
    if (kind === "added") return h("ins", {}, hiddenText("added: "), text);
    return text;
  });
  return h("p", { class: "diff", "aria-label": label }, parts);
}
