// Who the signed-in token is and what its scope allows, as `session.whoami` answers.

import { call, token, RpcError } from "./rpc.js";

/// The signed-in token: `{name, scope, allows: {read, edit, publish, admin}}`, or null.
export let current = null;

/// Signs in with `secret` (kept in sessionStorage); throws an RpcError when the service refuses it,
/// or when its scope cannot edit.
export async function signIn(secret) {
  token.set(secret);
  try {
    const session = await call("session.whoami");
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
