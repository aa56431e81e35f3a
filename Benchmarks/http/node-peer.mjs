// N: an honest Node.js peer for the HTTP benchmark — node's own `http` module, one cluster worker
// per core, the body serialized once at start-up, and the same caching headers as Errata's answer
// (ETag, Cache-Control, Vary, Content-Language) with 304 for a matching If-None-Match.
//
// usage: node node-peer.mjs PORT BODY_FILE ETAG CONTENT_LANGUAGE
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import http from "node:http";
import { availableParallelism } from "node:os";

const [port, bodyFile, etag, contentLanguage] = process.argv.slice(2);

if (cluster.isPrimary) {
  for (let i = 0; i < availableParallelism(); i++) cluster.fork();
  cluster.on("exit", (worker, code) => { if (code !== 0) process.exit(code); });
} else {
  const body = readFileSync(bodyFile);
  const common = {
    "ETag": etag,
    "Cache-Control": "public, max-age=60",
    "Vary": "Accept-Language",
    "Content-Language": contentLanguage,
  };
  const ok = { ...common, "Content-Type": "application/json; charset=utf-8", "Content-Length": String(body.length) };
  http.createServer((request, response) => {
    if (request.url !== "/v1/errors/NoSuchKey" || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "Content-Length": "0" }).end();
      return;
    }
    const tags = (request.headers["if-none-match"] ?? "").split(",").map((tag) => tag.trim());
    if (tags.includes(etag) || tags.includes("*")) {
      response.writeHead(304, common).end();
      return;
    }
    response.writeHead(200, ok);
    response.end(request.method === "HEAD" ? undefined : body);
  }).listen(Number(port), "127.0.0.1");
}
