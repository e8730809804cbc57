import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RoundLookup } from '@lc/contests';
import { type Actor } from '@lc/identity';
import { conflict, notFound } from '@lc/platform';
import { renderCertificatesPdf, CertificateEntry } from '../../certificates/certificate-pdf';
import { renderDecisionPdf } from '../../certificates/decision-pdf';
import { ResultsGate } from '../common/results-gate';
import { ContestAwardRules, RoundResult } from '../entities';
import { flaggedWinners, flaggedWinnersError, refuseFlaggedWinners } from '../review/flagged-winners';

interface Winner {
  user_id: string;
  full_name: string;
  unit: string | null;
  prize_name: string;
  prize_code: string;
  position: number;
}

/** A short code printed on a certificate, to check it against the published winners list. */
export function verificationCode(roundId: string, userId: string, prizeCode: string): string {
  return createHash('sha256').update(`${roundId}:${userId}:${prizeCode}`).digest('hex').slice(0, 10).toUpperCase();
}

/**
 * The decision ("Quyết định khen thưởng") and the certificates of a round's winners, as
 * PDF in Vietnamese (DejaVu fonts vendored with the judging module). Staff may print
 * drafts once the round is closed; a winner may fetch their own certificate once published.
 * Neither names a winner whose attempt is flagged and unreviewed: they are refused until a
 * judge has voided or cleared it.
 */
@Injectable()
export class ResultDocuments {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly gate: ResultsGate,
    private readonly rounds: RoundLookup,
  ) {}

  async decision(actor: Actor, roundId: string): Promise<PDFKit.PDFDocument> {
    await this.gate.resultsReader(actor, roundId);
    const ctx = await this.context(roundId);
    await refuseFlaggedWinners(this.db, roundId, 'printing the award decision');
    const winners = await this.winners(roundId);
    return renderDecisionPdf({
      issuer: ctx.issuer,
      number: ctx.docs.decisionNumber ?? '      /QĐ-BTC',
      place: ctx.place,
      date: ctx.date,
      contestTitle: ctx.contestTitle,
      authority: ctx.docs.authority ?? `Trưởng Ban Tổ chức ${ctx.issuer.name}`,
      grounds: [`Căn cứ Thể lệ Cuộc thi “${ctx.contestTitle}”;`, `Căn cứ kết quả chấm thi ${ctx.roundTitle};`, 'Xét đề nghị của Ban Giám khảo.'],
      winners: winners.map((w) => ({ fullName: w.full_name, unit: w.unit, prize: w.prize_name, round: ctx.roundTitle })),
      signer: ctx.signer,
    });
  }

  async certificates(actor: Actor, roundId: string, userId?: string): Promise<PDFKit.PDFDocument> {
    if (actor.role === 'resident') {
      const info = await this.rounds.get(roundId);
      if (!info || userId !== actor.id) throw notFound('Certificate');
      const r = await this.db.getRepository(RoundResult).findOneBy({ roundId });
      if (r?.status !== 'published') throw conflict('results_not_published', 'Certificates are issued once the results are published');
    } else await this.gate.resultsReader(actor, roundId);
    const ctx = await this.context(roundId);
    const unseen = (await flaggedWinners(this.db, roundId)).filter((w) => !userId || w.userId === userId);
    if (unseen.length) throw flaggedWinnersError(unseen, 'printing certificates');
    const winners = (await this.winners(roundId)).filter((w) => !userId || w.user_id === userId);
    if (userId && !winners.length) throw notFound('Certificate');
    const entries: CertificateEntry[] = winners.map((w) => ({
      fullName: w.full_name,
      unit: w.unit,
      prize: w.prize_name,
      round: ctx.roundTitle,
      number: `${w.position + 1}/GCN-BTC`,
      verificationCode: verificationCode(roundId, w.user_id, w.prize_code),
    }));
    return renderCertificatesPdf({ issuer: ctx.issuer, contestTitle: ctx.contestTitle, place: ctx.place, date: ctx.date, signer: ctx.signer, entries });
  }

  private async winners(roundId: string): Promise<Winner[]> {
    return this.db.query(
      `SELECT e.user_id, u.full_name, e.unit, e.prize_name, e.prize_code, e.position FROM result_entry e JOIN "user" u ON u.id = e.user_id
        WHERE e.round_id = $1 AND e.prize_code IS NOT NULL ORDER BY e.prize_level, e.position`,
      [roundId],
    );
  }

  private async context(roundId: string) {
    const r = await this.db.getRepository(RoundResult).findOneBy({ roundId });
    if (!r) throw conflict('round_not_closed', 'This round has no results yet: close it first');
    const [c]: { contest_id: string; contest_title: string; round_title: string; org_name: string; org_province: string | null }[] = await this.db.query(
      `SELECT c.id AS contest_id, c.title AS contest_title, r.title AS round_title, o.name AS org_name, o.province AS org_province
         FROM round r JOIN contest c ON c.id = r.contest_id JOIN organisation o ON o.id = c.organisation_id WHERE r.id = $1`,
      [roundId],
    );
    const docs = (await this.db.getRepository(ContestAwardRules).findOneBy({ contestId: c.contest_id }))?.documents ?? {};
    return {
      docs,
      contestTitle: c.contest_title,
      roundTitle: c.round_title,
      issuer: { parent: docs.issuerParent, name: docs.issuerName ?? c.org_name },
      place: docs.place ?? c.org_province ?? 'Hà Nội',
      date: r.publishedAt ?? r.closedAt,
      signer: { title: docs.signerTitle ?? 'TRƯỞNG BAN TỔ CHỨC', name: docs.signerName ?? '' },
    };
  }
}
