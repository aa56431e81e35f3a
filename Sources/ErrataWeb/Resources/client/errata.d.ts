// Types of errata.js: localized descriptions of storage error codes from an Errata server.

/** Why errata.js failed. */
export type ErrataFailure =
  | 'offline'            // the server could not be reached (and nothing stored answers)
  | 'unknown-code'       // no such error code (`suggestions` lists close ones when the server was asked)
  | 'unknown-variant'    // the code has no such variant
  | 'unknown-locale'
  | 'invalid-params'     // bad arguments, e.g. a placeholder the entry does not use
  | 'server'             // the server answered an error (`status`, `problem` or `rpcCode`, `data`)
  | 'invalid-response';  // the server answered something errata.js cannot read

/** A failure of errata.js itself. */
export class ErrataError extends Error {
  readonly reason: ErrataFailure | string;
  /** Close known codes, for `unknown-code` answered by the server. */
  readonly suggestions?: string[];
  /** The HTTP status of a failed REST read. */
  readonly status?: number;
  /** The RFC 9457 problem of a failed REST read. */
  readonly problem?: unknown;
  /** The JSON-RPC error code and `data` of a failed call. */
  readonly rpcCode?: number;
  readonly data?: unknown;
  /** Set when the code is unknown to the stored catalog and the server could not be asked. */
  readonly offline?: boolean;
}

/**
 * Where an error code comes from: the storage service's own list (`service`), the S3-standard codes that list
 * lacks, which S3 SDKs and proxies produce (`s3`), or Errata's generic answer for a code it does not know
 * (`generic`, the `UnrecognizedError` entry).
 */
export type ErrorOrigin = 'service' | 's3' | 'generic';

/** One error, described in one locale: exactly what `errors.describe` answers. */
export interface ErrorDescription {
  /** The code of the entry that answers; for another spelling of a code (an alias), the entry's own code. */
  code: string;
  /**
   * The code as asked for, present only when it is not `code`: an alias (`NoSuchBucketPolicy` answered by
   * `NotSuchBucketPolicy`), or in an `explain` of an unknown code, the code the response carried.
   */
  requestedCode?: string;
  variant: string | null;
  /** Which set `code` belongs to; a newer server may add values. */
  origin: ErrorOrigin | string;
  httpStatus: number;
  category: string;
  retry: 'never' | 'retryable' | 'throttling' | string;
  fault: 'client' | 'server' | string;
  serviceMessage: string;
  locale: string;
  /** Nothing asked for matched, or a text came from another locale. */
  fallback: boolean;
  message: string;
  remediation: string;
  /** What a developer calling the storage API should check or change in code; only for an entry that has one. */
  developerHint?: string;
  /** How to retry the failed request; only for an error that retrying can fix (`retry` is not `never`). */
  retryPolicy?: RetryPolicy;
  revision: number;
  /** The error's documentation page, when the server provides it. */
  docsUrl?: string;
  /**
   * Set when `params` were given for a text with plural, select or number arguments while the server could
   * not be reached: such texts are rendered by the server only, so the stored text with the entry's default
   * values answers (and `fallback` is true).
   */
  paramsIgnored?: true;
}

/** Capped exponential backoff: wait up to min(baseDelayMs × 2^(n − 1), maxDelayMs) ms after the n-th failed attempt. */
export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Whether the response's Retry-After is the wait to use. */
  honorRetryAfter: boolean;
}

/** What `describe` answers for an unknown code when the caller gave the service's own message. */
export interface ServiceMessageDescription {
  code: string;
  variant: null;
  serviceMessage: string;
  message: string;
  remediation: '';
  fallback: true;
  known: false;
  locale: string | null;
  revision: number | null;
}

export interface ErrorList {
  revision: number;
  locale: string;
  entries: ErrorDescription[];
}

/** What `errors.explain` answers about a raw storage response. */
export interface Explanation {
  /**
   * Whether the response's code (or another spelling of it) is in the catalog. When false, `description` is
   * the generic answer the server chose for the response's HTTP status (`origin: 'generic'`,
   * `code: 'UnrecognizedError'`, `requestedCode` the code as sent when the response carried one).
   */
  known: boolean;
  /** The entry that explains the response; null only for an unknown code when the catalog has no generic answer for its status. */
  description: ErrorDescription | null;
  /** For an unknown code, the closest known codes and spellings, closest first. */
  suggestions: string[];
  response: {
    format: 'xml' | 'json' | 'headers';
    code?: string;
    message?: string;
    requestId?: string;
    hostId?: string;
    resource?: string;
    bucket?: string;
    key?: string;
    httpStatus?: number;
  };
}

