// Texts with ICU plural, select or number arguments: errata.js asks the server to render them, never the rules itself.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createErrata, memoryStorage } from '../../Sources/ErrataWeb/Resources/client/errata.js';
import { startServer, countingFetch } from './live-server.mjs';

let server;
let plural;
before(async () => {
  server = await startServer();
  const token = await server.token('publish');
  plural = 'Signed requests are rejected when your clock is off by more than {maxClockSkewMinutes, plural, '
    + 'one {# minute} other {# minutes}}. Synchronize your system clock with NTP, then send the request again.';
  await server.publish(token, { code: 'RequestTimeTooSkewed', locale: 'en', field: 'remediation', text: plural });
});
after(async () => { await server?.remove(); });

test('a plural text is rendered by the server when params are given', async () => {
  const storage = memoryStorage();
  const errata = createErrata({ server: server.url, storage, locale: 'en', autoSync: false });
  await errata.sync();
  const defaults = await errata.describe('RequestTimeTooSkewed');
  assert.match(defaults.remediation, /more than 15 minutes\./);

  const fetch = countingFetch();
  const online = createErrata({ server: server.url, storage, locale: 'en', fetch, autoSync: false });
  const one = await online.describe('RequestTimeTooSkewed', { params: { maxClockSkewMinutes: '1' } });
  assert.match(one.remediation, /more than 1 minute\./);
  assert.deepEqual(fetch.requests.map(({ method, path }) => `${method} ${path}`), ['POST /rpc']);
  // Simple {name} texts still fill in offline, without a request.
  fetch.requests.length = 0;
  await online.describe('EntityTooLarge', { params: { maxObjectSize: '1 TiB' } });
  assert.deepEqual(fetch.requests, []);
  // A value a plural cannot take is the server's invalid-params error, naming the param.
  await assert.rejects(online.describe('RequestTimeTooSkewed', { params: { maxClockSkewMinutes: 'fifteen' } }), (error) => {
    assert.equal(error.reason, 'invalid-params');
    assert.equal(error.data.field, 'params.maxClockSkewMinutes');
    assert.match(error.message, /plain decimal/);
    return true;
  });
});

test('offline, a plural text answers its default rendering marked paramsIgnored', async () => {
  const storage = memoryStorage();
  await createErrata({ server: server.url, storage, locale: 'en', autoSync: false }).sync();
  await server.stop();
  try {
    const offline = createErrata({ server: server.url, storage, locale: 'en', autoSync: false });
    const answer = await offline.describe('RequestTimeTooSkewed', { params: { maxClockSkewMinutes: '1' } });
    assert.match(answer.remediation, /more than 15 minutes\./);
    assert.equal(answer.paramsIgnored, true);
    assert.equal(answer.fallback, true);
    const filled = await offline.describe('EntityTooLarge', { params: { maxObjectSize: '1 TiB' } });
    assert.equal(filled.paramsIgnored, undefined);
    assert.match(filled.message + filled.remediation, /1 TiB/);
  } finally {
    await server.start();
  }
});
