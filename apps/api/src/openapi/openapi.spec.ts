import 'reflect-metadata';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ResponseObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ERROR_CODES } from './error-codes';
import { apiOpenApiDocument, previewApi } from './openapi-document';

const ROOT = join(__dirname, '../../../..');
/** The checked-in copies the web app builds from; `npm run openapi:write` regenerates both. */
const DOC_FILE = join(ROOT, 'apps/web/src/shared/api/openapi.json');
const TYPES_FILE = join(ROOT, 'apps/web/src/shared/api/schema.d.ts');
const WRITE = process.env.OPENAPI_WRITE === '1';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operationsOf(doc: OpenAPIObject): { name: string; op: OperationObject }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ name: `${m.toUpperCase()} ${path}`, op: item[m]! })));
}

/** openapi-typescript's output for a document file (its CLI: the package is an ES module). */
function generateTypes(docFile: string): string {
  return execFileSync(process.execPath, [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), docFile], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('OpenAPI document (/docs/openapi.json)', () => {
  let doc: OpenAPIObject;
  let text: string;

  beforeAll(async () => {
    doc = await apiOpenApiDocument();
    text = `${JSON.stringify(doc, null, 2)}\n`;
  });

  it('is the checked-in copy, and the web types are generated from it (else: npm run openapi:write)', () => {
    if (WRITE) writeFileSync(DOC_FILE, text);
    const types = generateTypes(DOC_FILE);
    if (WRITE) writeFileSync(TYPES_FILE, types);
    expect(readFileSync(DOC_FILE, 'utf8')).toBe(text);
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(types);
  });

  it('validates as OpenAPI 3 (@readme/openapi-parser)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/validate-openapi.mjs'), file], { encoding: 'utf8' });
    expect({ status: r.status, out: r.stdout, err: r.stderr }).toMatchObject({ status: 0 });
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, warnings: [] });
  });

  it('describes a success body for every operation (a schema, a file, or no content)', () => {
    const missing: string[] = [];
    for (const { name, op } of operationsOf(doc)) {
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      const described = success.some(([status, r]) => {
        const content = (r as ResponseObject).content;
        if (status === '204') return !content;
        return !!content && Object.values(content).every((m) => m.schema && Object.keys(m.schema).length > 0);
      });
      if (!described) missing.push(name);
    }
    expect(missing).toEqual([]);
  });

  it('lists the error body for every 4xx and 5xx, with the code enum', () => {
    const codes = (doc.components!.schemas!.ErrorResponse as { properties: { code: { enum: string[] } } }).properties.code.enum;
    expect(codes).toEqual([...ERROR_CODES].sort());
    for (const { name, op } of operationsOf(doc)) {
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      expect({ name, statuses: errors.map(([s]) => s) }).toEqual({ name, statuses: expect.arrayContaining(['400', '503']) });
      for (const [status, r] of errors) {
        // Health answers 503 with its own report (which check is down), not an error body.
        const expected = name === 'GET /api/v1/health' && status === '503' ? 'HealthResponse' : 'ErrorResponse';
        const response = r && '$ref' in r ? doc.components!.responses![String(r.$ref).split('/').pop()!] : r;
        expect({ name, status, schema: (response as ResponseObject).content?.['application/json']?.schema }).toEqual({
          name,
          status,
          schema: { $ref: `#/components/schemas/${expected}` },
        });
      }
    }
  });

  it('marks optional headers optional, and names each header once', () => {
    const submit = doc.paths['/api/v1/attempts/{id}/submit'].post!;
    const headers = (submit.parameters as ParameterObject[]).filter((p) => p.in === 'header');
    expect(headers.map((h) => [h.name.toLowerCase(), h.required ?? false])).toEqual([['idempotency-key', false]]);
    for (const { name, op } of operationsOf(doc)) {
      const names = ((op.parameters ?? []) as ParameterObject[]).filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
      expect({ name, names }).toEqual({ name, names: [...new Set(names)] });
    }
  });
});

