/** Just enough of OpenAPI 3 to walk operations and sample their bodies. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  example?: unknown;
}

export interface OpenApiDoc {
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  method: string;
  /** `/api/v1/contests/{id}` */
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodySchema?: Schema;
  multipart: boolean;
}

export function operations(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodySchema: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return out;
}

function resolve(doc: OpenApiDoc, s: Schema): Schema {
  let cur = s;
  for (let i = 0; i < 10 && cur.$ref; i++) cur = doc.components?.schemas?.[cur.$ref.split('/').pop()!] ?? {};
  if (cur.allOf)
    return cur.allOf
      .map((x) => resolve(doc, x))
      .reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties }, required: [...(a.required ?? []), ...(b.required ?? [])] }), {});
  return cur;
}

/** A plausible value for a schema: the starting point that fuzzing then breaks one field at a time. */
export function sample(doc: OpenApiDoc, s: Schema | undefined, ids: string[], depth = 0): unknown {
  if (!s || depth > 4) return null;
  const r = resolve(doc, s);
  if (r.example !== undefined) return r.example;
  if (r.enum?.length) return r.enum[0];
  if (r.oneOf?.length || r.anyOf?.length) return sample(doc, (r.oneOf ?? r.anyOf)![0], ids, depth + 1);
  switch (r.type ?? 'object') {
    case 'string':
      return r.format === 'uuid' ? ids[depth % ids.length] : r.format === 'date-time' ? new Date().toISOString() : 'Luật Bầu cử 2015';
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [sample(doc, r.items, ids, depth + 1)];
    default: {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r.properties ?? {})) o[k] = sample(doc, v, ids, depth + 1);
      return o;
    }
  }
}
