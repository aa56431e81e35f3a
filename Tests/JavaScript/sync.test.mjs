// The stored catalog: offline describes, ETag revalidation, delta updates after a publish.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createErrata, memoryStorage } from '../../Sources/ErrataWeb/Resources/client/errata.js';
import { startServer, countingFetch } from './live-server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.remove(); });

const requestLines = (fetch) => fetch.requests.map(({ method, path, status }) => `${method} ${path} ${status}`);

test('after the first visit a describe costs no request', async () => {
  const storage = memoryStorage();
  await createErrata({ server: server.url, storage, languages: ['zh-TW'], autoSync: false }).sync();
  const fetch = countingFetch();
  const errata = createErrata({ server: server.url, storage, languages: ['zh-TW'], fetch, autoSync: false });
  const descriptions = await Promise.all(['NoSuchKey', 'SlowDown', 'BucketNotEmpty'].map((code) => errata.describe(code)));
  await errata.describe('EntityTooLarge', { params: { maxObjectSize: '1 TiB' } });
  await errata.list({ httpStatus: 404 });
  assert.deepEqual(fetch.requests, []);
  assert.deepEqual(descriptions.map((description) => description.locale), ['zh-Hant', 'zh-Hant', 'zh-Hant']);
  assert.equal(errata.locale, 'zh-Hant');
});

test('the stored catalog answers with the service stopped, in the negotiated locale', async () => {
  const storage = memoryStorage();
  const first = createErrata({ server: server.url, storage, languages: ['zh-CN'] });
  const online = await first.describe('NoSuchKey');
  const alias = await first.describe('NoSuchBucketPolicy');
  await first.sync();
  const { result: listed } = await server.rpc('errors.list', { locale: 'zh-Hans' });
  await server.stop();
  try {
    const errata = createErrata({ server: server.url, storage, languages: ['zh-CN'] });
    assert.deepEqual(await errata.describe('NoSuchKey'), online);
    // An alias is answered from the stored catalog too, as the service answered it.
    assert.equal(alias.requestedCode, 'NoSuchBucketPolicy');
    assert.deepEqual(await errata.describe('NoSuchBucketPolicy'), alias);
    assert.equal(errata.locale, 'zh-Hans');
    assert.equal((await errata.list()).entries.length, listed.entries.length);
    await assert.rejects(errata.sync(), { reason: 'offline' });
    assert.equal(errata.lastSyncError.reason, 'offline');
    await assert.rejects(errata.describe('NoSuchKye'), { reason: 'unknown-code', offline: true });
    await assert.rejects(errata.describe('BucketNotEmpty', { variant: 'nope' }), { reason: 'unknown-variant', offline: true });
    await assert.rejects(errata.describe('NoSuchKye', { variant: 'nope' }), { reason: 'unknown-code', offline: true });
    assert.equal((await errata.describe('NoSuchKye', { serviceMessage: 'Nope.' })).message, 'Nope.');
    // A locale never stored needs the server.
    await assert.rejects(errata.describe('NoSuchKey', { locale: 'en' }), { reason: 'offline' });
  } finally {
    await server.start();
  }
});

test('a sync with nothing published is one 304 revalidation of the delta feed', async () => {
  const storage = memoryStorage();
  const revision = await createErrata({ server: server.url, storage, locale: 'en', autoSync: false }).sync();
  const fetch = countingFetch();
  const errata = createErrata({ server: server.url, storage, locale: 'en', fetch, autoSync: false });
  assert.equal(await errata.sync(), revision);
  assert.deepEqual(requestLines(fetch), [`GET /v1/catalog/changes?since=${revision} 304`]);
  const [request] = fetch.requests;
  assert.equal(request.status, 304);
});

