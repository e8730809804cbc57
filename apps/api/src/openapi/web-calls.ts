import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * The api calls the web app makes, read from its sources (apps/web/src) with the TypeScript
 * parser, without running it; for staff-coverage.spec.ts. The web app calls the api through
 * `api.get|post|put|patch|delete` and `api.request|raw` (shared/api/client.ts),
 * and `downloadFile` / `downloadPosted` (shared/download.ts), with a path written
 * as a string or a template:
 *
 *   api.put<RoundRulesView>(`/rounds/${seg(roundId)}/rules`, body)
 *   api.request<X>(`${r(roundId)}/advance/preview`, { method: 'POST', body })   // const r = (id) => `/rounds/${seg(id)}`
 *   const path = `/rounds/${seg(roundId)}/entries`; … api.post(path, body)
 *   export: (roundId: string) => `${r(roundId)}/results/export`               // a bare path: fetched with GET
 *
 * Paths are normalised to the OpenAPI document's form with every parameter as `{}`:
 * `/rounds/{}/advance/preview`.
 */
export interface WebCall {
  method: string;
  /** `/rounds/{}/rules`: parameters as `{}`, no query string. */
  path: string;
  /** `organiser/rules/api.ts:4`. */
  at: string;
}

const VERBS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE' };

/** Non-test TypeScript sources of the web app (generated schema types excluded). */
export function webSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return webSources(p);
    return /\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** `/rounds/{id}/results/certificates/{userId}.pdf` → `/rounds/{}/results/certificates/{}.pdf`. */
export function normalisePath(path: string): string {
  return (
    path
      .split('?')[0]
      .replace(/\{[^}]*\}/g, '{}')
      .replace(/\/+$/, '') || '/'
  );
}

/** The method of a call taking the path as its first argument, or null when the callee is not the api client. */
function methodOfCall(call: ts.CallExpression): string | null {
  const callee = call.expression;
  // buildUrl only spells a URL (for a lookup, or an upload sent with XMLHttpRequest): not a call by itself.
  if (ts.isIdentifier(callee)) return callee.text === 'downloadPosted' ? 'POST' : callee.text === 'downloadFile' ? 'GET' : null;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'api') return null;
  const verb = callee.name.text;
  if (VERBS[verb]) return VERBS[verb];
  if (verb !== 'request' && verb !== 'raw') return null;
  const opts = call.arguments[1];
  const method =
    opts && ts.isObjectLiteralExpression(opts) ? opts.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'method') : undefined;
  return method && ts.isPropertyAssignment(method) && ts.isStringLiteralLike(method.initializer) ? method.initializer.text.toUpperCase() : 'GET';
}

/** Every api call of one source file. */
export function callsIn(text: string, file = 'web.ts'): WebCall[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  // Path helpers: `const r = (roundId: string) => `/rounds/${seg(roundId)}`;` (their bodies are not calls themselves).
  const helpers = new Map<string, ts.Node>();
  const visitHelpers = (n: ts.Node): void => {
    if (
      ts.isVariableDeclaration(n) &&
      ts.isIdentifier(n.name) &&
      n.initializer &&
      ts.isArrowFunction(n.initializer) &&
      ts.isTemplateLiteral(n.initializer.body)
    )
      helpers.set(n.name.text, n.initializer.body);
    ts.forEachChild(n, visitHelpers);
  };
  visitHelpers(sf);
  const helperBodies = new Set(helpers.values());

  /** The literal's text with `${helper(…)}` expanded and every other `${…}` as `{}`. */
  const evaluate = (n: ts.Node, depth = 0): string => {
    if (ts.isStringLiteralLike(n)) return n.text;
    if (!ts.isTemplateExpression(n)) return '{}';
    let out = n.head.text;
    for (const span of n.templateSpans) {
      const e = span.expression;
      const helper = ts.isCallExpression(e) && ts.isIdentifier(e.expression) ? helpers.get(e.expression.text) : undefined;
      out += (helper && depth < 5 ? evaluate(helper, depth + 1) : '{}') + span.literal.text;
    }
    return out;
  };

  /** Calls in this file that take the named const as their path. */
  const callsPassing = (name: string): ts.CallExpression[] => {
    const found: ts.CallExpression[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && n.arguments[0] && ts.isIdentifier(n.arguments[0]) && n.arguments[0].text === name) found.push(n);
      ts.forEachChild(n, visit);
    };
    visit(sf);
    return found;
  };

  const calls: WebCall[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n)) && !helperBodies.has(n)) {
      const raw = evaluate(n);
      if (raw.startsWith('/') && !/\s/.test(raw) && !ts.isImportDeclaration(n.parent) && !ts.isExportDeclaration(n.parent)) {
        const path = normalisePath(raw);
        const at = `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
        const parent = n.parent;
        let methods: (string | null)[];
        if (ts.isCallExpression(parent) && parent.arguments[0] === n) methods = [methodOfCall(parent)];
        else if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
          methods = callsPassing(parent.name.text).map(methodOfCall);
          if (!methods.some(Boolean)) methods = ['GET'];
        }
        // A path handed on bare (judgeFiles.export(id) → downloadFile, a link) is fetched with GET.
        else methods = ['GET'];
        for (const method of new Set(methods)) if (method) calls.push({ method, path, at });
      }
      if (!ts.isTemplateExpression(n)) return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return calls;
}

/** Every api call in the web app's sources under `webSrc`, `at` relative to it. */
export function webCalls(webSrc: string): WebCall[] {
  return webSources(webSrc).flatMap((f) => callsIn(readFileSync(f, 'utf8'), relative(webSrc, f)));
}
