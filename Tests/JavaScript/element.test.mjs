// <errata-message> in a minimal stand-in DOM (the browser tests run it in Chromium): rendering and updates.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { clientPath, startServer } from './live-server.mjs';

/** Just enough of HTMLElement, customElements and document for errata.js's element. */
class StandInElement extends EventTarget {
  attributes = new Map();
  children = [];
  dataset = {};
  isConnected = false;
  getAttribute(name) { return this.attributes.get(name) ?? null; }
  hasAttribute(name) { return this.attributes.has(name); }
  setAttribute(name, value) { this.#change(name, String(value)); }
  removeAttribute(name) { this.#change(name, null); }
  replaceChildren(...children) { this.children = children; }
  #change(name, value) {
    const old = this.getAttribute(name);
    if (value === null) this.attributes.delete(name); else this.attributes.set(name, value);
    if (this.constructor.observedAttributes?.includes(name)) this.attributeChangedCallback?.(name, old, value);
  }
}

let server;
let ErrataMessage;
before(async () => {
  server = await startServer();
  const registry = new Map();
  globalThis.HTMLElement = StandInElement;
  globalThis.customElements = { define: (name, type) => registry.set(name, type), get: (name) => registry.get(name) };
  globalThis.document = { createElement: () => Object.assign(new StandInElement(), { textContent: '' }) };
  await import(`${pathToFileURL(clientPath)}?with-dom`);
  ErrataMessage = registry.get('errata-message');
});
after(async () => {
  delete globalThis.HTMLElement;
  delete globalThis.customElements;
  delete globalThis.document;
  await server?.remove();
});

/** Sets attributes (null removes), connects the element and resolves after its next render. */
function rendered(element, attributes) {
  const done = new Promise((resolve) => element.addEventListener('errata-rendered', resolve, { once: true }));
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null) element.removeAttribute(name); else element.setAttribute(name, value);
  }
  if (!element.isConnected) { element.isConnected = true; element.connectedCallback(); }
  return done;
}

const texts = (element) => element.children.map((child) => [child.dataset.part, child.lang, child.textContent]);

test('renders the message and remediation as text, re-rendering when an attribute changes', async () => {
  const { result: zh } = await server.rpc('errors.describe', { code: 'NoSuchKey', locale: 'zh-Hant' });
  const { result: en } = await server.rpc('errors.describe', { code: 'BucketNotEmpty', variant: 'acl', locale: 'en' });
  const element = new ErrataMessage();
  await rendered(element, { server: server.url, code: 'NoSuchKey', locale: 'zh-Hant' });
  assert.deepEqual(texts(element), [['message', 'zh-Hant', zh.message], ['remediation', 'zh-Hant', zh.remediation]]);
  assert.equal(element.getAttribute('role'), null);

  await rendered(element, { code: 'BucketNotEmpty', variant: 'acl', locale: 'en', alert: '' });
  assert.deepEqual(texts(element), [['message', 'en', en.message], ['remediation', 'en', en.remediation]]);
  assert.equal(element.getAttribute('role'), 'alert');
  await rendered(element, { alert: null });
  assert.equal(element.getAttribute('role'), null);
});

test('marks itself with the origin the server answered, and the entry an alias names', async () => {
  const element = new ErrataMessage();
  await rendered(element, { server: server.url, code: 'NoSuchBucketPolicy', locale: 'ja' });
  const { result } = await server.rpc('errors.describe', { code: 'NotSuchBucketPolicy', locale: 'ja' });
  assert.deepEqual(texts(element), [['message', 'ja', result.message], ['remediation', 'ja', result.remediation]]);
  assert.deepEqual(element.dataset, { origin: 'service', entryCode: 'NotSuchBucketPolicy' });
  await rendered(element, { code: 'NoSuchTagSet' });
  assert.deepEqual(element.dataset, { origin: 's3' });
  await rendered(element, { code: 'NoSuchKye' });
  assert.deepEqual(element.dataset, {}, 'an unknown code is no entry');
});

test('an unknown code shows the service message, or the code, as an error part', async () => {
  const element = new ErrataMessage();
  await rendered(element, { server: server.url, code: 'NoSuchKye', locale: 'en' });
  assert.deepEqual(element.children.map((child) => [child.dataset.part, child.dataset.reason, child.textContent]),
    [['error', 'unknown-code', 'NoSuchKye']]);
  await rendered(element, { 'service-message': 'Odd thing.' });
  assert.deepEqual(texts(element), [['message', undefined, 'Odd thing.']]);
});
