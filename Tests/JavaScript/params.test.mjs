// Placeholder filling in errata.js gives exactly what the server gives, for every code with placeholders.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createErrata, memoryStorage, renderTemplate } from '../../Sources/ErrataWeb/Resources/client/errata.js';
import { startServer, countingFetch } from './live-server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.remove(); });

// Values that probe the edges: text, empty (a placeholder-only text falls back), braces, `$` patterns, non-ASCII.
const values = ['48.8 TiB', '', '{maxObjectSize}', '$& $1 $$', '五十', '  '];

test('every parameterized entry in every locale fills placeholders like errors.describe', async () => {
  const { result: snapshot } = await server.rpc('catalog.snapshot', {});
  const parameterized = snapshot.entries.filter((entry) => Object.keys(entry.parameters).length);
  assert.ok(parameterized.length > 0, 'the catalog has entries with placeholders');
  for (const { tag } of snapshot.locales) {
    const fetch = countingFetch();
    const errata = createErrata({ server: server.url, storage: memoryStorage(), locale: tag, fetch, autoSync: false });
    await errata.sync();
    fetch.requests.length = 0;
    const cases = parameterized.flatMap(({ code, variant, parameters }) => values.flatMap((value) => [
      { code, variant, params: Object.fromEntries(Object.keys(parameters).map((name) => [name, value])) },
      { code, variant, params: { [Object.keys(parameters)[0]]: value } },
    ]));
    const expected = await server.batch(cases.map(({ code, variant, params }) => ['errors.describe', { code, variant, locale: tag, params }]));
    for (const [index, { code, variant, params }] of cases.entries()) {
      assert.deepEqual(await errata.describe(code, { variant, params }), expected[index].result, `${tag} ${code} ${JSON.stringify(params)}`);
    }
    assert.deepEqual(fetch.requests, [], 'filled from the stored catalog');
  }
});

test('renderTemplate scans braces like the server', () => {
  assert.equal(renderTemplate('a {x} {y} {a{b} {1x} {_x} {}', { x: 'X', b: 'B' }), 'a X {y} {aB {1x} {_x} {}');
  assert.equal(renderTemplate(`{${'n'.repeat(64)}}`, { ['n'.repeat(64)]: 'long' }), 'long');
  assert.equal(renderTemplate(`{${'n'.repeat(65)}}`, { ['n'.repeat(65)]: 'long' }), `{${'n'.repeat(65)}}`);
  assert.equal(renderTemplate('{toString}', {}), '{toString}');
});
