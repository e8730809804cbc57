import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, Actor } from '@lc/identity';
import { AuditService, badRequest, notFound, Page } from '@lc/platform';
import { cleanOptional, cleanText } from '../text/clean-text';
import { CreateQuestionBankDto, ListQuestionBanksQuery } from './question-bank.dto';
import { QuestionBank } from './question-bank.entity';
import { bankPage, bankView, type QuestionBankView } from './question-bank-store';

export type { QuestionBankView };

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
    return bankPage(this.db.manager, organisationId, q.limit, q.offset);
  }

  /** The bank's name, for exports; access already checked by the caller. */
  async load(id: string): Promise<QuestionBankView> {
    const view = await bankView(this.db.manager, id);
    if (!view) throw notFound('Question bank');
    return view;
  }
}