/** Where the catalog is kept between visits. Values are plain JSON-like objects. */
export interface ErrataStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export interface ErrataOptions {
  /** The Errata server's base URL, e.g. `https://errata.example.com`. */
  server: string | URL;
  /** An explicit locale; it wins over the browser's languages. The server picks the catalog locale. */
  locale?: string;
  /** Where the catalog is kept; IndexedDB in browsers, else memory. */
  storage?: ErrataStorage;
  /** The fetch to use (tests count requests with it). */
  fetch?: typeof fetch;
  /** The user's languages in order of preference; `navigator.languages` by default. */
  languages?: readonly string[];
  /** Sync the stored catalog the first time a locale is used (default true). */
  autoSync?: boolean;
}

export interface Errata {
  /** The catalog locale the server chose for this client once known; else the explicit locale, or null. */
  readonly locale: string | null;
  /** The failure of the last sync, or null. */
  readonly lastSyncError: ErrataError | null;
  /**
   * Describes an error code from the stored catalog (no request), or asks the server when nothing is
   * stored yet; describes in one tick share one JSON-RPC batch. `params` fill the texts' placeholders:
   * `{name}` ones from the stored catalog; a text with ICU plural, select or number arguments is rendered
   * by the server (one request), and offline answers its default rendering marked `paramsIgnored`.
   * With `serviceMessage`, an unknown code answers that message instead of throwing.
   */
  describe(code: string, options?: {
    variant?: string;
    locale?: string;
    params?: Record<string, string>;
    serviceMessage?: string;
  }): Promise<ErrorDescription | ServiceMessageDescription>;
  /** Every error, optionally of one category or HTTP status, in catalog order. */
  list(filter?: { category?: string; httpStatus?: number; locale?: string }): Promise<ErrorList>;
  /** Explains what a storage service sent: a fetch Response, a body string, or its parts. */
  explain(
    response: Response | string | { body?: string; httpStatus?: number; headers?: Record<string, string> | Headers },
    options?: { locale?: string },
  ): Promise<Explanation>;
  /** Brings the stored catalog of a locale up to date; resolves to its revision. */
  sync(options?: { locale?: string }): Promise<number>;
}

/** A client of one Errata server. */
export function createErrata(options: ErrataOptions): Errata;

/** Storage kept in memory only. */
export function memoryStorage(): ErrataStorage;

/** Storage in an IndexedDB database (default name `errata`). */
export function indexedDBStorage(name?: string): ErrataStorage;

/** The `Accept-Language` value errata.js sends for these languages. */
export function acceptLanguage(languages: readonly string[]): string;

/** Whether retrying the request that failed with this error can succeed (the description has a `retryPolicy`). */
export function isRetryable(description: ErrorDescription | ServiceMessageDescription | null | undefined): boolean;

/**
 * The wait in milliseconds before retrying after attempt number `attempt` (1 after the first) failed, or null
 * when not to retry (again): `retryAfter` (the response's Retry-After, in seconds) when the policy honors it,
 * else the backoff bound min(baseDelayMs × 2^(attempt − 1), maxDelayMs), or with `random` (such as
 * `Math.random`) a wait drawn between 0 and that bound ("full jitter").
 */
export function delayForAttempt(
  description: ErrorDescription | ServiceMessageDescription | null | undefined,
  attempt: number,
  options?: { retryAfter?: number | string | null; random?: () => number },
): number | null;

/** A text with its `{placeholders}` filled exactly as the server fills them. */
export function renderTemplate(text: string, values: Record<string, string>): string;

declare global {
  interface HTMLElementTagNameMap {
    /**
     * `<errata-message code="NoSuchKey" variant="" locale="" server="" service-message="" alert>`:
     * renders `<p data-part="message">` and `<p data-part="remediation">` (or `<p data-part="error">`) into its
     * light DOM, as text, and fires a bubbling `errata-rendered` event after each render. Without `server` it
     * uses the server that served errata.js (`/client/errata.js`); `alert` gives it `role="alert"`. After a
     * render it carries `data-origin` (the description's `origin`), and `data-entry-code` when `code` was another
     * spelling of the entry that answered (its `code`), so a page can mark them; both are removed otherwise.
     */
    'errata-message': HTMLElement;
  }
}
