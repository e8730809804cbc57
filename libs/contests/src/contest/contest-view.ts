import type { Contest } from './contest.entity';
import { foldVietnamese } from '../../../platform/src/text/fold';

export interface ContestView {
  id: string;
  organisationId: string;
  title: string;
  slug: string;
  description: string | null;
  rules: string | null;
  status: string;
  unitList: string[] | null;
  requiredFields: string[];
  publishedAt: string | null;
  closedAt: string | null;
  createdAt: string;
}

export function contestView(c: Contest): ContestView {
  return {
    id: c.id,
    organisationId: c.organisationId,
    title: c.title,
    slug: c.slug,
    description: c.description,
    rules: c.rules,
    status: c.status,
    unitList: c.unitList,
    requiredFields: c.requiredFields,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}

/** A slug from a Vietnamese title: "Tìm hiểu Luật Bầu cử" → "tim-hieu-luat-bau-cu". */
export function slugify(title: string): string {
  const base = foldVietnamese(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/g, '');
  return base.length >= 3 ? base : `contest-${base}`.replace(/-+$/, '');
}
