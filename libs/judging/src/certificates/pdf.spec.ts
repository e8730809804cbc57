import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCertificatesPdf } from './certificate-pdf';
import { renderDecisionPdf } from './decision-pdf';
import { fontDir } from './fonts';
import { pdfToBuffer, placeAndDate, writePdf } from './pdf-common';
import { pdfPageCount, pdftotext, toUnicodeChars } from '../../test/pdf-reader';

const date = new Date('2026-03-04T20:00:00Z'); // 05/03/2026 in Vietnam
const issuer = { parent: 'Ủy ban nhân dân tỉnh Thừa Thiên Huế', name: 'Sở Tư pháp' };
const signer = { title: 'Giám đốc', name: 'Nguyễn Văn Hưởng' };
const contestTitle = 'Tìm hiểu pháp luật về bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp';
const names = ['Nguyễn Thị Hồng Nhung', 'Trần Đức Vượng', 'Lê Thị Ngọc Ánh', 'Phạm Quốc Việt', 'Đỗ Thị Xuân Hương'];
const winners = Array.from({ length: 60 }, (_, i) => ({
  fullName: names[i % names.length] + (i >= names.length ? ` ${i}` : ''),
  unit: i % 2 ? 'UBND xã Phú Lộc, huyện Phú Lộc' : 'Trường Trung học phổ thông Nguyễn Huệ',
  prize: i === 0 ? 'Giải Nhất' : i < 3 ? 'Giải Nhì' : 'Giải Khuyến khích',
}));

function expectValidPdf(buf: Buffer): void {
  expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(buf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
  expect(buf.toString('latin1')).toMatch(/startxref\s+\d+/);
}

/** Every non-ASCII letter of `text` must be mapped back to Unicode by the PDF. */
function expectMapped(buf: Buffer, text: string): void {
  const mapped = toUnicodeChars(buf);
  const needed = [...new Set([...text.normalize('NFC')].filter((c) => c.charCodeAt(0) > 127 && /\p{L}/u.test(c)))];
  expect(needed.length).toBeGreaterThan(10);
  expect(needed.filter((c) => !mapped.has(c))).toEqual([]);
}

describe('PDF documents in Vietnamese', () => {
  it('finds the vendored fonts', () => {
    expect(readFileSync(join(fontDir(), 'LICENSE'), 'utf8')).toMatch(/Bitstream/);
  });

  it('formats the place and date the administrative way', () => {
    expect(placeAndDate('Huế', date)).toBe('Huế, ngày 05 tháng 3 năm 2026');
    expect(placeAndDate('Huế', new Date('2026-01-31T18:00:00Z'))).toBe('Huế, ngày 01 tháng 02 năm 2026');
  });

  it('renders the decision with every winner, across pages, with extractable diacritics', async () => {
    const buf = await pdfToBuffer(
      renderDecisionPdf({
        issuer,
        number: '125/QĐ-STP',
        place: 'Huế',
        date,
        contestTitle,
        authority: 'Giám đốc Sở Tư pháp',
        grounds: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;', 'Xét đề nghị của Trưởng Ban Tổ chức Cuộc thi.'],
        winners,
        signer,
      }),
    );
    expectValidPdf(buf);
    expect(pdfPageCount(buf)).toBeGreaterThanOrEqual(3);
    const all = [
      contestTitle,
      ...winners.map((w) => w.fullName + w.unit + w.prize),
      'QUYẾT ĐỊNH Điều Căn cứ Nơi nhận CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc',
    ].join(' ');
    expectMapped(buf, all);
    const pages = pdftotext(buf);
    if (pages === null) return; // poppler-utils absent: the ToUnicode check above still ran
    const text = pages.join(' ');
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 125/QĐ-STP',
      'Huế, ngày 05 tháng 3 năm 2026',
      'QUYẾT ĐỊNH:',
      'GIÁM ĐỐC SỞ TƯ PHÁP',
      'Căn cứ Luật Thi đua, khen thưởng',
      'Điều 1.',
      'Điều 3.',
      'Nguyễn Thị Hồng Nhung',
      'Trần Đức Vượng',
      'Đỗ Thị Xuân Hương 59',
      'Giải Khuyến khích',
      'Nguyễn Văn Hưởng',
    ])
      expect(text).toContain(s);
    expect((text.match(/STT/g) ?? []).length).toBeGreaterThanOrEqual(2); // the header row repeats on later pages
  });

  it('renders one certificate page per winner, names in capitals with correct diacritics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-pdf-'));
    try {
      const file = join(dir, 'gcn.pdf');
      const entries = winners.slice(0, 3).map((w, i) => ({ ...w, round: 'Tuần 1', number: `${i + 1}/GCN-BTC`, verificationCode: `LC-${i}` }));
      // A decomposed (NFD) name must come out composed.
      entries[1].fullName = entries[1].fullName.normalize('NFD');
      await writePdf(renderCertificatesPdf({ issuer, contestTitle, place: 'Huế', date, signer, entries }), createWriteStream(file));
      const buf = readFileSync(file);
      expectValidPdf(buf);
      expect(pdfPageCount(buf)).toBe(3);
      expectMapped(buf, 'GIẤY CHỨNG NHẬN NGUYỄN THỊ HỒNG NHUNG TRẦN ĐỨC VƯỢNG Đã đạt GIẢI NHẤT Chứng nhận Đơn vị Trường Trung học phổ thông Nguyễn Huệ');
      const pages = pdftotext(buf);
      if (pages === null) return;
      const text = pages.join(' ');
      for (const s of [
        'GIẤY CHỨNG NHẬN',
        'NGUYỄN THỊ HỒNG NHUNG',
        'TRẦN ĐỨC VƯỢNG',
        'LÊ THỊ NGỌC ÁNH',
        'GIẢI NHẤT',
        'GIẢI NHÌ',
        'Đơn vị: UBND xã Phú Lộc, huyện Phú Lộc',
        'Số: 2/GCN-BTC',
        'Mã xác thực: LC-2',
        'Huế, ngày 05 tháng 3 năm 2026',
      ])
        expect(text).toContain(s);
      expect(pages).toHaveLength(3);
      expect(pages[1]).toContain('TRẦN ĐỨC VƯỢNG');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
