// errata.js reads against a live errata-server: describe, list, locale negotiation, failures.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createErrata, memoryStorage, ErrataError } from '../../Sources/ErrataWeb/Resources/client/errata.js';
import { startServer, countingFetch, consoleOrigin } from './live-server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.remove(); });

const client = (options = {}) => createErrata({ server: server.url, storage: memoryStorage(), languages: [], ...options });

describe('locale', () => {
  test('is the one the server negotiates from the browser languages (zh-TW → zh-Hant)', async () => {
    const errata = client({ languages: ['zh-TW', 'en-US'] });
    assert.equal(errata.locale, null);
    const description = await errata.describe('NoSuchKey');
    assert.equal(description.locale, 'zh-Hant');
    assert.equal(errata.locale, 'zh-Hant');
    await errata.sync();
    assert.equal(errata.locale, 'zh-Hant');
  });

  test('an explicit locale wins over the browser languages', async () => {
    const errata = client({ languages: ['zh-TW'], locale: 'zh-CN' });
    assert.equal((await errata.describe('NoSuchKey')).locale, 'zh-Hans');
    assert.equal(errata.locale, 'zh-Hans');
    assert.equal((await errata.describe('NoSuchKey', { locale: 'en' })).locale, 'en');
  });

  test('sends Accept-Language with falling q-values and only headers the server CORS allows', async () => {
    const seen = [];
    const fetch = (url, init) => { seen.push(init.headers ?? {}); return globalThis.fetch(url, init); };
    const errata = client({ languages: ['zh-TW', 'en-US', 'en'], fetch, autoSync: false });
    await errata.describe('NoSuchKey');
    await errata.sync();
    await errata.sync();
    assert.equal(seen[0]['Accept-Language'], 'zh-TW, en-US;q=0.9, en;q=0.8');
    const preflight = await globalThis.fetch(`${server.url}/rpc`, {
      method: 'OPTIONS',
      headers: { Origin: consoleOrigin, 'Access-Control-Request-Method': 'POST' },
    });
    const allowed = preflight.headers.get('access-control-allow-headers').toLowerCase().split(/,\s*/);
    const sent = new Set(seen.flatMap((headers) => Object.keys(headers).map((name) => name.toLowerCase())));
    assert.deepEqual([...sent].sort(), ['accept-language', 'content-type', 'if-none-match']);
    for (const name of sent) assert.ok(allowed.includes(name), `${name} is not allowed by CORS`);
  });
});

describe('describe and list', () => {
  test('every entry in every locale is exactly what errors.describe answers, before and after a sync', async () => {
    const { result: locales } = await server.rpc('locales.list', {});
    for (const { tag } of locales) {
      const { result: catalog } = await server.rpc('catalog.get', { locale: tag });
      const calls = catalog.entries.map(({ code, variant }) => ['errors.describe', { code, variant, locale: tag }]);
      const expected = [];
      // The server takes at most 100 calls in a batch.
      for (let start = 0; start < calls.length; start += 100) {
        expected.push(...(await server.batch(calls.slice(start, start + 100))).map((answer) => answer.result));
      }
      const errata = client({ locale: tag });
      const online = await Promise.all(catalog.entries.map(({ code, variant }) => errata.describe(code, { variant })));
      assert.deepEqual(online, expected, `${tag}, answered by the server`);
      await errata.sync();
      const stored = await Promise.all(catalog.entries.map(({ code, variant }) => errata.describe(code, { variant })));
      assert.deepEqual(stored, expected, `${tag}, from the stored catalog`);
    }
  });

  test('a code with variants without a variant is its first variant, as on the server', async () => {
    const errata = client({ locale: 'en' });
    await errata.sync();
    const { result } = await server.rpc('errors.describe', { code: 'BucketNotEmpty', locale: 'en' });
    assert.deepEqual(await errata.describe('BucketNotEmpty'), result);
    assert.equal((await errata.describe('BucketNotEmpty', { variant: 'acl' })).variant, 'acl');
  });

  test('another spelling of a code is answered as errors.describe answers it, naming the code asked for', async () => {
    const { result } = await server.rpc('errors.describe', { code: 'KeyTooLongError', locale: 'zh-Hant' });
    assert.equal(result.code, 'KeyTooLong');
    assert.equal(result.requestedCode, 'KeyTooLongError');
    const errata = client({ locale: 'zh-Hant' });
    assert.deepEqual(await errata.describe('KeyTooLongError'), result);
    await errata.sync();
    assert.deepEqual(await errata.describe('KeyTooLongError'), result);
  });

  test('list filters like errors.list, online and stored', async () => {
    for (const filter of [{}, { httpStatus: 404 }, { category: 'throttling' }, { category: 'bucket', httpStatus: 409 }]) {
      const { result } = await server.rpc('errors.list', { ...filter, locale: 'zh-Hans' });
      const errata = client({ locale: 'zh-Hans', autoSync: false });
      assert.deepEqual(await errata.list(filter), result, `online ${JSON.stringify(filter)}`);
      await errata.sync();
      assert.deepEqual(await errata.list(filter), result, `stored ${JSON.stringify(filter)}`);
    }
  });
});

