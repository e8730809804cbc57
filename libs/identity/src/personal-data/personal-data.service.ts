import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { notFound } from '@lc/platform';
import type { Actor } from '../auth/actor';
import { PiiService } from '../pii/pii.service';
import { User } from '../users/user.entity';
import { toUserView } from '../users/user-view';
import { ExportedAttempt, ExportedJudgedEntry, ExportedResult, PersonalDataExport } from './personal-data-export';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/**
 * The caller's data export. Feature tables are read by name (as AccessService does) so
 * identity depends on no feature module; each list is bounded by what one person can create.
 */
@Injectable()
export class PersonalDataService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pii: PiiService,
  ) {}

  async export(actor: Actor): Promise<PersonalDataExport> {
    const u = await this.db.getRepository(User).findOneBy({ id: actor.id, deletedAt: IsNull() });
    if (!u) throw notFound('User');
    const [registrations, attempts, judgedEntries, results, auditEntries] = await Promise.all([
      this.registrations(u.id),
      this.attempts(u.id),
      this.judgedEntries(u.id),
      this.results(u.id),
      this.auditEntries(u.id),
    ]);
    return {
      exportedAt: new Date().toISOString(),
      profile: {
        ...toUserView(u),
        phone: u.phoneEncrypted ? this.pii.open(u.phoneEncrypted) : null,
        nationalId: u.nationalIdEncrypted ? this.pii.open(u.nationalIdEncrypted) : null,
      },
      consents: { personalDataConsentAt: iso(u.consentAt), guardianName: u.guardianName, guardianConsentAt: iso(u.guardianConsentAt) },
      registrations,
      attempts,
      judgedEntries,
      results,
      auditEntries,
    };
  }

  private async judgedEntries(userId: string): Promise<ExportedJudgedEntry[]> {
    const rows: Record<string, never>[] = await this.db.query(
      `SELECT e.id, r.contest_id, e.round_id, r.title AS round_title, e.text, e.link, e.file_key, e.file_name, e.file_type, e.file_size, e.file_sha256, e.version, e.submitted_at
         FROM judged_entry e JOIN round r ON r.id = e.round_id
        WHERE e.user_id = $1 ORDER BY e.submitted_at`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id,
      contestId: r.contest_id,
      roundId: r.round_id,
      roundTitle: r.round_title,
      text: r.text,
      link: r.link,
      file: r.file_key ? { name: r.file_name, type: r.file_type, size: r.file_size, sha256: r.file_sha256, url: `/api/v1/entries/${r.id as string}/file` } : null,
      version: r.version,
      submittedAt: iso(r.submitted_at)!,
    }));
  }

  /** Published places only: a provisional ranking is not yet a result, for anyone. */
  private async results(userId: string): Promise<ExportedResult[]> {
    const rows: Record<string, never>[] = await this.db.query(
      `SELECT rr.contest_id, e.round_id, r.title AS round_title, e.rank, e.score, e.max_score, e.time_taken_ms, e.prediction, e.unit, e.prize_name, rr.published_at
         FROM result_entry e JOIN round_result rr ON rr.round_id = e.round_id JOIN round r ON r.id = e.round_id
        WHERE e.user_id = $1 AND rr.status = 'published' ORDER BY rr.published_at`,
      [userId],
    );
    return rows.map((r) => ({
      contestId: r.contest_id,
      roundId: r.round_id,
      roundTitle: r.round_title,
      rank: r.rank,
      score: num(r.score)!,
      maxScore: num(r.max_score)!,
      timeTakenMs: r.time_taken_ms,
      prediction: num(r.prediction),
      unit: r.unit,
      prizeName: r.prize_name,
      publishedAt: iso(r.published_at),
    }));
  }

  private async registrations(userId: string): Promise<PersonalDataExport['registrations']> {
    const rows: { contest_id: string; title: string; unit: string | null; fields: Record<string, string>; created_at: Date }[] = await this.db.query(
      `SELECT rg.contest_id, c.title, rg.unit, rg.fields, rg.created_at
         FROM registration rg JOIN contest c ON c.id = rg.contest_id
        WHERE rg.user_id = $1 ORDER BY rg.created_at`,
      [userId],
    );
    return rows.map((r) => ({ contestId: r.contest_id, contestTitle: r.title, unit: r.unit, fields: r.fields, registeredAt: iso(r.created_at)! }));
  }

  private async attempts(userId: string): Promise<ExportedAttempt[]> {
    const rows: Record<string, never>[] = await this.db.query(
      `SELECT a.id, a.contest_id, a.round_id, r.title AS round_title, a.attempt_no, a.status, a.started_at, a.submitted_at,
              a.score, a.max_score, a.time_taken_ms, a.prediction, a.ip, a.user_agent, a.device_id
         FROM attempt a JOIN round r ON r.id = a.round_id
        WHERE a.user_id = $1 ORDER BY a.started_at`,
      [userId],
    );
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id as string);
    const [answers, events]: [{ attempt_id: string; question_key: string; value: unknown; received_at: Date }[], { attempt_id: string; kind: string; at: Date; ip: string | null }[]] = await Promise.all([
      this.db.query(`SELECT attempt_id, question_key, value, received_at FROM attempt_answer WHERE attempt_id = ANY($1::uuid[]) ORDER BY received_at`, [ids]),
      this.db.query(`SELECT attempt_id, kind, at, ip FROM attempt_event WHERE attempt_id = ANY($1::uuid[]) ORDER BY at`, [ids]),
    ]);
    return rows.map((r) => ({
      id: r.id,
      contestId: r.contest_id,
      roundId: r.round_id,
      roundTitle: r.round_title,
      attemptNo: r.attempt_no,
      status: r.status,
      startedAt: iso(r.started_at)!,
      submittedAt: iso(r.submitted_at),
      score: num(r.score),
      maxScore: num(r.max_score),
      timeTakenMs: r.time_taken_ms,
      prediction: num(r.prediction),
      ip: r.ip,
      userAgent: r.user_agent,
      deviceId: r.device_id,
      answers: answers.filter((x) => x.attempt_id === r.id).map((x) => ({ questionKey: x.question_key, value: x.value, receivedAt: iso(x.received_at)! })),
      events: events.filter((x) => x.attempt_id === r.id).map((x) => ({ kind: x.kind, at: iso(x.at)!, ip: x.ip })),
    }));
  }

  /** Entries about the account and actions it took; staff reasons are kept, staff identities are not. */
  private async auditEntries(userId: string): Promise<PersonalDataExport['auditEntries']> {
    const rows: { at: Date; action: string; entity_type: string; entity_id: string; actor_id: string | null; actor_role: string | null; reason: string | null }[] = await this.db.query(
      `SELECT at, action, entity_type, entity_id, actor_id, actor_role, reason FROM audit_log
        WHERE (entity_type = 'user' AND entity_id = $1) OR actor_id = $2::uuid
           OR (entity_type = 'attempt' AND entity_id IN (SELECT id::text FROM attempt WHERE user_id = $2::uuid))
        ORDER BY at LIMIT 10000`,
      [userId, userId],
    );
    return rows.map((r) => ({ at: iso(r.at)!, action: r.action, entityType: r.entity_type, entityId: r.entity_id, actorRole: r.actor_role, byYou: r.actor_id === userId, reason: r.reason }));
  }
}
