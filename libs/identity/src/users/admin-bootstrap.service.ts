import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@lc/platform';
import { hashPassword } from '../auth/passwords';
import { insertAdmin, userWithEmailExists } from './admin-bootstrap-store';

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
    if (await userWithEmailExists(this.db, email)) return;
    if (await insertAdmin(this.db, 'Quản trị hệ thống', email, await hashPassword(adminPassword))) this.log.log(`admin account ${email} created`);
  }
}
