// Progressive enhancement of the Errata pages: the search form filters as you type, and code
// examples get a copy button. Without this script the form submits and the examples are selectable.

const form = document.querySelector("[data-docs-filter]");
if (form) {
  const rows = [...document.querySelectorAll("tr[data-search]")];
  const sections = [...document.querySelectorAll("[data-category]")];
  const count = document.getElementById("result-count");
  const noResults = document.querySelector("[data-no-results]");
  const query = form.elements.namedItem("q");
  const status = form.elements.namedItem("status");
  const retry = form.elements.namedItem("retry");
  const origin = form.elements.namedItem("origin");

  const apply = () => {
    const words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const visible =
        (!status.value || row.dataset.status === status.value) &&
        (!retry.value || row.dataset.retry === retry.value) &&
        (!origin.value || row.dataset.origin === origin.value) &&
        words.every((word) => row.dataset.search.includes(word));
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    for (const section of sections) {
      section.hidden = !section.querySelector("tr[data-search]:not([hidden])");
    }
    noResults.hidden = shown > 0;
    count.textContent = count.dataset.template.replace("{count}", String(shown)).replace("{total}", count.dataset.total);
    // Keep the address shareable: the same query string the form would submit.
    const parameters = new URLSearchParams(new FormData(form));
    for (const [name, value] of [...parameters]) if (!value) parameters.delete(name);
    history.replaceState(null, "", `${location.pathname}?${parameters}`);
  };

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
}

for (const button of document.querySelectorAll("button[data-copy]")) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const source = document.getElementById(button.dataset.copy);
    await navigator.clipboard.writeText(source.textContent);
    const label = button.firstChild;
    const original = label.textContent;
    label.textContent = `${button.dataset.copied} `;
    setTimeout(() => { label.textContent = original; }, 2000);
  });
}