describe('schema names', () => {
  /**
   * @nestjs/swagger names a schema after its class and silently keeps one of two classes
   * with the same name: a client generated from the document then sends the wrong body.
   */
  it('are unique: no two classes reachable from a route share a name', async () => {
    const app = await previewApi();
    const byName = new Map<string, Set<unknown>>();
    const seen = new Set<unknown>();
    const visit = (t: unknown, lazy = false): void => {
      if (Array.isArray(t)) return t.forEach((x) => visit(x, lazy));
      if (typeof t !== 'function' || seen.has(t)) return;
      // A property's lazy `type: () => Dto` (an arrow function has no prototype).
      if (!t.prototype) return lazy ? visit((t as () => unknown)()) : undefined;
      if ([String, Number, Boolean, Object, Array, Date, Promise, Buffer, Function].includes(t as never)) return;
      seen.add(t);
      byName.set(t.name, (byName.get(t.name) ?? new Set()).add(t));
      for (let proto = t.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const key of (Reflect.getMetadata('swagger/apiModelPropertiesArray', proto) ?? []) as string[]) {
          const meta = Reflect.getMetadata('swagger/apiModelProperties', proto, key.slice(1)) as { type?: unknown; items?: { type?: unknown } } | undefined;
          visit(meta?.type, true);
          visit(meta?.items?.type, true);
        }
      }
    };
    try {
      for (const mod of app.get(ModulesContainer).values()) {
        for (const { metatype } of mod.controllers.values()) {
          const proto = (metatype as { prototype: Record<string, unknown> }).prototype;
          for (const key of Object.getOwnPropertyNames(proto).filter((k) => k !== 'constructor')) {
            visit(Reflect.getMetadata('design:paramtypes', proto, key));
            const responses = (Reflect.getMetadata('swagger/apiResponse', proto[key] as object) ?? {}) as Record<string, { type?: unknown }>;
            Object.values(responses).forEach((r) => visit(r.type));
            visit(Reflect.getMetadata('swagger/apiExtraModels', proto[key] as object));
          }
        }
      }
    } finally {
      await app.close();
    }
    const shared = [...byName].filter(([, classes]) => classes.size > 1).map(([name]) => name);
    expect(seen.size).toBeGreaterThan(30);
    expect(shared).toEqual([]);
  });
});

describe('error codes', () => {
  /** Source files of the feature libraries (not tests). */
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return sources(p);
      return p.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(p) && p.includes('/src/') ? [p] : [];
    });
  }

  it('ERROR_CODES is exactly the codes the libraries send', () => {
    const sent = new Set<string>();
    const dynamic: string[] = [];
    for (const file of sources(join(ROOT, 'libs'))) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\b(?:badRequest|conflict|DomainError|throwIfAny)\(\s*'([a-z0-9_]+)'/g)) sent.add(m[1]);
      // A status with no DomainError helper (429 login_delayed) is thrown as an HttpException with a code.
      for (const m of src.matchAll(/new HttpException\(\s*\{[\s\S]{0,300}?\bcode: '([a-z0-9_]+)'/g)) sent.add(m[1]);
      // A code passed on from a variable must be one of the above; list such places here once reviewed.
      for (const m of src.matchAll(/\b(?:badRequest|conflict|new DomainError|throwIfAny)\(\s*([A-Za-z_.]+)\s*(?=[,)])/g))
        dynamic.push(`${file.slice(ROOT.length + 1)}: ${m[1]}`);
      // The platform's own replies (validation, rate limit, unavailable, Fastify's and Nest's errors).
      if (file.endsWith('platform/src/http/all-exceptions.filter.ts') || file.endsWith('platform/src/http/validation.ts')) {
        for (const m of src.matchAll(/(?:code: |\d{3}: |\? |^\s*: )'([a-z][a-z_]*)'/gm)) sent.add(m[1]);
      }
    }
    expect(dynamic.sort()).toEqual([
      'libs/contests/src/pool/round-pool.service.ts: e.code', // re-throws a pool DomainError with the round named
      'libs/judging/src/common/problems.ts: code', // throwIfAny(code, …) — its callers' codes are scanned
      'libs/platform/src/http/domain-error.ts: code', // conflict()
      'libs/platform/src/http/domain-error.ts: code', // badRequest()
    ]);
    expect([...ERROR_CODES].sort()).toEqual([...sent].sort());
  });
});
