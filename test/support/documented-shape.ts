import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}

const document = JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'api', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
};

function resolve(schema: Schema): Schema {
  if (schema.$ref !== undefined) return resolve(document.components.schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {});
  if (schema.allOf !== undefined) {
    const parts = schema.allOf.map(resolve);
    return { type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})) as Record<string, Schema> };
  }
  return schema;
}

/**
 * Where an answer and the committed OpenAPI disagree: properties sent but not documented, or
 * documented but not sent (followed into nested objects and the first item of arrays).
 */
export function undocumentedDifferences(path: string, method: string, status: number, body: unknown): string[] {
  const content = document.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content;
  const schema = content?.['application/json']?.schema;
  if (schema === undefined) return [`${method} ${path} documents no JSON body for ${status}`];
  const differences: string[] = [];
  const walk = (value: unknown, s: Schema, at: string) => {
    const resolved = resolve(s);
    if (Array.isArray(value)) {
      if (value.length > 0 && resolved.items !== undefined) walk(value[0], resolved.items, `${at}[0]`);
      return;
    }
    if (typeof value !== 'object' || value === null || resolved.properties === undefined) return;
    const sent = Object.keys(value);
    const documented = Object.keys(resolved.properties);
    for (const key of sent) if (!documented.includes(key)) differences.push(`${at}.${key} is sent but not documented`);
    for (const key of documented) if (!sent.includes(key)) differences.push(`${at}.${key} is documented but not sent`);
    for (const key of sent) {
      const child = resolved.properties[key];
      if (child !== undefined) walk((value as Record<string, unknown>)[key], child, `${at}.${key}`);
    }
  };
  walk(body, schema, '$');
  return differences;
}
