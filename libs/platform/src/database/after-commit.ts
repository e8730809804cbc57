import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type Work = () => void | Promise<void>;

/**
 * Runs work once the caller's transaction has committed (and drops it if it rolls back), so
 * a module can write inside someone else's transaction and still announce only what became
 * true: `afterCommit.run(m, () => bus.emit(…))`. Outside a transaction the work runs at once.
 * Work never fails the commit: errors are logged (the transaction has committed by then).
 * A savepoint rolled back inside an outer transaction does not drop work queued within it.
 */
@Injectable()
export class AfterCommit implements OnModuleInit, EntitySubscriberInterface {
  private readonly log = new Logger(AfterCommit.name);
  private readonly pending = new WeakMap<QueryRunner, Work[]>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onModuleInit(): void {
    this.db.subscribers.push(this);
  }

  async run(m: EntityManager, work: Work): Promise<void> {
    const qr = m.queryRunner;
    if (!qr?.isTransactionActive) return this.safely(work);
    const list = this.pending.get(qr) ?? [];
    list.push(work);
    this.pending.set(qr, list);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const qr = event.queryRunner;
    if (qr.isTransactionActive) return; // a savepoint released: the outer transaction still decides
    const list = this.pending.get(qr);
    if (!list) return;
    this.pending.delete(qr);
    for (const work of list) await this.safely(work);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  private async safely(work: Work): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.log.warn(`after-commit work failed: ${(e as Error).message}`);
    }
  }
}
