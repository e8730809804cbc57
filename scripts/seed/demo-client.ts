import type { DemoQuestion } from './demo-questions';

export interface Login {
  token: string;
  user: { id: string; role: string; organisationId: string | null };
}

type Json = Record<string, unknown>;

/** The few API calls the demo seed needs, each "find it, or create it". */
export class DemoClient {
  constructor(private readonly base: string) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from our own API, checked by use
  async call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    okStatuses = [200, 201, 204],
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(this.base + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (!okStatuses.includes(res.status)) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
    return { status: res.status, body: parsed as T };
  }

  async login(login: string, password: string): Promise<Login> {
    const r = await this.call('POST', '/auth/login', { login, password });
    return { token: r.body.accessToken, user: r.body.user };
  }

  private async tryLogin(login: string, password: string): Promise<Login | null> {
    const r = await this.call('POST', '/auth/login', { login, password }, undefined, [200, 401]);
    return r.status === 200 ? { token: r.body.accessToken, user: r.body.user } : null;
  }

  async ensureOrganisation(admin: Login, org: { name: string; level: string; province: string }): Promise<{ id: string }> {
    const list = await this.call('GET', '/organisations?limit=200', undefined, admin.token);
    const found = (list.body.items as { id: string; name: string }[]).find((o) => o.name === org.name);
    return found ?? (await this.call('POST', '/organisations', org, admin.token)).body;
  }

  async ensureStaff(admin: Login, u: { email: string; password: string; fullName: string; role: string; organisationId: string }): Promise<Login> {
    const existing = await this.tryLogin(u.email, u.password);
    if (existing) return existing;
    await this.call('POST', '/users', u, admin.token);
    return this.login(u.email, u.password);
  }

  async ensureResident(r: Json & { phone: string; password: string; unit: string }): Promise<Login & { unit: string }> {
    const existing = await this.tryLogin(r.phone, r.password);
    if (existing) return { ...existing, unit: r.unit };
    const res = await this.call('POST', '/auth/register', r);
    return { token: res.body.accessToken, user: res.body.user, unit: r.unit };
  }

  async ensureBank(organiser: Login, bank: { name: string; description: string }): Promise<{ id: string }> {
    const list = await this.call('GET', '/question-banks?limit=200', undefined, organiser.token);
    const found = (list.body.items as { id: string; name: string }[]).find((b) => b.name === bank.name);
    return found ?? (await this.call('POST', '/question-banks', bank, organiser.token)).body;
  }

  /** Adds the questions the bank lacks (duplicates are skipped by the server); returns how many were added. */
  async ensureQuestions(organiser: Login, bankId: string, questions: DemoQuestion[]): Promise<number> {
    const have = await this.call('GET', `/question-banks/${bankId}/questions?limit=1`, undefined, organiser.token);
    if ((have.body.total as number) >= questions.length) return 0;
    let added = 0;
    for (const { rubricHint, ...q } of questions) {
      const body = rubricHint ? { ...q, rubric: rubricHint } : q;
      const r = await this.call('POST', `/question-banks/${bankId}/questions?duplicates=skip`, body, organiser.token, [200, 201, 409]);
      if (r.status === 201) added++;
    }
    return added;
  }

  async ensureContest(organiser: Login, contest: Json & { slug: string }, rounds: Json[]): Promise<{ id: string; slug: string; roundIds: string[] }> {
    const found = await this.call('GET', `/contests/${contest.slug}`, undefined, organiser.token, [200, 404]);
    const id: string = found.status === 200 ? found.body.id : (await this.call('POST', '/contests', contest, organiser.token)).body.id;
    // A run that stopped half-way left a draft: finish it instead of skipping it.
    const existing = await this.call('GET', `/contests/${id}/rounds`, undefined, organiser.token);
    const count = (Array.isArray(existing.body) ? existing.body : existing.body.items).length as number;
    if (count === 0) for (const r of rounds) await this.call('POST', `/contests/${id}/rounds`, r, organiser.token);
    if (found.status !== 200 || found.body.status === 'draft') await this.call('POST', `/contests/${id}/publish`, {}, organiser.token);
    const list = await this.call('GET', `/contests/${id}/rounds`, undefined, organiser.token);
    const items = (Array.isArray(list.body) ? list.body : list.body.items) as { id: string }[];
    return { id, slug: contest.slug, roundIds: items.map((r) => r.id) };
  }

  async assignJudge(organiser: Login, roundIds: string[], userId: string): Promise<void> {
    for (const roundId of roundIds) await this.call('POST', `/rounds/${roundId}/judges`, { userId }, organiser.token, [200, 201, 204, 409]);
  }

  /** The rubric judges mark against; left alone once marking has started (409 jury_locked). */
  async ensureJury(organiser: Login, roundId: string, jury: Json): Promise<void> {
    await this.call('PUT', `/rounds/${roundId}/jury`, jury, organiser.token, [200, 409]);
  }

  async ensureRegistration(resident: Login, contestId: string, fields: Json): Promise<void> {
    await this.call('POST', `/contests/${contestId}/register`, fields, resident.token, [200, 201, 409]);
  }
}
