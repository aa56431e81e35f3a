// JSON-RPC 2.0 over `POST /rpc` on this origin. The token lives in sessionStorage only: never in a URL,
// localStorage or a log, and it is gone when the tab closes or the admin signs out.

const TOKEN_KEY = "errata.console.token";

/// The bearer token of this tab's session.
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/// A JSON-RPC error object (or a failure to reach the service), with its stable `reason`.
export class RpcError extends Error {
  constructor({ code, message, data }) {
    super(data?.detail ?? message);
    this.code = code;
    this.reason = data?.reason ?? message;
    this.field = data?.field;
    this.data = data ?? {};
  }
}

let nextId = 1;

async function post(body) {
  const headers = { "Content-Type": "application/json" };
  const bearer = token.get();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let response;
  try {
    response = await fetch("/rpc", { method: "POST", headers, body: JSON.stringify(body), credentials: "omit" });
  } catch {
    throw new RpcError({ code: 0, message: "Network", data: { reason: "Network", detail: "the service could not be reached" } });
  }
  if (!response.ok) {
    throw new RpcError({ code: response.status, message: "HTTP", data: { reason: "HTTP", detail: `the service answered HTTP ${response.status}` } });
  }
  return response.json();
}

/// Calls `method`; answers its result or throws an RpcError.
export async function call(method, params) {
  const answer = await post({ jsonrpc: "2.0", id: nextId++, method, ...(params ? { params } : {}) });
  if (answer.error) throw new RpcError(answer.error);
  return answer.result;
}

/// Calls several methods in one batch; answers `{result}` or `{error: RpcError}` for each, in order.
export async function batch(calls) {
  if (calls.length === 0) return [];
  const first = nextId;
  nextId += calls.length;
  const answers = await post(calls.map(({ method, params }, index) =>
    ({ jsonrpc: "2.0", id: first + index, method, ...(params ? { params } : {}) })));
  if (!Array.isArray(answers)) throw new RpcError(answers.error ?? { code: 0, message: "InvalidResponse" });
  const byId = new Map(answers.map((answer) => [answer.id, answer]));
  return calls.map((_, index) => {
    const answer = byId.get(first + index);
    if (!answer) return { error: new RpcError({ code: 0, message: "InvalidResponse", data: { reason: "InvalidResponse", detail: "the service left a call unanswered" } }) };
    return answer.error ? { error: new RpcError(answer.error) } : { result: answer.result };
  });
}

const WORDS = {
  Unauthorized: "The service did not accept the token: it is wrong, revoked, or missing. Sign in again with a valid token.",
  TooManyAuthFailures: "Too many failed sign-ins from this address. Wait a little, then try again.",
  Conflict: "Someone else saved this text first.",
  DraftEmpty: "The draft has no pending edits, so there is nothing to publish.",
  DraftPending: "The draft holds pending edits. Publish or discard them before reverting.",
  LocaleExists: "The catalog has this locale already.",
  Network: "The service could not be reached. Check the connection and try again.",
};

/// The error in words for the admin, never a JSON dump.
export function explain(error) {
  if (!(error instanceof RpcError)) return `Something went wrong: ${error?.message ?? error}`;
  if (error.reason === "Forbidden") return `Your token's scope does not allow this (${error.message}).`;
  if (error.reason === "InvalidParams") {
    return error.field && !error.message.startsWith(error.field) ? `${error.field}: ${error.message}` : error.message;
  }
  return WORDS[error.reason] ?? error.message;
}
