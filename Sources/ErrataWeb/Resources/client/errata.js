// errata.js: localized descriptions of storage error codes from an Errata server, for web consoles.
// One dependency-free ES module; types in errata.d.ts beside it.
//
// The server decides everything about languages and texts (negotiation, fallback, review states); this
// module only keeps what the server answered, for one locale at a time, so that a describe after the
// first visit costs no request and works while the service is down.

/** A failure of errata.js itself, with a stable `reason`. */
export class ErrataError extends Error {
  constructor(reason, message, details) {
    super(message);
    this.name = 'ErrataError';
    this.reason = reason;
    Object.assign(this, details);
  }
}

// 3: descriptions carry developerHint and retryPolicy; 4: templates may be `formatted`; 5: descriptions carry origin
const recordFormat = 5;
const syncAttempts = 3;
const batchLimit = 100; // the server's limit of calls per JSON-RPC batch

// MARK: - Storage

/** Storage that lives as long as the page (or the Node process): for tests and private windows. */
export function memoryStorage() {
  const values = new Map();
  return {
    get: async (key) => structuredClone(values.get(key)),
    set: async (key, value) => { values.set(key, structuredClone(value)); },
  };
}

/**
 * Storage in IndexedDB: asynchronous (a catalog is ~30 KB of JSON; localStorage would parse it on the main
 * thread at every start and share a 5 MB quota with the console), and values are stored as objects.
 */
