import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@lc/platform';
import { hashPassword } from '../auth/passwords';

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD; safe with several instances starting at once. */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly log = new Logger(AdminBootstrapService.name);
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    const email = adminEmail.toLowerCase();
    const exists: unknown[] = await this.db.query('SELECT 1 FROM "user" WHERE email = $1', [email]);
    if (exists.length) return;
    const rows: unknown[] = await this.db.query(
      `INSERT INTO "user" (full_name, email, password_hash, role) VALUES ($1, $2, $3, 'admin')
       ON CONFLICT (email) WHERE email IS NOT NULL DO NOTHING RETURNING id`,
      ['Quản trị hệ thống', email, await hashPassword(adminPassword)],
    );
    if (rows.length) this.log.log(`admin account ${email} created`);
  }
}
