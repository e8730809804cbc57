import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Actor } from '@lc/identity';
import { AuditService, badRequest, notFound, Page } from '@lc/platform';
import { cleanOptional, cleanText } from '../text/clean-text';
import { CreateQuestionBankDto, ListQuestionBanksQuery } from './question-bank.dto';
import { QuestionBank } from './question-bank.entity';

export interface QuestionBankView {
  id: string;
  organisationId: string;
  name: string;
  description: string | null;
  /** Current, non-archived questions. */
  questionCount: number;
  createdAt: Date;
  updatedAt: Date;
}

const BANK_SELECT = `SELECT b.id, b.organisation_id AS "organisationId", b.name, b.description, b.created_at AS "createdAt", b.updated_at AS "updatedAt",
  (SELECT count(*)::int FROM question q WHERE q.bank_id = b.id AND q.archived_at IS NULL) AS "questionCount"
  FROM question_bank b`;

@Injectable()
export class QuestionBanksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateQuestionBankDto): Promise<QuestionBankView> {
    const organisationId = dto.organisationId ?? actor.organisationId;
    if (!organisationId) throw badRequest('organisation_required', 'Give organisationId: the organisation that will own the bank');
    await this.access.require(actor, 'organisation', organisationId, 'write');
    const id = await this.db.transaction(async (m) => {
      const bank = m
        .getRepository(QuestionBank)
        .create({ organisationId, name: cleanText(dto.name), description: cleanOptional(dto.description), createdBy: actor.id });
      await m.getRepository(QuestionBank).insert(bank);
      await this.audit.record(actor, { action: 'question_bank.create', entityType: 'question_bank', entityId: bank.id, after: dto, organisationId }, m);
      return bank.id;
    });
    return this.load(id);
  }

  async get(actor: Actor, id: string): Promise<QuestionBankView> {
    await this.access.require(actor, 'questionBank', id, 'read');
    return this.load(id);
  }

  /** Admins see every bank (or one organisation's); staff see their organisation's. */
  async list(actor: Actor, q: ListQuestionBanksQuery): Promise<Page<QuestionBankView>> {
    this.access.requireBrowse(actor, 'questionBank');
    const organisationId = actor.role === 'admin' ? (q.organisationId ?? null) : actor.organisationId;
    if (actor.role !== 'admin' && (!organisationId || (q.organisationId && q.organisationId !== organisationId))) return { items: [], total: 0 };
    const where = organisationId ? 'WHERE b.organisation_id = $1' : 'WHERE $1::uuid IS NULL';
    const [items, count] = await Promise.all([
      this.db.query(`${BANK_SELECT} ${where} ORDER BY b.created_at DESC, b.id LIMIT $2 OFFSET $3`, [organisationId, q.limit, q.offset]) as Promise<
        QuestionBankView[]
      >,
      this.db.query(`SELECT count(*)::int AS n FROM question_bank b ${where}`, [organisationId]) as Promise<{ n: number }[]>,
    ]);
    return { items, total: count[0].n };
  }

  /** The bank's name, for exports; access already checked by the caller. */
  async load(id: string): Promise<QuestionBankView> {
    const rows: QuestionBankView[] = await this.db.query(`${BANK_SELECT} WHERE b.id = $1`, [id]);
    if (!rows.length) throw notFound('Question bank');
    return rows[0];
  }
}