export function indexedDBStorage(name = 'errata') {
  let database;
  const open = () => (database ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('records');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  }));
  const run = async (mode, operation) => {
    const store = (await open()).transaction('records', mode).objectStore('records');
    return new Promise((resolve, reject) => {
      const request = operation(store);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  };
  return {
    get: (key) => run('readonly', (store) => store.get(key)),
    set: (key, value) => run('readwrite', (store) => store.put(value, key)),
  };
}

// MARK: - Languages

/**
 * An `Accept-Language` value listing `languages` in order with falling q-values (`zh-TW, en;q=0.9`).
 * Which catalog locale that means is the server's answer, never decided here.
 */
export function acceptLanguage(languages) {
  return languages
    .filter((tag) => typeof tag === 'string' && /^[A-Za-z0-9_-]{1,35}$/.test(tag))
    .slice(0, 10)
    .map((tag, index) => (index ? `${tag};q=${(10 - index) / 10}` : tag))
    .join(', ');
}

// MARK: - Texts

/**
 * A text with its `{placeholders}` replaced, exactly as the server renders them: a placeholder is `{`, an
 * ASCII letter, then up to 63 letters, digits or `_`, then `}`; unknown placeholders stay as written.
 */
export function renderTemplate(text, values) {
  return text.replace(/\{([A-Za-z][A-Za-z0-9_]{0,63})\}/g, (whole, name) =>
    (Object.hasOwn(values, name) ? values[name] : whole));
}

// MARK: - Retrying

/** Whether retrying the request that failed with this error can succeed: the catalog gives it a retry policy. */
export function isRetryable(description) {
  return description?.retryPolicy != null;
}

/**
 * The wait in milliseconds before retrying after attempt number `attempt` (1 after the first) failed with
 * this error, or null when not to retry (again). It is `retryAfter` (the response's Retry-After, in
 * seconds) when the policy honors it; else the backoff bound min(baseDelayMs × 2^(attempt − 1), maxDelayMs),
 * or with `random` (such as Math.random) a wait drawn up to that bound ("full jitter").
 */
export function delayForAttempt(description, attempt, { retryAfter, random } = {}) {
  const policy = description?.retryPolicy;
  if (!policy || !Number.isInteger(attempt) || attempt < 1 || attempt >= policy.maxAttempts) return null;
  const seconds = /^\d+$/.test(String(retryAfter ?? '').trim()) ? Number(String(retryAfter).trim()) : null;
  if (policy.honorRetryAfter && seconds !== null) return seconds * 1000;
  const bound = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return random ? Math.floor(random() * (bound + 1)) : bound;
}

// The server never answers an empty text: a blank one becomes the fallback (or "-").
const isBlank = (text) => /^[\s\u0085]*$/u.test(text);
const nonEmpty = (text, fallback) => (isBlank(text) ? fallback || '-' : text);

const localeTags = (locales) => locales.map((locale) => locale.tag).join(' ');

const entryKey = (code, variant) => `${code}\u0000${variant ?? ''}`;

/** A description answered for `code`, naming it in `requestedCode` when it is an alias of the entry's code. */
function withRequestedCode(description, code) {
  return code === description.code ? description : { ...description, requestedCode: code };
}

function findEntry(record, code, variant) {
  return record.entries.find((entry) => entry.code === code && (!variant || entry.variant === variant));
}

// MARK: - Client

/** A client of one Errata server; see errata.d.ts. */
export function createErrata(options = {}) {
  return new Errata(options);
}

class Errata {
  #server;
  #locale;
  #acceptLanguage;
  #storage;
  #fetch;
  #autoSync;
  #servedLocale = null;
  #records = new Map();
  #syncs = new Map();
  #synced = new Set();
  #pending = null;

  constructor({ server, locale, storage, fetch, languages, autoSync = true } = {}) {
    if (!server) throw new ErrataError('invalid-params', 'createErrata needs the server URL');
    this.#server = String(server).replace(/\/+$/, '');
    this.#locale = locale || undefined;
    this.#acceptLanguage = acceptLanguage(languages ?? globalThis.navigator?.languages ?? []);
    this.#storage = storage ?? (globalThis.indexedDB ? indexedDBStorage() : memoryStorage());
    this.#fetch = fetch ?? globalThis.fetch.bind(globalThis);
    this.#autoSync = autoSync;
    /** The last sync's failure, if it failed (describes keep answering from what is stored). */
    this.lastSyncError = null;
  }

  /** The catalog locale the server chose for this client, once known; else the explicit locale or null. */
  get locale() {
    return this.#servedLocale ?? this.#locale ?? null;
  }

  // MARK: Reads

  async describe(code, { variant, locale, params, serviceMessage } = {}) {
    if (typeof code !== 'string' || !code) throw new ErrataError('invalid-params', 'code must be a non-empty string');
    const explicit = locale || this.#locale;
    const record = await this.#cached(explicit);
    // Another spelling of an entry's code names that entry (the catalog's data, stored with it).
    const entry = record && findEntry(record, record.aliases?.[code] ?? code, variant);
    if (entry) return withRequestedCode(await this.#filled(record, entry, params), code);
    try {
      return await this.#call('errors.describe', { code, variant: variant || undefined, locale: explicit, params }, explicit);
    } catch (error) {
      // Known to be unknown while offline: the stored catalog is all there is.
      const failure = record && error.reason === 'offline'
        ? new ErrataError(findEntry(record, code) ? 'unknown-variant' : 'unknown-code', `${code} ${variant ?? ''} is not in the stored catalog`, { code, offline: true })
        : error;
      if (failure.reason === 'unknown-code' && serviceMessage) return this.#serviceMessageOnly(code, serviceMessage, record, explicit);
      throw failure;
    }
  }

  async list({ category, httpStatus, locale } = {}) {
    const explicit = locale || this.#locale;
    const record = await this.#cached(explicit);
    if (!record) return this.#call('errors.list', { category, httpStatus, locale: explicit }, explicit);
    const entries = record.entries.filter((entry) =>
      (!category || entry.category === category) && (httpStatus == null || entry.httpStatus === httpStatus))
      .map((entry) => ({ ...entry }));
    return { revision: record.revision, locale: record.locale, entries };
  }

  /**
   * Asks the server to explain a storage response. An unknown code is no failure: it resolves with
   * `known: false` and the generic answer the server chose for the response's status.
   */
  async explain(response, { locale } = {}) {
    const params = await explainParams(response);
    params.locale = locale || this.#locale;
    return this.#call('errors.explain', params, params.locale);
  }

  // MARK: Describing from the stored catalog

  #filled(record, entry, params) {
    const given = Object.entries(params ?? {});
    if (!given.length) return { ...entry };
    const template = record.templates[entryKey(entry.code, entry.variant)];
    const unknown = given.map(([name]) => name).sort().find((name) => !template || !Object.hasOwn(template.defaults, name));
    if (unknown) {
      throw new ErrataError('invalid-params', `parameter '${unknown}' is not used by ${entry.code}`, { field: `params.${unknown}` });
    }
    if (template.formatted) return this.#formatted(record, entry, params);
    const values = { ...template.defaults };
    for (const [name, value] of given) values[name] = String(value);
    const filled = {
      ...entry,
      message: nonEmpty(renderTemplate(template.message, values), entry.serviceMessage),
      remediation: nonEmpty(renderTemplate(template.remediation, values), entry.code),
    };
    // Like the server, a hint left blank by its values is no hint.
    const hint = template.developerHint == null ? '' : renderTemplate(template.developerHint, values);
    if (isBlank(hint)) delete filled.developerHint; else filled.developerHint = hint;
    return filled;
  }

  /**
   * An entry whose texts format their parameters (`{n, plural, …}`, `{n, number}`, `{x, select, …}`): the
   * server renders them, as only it knows the rules. Offline, the stored text with the default values
   * answers, marked `paramsIgnored` and `fallback`.
   */
  async #formatted(record, entry, params) {
    try {
      return await this.#call('errors.describe', { code: entry.code, variant: entry.variant ?? undefined, locale: record.locale, params }, record.locale);
    } catch (error) {
      if (error.reason !== 'offline') throw error;
      return { ...entry, fallback: true, paramsIgnored: true };
    }
  }

  #serviceMessageOnly(code, serviceMessage, record, explicit) {
    return {
      code, variant: null, serviceMessage, message: serviceMessage, remediation: '', fallback: true, known: false,
      locale: record?.locale ?? explicit ?? this.locale, revision: record?.revision ?? null,
    };
  }

  // MARK: The stored catalog

  #storageKey(explicit) {
    return `errata ${this.#server} ${explicit ?? ''} ${explicit ? '' : this.#acceptLanguage}`;
  }

  /** The stored catalog for a locale request, starting a sync the first time it is asked for. */
  async #cached(explicit) {
    const key = this.#storageKey(explicit);
    let record = this.#records.get(key);
    if (!record) {
      record = await this.#storage.get(key).catch(() => undefined);
      if (record?.format !== recordFormat) record = undefined;
      if (record) this.#remember(key, explicit, record);
    }
    if (this.#autoSync && !this.#synced.has(key)) {
      this.#synced.add(key);
      this.sync({ locale: explicit }).catch(() => {});
    }
    return this.#records.get(key);
  }

  #remember(key, explicit, record) {
    this.#records.set(key, record);
    if (explicit === this.#locale) this.#servedLocale = record.locale;
  }

  /**
   * Brings the stored catalog of a locale up to date: the whole catalog the first time, then only what the
   * delta feed names (a 304 while nothing was published). Resolves to the catalog's revision.
   */
  sync({ locale } = {}) {
    const explicit = locale || this.#locale;
    const key = this.#storageKey(explicit);
    let running = this.#syncs.get(key);
    if (!running) {
      running = this.#sync(key, explicit)
        .then((record) => { this.lastSyncError = null; return record.revision; },
          (error) => { this.lastSyncError = error; throw error; })
        .finally(() => this.#syncs.delete(key));
      this.#syncs.set(key, running);
    }
    return running;
  }

  async #sync(key, explicit) {
    await this.#cached(explicit);
    for (let attempt = 0; attempt < syncAttempts; attempt += 1) {
      const current = this.#records.get(key);
      // null: a publish landed between two requests; the next attempt starts from the newer revision.
      const next = current ? await this.#update(current, explicit) : await this.#load(explicit);
      if (next) {
        if (next !== current) {
          this.#remember(key, explicit, next);
          await this.#storage.set(key, next).catch(() => {});
        }
        return next;
      }
    }
    throw new ErrataError('server', `the catalog changed during each of ${syncAttempts} sync attempts`);
  }

  async #load(explicit) {
    const query = explicit ? `?locale=${encodeURIComponent(explicit)}` : '';
    const [catalog, snapshot] = await Promise.all([this.#get(`/v1/catalog${query}`), this.#get('/v1/catalog/snapshot')]);
    const { revision, locale, entries } = catalog.body;
    if (snapshot.body.revision !== revision) return null;
    const parameterized = snapshot.body.entries.filter((entry) => Object.keys(entry.parameters ?? {}).length);
    const templates = await this.#templates(parameterized, explicit, revision);
    const locales = localeTags(snapshot.body.locales);
    const aliases = Object.fromEntries(snapshot.body.entries.flatMap((entry) => (entry.aliases ?? []).map((alias) => [alias, entry.code])));
    return templates && { format: recordFormat, revision, locale, locales, entries, templates, aliases };
  }

  async #update(record, explicit) {
    const since = record.revision;
    const feed = await this.#get(`/v1/catalog/changes?since=${since}`, { 'If-None-Match': `"r${since}-since${since}"` })
      .catch((error) => { if (error.status === 400) return { status: 400 }; throw error; });
    if (feed.status === 304) return record;
    // 410: history was compacted; 400: a revision the server never had (its database was replaced).
    if (feed.status === 410 || feed.status === 400) return this.#load(explicit);
    const { toRevision, changes, locales } = feed.body;
    // A locale added since may be the better answer to this client's languages: negotiate again.
    if (localeTags(locales) !== record.locales) return this.#load(explicit);
    const changed = new Map(changes.map((change) => [entryKey(change.code, change.variant), change]));
    if (![...changed.values()].every((change) => findEntry(record, change.code, change.variant ?? undefined))) {
      return this.#load(explicit); // an entry this catalog has not seen: its place and parameters come whole
    }
    // The feed says which entries changed; the server resolves their texts in this locale.
    const entries = [...changed.values()].map(({ code, variant }) =>
      ({ code, variant, parameters: record.templates[entryKey(code, variant)]?.defaults }));
    const [described, templates] = await Promise.all([
      Promise.all(entries.map(({ code, variant }) =>
        this.#call('errors.describe', { code, variant: variant ?? undefined, locale: explicit }, explicit))),
      this.#templates(entries.filter((entry) => entry.parameters), explicit, toRevision),
    ]);
    if (!templates || described.some((description) => description.revision !== toRevision)) return null;
    const fresh = new Map(described.map((description) => [entryKey(description.code, description.variant), description]));
    return {
      ...record,
      revision: toRevision,
      entries: record.entries.map((entry) => ({ ...(fresh.get(entryKey(entry.code, entry.variant)) ?? entry), revision: toRevision })),
      templates: { ...record.templates, ...templates },
    };
  }

  /**
   * The resolved texts of parameterized entries with their placeholders left in, asked of the server by
   * filling each placeholder with itself, or `formatted` for an entry whose texts do more than place values;
   * null when the server is at another revision.
   */
  async #templates(entries, explicit, revision) {
    const answers = await Promise.all(entries.map(({ code, variant, parameters }) => this.#call('errors.describe', {
      code, variant: variant ?? undefined, locale: explicit,
      params: Object.fromEntries(Object.keys(parameters).map((name) => [name, `{${name}}`])),
    }, explicit).catch((error) => {
      // A number or plural argument cannot take `{name}`: the server says so, and renders that entry.
      if (error.reason === 'invalid-params') return null;
      throw error;
    })));
    if (answers.some((answer) => answer && answer.revision !== revision)) return null;
    return Object.fromEntries(entries.map(({ code, variant, parameters }, index) => {
      const answer = answers[index];
      const texts = answer ? answer.message + answer.remediation + (answer.developerHint ?? '') : '';
      // A parameter that does not come back as `{name}` is chosen on (a select) or formatted: ask the server.
      const formatted = !answer || Object.keys(parameters).some((name) => !texts.includes(`{${name}}`));
      const template = formatted
        ? { formatted: true }
        : { message: answer.message, remediation: answer.remediation, developerHint: answer.developerHint };
      return [entryKey(code, variant), { ...template, defaults: parameters }];
    }));
  }

  // MARK: - HTTP

  #headers(extra) {
    return this.#acceptLanguage ? { 'Accept-Language': this.#acceptLanguage, ...extra } : { ...extra };
  }

  async #send(path, init) {
    let response;
    try {
      response = await this.#fetch(`${this.#server}${path}`, { cache: 'no-store', ...init });
    } catch (cause) {
      throw new ErrataError('offline', `${this.#server} cannot be reached`, { cause });
    }
    if (response.status === 304 || response.status === 410) return { status: response.status, headers: response.headers };
    const text = await response.text().catch((cause) => { throw new ErrataError('offline', 'the answer was cut off', { cause }); });
    let body;
    try { body = JSON.parse(text); } catch { body = undefined; }
    if (!response.ok) {
      throw new ErrataError('server', body?.detail ?? `${path} answered ${response.status}`, { status: response.status, problem: body });
    }
    if (body === undefined) throw new ErrataError('invalid-response', `${path} answered something that is not JSON`);
    return { status: response.status, headers: response.headers, body };
  }

  #get(path, headers) {
    return this.#send(path, { headers: this.#headers(headers) });
  }

  /**
   * Calls a JSON-RPC method; the calls made in one tick go to the server as one batch. Calls without an
   * explicit locale let the server negotiate it from this client's Accept-Language.
   */
  #call(method, params, explicit) {
    return new Promise((resolve, reject) => {
      if (!this.#pending) {
        this.#pending = [];
        setTimeout(() => this.#flush(), 0);
      }
      this.#pending.push({ method, params: JSON.parse(JSON.stringify(params)), resolve, reject, explicit });
    });
  }

  #flush() {
    const calls = this.#pending;
    this.#pending = null;
    for (let start = 0; start < calls.length; start += batchLimit) this.#sendBatch(calls.slice(start, start + batchLimit));
  }

  async #sendBatch(calls) {
    const batch = calls.map(({ method, params }, index) => ({ jsonrpc: '2.0', method, params, id: index + 1 }));
    let answers;
    try {
      ({ body: answers } = await this.#send('/rpc', {
        method: 'POST', headers: this.#headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(batch),
      }));
    } catch (error) {
      for (const call of calls) call.reject(error);
      return;
    }
    const byID = new Map((Array.isArray(answers) ? answers : []).map((answer) => [answer?.id, answer]));
    calls.forEach((call, index) => {
      const answer = byID.get(index + 1);
      if (answer?.error) call.reject(rpcError(answer.error));
      else if (answer?.result && typeof answer.result === 'object') {
        if (call.explicit === this.#locale && typeof answer.result.locale === 'string') this.#servedLocale = answer.result.locale;
        call.resolve(answer.result);
      } else call.reject(new ErrataError('invalid-response', `no usable answer to ${call.method} in the batch`));
    });
  }
}

