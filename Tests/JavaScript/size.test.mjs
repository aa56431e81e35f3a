// errata.js stays one small, dependency-free module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { clientPath } from './live-server.mjs';

const source = readFileSync(clientPath);

test('errata.js is under 10 KB gzip-compressed', () => {
  const size = gzipSync(source, { level: 9 }).length;
  assert.ok(size < 10 * 1024, `errata.js is ${size} bytes gzip-compressed`);
});

test('errata.js imports nothing and has its types beside it', () => {
  assert.doesNotMatch(source.toString(), /^\s*import\s/m);
  assert.doesNotMatch(source.toString(), /\bimport\s*\(/);
  const types = readFileSync(clientPath.replace(/\.js$/, '.d.ts'), 'utf8');
  for (const name of ['createErrata', 'ErrataError', 'memoryStorage', 'indexedDBStorage', 'acceptLanguage', 'renderTemplate']) {
    assert.match(types, new RegExp(`export (function|class) ${name}\\b`), `errata.d.ts declares ${name}`);
  }
});

test('errata.js sets text as text, never as markup', () => {
  assert.doesNotMatch(source.toString(), /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
});