describe('failures', () => {
  test('an unknown code is an ErrataError with reason and suggestions', async () => {
    const errata = client({ locale: 'en' });
    await errata.sync();
    await assert.rejects(errata.describe('NoSuchKye'), (error) => {
      assert.ok(error instanceof ErrataError && error instanceof Error);
      assert.equal(error.reason, 'unknown-code');
      assert.deepEqual(error.suggestions.slice(0, 1), ['NoSuchKey']);
      return true;
    });
  });

  test('an unknown code with the service message answers that message instead of throwing', async () => {
    const errata = client({ locale: 'en' });
    const description = await errata.describe('TotallyNew', { serviceMessage: 'Something odd happened.' });
    assert.equal(description.message, 'Something odd happened.');
    assert.equal(description.known, false);
    assert.equal(description.fallback, true);
  });

  test('an unknown variant and an unused placeholder are refused like on the server', async () => {
    const errata = client({ locale: 'en' });
    await errata.sync();
    await assert.rejects(errata.describe('NoSuchKey', { variant: 'nope' }), { reason: 'unknown-variant' });
    await assert.rejects(errata.describe('NoSuchKey', { params: { size: '1' } }), { reason: 'invalid-params', field: 'params.size' });
    await assert.rejects(errata.describe(''), { reason: 'invalid-params' });
  });

  test('a server that cannot be reached is reason offline', async () => {
    const errata = createErrata({ server: 'http://127.0.0.1:9', storage: memoryStorage(), autoSync: false });
    await assert.rejects(errata.describe('NoSuchKey'), { reason: 'offline' });
    await assert.rejects(errata.sync(), { reason: 'offline' });
  });

  test('an answer that is not JSON is reason invalid-response', async () => {
    const fetch = async () => new Response('<html>proxy error page</html>', { status: 200 });
    const errata = createErrata({ server: server.url, storage: memoryStorage(), fetch, autoSync: false });
    await assert.rejects(errata.describe('NoSuchKey'), { reason: 'invalid-response' });
  });

  test('a server error is reason server with its status and problem', async () => {
    const problem = { status: 503, reason: 'NotReady', detail: 'the catalog is loading' };
    const fetch = async () => new Response(JSON.stringify(problem), { status: 503 });
    const errata = createErrata({ server: server.url, storage: memoryStorage(), fetch, autoSync: false });
    await assert.rejects(errata.sync(), { reason: 'server', status: 503, problem, message: 'the catalog is loading' });
  });
});

test('describes in one tick share one JSON-RPC batch', async () => {
  const fetch = countingFetch();
  const errata = client({ locale: 'zh-Hant', fetch, autoSync: false });
  const codes = ['NoSuchKey', 'NoSuchBucket', 'SlowDown', 'AccessDenied', 'InternalError', 'NoSuchKye'];
  const answers = await Promise.allSettled(codes.map((code) => errata.describe(code)));
  assert.deepEqual(answers.map((answer) => answer.status), ['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
  assert.deepEqual(fetch.requests.map(({ method, path }) => `${method} ${path}`), ['POST /rpc']);
});

test('more describes in one tick than a batch may hold are split into batches of 100', async () => {
  const { result: catalog } = await server.rpc('catalog.get', { locale: 'en' });
  const fetch = countingFetch();
  const errata = client({ locale: 'en', fetch, autoSync: false });
  const codes = Array.from({ length: 150 }, (_, index) => catalog.entries[index % catalog.entries.length].code);
  const answers = await Promise.all(codes.map((code) => errata.describe(code)));
  assert.deepEqual(answers.map((answer) => answer.code), codes);
  assert.deepEqual(fetch.requests.map(({ method, path, status }) => `${method} ${path} ${status}`), ['POST /rpc 200', 'POST /rpc 200']);
});
