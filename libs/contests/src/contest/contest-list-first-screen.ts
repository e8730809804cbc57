import { Injectable } from '@nestjs/common';
import { escapeHtml, FirstScreenPage, FirstScreenSource } from '@lc/platform';
import { ContestListQuery } from './contest.dto';
import { ContestsService } from './contests.service';
import { contestView, type ContestView } from './contest-view';

/** The query the web app's contest list sends first (ContestListPage): the embedded answer must be for the same URL. */
export const FIRST_LIST = { limit: 50, offset: 0 };
const STATUS_LABEL: Record<string, string> = { published: 'Đang diễn ra', closed: 'Đã kết thúc', archived: 'Lưu trữ' };

/**
 * The contest list as ContestListPage draws it for the public (same elements and classes, so
 * nothing moves when React replaces it). Every organiser-written text is escaped.
 */
export function contestListHtml(items: ContestView[]): string {
  const cards = items
    .map((c) => {
      const link = `#/cuoc-thi/${encodeURIComponent(c.slug || c.id)}`;
      const badge = c.status ? `<p class="badge badge-${escapeHtml(c.status)}">${escapeHtml(STATUS_LABEL[c.status] ?? c.status)}</p>` : '';
      const excerpt = c.description ? `<p class="excerpt">${escapeHtml(c.description.slice(0, 240))}${c.description.length > 240 ? '…' : ''}</p>` : '';
      return `<li class="card"><h2 class="h3"><a href="${escapeHtml(link)}">${escapeHtml(c.title)}</a></h2>${badge}${excerpt}</li>`;
    })
    .join('');
  return (
    '<div class="page-title"><h1 tabindex="-1">Các cuộc thi</h1><p class="lead">Tìm hiểu pháp luật trực tuyến — chọn cuộc thi để xem thể lệ và tham gia.</p></div>' +
    (items.length === 0 ? '<p>Hiện chưa có cuộc thi nào đang diễn ra.</p>' : '') +
    `<ul class="card-list">${cards}</ul>`
  );
}

/** The home screen inside `/` (libs/platform first-screen.ts): the public's contest list, markup and data. */
@Injectable()
export class ContestListFirstScreen extends FirstScreenSource {
  constructor(private readonly contests: ContestsService) {
    super();
  }

  async render(): Promise<FirstScreenPage> {
    const page = await this.contests.list(undefined, Object.assign(new ContestListQuery(), FIRST_LIST));
    const body = { items: page.items.map(contestView), total: page.total };
    return { html: contestListHtml(body.items), data: { url: `/api/v1/contests?limit=${FIRST_LIST.limit}&offset=${FIRST_LIST.offset}`, body } };
  }
}
