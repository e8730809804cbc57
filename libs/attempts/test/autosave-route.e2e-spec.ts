import { expectError, startApi, TestApi } from '../../../test/harness';
import { loginAdmin } from '../../../test/factories';
import { entrant, liveQuiz, orgWithBank, OrgSetup } from '../../contests/test/factories';
import { AutosaveHandler } from '../src/answers/autosave.handler';
import { AttemptsController } from '../src/attempts.controller';
import { answerBody, RecordingHttp } from './helpers';

/** PUT /attempts/:id/answers/:questionId is served by AutosaveHandler, answering as Nest's pipeline did. */
describe('the autosave route (lean handler)', () => {
  const handle = jest.spyOn(AutosaveHandler.prototype, 'handle');
  // The swap: Nest's method only declares the route and must never run. Nest reads the route
  // from metadata on the method itself, so the spy carries it over (else the route vanishes).
  const declared = AttemptsController.prototype.saveAnswer;
  const nestMethod = jest.spyOn(AttemptsController.prototype, 'saveAnswer');
  for (const key of Reflect.getMetadataKeys(declared)) Reflect.defineMetadata(key, Reflect.getMetadata(key, declared), AttemptsController.prototype.saveAnswer);
  let api: TestApi;
  let http: RecordingHttp;
  let setup: OrgSetup;

  beforeAll(async () => {
    api = await startApi();
    http = new RecordingHttp(api.url);
    setup = await orgWithBank(http, await loginAdmin(http), 4, ['single', 'numeric']);
  });
  afterAll(() => api.close());

  it('saves through the lean handler and refuses as every other route does', async () => {
    const { contest, round } = await liveQuiz(http, setup, { selection: [{ bankId: setup.bankId, count: 4 }], durationSeconds: 300 });
    const r = await entrant(http, contest.id);
    const at = (await http.post(`/rounds/${round.id}/attempts`, {}, r.token)).body;
    const q = at.questions.find((x: { options: unknown[] }) => x.options.length);
    const path = `/attempts/${at.id}/answers/${q.id}`;
    handle.mockClear();

    const saved = await http.put(path, answerBody(q, setup.questions, true), r.token);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ questionId: q.id, seq: 1, savedAt: expect.any(String) });
    expect(saved.headers.get('x-request-id')).toEqual(expect.any(String));
    expect(saved.headers.get('x-content-type-options')).toBe('nosniff');
    expect(handle).toHaveBeenCalledTimes(1);

    // Guard, pipes and service refusals, in Nest's order and words.
    expect(expectError(await http.put(path, { optionIds: ['a1'] }), 401).code).toBe('unauthorized');
    expect(expectError(await http.put(path, { optionIds: ['a1'] }, setup.organiser.token), 403).message).toBe('This needs the role resident');
    expect(expectError(await http.put(`/attempts/not-a-uuid/answers/${q.id}`, { optionIds: ['a1'] }, r.token), 400).message).toMatch(/uuid/);
    const invalid = expectError(await http.put(path, { optionIds: ['a1'], colour: 'red' }, r.token), 400);
    expect(invalid.code).toBe('validation_failed');
    expect(invalid.details).toEqual([{ field: 'colour', problems: ['property colour should not exist'] }]);
    expect(expectError(await http.put(path, { optionIds: ['a1'], value: 3 }, r.token), 400).code).toBe('answer_invalid');
    // null clears the answer, as [] does (it used to fail with a 500).
    expect(await http.put(path, { optionIds: null }, r.token)).toEqual(expect.objectContaining({ status: 200, body: expect.objectContaining({ seq: 2 }) }));
    expect(expectError(await http.put(`/attempts/${at.id}/answers/${q.id}%20x`, { optionIds: ['a1'] }, r.token), 404).code).toBe('not_found');
    expect((await http.put(`/attempts//answers/${q.id}`, { optionIds: ['a1'] }, r.token)).status).toBe(404);
    expect(expectError(await http.put(path, { optionIds: ['zz'] }, r.token), 400).code).toBe('unknown_option');
    expect(handle.mock.calls.length).toBeGreaterThanOrEqual(8);
    expect(nestMethod).not.toHaveBeenCalled();
  });
});
