// Building the page from data without HTML parsing: every text goes in as a text node, so a text such as
// `<img src=x onerror=…>` stays inert, and nothing needs the inline script or style the CSP forbids.

/// Creates `<tag>` with `attributes` (`class`, `for`, `aria-*`, `data-*`, properties such as `type`) and
/// `children` (strings become text nodes; null and false are skipped; arrays are flattened).
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (name === "class" || name === "for" || name.includes("-") || name === "role" || name === "id") {
      element.setAttribute(name, value === true ? "" : String(value));
    } else {
      element[name] = value;
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/// Replaces everything in `element` with `children`.
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let counter = 0;
/// A document-unique id with `prefix`, for label and aria-describedby links.
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/// Text only screen readers read (for a diff's "removed"/"added", say).
export function hiddenText(text) {
  return h("span", { class: "visually-hidden" }, text);
}

/// A labelled form control: `<label>` + control (+ a hint), linked by id.
export function field(labelText, control, hint) {
  control.id ||= uniqueId("field");
  const hintElement = hint ? h("span", { class: "hint", id: uniqueId("hint") }, hint) : null;
  if (hintElement) control.setAttribute("aria-describedby", hintElement.id);
  return h("div", { class: "field" }, h("label", { for: control.id }, labelText), control, hintElement);
}

/// A date-time string from the API (UTC) in the reader's locale and time zone.
export function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
