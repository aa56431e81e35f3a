// The catalog as editors see it: every entry with its texts in every locale, review states and counts.
// `admin.overview` answers it in one call.

import { call } from "./rpc.js";

/// The texts of an entry; a developer hint is optional, and translated only once its source text exists.
export const FIELDS = ["message", "remediation", "developerHint"];
/// Each field's title in headings and labels.
export const FIELD_TITLES = { message: "Message", remediation: "Remediation", developerHint: "Developer hint" };

let cached = null;

/// The overview `{revision, sourceLocale, locales, entries}`, loaded once until `invalidate()`.
export async function overview() {
  cached ??= call("admin.overview");
  try {
    return await cached;
  } catch (error) {
    cached = null;
    throw error;
  }
}

/// Forgets the loaded overview, after an edit, a publish or a new locale.
export function invalidate() {
  cached = null;
}

/// The entry's identity in routes: `Code` or `Code/variant`.
function entryPath(entry) {
  return entry.variant ? `${entry.code}/${entry.variant}` : entry.code;
}

/// The route of the entry's editor.
export function editHref(entry) {
  return `#/edit/${entryPath(entry).split("/").map(encodeURIComponent).join("/")}`;
}

/// The entry's name for people: `Code` or `Code (variant)`.
export function entryName(entry) {
  return entry.variant ? `${entry.code} (${entry.variant})` : entry.code;
}

/// A text's name for people: `NoSuchKey message (zh-Hans)`.
export function textName({ code, variant, field, locale }) {
  return `${entryName({ code, variant })} ${field} (${locale})`;
}

/// The entry at `path`, or undefined.
export function findEntry(catalog, path) {
  return catalog.entries.find((entry) => entryPath(entry) === path);
}

/// Words for a locale state of an entry.
export const STATE_WORDS = { translated: "translated", needs_review: "needs review", missing: "missing" };
