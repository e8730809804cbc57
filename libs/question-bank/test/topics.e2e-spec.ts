import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { allQuestions, importFile, newBank, newTenant, Tenant } from './helpers';

describe('topics: a tree organisers create, rename, move and delete', () => {
  let api: TestApi;
  let http: Http;
  let t: Tenant;
  let other: Tenant;
  let token: string;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    t = await newTenant(http);
    other = await newTenant(http);
    token = t.organiser.token;
  });
  afterAll(() => api.close());

  async function bankWithTemplate(): Promise<string> {
    const bank = await newBank(http, t.organiser);
    const res = await fetch(`${http.base}/api/v1/question-banks/import-template?format=csv`, { headers: { authorization: `Bearer ${token}` } });
    expect((await importFile(http, token, bank, Buffer.from(await res.arrayBuffer()), 'mau.csv')).body.imported).toBe(6);
    return bank;
  }
  const tree = async (bank: string) =>
    (await http.get(`/question-banks/${bank}/topics`, token)).body as {
      id: string;
      path: string;
      name: string;
      parentId: string | null;
      questionCount: number;
    }[];
  const byPath = async (bank: string, path: string) => (await tree(bank)).find((x) => x.path === path)!;

  it('lists the tree parents first, with the questions filed directly under each', async () => {
    const bank = await bankWithTemplate();
    const topics = await tree(bank);
    expect(topics.map((x) => [x.path, x.questionCount])).toEqual([
      ['Bầu cử', 0],
      ['Bầu cử/Cử tri', 3],
      ['Bầu cử/Nguyên tắc', 1],
      ['Bầu cử/Tổ chức', 1],
      ['Phòng chống tham nhũng', 1],
    ]);
    const root = topics[0];
    expect(topics[1]).toEqual(expect.objectContaining({ name: 'Cử tri', parentId: root.id }));
  });

  it('creates topics and subtopics, refusing duplicates, "/" in a name and another bank\'s parent', async () => {
    const bank = await bankWithTemplate();
    const created = await http.post(`/question-banks/${bank}/topics`, { name: '  Hiến   pháp ' }, token);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), parentId: null, name: 'Hiến pháp', path: 'Hiến pháp', questionCount: 0 });
    const child = await http.post(`/question-banks/${bank}/topics`, { name: 'Quyền con người', parentId: created.body.id }, token);
    expect(child.body).toEqual(expect.objectContaining({ path: 'Hiến pháp/Quyền con người', parentId: created.body.id }));
    expect(expectError(await http.post(`/question-banks/${bank}/topics`, { name: 'Hiến pháp' }, token), 409).code).toBe('topic_exists');
    expect(expectError(await http.post(`/question-banks/${bank}/topics`, { name: 'A/B' }, token), 400).code).toBe('invalid_topic');
    expect(expectError(await http.post(`/question-banks/${bank}/topics`, { name: '   ' }, token), 400).code).toBe('invalid_topic');
    const elsewhere = await bankWithTemplate();
    const foreign = await byPath(elsewhere, 'Bầu cử');
    expect(expectError(await http.post(`/question-banks/${bank}/topics`, { name: 'X', parentId: foreign.id }, token), 400).code).toBe('parent_not_found');
  });

  it('renames a topic: its subtopics and questions follow, the topic filter still finds them', async () => {
    const bank = await bankWithTemplate();
    const root = await byPath(bank, 'Bầu cử');
    const r = await http.patch(`/question-banks/${bank}/topics/${root.id}`, { name: 'Luật Bầu cử' }, token);
    expect(r.status).toBe(200);
    expect(r.body).toEqual(expect.objectContaining({ id: root.id, name: 'Luật Bầu cử', path: 'Luật Bầu cử' }));
    expect((await tree(bank)).map((x) => x.path)).toEqual([
      'Luật Bầu cử',
      'Luật Bầu cử/Cử tri',
      'Luật Bầu cử/Nguyên tắc',
      'Luật Bầu cử/Tổ chức',
      'Phòng chống tham nhũng',
    ]);
    expect((await allQuestions(http, token, bank)).filter((q) => q.topic?.startsWith('Luật Bầu cử/'))).toHaveLength(5);
    const filtered = await http.get(`/question-banks/${bank}/questions?topic=${encodeURIComponent('Luật Bầu cử')}`, token);
    expect(filtered.body.total).toBe(5);
    // Not a prefix match by letters: "Bầu cử HĐND" is not under "Bầu cử".
    await http.post(`/question-banks/${bank}/topics`, { name: 'Luật Bầu cử HĐND' }, token);
    expect((await http.patch(`/question-banks/${bank}/topics/${root.id}`, { name: 'Bầu cử' }, token)).status).toBe(200);
    expect((await tree(bank)).map((x) => x.path)).toContain('Luật Bầu cử HĐND');
  });

  it('moves a topic with its subtree, and refuses a move under itself or onto a taken path', async () => {
    const bank = await bankWithTemplate();
    const org = await byPath(bank, 'Bầu cử/Tổ chức');
    const pctn = await byPath(bank, 'Phòng chống tham nhũng');
    const sub = await http.post(`/question-banks/${bank}/topics`, { name: 'Hội đồng', parentId: org.id }, token);
    const moved = await http.patch(`/question-banks/${bank}/topics/${org.id}`, { parentId: pctn.id }, token);
    expect(moved.body).toEqual(expect.objectContaining({ path: 'Phòng chống tham nhũng/Tổ chức', parentId: pctn.id, questionCount: 1 }));
    expect((await byPath(bank, 'Phòng chống tham nhũng/Tổ chức/Hội đồng')).id).toBe(sub.body.id);
    const top = await http.patch(`/question-banks/${bank}/topics/${org.id}`, { parentId: null }, token);
    expect(top.body).toEqual(expect.objectContaining({ path: 'Tổ chức', parentId: null }));
    expect(expectError(await http.patch(`/question-banks/${bank}/topics/${org.id}`, { parentId: sub.body.id }, token), 400).code).toBe('topic_cycle');
    expect(expectError(await http.patch(`/question-banks/${bank}/topics/${org.id}`, { name: 'Phòng chống tham nhũng' }, token), 409).code).toBe('topic_exists');
    expect(expectError(await http.patch(`/question-banks/${bank}/topics/${org.id}`, {}, token), 400).code).toBe('nothing_to_change');
  });

  it('deletes an empty topic, and says what a non-empty one still holds', async () => {
    const bank = await bankWithTemplate();
    const root = await byPath(bank, 'Bầu cử');
    const full = expectError(await http.delete(`/question-banks/${bank}/topics/${root.id}`, token), 409);
    expect(full).toEqual(expect.objectContaining({ code: 'topic_not_empty', details: { questions: 0, subtopics: 3 } }));
    const leaf = await byPath(bank, 'Bầu cử/Cử tri');
    expect(expectError(await http.delete(`/question-banks/${bank}/topics/${leaf.id}`, token), 409).details).toEqual({ questions: 3, subtopics: 0 });
    const empty = await http.post(`/question-banks/${bank}/topics`, { name: 'Trống', parentId: root.id }, token);
    expect((await http.delete(`/question-banks/${bank}/topics/${empty.body.id}`, token)).status).toBe(204);
    expect((await tree(bank)).map((x) => x.path)).not.toContain('Bầu cử/Trống');
    expectError(await http.delete(`/question-banks/${bank}/topics/${empty.body.id}`, token), 404);
  });

  it('keeps tenants apart: another organisation gets 404, judges neither read nor write (a bank holds answer keys: JUDGE_READS)', async () => {
    const bank = await bankWithTemplate();
    const root = await byPath(bank, 'Bầu cử');
    const stranger = other.organiser.token;
    expectError(await http.get(`/question-banks/${bank}/topics`, stranger), 404);
    expectError(await http.post(`/question-banks/${bank}/topics`, { name: 'Xâm nhập' }, stranger), 404);
    expectError(await http.patch(`/question-banks/${bank}/topics/${root.id}`, { name: 'Xâm nhập' }, stranger), 404);
    expectError(await http.delete(`/question-banks/${bank}/topics/${root.id}`, stranger), 404);
    // Their own bank, A's topic id: as missing as a made-up one.
    const theirs = await newBank(http, other.organiser);
    expectError(await http.patch(`/question-banks/${theirs}/topics/${root.id}`, { name: 'Xâm nhập' }, stranger), 404);
    expectError(await http.get(`/question-banks/${bank}/topics`, t.judge.token), 403);
    expectError(await http.post(`/question-banks/${bank}/topics`, { name: 'Giám khảo' }, t.judge.token), 403);
    expect((await byPath(bank, 'Bầu cử')).name).toBe('Bầu cử');
  });
});