test('a publish reaches the stored catalog through the delta feed, placeholders included', async () => {
  const token = await server.token('publish');
  const storage = memoryStorage();
  const fetch = countingFetch();
  const errata = createErrata({ server: server.url, storage, locale: 'zh-Hant', fetch, autoSync: false });
  const before = await errata.sync();
  fetch.requests.length = 0;

  const message = '您傳送請求的速度過快，因此服務正暫時限制您的請求。';
  const remediation = '單次上傳的檔案最大為 {maxObjectSize}，請改用分段上傳。';
  await server.publish(token, { code: 'SlowDown', locale: 'zh-Hant', field: 'message', text: message });
  const published = await server.publish(token, { code: 'EntityTooLarge', locale: 'zh-Hant', field: 'remediation', text: remediation });
  assert.equal(published, before + 2);

  assert.equal(await errata.sync(), published);
  assert.deepEqual(requestLines(fetch), [`GET /v1/catalog/changes?since=${before} 200`, 'POST /rpc 200']);
  fetch.requests.length = 0;
  const offline = createErrata({ server: server.url, storage, locale: 'zh-Hant', fetch, autoSync: false });
  assert.equal((await offline.describe('SlowDown')).message, message);
  const filled = await offline.describe('EntityTooLarge', { params: { maxObjectSize: '48.8 TiB' } });
  assert.equal(filled.remediation, '單次上傳的檔案最大為 48.8 TiB，請改用分段上傳。');
  assert.equal(filled.revision, published);
  assert.deepEqual(fetch.requests, []);
  const { result } = await server.rpc('errors.describe', { code: 'EntityTooLarge', locale: 'zh-Hant', params: { maxObjectSize: '48.8 TiB' } });
  assert.deepEqual(filled, result);

  // A change in the source language reaches the locales that fall back to it and leaves the others alone.
  const english = createErrata({ server: server.url, storage, locale: 'en', autoSync: false });
  await english.sync();
  const sourceText = 'Your requests arrive too fast; the service is slowing them down.';
  await server.publish(token, { code: 'SlowDown', locale: 'en', field: 'message', text: sourceText });
  await english.sync();
  await errata.sync();
  assert.equal((await english.describe('SlowDown')).message, sourceText);
  assert.equal((await errata.describe('SlowDown')).message, message);
});

test('automatic sync: a client created with stored texts picks up a publish in the background', async () => {
  const token = await server.token('publish');
  const storage = memoryStorage();
  await createErrata({ server: server.url, storage, locale: 'zh-Hans', autoSync: false }).sync();
  const text = '存储桶不存在，请检查名称。';
  await server.publish(token, { code: 'NoSuchBucket', locale: 'zh-Hans', field: 'message', text });
  const errata = createErrata({ server: server.url, storage, locale: 'zh-Hans' });
  const stale = await errata.describe('NoSuchBucket');
  assert.notEqual(stale.message, text, 'the first describe answers at once from storage');
  await errata.sync(); // joins the background sync the describe started
  assert.equal((await errata.describe('NoSuchBucket')).message, text);
});

test('a stored revision the server never had (a replaced database) is replaced by the whole catalog', async () => {
  const storage = memoryStorage();
  const errata = createErrata({ server: server.url, storage, locale: 'en', autoSync: false });
  const revision = await errata.sync();
  const key = `errata ${server.url} en `;
  const record = await storage.get(key);
  assert.equal(record.revision, revision, 'the record is stored under the key errata.js uses');
  await storage.set(key, { ...record, revision: revision + 100 });
  const fetch = countingFetch();
  const later = createErrata({ server: server.url, storage, locale: 'en', fetch, autoSync: false });
  assert.equal(await later.sync(), revision);
  assert.equal(fetch.requests[0].status, 400);
  assert.equal((await storage.get(key)).revision, revision);
});

test('a locale added on the server is negotiated again at the next sync', async () => {
  const token = await server.token('admin');
  const storage = memoryStorage();
  const errata = createErrata({ server: server.url, storage, languages: ['fr-CA', 'zh-TW'], autoSync: false });
  await errata.sync();
  assert.equal((await errata.describe('NoSuchKey')).locale, 'zh-Hant');
  const { error } = await server.rpc('admin.addLocale', { tag: 'fr', name: 'Français' }, { token });
  assert.equal(error, undefined);
  await errata.sync();
  const { result } = await server.rpc('errors.describe', { code: 'NoSuchKey' }, { headers: { 'Accept-Language': 'fr-CA, zh-TW;q=0.9' } });
  assert.equal(result.locale, 'fr');
  assert.deepEqual(await errata.describe('NoSuchKey'), result);
  assert.equal(errata.locale, 'fr');
});
