// Which methods and params this errata-server has, read once from its own OpenRPC document
// (`rpc.discover`), so the console uses newer methods where they exist and older ones elsewhere.

import { call } from "./rpc.js";

let methods = new Map();

/// Reads `rpc.discover` (public) and remembers every method with its param names.
export async function loadCapabilities() {
  const document = await call("rpc.discover");
  const descriptors = document.components?.contentDescriptors ?? {};
  const paramName = (param) => param.$ref ? descriptors[param.$ref.split("/").pop()]?.name : param.name;
  methods = new Map(document.methods.map((method) =>
    [method.name, new Set((method.params ?? []).map(paramName).filter(Boolean))]));
}

/// Whether the server has `method` (taking `param`, when named).
export function supports(method, param) {
  const params = methods.get(method);
  return params !== undefined && (param === undefined || params.has(param));
}
