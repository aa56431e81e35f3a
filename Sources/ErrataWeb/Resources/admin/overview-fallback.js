// For a server without `admin.overview`: the same shape built from `catalog.snapshot` (published texts and
// review states) with the draft's pending edits laid over it. Versions are read per text when editing.

function textKey(code, variant, field) {
  return variant ? `${code}.${variant}.${field}` : `${code}.${field}`;
}

/// The overview of `snapshot` as `draft` changes it.
export function overviewFromSnapshot(snapshot, draft) {
  const pending = new Map(draft.changes.map((change) =>
    [`${textKey(change.code, change.variant, change.field)}/${change.locale}`, change]));
  // The snapshot names each text awaiting review as `Code[.variant].field@locale`.
  const needsReview = new Set(snapshot.needsReview);
  const source = snapshot.sourceLanguage;

  const entries = snapshot.entries.map((entry) => {
    const locales = {};
    for (const { tag } of snapshot.locales) {
      const texts = {};
      for (const field of ["message", "remediation"]) {
        const key = `${textKey(entry.code, entry.variant, field)}/${tag}`;
        const change = pending.get(key);
        const text = change?.text ?? snapshot.texts[textKey(entry.code, entry.variant, field)]?.[tag];
        if (text === undefined) continue;
        const state = change?.state ?? (needsReview.has(`${textKey(entry.code, entry.variant, field)}@${tag}`) ? "needs_review" : "translated");
        texts[field] = { text, state, pending: Boolean(change) };
      }
      const values = Object.values(texts);
      const state = values.length < 2 ? "missing" : values.some((text) => text.state === "needs_review") ? "needs_review" : "translated";
      locales[tag] = { state, pending: values.some((text) => text.pending), ...texts };
    }
    const placeholders = Object.entries(entry.parameters ?? {}).map(([name, value]) => ({ name, default: value }));
    const { variant, parameters, ...rest } = entry;
    return { ...rest, ...(variant ? { variant } : {}), placeholders, locales };
  });

  const locales = snapshot.locales.map(({ tag, name }) => {
    const count = (state) => entries.filter((entry) => entry.locales[tag].state === state).length;
    const translated = count("translated");
    return { tag, name, source: tag === source, translated, needsReview: count("needs_review"), missing: count("missing"),
      pending: entries.filter((entry) => entry.locales[tag].pending).length, total: entries.length, complete: translated === entries.length };
  });
  return { revision: snapshot.revision, sourceLocale: source, locales, entries };
}
