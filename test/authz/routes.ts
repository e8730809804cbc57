import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface RouteRef {
  method: string;
  /** As Nest declares it, without the global prefix: `/contests/:id/rounds`. */
  path: string;
  /** What a client calls: `/api/v1/contests/:id/rounds` (or `/metrics`). */
  url: string;
  /** `GET /contests/:id`: the matrix's key. */
  key: string;
}

const join = (...parts: (string | undefined)[]) =>
  `/${parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every HTTP route the running app serves, read from Nest's own controller metadata (the
 * table the router is built from), so no route escapes the matrix, documented or not.
 * Each is confirmed against Fastify's router, which also tells whether the prefix applies.
 */
export function discoverRoutes(app: NestFastifyApplication, prefix = 'api/v1'): RouteRef[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const fastify = app.getHttpAdapter().getInstance();
  const out = new Map<string, RouteRef>();
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = [Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string | string[]].flat();
    const proto = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = (proto as Record<string, unknown>)[name] as object;
      const routePath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (routePath === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      for (const b of base) {
        for (const p of [routePath].flat()) {
          const path = join(b, p);
          const methods = method === 'ALL' ? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] : [method];
          for (const m of methods) {
            const prefixed = join(prefix, path);
            const url = fastify.hasRoute({ method: m as never, url: prefixed }) ? prefixed : fastify.hasRoute({ method: m as never, url: path }) ? path : null;
            if (!url) throw new Error(`${m} ${path} is declared by ${wrapper.name} but the router does not serve it`);
            out.set(`${m} ${path}`, { method: m, path, url, key: `${m} ${path}` });
          }
        }
      }
    }
  }
  return [...out.values()].sort((a, b) => a.key.localeCompare(b.key));
}
