import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AccessService } from '@lc/identity';
import { AppConfig, badRequest, ClockService, conflict, DomainError, forbidden, notFound } from '@lc/platform';
import {
  ENTRANT_SQL,
  isRoundAcceptingEntries,
  isRoundOver,
  type LiveSettings,
  refuseNonEntrant,
  type RoundEntry,
  RoundPoolService,
  type RoundStatus,
} from '@lc/contests';
import { shortName } from '@lc/leaderboard';
import { type LiveEvents, LiveService } from '@lc/realtime';
import './live-events';
import { LiveResultWriter } from './live-result';
import { correctIds, type LiveQuestion, liveQuestion } from './live-questions';
import { liveOrder, scoreLiveAnswer } from './live-scoring';
import { LiveStateStore, type LiveStateRow, type LiveStoredStatus } from './live-state';
import type { LiveAnswerView, LiveEndView, LiveFinalEvents, LiveQuestionView, LiveRevealView, LiveStateView, LiveStatus } from './live-finals.types';

export const BOARD_TOP = 20;

export interface LiveQuestions {
  byId: Map<string, LiveQuestion>;
  byVersion: Map<string, LiveQuestion>;
}
/** Sockets of a final's players, host and screens (the Redis adapter reaches every instance). */
export const liveFinalRoom = (roundId: string) => `livefinal:${roundId}`;

export interface LiveRound {
  id: string;
  contestId: string;
  kind: string;
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
  entry: RoundEntry;
  poolVersion: number;
  live: LiveSettings;
}

const ROUND_TTL_MS = 1000;
/** An ended final's Redis state is kept a week (GET state after the show, a late `end` retry), then goes. */
const ENDED_TTL_S = 7 * 24 * 3600;

/**
 * Runs a live final (SPEC "Live finals"): the host's moves, the players' answers and the
 * state anyone rebuilds from. Every decision is a Lua script on Redis (live-state.ts);
 * this class checks who may do what, prepares the script's input and pushes the outcome.
 */