const rpcReasons = { UnknownCode: 'unknown-code', UnknownVariant: 'unknown-variant', UnknownLocale: 'unknown-locale' };

function rpcError({ code, message, data }) {
  const reason = rpcReasons[data?.reason] ?? (code === -32602 ? 'invalid-params' : 'server');
  return new ErrataError(reason, data?.detail ?? message ?? 'the server refused the call', { rpcCode: code, data, suggestions: data?.suggestions ?? [] });
}

/** `errors.explain` params from a fetch Response, a body string, or `{body, httpStatus, headers}`. */
async function explainParams(response) {
  if (typeof response === 'string') return { body: response };
  if (!response || typeof response !== 'object') {
    throw new ErrataError('invalid-params', 'explain takes a Response, a body string or {body, httpStatus, headers}');
  }
  const isResponse = typeof response.text === 'function' && typeof response.status === 'number';
  const body = isResponse ? (response.bodyUsed ? '' : await response.clone().text()) : response.body;
  const headers = typeof response.headers?.forEach === 'function' ? headerObject(response.headers) : response.headers;
  return { body: body || undefined, httpStatus: isResponse ? response.status : response.httpStatus, headers };
}

/** A `Headers` as the plain object `errors.explain` takes (names are lowercase already). */
function headerObject(headers) {
  const object = {};
  headers.forEach((value, name) => { object[name] = value; });
  return object;
}

