type Req = { ip?: string; body?: unknown; actor?: { id: string } };

export function accountTracker(req: Record<string, unknown>): string {
  const r = req as Req;
  const body = r.body as { login?: unknown; phone?: unknown } | undefined;
  const login = typeof body?.login === 'string' ? body.login : typeof body?.phone === 'string' ? body.phone : '';
  const key = login
    .replace(/[\s.\-()+]/g, '')
    .toLowerCase()
    .slice(0, 254);
  return key ? `acct:${key}` : `ip:${r.ip ?? ''}`;
}

export function userTracker(req: Record<string, unknown>): string {
  const r = req as Req;
  return r.actor?.id ? `user:${r.actor.id}` : `ip:${r.ip ?? ''}`;
}