@Injectable()
export class LiveFinalsService {
  private readonly log = new Logger(LiveFinalsService.name);
  private readonly rounds = new Map<string, { at: number; round: Promise<LiveRound> }>();
  /** userId:roundId of entrants already checked on this instance (the answer hot path skips the SQL). */
  private readonly entrants = new Set<string>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly state: LiveStateStore,
    private readonly pool: RoundPoolService,
    private readonly access: AccessService,
    private readonly clock: ClockService,
    private readonly config: AppConfig,
    private readonly live: LiveService,
    private readonly results: LiveResultWriter,
  ) {}

  // ---- who ----

  async round(roundId: string): Promise<LiveRound> {
    const hit = this.rounds.get(roundId);
    if (hit && Date.now() - hit.at < ROUND_TTL_MS) return hit.round;
    const p = this.loadRound(roundId);
    this.rounds.set(roundId, { at: Date.now(), round: p });
    p.catch(() => this.rounds.delete(roundId));
    if (this.rounds.size > 1000) this.rounds.delete(this.rounds.keys().next().value as string);
    return p;
  }

  private async loadRound(roundId: string): Promise<LiveRound> {
    const rows: {
      id: string;
      contest_id: string;
      kind: string;
      status: RoundStatus;
      opens_at: Date;
      closes_at: Date;
      entry: RoundEntry;
      pool_version: number;
      live: LiveSettings | null;
    }[] = await this.db.query('SELECT id, contest_id, kind, status, opens_at, closes_at, entry, pool_version, live FROM round WHERE id = $1', [roundId]);
    const r = rows[0];
    if (!r || r.status === 'draft') throw notFound('Round');
    if (r.kind !== 'live' || !r.live) throw conflict('not_a_live_round', 'This round is not a live final');
    return {
      id: r.id,
      contestId: r.contest_id,
      kind: r.kind,
      status: r.status,
      opensAt: r.opens_at,
      closesAt: r.closes_at,
      entry: r.entry,
      poolVersion: r.pool_version,
      live: r.live,
    };
  }

  /** The host: an organiser of the round's organisation (or admin), or a judge of the round. */
  async requireHost(actor: Actor, roundId: string): Promise<LiveRound> {
    if (actor.role === 'resident') throw forbidden('Only the organisers and judges of the round run a live final');
    await this.access.require(actor, 'round', roundId, actor.role === 'judge' ? 'read' : 'write');
    return this.round(roundId);
  }

  /** Players are the round's entrants; staff who may read the round watch (host console, projector). */
  async requireViewer(actor: Actor, roundId: string): Promise<{ round: LiveRound; staff: boolean }> {
    if (actor.role !== 'resident') {
      await this.access.require(actor, 'round', roundId, 'read');
      return { round: await this.round(roundId), staff: true };
    }
    const round = await this.round(roundId);
    await this.requireEntrant(actor, round);
    return { round, staff: false };
  }

  private async requireEntrant(actor: Actor, round: LiveRound): Promise<void> {
    const key = `${actor.id}:${round.id}`;
    if (this.entrants.has(key)) return;
    if ((await this.state.playerName(round.id, actor.id)) === null) {
      const [who] = (await this.db.query(`SELECT u.full_name, ${ENTRANT_SQL} FROM "user" u WHERE u.id = $3`, [round.contestId, round.id, actor.id])) as {
        full_name: string | null;
        registered: boolean;
        enrolled: boolean;
      }[];
      refuseNonEntrant(round, who ?? { registered: false, enrolled: false }, 'play this final');
      await this.state.addPlayer(round.id, actor.id, shortName(who?.full_name));
    }
    if (this.entrants.size > 200_000) this.entrants.clear();
    this.entrants.add(key);
  }

  // ---- the questions ----

  private readonly shown = new Map<string, Promise<LiveQuestions>>();

  /** The round's questions by their live id and by version (the frozen pool, read once per instance). */
  questions(round: LiveRound): Promise<LiveQuestions> {
    const key = `${round.id}:${round.poolVersion}`;
    let hit = this.shown.get(key);
    if (!hit) {
      hit = this.pool.load(round.id, round.poolVersion).then((pool) => {
        const byId = new Map<string, LiveQuestion>();
        const byVersion = new Map<string, LiveQuestion>();
        for (const q of pool.byVersion.values()) {
          const lq = liveQuestion(round.id, q);
          byId.set(lq.id, lq);
          byVersion.set(lq.versionId, lq);
        }
        return { byId, byVersion };
      });
      hit.catch(() => this.shown.delete(key));
      if (this.shown.size > 200) this.shown.delete(this.shown.keys().next().value as string);
      this.shown.set(key, hit);
    }
    return hit;
  }

  private questionView(q: LiveQuestion): LiveQuestionView {
    // Never the key: options go out as id and text only.
    return { id: q.id, type: q.type, stem: q.stem, options: q.options.map((o) => ({ id: o.id, text: o.text })) };
  }

  private emit<E extends keyof LiveFinalEvents>(roundId: string, event: E, payload: LiveEvents[E]): void {
    // Through the Redis adapter (or the relay, from a process without sockets): every instance delivers to its sockets.
    this.live.toRooms([liveFinalRoom(roundId)], event, payload);
  }

  // ---- host moves ----

  async start(actor: Actor, roundId: string): Promise<LiveStateView> {
    const round = await this.requireHost(actor, roundId);
    if (!isRoundAcceptingEntries(round, this.clock.now()))
      throw conflict('round_not_open', 'A live final runs between its opening and closing times', {
        opensAt: round.opensAt.toISOString(),
        closesAt: round.closesAt.toISOString(),
      });
    const pool = await this.pool.load(round.id, round.poolVersion);
    const order = liveOrder(round.id, pool.rules).map((q) => q.versionId);
    if (!order.length) throw conflict('live_no_questions', 'The final has no questions to show');
    if (await this.state.start(round.id, order)) this.emit(round.id, 'live:status', { roundId, status: 'waiting' });
    return this.view(round, true, actor.id);
  }

  async next(actor: Actor, roundId: string, fromIndex?: number): Promise<LiveStateView> {
    // Read beside the access check (one round trip less before the question goes out); nothing is shown unless it passes.
    const [round, s, order] = await Promise.all([this.requireHost(actor, roundId), this.state.read(roundId), this.state.order(roundId)]);
    if (!s || !order) throw conflict('live_not_started', 'Start the final first');
    const from = fromIndex ?? s.index;
    const versionId = order[from + 1];
    if (versionId === undefined) throw conflict('live_no_more_questions', 'That was the last question: end the final');
    const q = (await this.questions(round)).byVersion.get(versionId)!;
    const moved = await this.state.next(roundId, from, q.id, round.live.secondsPerQuestion * 1000);
    if (!moved.ok) throw this.refusal(moved.code, s);
    this.emit(roundId, 'live:question', {
      roundId,
      index: moved.index,
      total: order.length,
      question: this.questionView(q),
      opensAt: new Date(moved.opensAtMs).toISOString(),
      closesAt: new Date(moved.closesAtMs).toISOString(),
      serverTime: this.clock.nowDate().toISOString(),
    });
    this.emit(roundId, 'live:status', { roundId, status: 'question' });
    return this.view(round, true, actor.id);
  }

  async reveal(actor: Actor, roundId: string, fromIndex?: number): Promise<LiveStateView> {
    const [round, s] = await Promise.all([this.requireHost(actor, roundId), this.state.read(roundId)]);
    if (!s) throw conflict('live_not_started', 'Start the final first');
    const index = fromIndex ?? s.index;
    const locked = await this.state.lockReveal(roundId, index);
    if (locked.code === 'already') return this.view(round, true, actor.id);
    if (!('questionId' in locked)) throw this.refusal(locked.code, s);
    // Answers are closed now: score them (a pure function) and apply once, whoever gets there first.
    const q = (await this.questions(round)).byId.get(locked.questionId)!;
    const answers = await this.state.answers(roundId, q.id);
    const correctOptionIds = correctIds(q);
    const distribution: Record<string, number> = Object.fromEntries(q.options.map((o) => [o.id, 0]));
    const awards: { userId: string; award: number; savedMs: number }[] = [];
    for (const [userId, a] of answers) {
      for (const id of a.optionIds) if (id in distribution) distribution[id]++;
      const scored = scoreLiveAnswer({
        correctOptionIds,
        optionIds: a.optionIds,
        points: q.points,
        maxBonus: round.live.speedBonus?.maxPoints ?? null,
        openedAtMs: locked.opensAtMs,
        receivedAtMs: a.receivedAtMs,
        questionMs: round.live.secondsPerQuestion * 1000,
      });
      awards.push({ userId, award: scored.award, savedMs: scored.savedMs });
    }
    const reveal: LiveRevealView = { questionId: q.id, correctOptionIds, distribution, explanation: q.explanation };
    if (await this.state.applyReveal(roundId, index, reveal, awards)) {
      this.emit(roundId, 'live:reveal', {
        roundId,
        questionId: q.id,
        correctOptionIds,
        distribution,
        ...(q.explanation ? { explanation: q.explanation } : {}),
      });
      const board = await this.state.top(roundId, BOARD_TOP);
      this.emit(roundId, 'live:board', { roundId, top: board.rows, total: board.total });
      this.emit(roundId, 'live:status', { roundId, status: 'revealed' });
    }
    return this.view(round, true, actor.id);
  }

  async pause(actor: Actor, roundId: string): Promise<LiveStateView> {
    const round = await this.requireHost(actor, roundId);
    const moved = await this.state.pause(roundId);
    if (moved === 'ok') this.emit(roundId, 'live:status', { roundId, status: 'paused' });
    else if (moved !== 'already') throw this.refusal(moved, await this.state.read(roundId));
    return this.view(round, true, actor.id);
  }

  async resume(actor: Actor, roundId: string): Promise<LiveStateView> {
    const round = await this.requireHost(actor, roundId);
    const moved = await this.state.resume(roundId);
    if (moved !== 'ok') throw this.refusal(moved, await this.state.read(roundId));
    const view = await this.view(round, true, actor.id);
    this.emit(roundId, 'live:status', { roundId, status: view.status });
    // A resumed question goes out again with its moved window, so countdowns follow.
    if (view.status === 'question' && view.question)
      this.emit(roundId, 'live:question', {
        roundId,
        index: view.index,
        total: view.total,
        question: view.question,
        opensAt: view.opensAt!,
        closesAt: view.closesAt!,
        serverTime: view.serverTime,
      });
    return view;
  }

  /**
   * Ends the final: no more moves, and each player's score becomes one submitted attempt
   * (through the attempts module), so closing, publishing and exporting the round's results
   * work as for any quiz round. Ending again re-runs the (idempotent) write: an instance that
   * died half-way is made good by the next press.
   */
  async end(actor: Actor, roundId: string): Promise<LiveEndView> {
    const round = await this.requireHost(actor, roundId);
    const moved = await this.state.end(roundId);
    if (moved !== 'ok' && moved !== 'already') throw this.refusal(moved, await this.state.read(roundId));
    const questions = await this.questions(round);
    const written = await this.results.write(round, questions);
    await this.state.expire(roundId, [...questions.byId.keys()], questions.byId.size, ENDED_TTL_S);
    if (moved === 'ok') {
      this.emit(roundId, 'live:status', { roundId, status: 'ended' });
      const board = await this.state.top(roundId, BOARD_TOP);
      this.emit(roundId, 'live:board', { roundId, top: board.rows, total: board.total });
    }
    return { ...(await this.view(round, true, actor.id)), attemptsWritten: written };
  }

  // ---- players ----

  async answer(actor: Actor, roundId: string, questionId: string, optionIds: string[]): Promise<LiveAnswerView> {
    if (actor.role !== 'resident') throw forbidden('Staff watch a live final; only entrants answer');
    const round = await this.round(roundId);
    // The round's window bounds the final: once it is closed (by the clock or by staff) nothing more counts.
    if (isRoundOver(round, this.clock.now())) throw conflict('round_not_open', 'The round is closed');
    await this.requireEntrant(actor, round);
    const q = (await this.questions(round)).byId.get(questionId);
    if (!q) throw conflict('live_wrong_question', 'That question is not showing now');
    const ids = [...new Set(optionIds)];
    const known = new Set(q.options.map((o) => o.id));
    if (!ids.length || ids.some((id) => !known.has(id)) || (q.type !== 'multiple' && ids.length !== 1))
      throw badRequest('answer_invalid', q.type === 'multiple' ? 'Choose one or more of the options shown' : 'Choose exactly one of the options shown');
    const r = await this.state.answer(roundId, actor.id, questionId, ids, this.config.answerGraceMs);
    if (!r.ok) throw this.refusal(r.code, null);
    return { ok: true, questionId, receivedAt: new Date(r.receivedAtMs).toISOString() };
  }

  /** GET state: what a (re)joining screen needs; the key only once revealed. */
  async stateFor(actor: Actor, roundId: string): Promise<LiveStateView> {
    const { round, staff } = await this.requireViewer(actor, roundId);
    return this.view(round, staff, actor.id);
  }

  async view(round: LiveRound, staff: boolean, userId: string): Promise<LiveStateView> {
    const s = await this.state.read(round.id);
    const now = this.clock.now();
    const serverTime = new Date(now).toISOString();
    if (!s) {
      const total = (await this.pool.load(round.id, round.poolVersion)).rules.reduce((n, r) => n + r.count, 0);
      return { roundId: round.id, status: 'waiting', index: -1, total, serverTime, ...(staff ? {} : { me: { score: 0, rank: null, optionIds: null } }) };
    }
    const shown: LiveStoredStatus = s.status === 'paused' ? (s.pausedFrom ?? 'waiting') : s.status;
    const out: LiveStateView = { roundId: round.id, status: publicStatus(s.status), index: s.index, total: s.total, serverTime };
    if (s.status === 'paused') {
      out.pausedFrom = publicStatus(shown);
      if (shown === 'question' && s.closesAtMs !== null && s.pausedAtMs !== null) out.remainingMs = Math.max(s.closesAtMs - s.pausedAtMs, 0);
    }
    const questionShowing = s.questionId && s.index >= 0 && s.status !== 'ended';
    if (questionShowing) {
      const q = (await this.questions(round)).byId.get(s.questionId!);
      if (q) out.question = this.questionView(q);
      out.opensAt = new Date(s.opensAtMs!).toISOString();
      out.closesAt = new Date(s.closesAtMs!).toISOString();
    }
    const revealed = shown === 'revealed' || s.status === 'ended';
    const [reveal, board, answered, me, mine] = await Promise.all([
      revealed && s.index >= 0 ? this.state.reveal<LiveRevealView>(round.id, s.index) : null,
      revealed || staff ? this.state.top(round.id, BOARD_TOP) : null,
      staff && s.questionId ? this.state.answerCount(round.id, s.questionId) : null,
      staff ? null : this.state.standing(round.id, userId),
      !staff && s.questionId && s.status !== 'ended' ? this.state.answerOf(round.id, s.questionId, userId) : null,
    ]);
    if (reveal) out.reveal = reveal;
    if (board) out.board = { top: board.rows, total: board.total };
    if (answered !== null) out.answered = answered;
    if (me) out.me = { ...me, optionIds: mine };
    return out;
  }

  private refusal(code: string, s: LiveStateRow | null): DomainError {
    const details = s ? { status: publicStatus(s.status), index: s.index } : undefined;
    switch (code) {
      case 'live_not_started':
        return conflict('live_not_started', 'The final has not started', details);
      case 'live_state_changed':
        return conflict('live_state_changed', 'The final moved on meanwhile (another console?): reload its state', details);
      case 'live_wrong_status':
        return conflict('live_wrong_status', `Not possible while the final is ${s ? publicStatus(s.status) : 'in this state'}`, details);
      case 'live_no_more_questions':
        return conflict('live_no_more_questions', 'That was the last question: end the final', details);
      case 'live_not_open':
        return conflict('live_not_open', 'No question is taking answers now');
      case 'live_paused':
        return conflict('live_paused', 'The final is paused');
      case 'live_question_closed':
        return conflict('live_question_closed', 'The question is closed: its answer has been revealed');
      case 'live_answer_late':
        return conflict('live_answer_late', 'Too late: the time for this question is over');
      case 'live_wrong_question':
        return conflict('live_wrong_question', 'That question is not showing now');
      case 'live_already_answered':
        return conflict('live_already_answered', 'Only your first answer to a question counts');
      default:
        this.log.error(`unknown live refusal ${code}`);
        return conflict('live_state_changed', 'The final moved on meanwhile: reload its state');
    }
  }
}

/** 'revealing' is a moment inside a reveal: to screens the question is still up (and closed to answers). */
function publicStatus(s: LiveStoredStatus): LiveStatus {
  return s === 'revealing' ? 'question' : s;
}
