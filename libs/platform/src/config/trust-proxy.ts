import { BlockList, isIP } from 'node:net';

/**
 * TRUST_PROXY: whose X-Forwarded-For the api believes. `false` (default): nobody's, the client
 * IP is the socket's peer. A list of addresses or CIDR ranges ("127.0.0.1", "10.0.0.0/8,::1"):
 * only those hops, so the client IP is the last address a named proxy saw, and a resident
 * cannot spoof it by sending the header. `true` trusts every hop: safe only when the proxy in
 * front overwrites the header (deploy/nginx does: X-Forwarded-For $remote_addr).
 */
export function parseTrustProxy(raw: string): { value: boolean | string[]; problem?: string } {
  const v = raw.trim().toLowerCase();
  if (['', 'false', '0', 'no'].includes(v)) return { value: false };
  if (['true', '1', 'yes'].includes(v)) return { value: true };
  const hops = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = hops.filter((h) => !isAddressOrRange(h));
  if (bad.length)
    return { value: false, problem: `TRUST_PROXY must be true, false or proxy addresses / CIDR ranges separated by commas (bad: "${bad.join('", "')}")` };
  return { value: hops };
}

function isAddressOrRange(s: string): boolean {
  const [addr, bits, extra] = s.split('/');
  const family = isIP(addr);
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

/**
 * The client's address as Fastify's `req.ip` computes it, for what Fastify does not see (the
 * Socket.IO handshake): the peer, or, while the hop is a trusted proxy, the address it forwarded.
 */
export function clientAddress(peer: string, forwardedFor: string | string[] | undefined, trust: boolean | string[]): string {
  if (trust === false || !forwardedFor) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (trust === true) return hops[0] ?? peer;
  const trusted = new BlockList();
  for (const t of trust) {
    const [addr, bits] = t.split('/');
    const type = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) trusted.addAddress(addr, type);
    else trusted.addSubnet(addr, Number(bits), type);
  }
  const isTrusted = (a: string) => {
    const bare = a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
    const family = isIP(bare);
    return family !== 0 && trusted.check(bare, family === 6 ? 'ipv6' : 'ipv4');
  };
  let ip = peer;
  for (let i = hops.length - 1; i >= 0 && isTrusted(ip); i--) ip = hops[i];
  return ip;
}
