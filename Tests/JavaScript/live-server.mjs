// A real errata-server for the errata.js tests: its own database and port, stopped and restarted at will.
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repository = fileURLToPath(new URL('../..', import.meta.url));
export const clientPath = join(repository, 'Sources/ErrataWeb/Resources/client/errata.js');
export const consoleOrigin = 'http://localhost:9999';
const startDeadline = 30_000;

/** The errata-server binary: `ERRATA_SERVER`, else this checkout's debug build. */
export function serverBinary() {
  const path = process.env.ERRATA_SERVER || join(repository, '.build/debug/errata-server');
  if (!existsSync(path)) {
    throw new Error(`no errata-server at ${path}: build it (swift build --product errata-server) or set ERRATA_SERVER`);
  }
  return path;
}

/** Starts a server on a free port with a fresh database; `stop()`, then `start()` again on the same database. */
export async function startServer() {
  const binary = serverBinary();
  const directory = mkdtempSync(join(tmpdir(), 'errata-js-'));
  const database = join(directory, 'errata.sqlite');
  const server = { url: null, process: null, database };

  server.start = async () => {
    const child = spawn(binary, [
      'serve', '--port', '0', '--database', database, '--localizations', join(repository, 'Localizations'),
      '--cors-origin', consoleOrigin, '--grace-period', '1', '--log-level', 'warning',
    ], { stdio: ['ignore', 'pipe', 'inherit'] });
    server.process = child;
    server.url = await new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error('errata-server did not start listening in time')), startDeadline);
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`errata-server exited with ${code}`)); });
      createInterface({ input: child.stdout }).on('line', (line) => {
        const match = /^errata-server: listening on (http:\/\/\S+)$/.exec(line);
        if (match) { clearTimeout(timer); resolvePromise(match[1]); }
      });
    });
    return server.url;
  };

  server.stop = async () => {
    const child = server.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
    child.kill('SIGTERM');
    await exited;
  };

  server.remove = async () => {
    await server.stop();
    rmSync(directory, { recursive: true, force: true });
  };

  /** A new token of `scope`, created with the server's own command. */
  server.token = async (scope = 'publish') => {
    const { stdout } = await promisify(execFile)(binary, [
      'token', 'create', '--name', `js-${scope}-${Date.now()}`, '--scope', scope, '--database', database, '--log-level', 'error',
    ]);
    return stdout.trim();
  };

  /** Calls JSON-RPC methods directly: `[[method, params], …]` as one batch; answers the array of answers. */
  server.batch = async (calls, { token, headers = {} } = {}) => {
    const response = await fetch(`${server.url}/rpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify(calls.map(([method, params], index) => ({ jsonrpc: '2.0', method, params, id: index + 1 }))),
    });
    return response.json();
  };

  /** Calls one JSON-RPC method directly; answers its answer object. */
  server.rpc = async (method, params, options) => (await server.batch([[method, params]], options))[0];

  /** Sets a text and publishes it as a new revision; answers the published revision. */
  server.publish = async (token, { code, variant, locale, field, text }) => {
    const current = await server.rpc('admin.getText', { code, variant, locale, field }, { token });
    const answer = await server.rpc('admin.setText', {
      code, variant, locale, field, text, expectedVersion: current.result.version, publish: true, note: 'errata.js test',
    }, { token });
    if (answer.error) throw new Error(`admin.setText failed: ${JSON.stringify(answer.error)}`);
    return answer.result.publishedRevision;
  };

  await server.start();
  return server;
}

/** A fetch that records every request errata.js makes: `[method path status]`. */
export function countingFetch() {
  const requests = [];
  const counted = async (url, init = {}) => {
    const entry = { method: init.method ?? 'GET', path: new URL(url).pathname + new URL(url).search, status: null };
    requests.push(entry);
    const response = await fetch(url, init);
    entry.status = response.status;
    return response;
  };
  counted.requests = requests;
  return counted;
}
