import { QuestionPoolService } from '@lc/question-bank';
import { expectError, Http, startApi, TestApi } from '../../../test/harness';
import { newResident, newStaff } from '../../../test/factories';
import { newBank, newTenant, single, Tenant } from './helpers';

describe('question banks: authoring, access, search and versions (real PostgreSQL)', () => {
  let api: TestApi;
  let http: Http;
  let t: Tenant & { admin: { token: string } };
  let other: Tenant;
  let bankId: string;

  beforeAll(async () => {
    api = await startApi();
    http = new Http(api.url);
    t = await newTenant(http);
    other = await newTenant(http, t.admin as never);
    bankId = await newBank(http, t.organiser, 'Ngân hàng Luật Bầu cử');
  });
  afterAll(() => api.close());

  const q = (path: string) => `/question-banks/${bankId}${path}`;

  describe('banks and who may touch them', () => {
    it('lets an organiser create a bank in their organisation, and its organisers read it', async () => {
      const created = await http.post('/question-banks', { name: '  Bộ câu hỏi PCTN  ', description: 'Phòng, chống tham nhũng' }, t.organiser.token);
      expect(created.status).toBe(201);
      expect(created.body).toEqual(expect.objectContaining({ organisationId: t.orgId, name: 'Bộ câu hỏi PCTN', questionCount: 0 }));
      const again = await http.get(`/question-banks/${created.body.id}`, t.organiser.token);
      expect(again.status).toBe(200);
      const list = await http.get('/question-banks?limit=50', t.organiser.token);
      expect(list.body.items.map((b: { id: string }) => b.id)).toEqual(expect.arrayContaining([created.body.id, bankId]));
      expect(list.body.items.every((b: { organisationId: string }) => b.organisationId === t.orgId)).toBe(true);
    });

    it('hides a bank from other organisations exactly like a missing one', async () => {
      const missing = expectError(await http.get('/question-banks/00000000-0000-4000-8000-000000000000', other.organiser.token), 404);
      const foreign = expectError(await http.get(`/question-banks/${bankId}`, other.organiser.token), 404);
      expect(foreign.message).toBe(missing.message);
      expectError(await http.get(q('/questions'), other.judge.token), 404);
      expectError(await http.post(q('/questions'), single('Câu hỏi lạ?'), other.organiser.token), 404);
      const list = await http.get('/question-banks', other.organiser.token);
      expect(list.body.items.map((b: { id: string }) => b.id)).not.toContain(bankId);
      // An organiser cannot create a bank in another organisation either.
      expectError(await http.post('/question-banks', { name: 'Xâm nhập', organisationId: t.orgId }, other.organiser.token), 404);
    });

    it('keeps judges (banks hold every key; no judge screen needs them) and residents out', async () => {
      expectError(await http.post(q('/questions'), single('Giám khảo viết câu hỏi?'), t.judge.token), 403);
      expectError(await http.post('/question-banks', { name: 'Của giám khảo' }, t.judge.token), 403);
      for (const path of ['/question-banks', q(''), q('/topics'), q('/questions'), q('/export?format=answer-sheet')])
        expectError(await http.get(path, t.judge.token), 403);
      const resident = await newResident(http);
      expectError(await http.get('/question-banks', resident.token), 403);
      expectError(await http.get(q('/questions'), resident.token), 403);
    });

    it('makes admins name the organisation, and lets them work in any', async () => {
      expect(expectError(await http.post('/question-banks', { name: 'Không chủ' }, t.admin.token), 400).code).toBe('organisation_required');
      const made = await http.post('/question-banks', { name: 'Của quản trị', organisationId: other.orgId }, t.admin.token);
      expect(made.status).toBe(201);
      const filtered = await http.get(`/question-banks?organisationId=${other.orgId}`, t.admin.token);
      expect(filtered.body.items.map((b: { id: string }) => b.id)).toContain(made.body.id);
      expect(filtered.body.items.every((b: { organisationId: string }) => b.organisationId === other.orgId)).toBe(true);
    });
  });

  describe('questions', () => {
    it('creates every type and returns it with its answer key', async () => {
      const inputs = [
        single('Công dân đủ bao nhiêu tuổi trở lên thì có quyền bầu cử?', 1, {
          topic: 'Luật Bầu cử/Chương I',
          difficulty: 2,
          points: 1.5,
          legalReference: 'Điều 2',
          explanation: 'Đủ 18 tuổi.',
          tags: ['bầu cử', 'tuổi'],
        }),
        {
          type: 'multiple',
          stem: 'Những nguyên tắc bầu cử nào sau đây là đúng?',
          options: [
            { text: 'Phổ thông', correct: true },
            { text: 'Công khai', correct: false },
            { text: 'Bỏ phiếu kín', correct: true },
          ],
        },
        {
          type: 'true_false',
          stem: 'Cử tri được nhờ người khác bỏ phiếu thay.',
          options: [
            { text: 'Sai', correct: true },
            { text: 'Đúng', correct: false },
          ],
        },
        { type: 'numeric', stem: 'Luật Phòng, chống tham nhũng được ban hành năm nào?', answer: { value: 2018, tolerance: 0 } },
        { type: 'short_text', stem: 'Thủ đô của Việt Nam là thành phố nào?', answer: { accepted: ['Hà Nội', 'Ha Noi'] } },
        { type: 'essay', stem: 'Trình bày sáng kiến tuyên truyền pháp luật.', rubric: 'Nội dung (4), sáng tạo (3), khả thi (3)', points: 10 },
      ];
      for (const input of inputs) {
        const r = await http.post(q('/questions'), input, t.organiser.token);
        expect(r.status).toBe(201);
        expect(r.body).toEqual(expect.objectContaining({ type: input.type, stem: input.stem, version: 1, locked: false, created: true }));
      }
      const tf = await http.get(q('/questions?type=true_false'), t.organiser.token);
      // True/false options are always Đúng then Sai, whatever order the author used.
      expect(tf.body.items[0].options.map((o: { text: string; correct: boolean }) => [o.text, o.correct])).toEqual([
        ['Đúng', false],
        ['Sai', true],
      ]);
      const topics = await http.get(q('/topics'), t.organiser.token);
      const [parent, child] = topics.body;
      expect(parent).toEqual(expect.objectContaining({ path: 'Luật Bầu cử', parentId: null, questionCount: 0 }));
      expect(child).toEqual(expect.objectContaining({ path: 'Luật Bầu cử/Chương I', name: 'Chương I', parentId: parent.id, questionCount: 1 }));
    });

    it('refuses broken questions with a 400 naming each problem', async () => {
      const cases: [unknown, RegExp][] = [
        [
          {
            type: 'single',
            stem: 'Hai đáp án đúng?',
            options: [
              { text: 'A', correct: true },
              { text: 'B', correct: true },
            ],
          },
          /exactly one correct option/,
        ],
        [
          {
            type: 'multiple',
            stem: 'Không đáp án đúng?',
            options: [
              { text: 'A', correct: false },
              { text: 'B', correct: false },
            ],
          },
          /at least one correct option/,
        ],
        [
          {
            type: 'single',
            stem: 'Trùng phương án?',
            options: [
              { text: 'Có', correct: true },
              { text: ' có ', correct: false },
            ],
          },
          /repeats another option/,
        ],
        [{ type: 'single', stem: 'Một phương án?', options: [{ text: 'A', correct: true }] }, /at least 2 options/],
        [{ type: 'numeric', stem: 'Thiếu số?' }, /answer.value/],
        [{ type: 'short_text', stem: 'Thiếu đáp án?', answer: { accepted: [' '] } }, /at least one accepted answer/],
        [
          {
            type: 'essay',
            stem: 'Tự luận có phương án?',
            options: [
              { text: 'A', correct: true },
              { text: 'B', correct: false },
            ],
          },
          /no options or answer/,
        ],
        [
          {
            type: 'true_false',
            stem: 'Đúng hay sai?',
            options: [
              { text: 'Có lẽ', correct: true },
              { text: 'Sai', correct: false },
            ],
          },
          /Đúng and Sai/,
        ],
        [
          {
            type: 'single',
            stem: '   ',
            options: [
              { text: 'A', correct: true },
              { text: 'B', correct: false },
            ],
          },
          /text is empty/,
        ],
      ];
      for (const [body, message] of cases) {
        const e = expectError(await http.post(q('/questions'), body, t.organiser.token), 400);
        expect(e.code).toBe('invalid_question');
        expect(e.message).toMatch(message);
        expect(e.details.problems.length).toBeGreaterThan(0);
      }
      expect(expectError(await http.post(q('/questions'), { ...single('Độ khó 4?'), difficulty: 4 }, t.organiser.token), 400).code).toBe('validation_failed');
      expect(expectError(await http.post(q('/questions'), { ...single('Trường lạ?'), owner: 'x' }, t.organiser.token), 400).code).toBe('validation_failed');
      expectError(await http.get(q('/questions/not-a-uuid'), t.organiser.token), 400);
    });

    it('detects a duplicate by its folded text and lets the author skip or keep it', async () => {
      const first = await http.post(q('/questions'), single('Ngày bầu cử phải là ngày nào trong tuần?'), t.organiser.token);
      const again = single('NGÀY BẦU CỬ  phải là ngày nào trong tuần?');
      const dup = expectError(await http.post(q('/questions'), again, t.organiser.token), 409);
      expect(dup.code).toBe('duplicate_question');
      expect(dup.details.existingQuestionId).toBe(first.body.id);
      const skipped = await http.post(q('/questions?duplicates=skip'), again, t.organiser.token);
      expect(skipped.body).toEqual(expect.objectContaining({ id: first.body.id, created: false }));
      const kept = await http.post(q('/questions?duplicates=keep'), again, t.organiser.token);
      expect(kept.body.created).toBe(true);
      expect(kept.body.id).not.toBe(first.body.id);
    });

    it('searches without diacritics and filters by topic, type and difficulty, paged', async () => {
      const found = await http.get(`${q('/questions')}?q=${encodeURIComponent('bau cu')}`, t.organiser.token);
      expect(found.status).toBe(200);
      expect(found.body.total).toBeGreaterThanOrEqual(3);
      expect(found.body.items.every((i: { stem: string }) => /bầu cử/i.test(i.stem))).toBe(true);
      const exact = await http.get(`${q('/questions')}?q=${encodeURIComponent('quyền BẦU cử')}`, t.organiser.token);
      expect(exact.body.items.map((i: { stem: string }) => i.stem)).toEqual(['Công dân đủ bao nhiêu tuổi trở lên thì có quyền bầu cử?']);
      // A topic filter takes an id or a path and includes subtopics.
      const byParent = await http.get(`${q('/questions')}?topic=${encodeURIComponent('Luật Bầu cử')}`, t.organiser.token);
      expect(byParent.body.total).toBe(1);
      const topics = (await http.get(q('/topics'), t.organiser.token)).body;
      expect((await http.get(`${q('/questions')}?topic=${topics[1].id}`, t.organiser.token)).body.total).toBe(1);
      expect((await http.get(`${q('/questions')}?difficulty=2`, t.organiser.token)).body.items.map((i: { difficulty: number }) => i.difficulty)).toEqual([2]);
      const page = await http.get(`${q('/questions')}?limit=2&offset=1`, t.organiser.token);
      expect(page.body.items).toHaveLength(2);
      expect(page.body.total).toBeGreaterThan(3);
      expect((await http.get(`${q('/questions')}?q=${encodeURIComponent('100%_')}`, t.organiser.token)).body.total).toBe(0);
    });
  });

  describe('versions', () => {
    it('edits an unused question in place but never a version a round has frozen', async () => {
      const created = (await http.post(q('/questions'), single('Mỗi đơn vị bầu cử ĐBQH được bầu không quá bao nhiêu đại biểu?', 0), t.organiser.token)).body;
      const inPlace = await http.patch(q(`/questions/${created.id}`), { explanation: 'Không quá ba đại biểu.' }, t.organiser.token);
      expect(inPlace.status).toBe(200);
      expect(inPlace.body).toEqual(
        expect.objectContaining({ versionId: created.versionId, version: 1, newVersion: false, explanation: 'Không quá ba đại biểu.' }),
      );

      const pool = api.app.get(QuestionPoolService);
      const frozen = await pool.freeze(t.orgId, [{ bankId, count: 1, types: ['single'], difficulty: 1 }]);
      const mine = frozen[0].questions.find((x) => x.questionId === created.id)!;
      expect(mine.versionId).toBe(created.versionId);
      expect((await http.get(q(`/questions/${created.id}`), t.organiser.token)).body.locked).toBe(true);

      const options = inPlace.body.options.map((o: { id: string; text: string }, i: number) => ({ id: o.id, text: o.text, correct: i === 2 }));
      const edited = await http.patch(
        q(`/questions/${created.id}`),
        { options, stem: 'Mỗi đơn vị bầu cử ĐBQH được bầu tối đa mấy đại biểu?' },
        t.organiser.token,
      );
      expect(edited.status).toBe(200);
      expect(edited.body).toEqual(expect.objectContaining({ id: created.id, version: 2, newVersion: true, locked: false }));
      expect(edited.body.versionId).not.toBe(created.versionId);
      expect(edited.body.options.map((o: { id: string }) => o.id)).toEqual(inPlace.body.options.map((o: { id: string }) => o.id));

      // The frozen version still says what attempts saw.
      const [old] = await pool.versions([created.versionId]);
      expect(old.stem).toBe('Mỗi đơn vị bầu cử ĐBQH được bầu không quá bao nhiêu đại biểu?');
      expect(old.options.map((o) => o.correct)).toEqual([true, false, false]);
      // An edit that changes nothing makes no version.
      const same = await http.patch(q(`/questions/${created.id}`), { stem: edited.body.stem }, t.organiser.token);
      expect(same.body).toEqual(expect.objectContaining({ version: 2, newVersion: false }));
    });

    it('archives: out of lists, duplicate checks and new pools, and no longer editable', async () => {
      const created = (await http.post(q('/questions'), single('Câu hỏi sẽ được lưu trữ?'), t.organiser.token)).body;
      const archived = await http.delete(q(`/questions/${created.id}`), t.organiser.token);
      expect(archived.status).toBe(200);
      expect(archived.body.archivedAt).toEqual(expect.any(String));
      const list = await http.get(`${q('/questions')}?limit=200`, t.organiser.token);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(created.id);
      const archivedList = await http.get(`${q('/questions')}?archived=true`, t.organiser.token);
      expect(archivedList.body.items.map((i: { id: string }) => i.id)).toEqual([created.id]);
      expect(expectError(await http.patch(q(`/questions/${created.id}`), { stem: 'Sửa?' }, t.organiser.token), 409).code).toBe('question_archived');
      expect((await http.post(q('/questions'), single('Câu hỏi sẽ được lưu trữ?'), t.organiser.token)).status).toBe(201);
      expectError(await http.delete(q(`/questions/${created.id}`), t.judge.token), 403);
    });
  });

  describe('QuestionPoolService.freeze', () => {
    let poolBank: string;
    let pool: QuestionPoolService;
    beforeAll(async () => {
      pool = api.app.get(QuestionPoolService);
      poolBank = await newBank(http, t.organiser, 'Ngân hàng cho vòng thi');
      for (let i = 0; i < 4; i++)
        await http.post(
          `/question-banks/${poolBank}/questions`,
          single(`Câu ${i} về chủ đề A?`, 0, { topic: 'A/B', difficulty: 1 + (i % 2) }),
          t.organiser.token,
        );
      await http.post(
        `/question-banks/${poolBank}/questions`,
        { type: 'numeric', stem: 'Số?', answer: { value: 5, tolerance: 1 }, topic: 'C' },
        t.organiser.token,
      );
    });

    it('returns and locks every candidate per rule', async () => {
      const frozen = await pool.freeze(t.orgId, [
        { bankId: poolBank, topic: 'A', count: 2 },
        { bankId: poolBank, types: ['numeric'], count: 1 },
      ]);
      expect(frozen.map((r) => r.questions.length)).toEqual([4, 1]);
      expect(frozen[0].questions[0]).toEqual(
        expect.objectContaining({
          type: 'single',
          topic: 'A/B',
          points: 1,
          stem: 'Câu 0 về chủ đề A?',
          options: expect.arrayContaining([expect.objectContaining({ id: expect.any(String), correct: true })]),
        }),
      );
      expect(frozen[1].questions[0].answer).toEqual({ value: 5, tolerance: 1 });
      const listed = await http.get(`/question-banks/${poolBank}/questions`, t.organiser.token);
      expect(listed.body.items.every((i: { locked: boolean }) => i.locked)).toBe(true);
      expect(await pool.versions([frozen[1].questions[0].versionId, 'nope'])).toEqual([frozen[1].questions[0]]);
    });

    it('names the rule that asks for more questions than match, and locks nothing then', async () => {
      const fresh = await newBank(http, t.organiser, 'Ngân hàng thiếu câu');
      const made = await http.post(`/question-banks/${fresh}/questions`, single('Câu duy nhất?', 0, { difficulty: 3 }), t.organiser.token);
      const err = await pool
        .freeze(t.orgId, [
          { bankId: fresh, count: 1 },
          { bankId: fresh, difficulty: 3, count: 2 },
        ])
        .catch((e: unknown) => e);
      expect(err).toEqual(expect.objectContaining({ status: 400, code: 'selection_too_few', details: { rule: 1, needed: 2, available: 1 } }));
      expect((err as Error).message).toMatch(/selection\[1\]/);
      expect((await http.get(`/question-banks/${fresh}/questions/${made.body.id}`, t.organiser.token)).body.locked).toBe(false);
      const unknownTopic = await pool.freeze(t.orgId, [{ bankId: fresh, topic: 'Không có', count: 1 }]).catch((e: unknown) => e);
      expect(unknownTopic).toEqual(expect.objectContaining({ status: 400, code: 'selection_topic_unknown' }));
    });

    it('answers 404 for a bank of another organisation or a malformed id', async () => {
      for (const bank of [poolBank, 'not-a-uuid']) {
        const err = await pool.freeze(other.orgId, [{ bankId: bank, count: 1 }]).catch((e: unknown) => e);
        expect(err).toEqual(expect.objectContaining({ status: 404, details: expect.objectContaining({ rule: 0 }) }));
      }
    });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = await http.get('/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/question-banks',
        '/api/v1/question-banks/{id}/questions/{questionId}',
        '/api/v1/question-banks/{id}/import',
        '/api/v1/question-banks/{id}/export',
      ]),
    );
  });

  it('lets a second organiser of the organisation edit (organisation-wide, not per author)', async () => {
    const colleague = await newStaff(http, t.admin as never, 'organiser', t.orgId);
    const made = (await http.post(q('/questions'), single('Câu của đồng nghiệp?'), t.organiser.token)).body;
    const r = await http.patch(q(`/questions/${made.id}`), { difficulty: 3 }, colleague.token);
    expect(r.status).toBe(200);
    expect(r.body.difficulty).toBe(3);
  });
});
