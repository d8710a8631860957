type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Replaces the value at each dotted path (`changes.email`) that is present, copying only
 * the objects on the way so the caller's event data is never mutated.
 */
export function mapPaths(data: unknown, paths: readonly string[], replace: (value: unknown) => unknown): unknown {
  let result = data;
  for (const path of paths) result = mapPath(result, path.split('.'), replace);
  return result;
}

function mapPath(node: unknown, segments: readonly string[], replace: (value: unknown) => unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined || !isObject(node) || !(head in node)) return node;
  const child = node[head];
  const next = rest.length === 0 ? (child === null || child === undefined ? child : replace(child)) : mapPath(child, rest, replace);
  return next === child ? node : { ...node, [head]: next };
}
