import 'reflect-metadata';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '@lc/entities';
import { IdentityCoreModule } from '@lc/identity';
import { CloseRound, ResultsCoreModule } from '@lc/judging';
import { DomainError, PlatformModule } from '@lc/platform';
import { testConfig } from '../../../test/harness';
import { CorrectResults } from '../src/results/corrections/correct-results';
import { PublishResults } from '../src/results/publish/publish-results';
import { places, seedClosedQuiz } from './results-seed';

/**
 * The middle tier: close, publish and corrections as services against real PostgreSQL and
 * Redis (the Nest module the results bench uses), no HTTP. Each test fails if its rule breaks.
 */
describe('results services (close, publish, corrections)', () => {
  let mod: TestingModule;
  let db: DataSource;

  beforeAll(async () => {
    mod = await Test.createTestingModule({ imports: [PlatformModule.forRoot(testConfig(), ALL_ENTITIES), IdentityCoreModule, ResultsCoreModule] }).compile();
    await mod.init();
    db = mod.get(DataSource);
  });
  afterAll(() => mod?.close());

  const roundStatus = async (id: string) => (await db.query('SELECT status FROM round WHERE id = $1', [id]))[0].status as string;
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: unknown) => {
        if (!(e instanceof DomainError)) throw e;
        return e;
      },
    );

  describe('close', () => {
    it('finalises the attempts still open exactly once, and closing again recomputes without finalising again', async () => {
      const s = await seedClosedQuiz(db, [
        { name: 'Trần Thị Lan', score: 8, minutes: 9 },
        { name: 'Lê Văn Hùng', status: 'in_progress' },
      ]);
      const close = mod.get(CloseRound);

      const first = await close.execute(s.organiser, s.roundId, {});
      expect(first).toEqual(expect.objectContaining({ status: 'provisional', version: 1, finalisedAttempts: 1, rankedCount: 2 }));
      expect(await roundStatus(s.roundId)).toBe('closed');
      const [ended] = await db.query('SELECT status, submitted_at, deadline_at FROM attempt WHERE id = $1', [s.attempts['Lê Văn Hùng']]);
      expect(ended.status).toBe('expired');
      // An expiry stands at the deadline, not at the moment the close reached it.
      expect(ended.submitted_at).toEqual(ended.deadline_at);

      const again = await close.execute(s.organiser, s.roundId, {});
      expect(again).toEqual(expect.objectContaining({ version: 2, finalisedAttempts: 0, rankedCount: 2, outputHash: first.outputHash }));
      expect((await db.query('SELECT submitted_at FROM attempt WHERE id = $1', [s.attempts['Lê Văn Hùng']]))[0].submitted_at).toEqual(ended.submitted_at);
    });

    it('ranks by the chain and gives the prize plan: higher score first, then less time', async () => {
      const s = await seedClosedQuiz(db, [
        { name: 'Phạm Minh Tuấn', score: 7, minutes: 5 },
        { name: 'Võ Thị Mai', score: 9, minutes: 12 },
        { name: 'Đặng Quốc Bảo', score: 9, minutes: 8 },
      ]);
      await mod.get(CloseRound).execute(s.organiser, s.roundId, {});
      expect(await places(db, s.roundId)).toEqual([
        { userId: s.users['Đặng Quốc Bảo'], rank: 1, prizeCode: 'nhat' },
        { userId: s.users['Võ Thị Mai'], rank: 2, prizeCode: 'nhi' },
        { userId: s.users['Phạm Minh Tuấn'], rank: 3, prizeCode: null },
      ]);
    });
  });

  describe('publish', () => {
    it('refuses while a winner is flagged and unreviewed, then publishes once a judge has cleared it', async () => {
      const s = await seedClosedQuiz(db, [
        { name: 'Ngô Thị Hạnh', score: 10, minutes: 3, flags: ['too_fast'] },
        { name: 'Bùi Văn Nam', score: 6, minutes: 9 },
      ]);
      const publish = mod.get(PublishResults);
      expect((await refusal(publish.execute(s.organiser, s.roundId))).code).toBe('round_not_closed');
      await mod.get(CloseRound).execute(s.organiser, s.roundId, {});

      const refused = await refusal(publish.execute(s.organiser, s.roundId));
      expect(refused.code).toBe('flagged_winners_unreviewed');
      expect(await roundStatus(s.roundId)).toBe('closed');

      // A judge's review that kept the attempt (AttemptReview.clear) leaves no unreviewed flag.
      await db.query(`UPDATE attempt SET cleared_flags = 1, cleared_at = now(), clear_reason = 'Đã xác minh' WHERE id = $1`, [s.attempts['Ngô Thị Hạnh']]);
      const done = await publish.execute(s.organiser, s.roundId);
      expect(done).toEqual(expect.objectContaining({ status: 'published', version: 1 }));
      expect(await roundStatus(s.roundId)).toBe('published');
      expect((await refusal(publish.execute(s.organiser, s.roundId))).code).toBe('results_published');
    });
  });

  describe('corrections', () => {
    it('voiding the winner re-ranks the published result: everyone below moves up and the prizes follow', async () => {
      const s = await seedClosedQuiz(db, [
        { name: 'Hoàng Văn Đức', score: 10, minutes: 4 },
        { name: 'Trịnh Thị Thu', score: 8, minutes: 6 },
        { name: 'Lý Văn Sơn', score: 5, minutes: 7 },
      ]);
      await mod.get(CloseRound).execute(s.organiser, s.roundId, {});
      await mod.get(PublishResults).execute(s.organiser, s.roundId);
      const corrections = mod.get(CorrectResults);
      const cmd = { reason: 'Thi hộ (đã xác minh)', voidAttemptIds: [s.attempts['Hoàng Văn Đức']] };

      const preview = await corrections.preview(s.organiser, s.roundId, cmd);
      expect(preview.changes.length).toBeGreaterThan(0);
      expect((await places(db, s.roundId))[0].userId).toBe(s.users['Hoàng Văn Đức']); // a preview rolls back

      const view = await corrections.execute(s.organiser, s.roundId, cmd);
      expect(view).toEqual(expect.objectContaining({ version: 2, changes: preview.changes }));
      expect(await places(db, s.roundId)).toEqual([
        { userId: s.users['Trịnh Thị Thu'], rank: 1, prizeCode: 'nhat' },
        { userId: s.users['Lý Văn Sơn'], rank: 2, prizeCode: 'nhi' },
      ]);
      expect((await db.query('SELECT status FROM attempt WHERE id = $1', [s.attempts['Hoàng Văn Đức']]))[0].status).toBe('void');
      expect(await roundStatus(s.roundId)).toBe('published');
    });
  });
});
