import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from './audit-log.entity';

export interface AuditActor {
  id: string;
  role: string;
  organisationId: string | null;
}

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  organisationId?: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Pass the transaction's manager so the audit row commits or rolls back with the change. */
  async record(actor: AuditActor | null, rec: AuditRecord, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.insert(AuditLog, {
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      organisationId: rec.organisationId ?? actor?.organisationId ?? null,
      action: rec.action,
      entityType: rec.entityType,
      entityId: rec.entityId,
      before: (rec.before ?? null) as object,
      after: (rec.after ?? null) as object,
      reason: rec.reason ?? null,
    });
  }

  list(filter: { entityType?: string; entityId?: string; organisationId?: string }, limit = 50, offset = 0) {
    return this.db.getRepository(AuditLog).findAndCount({ where: filter, order: { at: 'DESC' }, take: limit, skip: offset });
  }
}
