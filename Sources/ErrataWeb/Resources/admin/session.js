// Who the signed-in token is and what its scope allows. `session.whoami` answers that where the server has
// it; an older server is asked three side-effect-free questions whose answers differ only by scope.

import { supports } from "./capabilities.js";
import { batch, call, token, RpcError } from "./rpc.js";

const SCOPES = ["read", "edit", "publish", "admin"];

/// The signed-in token: `{name, scope, allows: {read, edit, publish, admin}}`, or null.
export let current = null;

/// Signs in with `secret` (kept in sessionStorage); throws an RpcError when the service refuses it,
/// or when its scope cannot edit.
export async function signIn(secret) {
  token.set(secret);
  try {
    const session = supports("session.whoami") ? await call("session.whoami") : await probe();
    if (!session.allows.edit) {
      throw new RpcError({ code: -32003, message: "Forbidden", data: { reason: "Forbidden",
        detail: `the console needs scope 'edit' or higher; the token has '${session.scope}'` } });
    }
    current = session;
    return session;
  } catch (error) {
    token.clear();
    current = null;
    throw error;
  }
}

/// Forgets the token.
export function signOut() {
  token.clear();
  current = null;
}

/// Whether the signed-in scope includes `scope`.
export function allows(scope) {
  return Boolean(current?.allows[scope]);
}

// Scope is checked before params, so a call with a param out of range is refused as Forbidden below the
// method's scope and as InvalidParams at or above it, and changes nothing either way.
async function probe() {
  const [draft, revert, history] = await batch([
    { method: "admin.draft" },
    { method: "admin.revert", params: { toRevision: 0, note: "scope probe" } },
    { method: "admin.history", params: { limit: 0 } },
  ]);
  for (const answer of [draft, revert, history]) {
    if (answer.error && answer.error.reason !== "Forbidden" && answer.error.reason !== "InvalidParams") throw answer.error;
  }
  const granted = (answer) => answer.error?.reason !== "Forbidden";
  const allowed = { read: true, edit: granted(draft), publish: granted(revert), admin: granted(history) };
  const scope = SCOPES.filter((name) => allowed[name]).pop();
  return { name: null, scope, allows: allowed };
}
