// Developer hints and retry policies in errata.js: described like the server describes them, filled with
// placeholder values from the stored catalog, and turned into waits by isRetryable and delayForAttempt.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createErrata, delayForAttempt, isRetryable, memoryStorage } from '../../Sources/ErrataWeb/Resources/client/errata.js';
import { countingFetch, startServer } from './live-server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.remove(); });

const throttling = { baseDelayMs: 500, maxDelayMs: 20000, maxAttempts: 3, honorRetryAfter: true };

test('SlowDown carries its hint and the throttling policy; NoSuchKey neither', async () => {
  const errata = createErrata({ server: server.url, storage: memoryStorage(), locale: 'ja', autoSync: false });
  await errata.sync();
  const slowDown = await errata.describe('SlowDown');
  assert.match(slowDown.developerHint, /SlowDown/);
  assert.deepEqual(slowDown.retryPolicy, throttling);
  assert.equal(isRetryable(slowDown), true);
  const noSuchKey = await errata.describe('NoSuchKey');
  assert.equal(isRetryable(noSuchKey), false);
  assert.equal(delayForAttempt(noSuchKey, 1), null);
  assert.equal('retryPolicy' in noSuchKey, false);
});

test('delayForAttempt doubles up to the cap, stops at the last attempt and honors Retry-After', () => {
  const description = { retryPolicy: { baseDelayMs: 100, maxDelayMs: 1000, maxAttempts: 6, honorRetryAfter: true } };
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((attempt) => delayForAttempt(description, attempt)), [null, 100, 200, 400, 800, 1000, null]);
  assert.equal(delayForAttempt({ retryPolicy: throttling }, 2), 1000);
  assert.equal(delayForAttempt(description, 1, { retryAfter: '7' }), 7000);
  assert.equal(delayForAttempt(description, 1, { retryAfter: 3 }), 3000);
  assert.equal(delayForAttempt(description, 6, { retryAfter: '7' }), null);
  for (const retryAfter of ['Wed, 21 Oct 2026 07:28:00 GMT', '-1', '1.5', '', null]) {
    assert.equal(delayForAttempt(description, 1, { retryAfter }), 100, `Retry-After: ${retryAfter}`);
  }
  const ignoring = { retryPolicy: { ...description.retryPolicy, honorRetryAfter: false } };
  assert.equal(delayForAttempt(ignoring, 1, { retryAfter: '7' }), 100);
  assert.equal(delayForAttempt(ignoring, 3, { random: () => 0 }), 0);
  assert.equal(delayForAttempt(ignoring, 3, { random: () => 0.999999 }), 400);
  assert.equal(isRetryable(null), false);
  assert.equal(delayForAttempt(undefined, 1), null);
});

test('a hint with placeholders is filled from the stored catalog exactly as the server fills it', async () => {
  const token = await server.token('publish');
  const { result: snapshot } = await server.rpc('catalog.snapshot', {});
  const entry = snapshot.entries.find((candidate) => Object.keys(candidate.parameters).length);
  const [name] = Object.keys(entry.parameters);
  await server.publish(token, { code: entry.code, variant: entry.variant, locale: 'en', field: 'developerHint', text: `Send at most {${name}} per request.` });
  const fetch = countingFetch();
  const errata = createErrata({ server: server.url, storage: memoryStorage(), locale: 'en', fetch, autoSync: false });
  await errata.sync();
  fetch.requests.length = 0;
  for (const value of ['7 MiB', '  ']) {
    const params = { [name]: value };
    const expected = await server.rpc('errors.describe', { code: entry.code, variant: entry.variant, locale: 'en', params });
    assert.deepEqual(await errata.describe(entry.code, { variant: entry.variant ?? undefined, params }), expected.result, value);
  }
  assert.deepEqual(fetch.requests, [], 'filled from the stored catalog');
});
