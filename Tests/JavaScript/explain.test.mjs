// errata.explain against errors.explain (issue #11 contract A): a storage response in, a description out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createErrata, memoryStorage } from '../../Sources/ErrataWeb/Resources/client/errata.js';
import { startServer, countingFetch } from './live-server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.remove(); });

const noSuchKey = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code>'
  + '<Message>The specified key does not exist.</Message><Resource>/photos/2006/February/sample.jpg</Resource>'
  + '<RequestId>4442587FB7D0A2F9</RequestId></Error>';

const client = (options = {}) => createErrata({ server: server.url, storage: memoryStorage(), languages: [], autoSync: false, ...options });

test('a body string is explained with the description errors.describe gives', async () => {
  const explanation = await client({ locale: 'zh-Hant' }).explain(noSuchKey);
  assert.equal(explanation.known, true);
  const { result } = await server.rpc('errors.describe', { code: 'NoSuchKey', locale: 'zh-Hant' });
  assert.deepEqual(explanation.description, result);
  assert.equal(explanation.response.format, 'xml');
  assert.equal(explanation.response.requestId, '4442587FB7D0A2F9');
});

test('a fetch Response gives its status, headers and body; the Response stays readable', async () => {
  const response = new Response(noSuchKey, {
    status: 404, headers: { 'Content-Type': 'application/xml', 'x-amz-request-id': '4442587FB7D0A2F9' },
  });
  const explanation = await client({ languages: ['zh-TW'] }).explain(response);
  assert.equal(explanation.description.locale, 'zh-Hant');
  assert.equal(explanation.response.httpStatus, 404);
  assert.equal(await response.text(), noSuchKey);
});

test('headers alone (a HEAD) are explained from x-amz-error-code', async () => {
  const explanation = await client({ locale: 'en' }).explain({
    httpStatus: 503, headers: new Headers({ 'x-amz-error-code': 'SlowDown', 'x-amz-request-id': 'R1' }),
  });
  assert.equal(explanation.description.code, 'SlowDown');
  assert.equal(explanation.response.format, 'headers');
  assert.equal(explanation.response.requestId, 'R1');
});

test('the variant is picked by the service message', async () => {
  const body = '<Error><Code>BucketNotEmpty</Code><Message>The bucket you tried to delete has acl didn\'t delete.</Message></Error>';
  assert.equal((await client({ locale: 'en' }).explain(body)).description.variant, 'acl');
});

test('an unknown code gets suggestions and the generic answer the server chose, never an error', async () => {
  const body = '<Error><Code>NoSuchKye</Code><Message>Whatever.</Message></Error>';
  const explanation = await client({ locale: 'zh-Hans' }).explain({ body, httpStatus: 404 });
  assert.equal(explanation.known, false);
  assert.ok(explanation.suggestions.includes('NoSuchKey'));
  const { description } = explanation;
  assert.equal(description.origin, 'generic');
  assert.equal(description.requestedCode, 'NoSuchKye');
  const { result } = await server.rpc('errors.describe', { code: description.code, variant: description.variant, locale: 'zh-Hans' });
  assert.deepEqual(description, { ...result, requestedCode: 'NoSuchKye' });
});

test('another spelling of a code is known, answered by its entry naming the code as sent', async () => {
  const body = '<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message><RequestId>R7</RequestId></Error>';
  const explanation = await client({ locale: 'ko' }).explain({ body, httpStatus: 404 });
  assert.equal(explanation.known, true);
  assert.deepEqual(explanation.suggestions, []);
  assert.equal(explanation.description.code, 'NotSuchBucketPolicy');
  assert.equal(explanation.description.requestedCode, 'NoSuchBucketPolicy');
  assert.equal(explanation.description.origin, 'service');
  assert.equal(explanation.response.requestId, 'R7');
});

test('hostile input is an ErrataError with reason invalid-params', async () => {
  const body = '<!DOCTYPE Error [<!ENTITY x SYSTEM "http://127.0.0.1:9/">]><Error><Code>&x;</Code></Error>';
  await assert.rejects(client({ locale: 'en' }).explain(body), { reason: 'invalid-params' });
  await assert.rejects(client().explain(42), { reason: 'invalid-params' });
});

test('explains and describes in one tick share one JSON-RPC batch', async () => {
  const fetch = countingFetch();
  const errata = client({ locale: 'en', fetch });
  await Promise.all([errata.explain(noSuchKey), errata.describe('SlowDown'), errata.explain({ headers: { 'x-amz-error-code': 'NoSuchBucket' } })]);
  assert.deepEqual(fetch.requests.map(({ method, path }) => `${method} ${path}`), ['POST /rpc']);
});
