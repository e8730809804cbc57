import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type LiveAttempt, recordLiveAttempts } from '@lc/attempts';
import { LeaderboardService } from '@lc/leaderboard';
import { correctIds } from './live-questions';
import { isCorrectChoice, liveTimeTaken, maxLiveAward } from './live-scoring';
import { LiveStateStore } from './live-state';
import type { LiveQuestions, LiveRound } from './live-finals.service';

/**
 * The final's result: each player on the board becomes one submitted attempt (through the
 * attempts module, which owns the table) and an entry on the round's ordinary board, so
 * judging's close / publish / exports count the round like a quiz round: score, then total
 * answer time. Only revealed questions count (an unrevealed one at the end scored nothing).
 */
@Injectable()
export class LiveResultWriter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly state: LiveStateStore,
    private readonly boards: LeaderboardService,
  ) {}

  async write(round: LiveRound, questions: LiveQuestions): Promise<number> {
    const [s, order, finals] = await Promise.all([this.state.read(round.id), this.state.order(round.id), this.state.finals(round.id)]);
    if (!s || !order || !finals.size) return 0;
    const shown = order.slice(0, s.revealedCount).map((id) => questions.byVersion.get(id)!);
    const answers = await Promise.all(shown.map((q) => this.state.answers(round.id, q.id)));
    const questionMs = round.live.secondsPerQuestion * 1000;
    const bonus = round.live.speedBonus?.maxPoints ?? null;
    const maxScore = shown.reduce((n, q) => n + maxLiveAward(q.points, bonus), 0) / 100;
    const drawn = shown.map((q, i) => ({
      key: `L${i + 1}`,
      versionId: q.versionId,
      ruleIndex: 0,
      type: q.type,
      points: q.points,
      options: q.options.map((o) => ({ id: o.id, ref: o.ref })),
    }));
    const startedAt = new Date(s.startedAtMs ?? s.opensAtMs ?? Date.now());
    const submittedAt = new Date(s.endedAtMs ?? Date.now());
    const rows: LiveAttempt[] = [];
    for (const [userId, f] of finals) {
      const mine: LiveAttempt['answers'] = [];
      let correct = 0;
      shown.forEach((q, i) => {
        const a = answers[i].get(userId);
        if (!a) return;
        mine.push({ questionKey: `L${i + 1}`, value: { optionIds: a.optionIds }, receivedAt: new Date(a.receivedAtMs) });
        if (isCorrectChoice(correctIds(q), a.optionIds)) correct++;
      });
      rows.push({
        roundId: round.id,
        contestId: round.contestId,
        userId,
        poolVersion: round.poolVersion,
        startedAt,
        submittedAt,
        score: f.score / 100,
        maxScore,
        timeTakenMs: liveTimeTaken(shown.length, questionMs, f.savedMs),
        correctCount: correct,
        questions: drawn,
        answers: mine,
      });
    }
    const written = await recordLiveAttempts(this.db, rows);
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    for (const w of written) {
      const r = byUser.get(w.userId)!;
      await this.boards.record({
        roundId: round.id,
        userId: w.userId,
        attemptId: w.id,
        score: r.score,
        timeTakenMs: r.timeTakenMs,
        submittedAt,
        scoring: 'best',
      });
    }
    return written.length;
  }
}