// MARK: - <errata-message code variant locale server service-message alert>
//
// Renders into its own light DOM (page fonts and styles apply; findable by text), one <p data-part> per text,
// marks itself with the description's `data-origin` (and `data-entry-code` when `code` was another spelling of
// that entry's code), and fires `errata-rendered` after each render.

const clients = new Map();

if (globalThis.customElements && !customElements.get('errata-message')) {
  customElements.define('errata-message', class extends HTMLElement {
    static observedAttributes = ['code', 'variant', 'locale', 'server', 'service-message', 'alert'];
    #turn = 0;

    connectedCallback() { this.#render(); }

    attributeChangedCallback() { if (this.isConnected) this.#render(); }

    async #render() {
      const turn = ++this.#turn;
      if (this.hasAttribute('alert')) this.setAttribute('role', 'alert');
      else if (this.getAttribute('role') === 'alert') this.removeAttribute('role');
      const code = this.getAttribute('code');
      if (!code) return;
      // Served by an Errata server at /client/errata.js, the module knows its server; a vendored copy needs `server`.
      const server = this.getAttribute('server') || new URL('..', import.meta.url).href;
      if (!clients.has(server)) clients.set(server, createErrata({ server }));
      let parts;
      let description;
      try {
        description = await clients.get(server).describe(code, {
          variant: this.getAttribute('variant') || undefined,
          locale: this.getAttribute('locale') || undefined,
          serviceMessage: this.getAttribute('service-message') || undefined,
        });
        parts = [['message', description.message], ['remediation', description.remediation]]
          // The service's own message is in the service's language, not the catalog's.
          .filter(([, text]) => text).map((part) => [...part, description.known === false ? null : description.locale]);
      } catch (error) {
        parts = [['error', this.getAttribute('service-message') || code, null, error.reason]];
      }
      if (turn !== this.#turn) return;
      // What the server said about the code, for the page to mark: the element decides nothing about it.
      this.#mark('origin', description?.origin);
      this.#mark('entryCode', description?.requestedCode && description.code);
      this.replaceChildren(...parts.map(([part, text, lang, reason]) => {
        const paragraph = document.createElement('p');
        paragraph.dataset.part = part;
        if (lang) paragraph.lang = lang;
        if (reason) paragraph.dataset.reason = reason;
        paragraph.textContent = text;
        return paragraph;
      }));
      this.dispatchEvent(new Event('errata-rendered', { bubbles: true }));
    }

    #mark(name, value) {
      if (value) this.dataset[name] = value; else delete this.dataset[name];
    }
  });
}
