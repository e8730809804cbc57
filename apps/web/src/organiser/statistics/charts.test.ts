import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BarChart, describeBars, Histogram, LineChart } from './charts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('BarChart', () => {
  const rows = [
    { label: 'Quảng Ninh', value: 1200 },
    { label: 'Hà Nội', value: 300, highlight: true },
  ];
  it('draws an SVG image with a title and a text summary, and the numbers in a table', () => {
    const html = renderToStaticMarkup(
      h(BarChart, {
        title: 'Theo tỉnh',
        rows,
        table: {
          headers: ['Tỉnh', 'Lượt'],
          rows: [
            ['Quảng Ninh', 1200],
            ['Hà Nội', 300],
          ],
        },
      }),
    );
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+ [^"]+"/);
    expect(html).toContain('<title');
    expect(text(html)).toContain('Quảng Ninh: 1.200 lượt; Hà Nội: 300 lượt (cần xem lại)');
    // The biggest bar fills the track (four fifths of the width); the other is a quarter of it.
    expect(html).toContain('width="80%" height="14" rx="2" class="sc-fill"');
    expect(html).toContain('width="20%" height="14" rx="2" class="sc-fill"');
    expect(html).toContain('class="sc-bar sc-flagged"');
    expect(html).toContain('<summary>Xem bảng số liệu</summary>');
    expect(html).toMatch(/<th scope="row">Hà Nội<\/th><td class="num">300<\/td>/);
  });
  it('says there is nothing to show instead of an empty picture', () => {
    const html = renderToStaticMarkup(h(BarChart, { title: 'Theo đơn vị', rows: [] }));
    expect(html).not.toContain('<svg');
    expect(text(html)).toContain('Chưa có số liệu.');
  });
  it('describes at most five bars in its summary', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ label: `Đơn vị ${i}`, value: 8 - i }));
    expect(describeBars(many, 'lượt')).toBe('8 mục. Đơn vị 0: 8 lượt; Đơn vị 1: 7 lượt; Đơn vị 2: 6 lượt; Đơn vị 3: 5 lượt; Đơn vị 4: 4 lượt; ….');
  });
});

describe('LineChart', () => {
  it('draws each series as a path and summarises the total and the busiest day', () => {
    const html = renderToStaticMarkup(
      h(LineChart, {
        title: 'Theo ngày',
        labels: ['03/05', '04/05', '05/05'],
        series: [
          { name: 'Lượt dự thi', values: [2, 0, 8] },
          { name: 'Người dự thi', values: [1, 0, 4], dashed: true },
        ],
      }),
    );
    expect(html.match(/class="line line-\d"/g)?.length).toBe(4); // two paths, two legend samples
    expect(html).toContain('stroke-dasharray="8 6"');
    expect(text(html)).toContain('03/05 – 05/05: tổng 10 lượt dự thi; cao nhất 8 vào 05/05.');
  });
});

describe('Histogram', () => {
  it('has a column per band with its count, the tallest full height', () => {
    const html = renderToStaticMarkup(
      h(Histogram, {
        title: 'Phân bố điểm',
        bands: [
          { label: '0', count: 2 },
          { label: '50', count: 8 },
        ],
      }),
    );
    expect(html.match(/class="hist-bar"/g)?.length).toBe(2);
    expect(html).toContain('y="0" height="100" class="hist-bar"');
    expect(text(html)).toContain('10 bài. 0: 2; 50: 8.');
  });
});
