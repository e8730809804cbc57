import { drawHeading, Issuer, newDocument, placeAndDate, Signer, upperVn, vn } from './pdf-common';

export interface DecisionWinner {
  fullName: string;
  unit: string | null;
  prize: string;
  /** e.g. "Tuần 1"; shown when the decision covers several rounds. */
  round?: string | null;
}

/**
 * "Quyết định khen thưởng": the decision that names the winners, laid out as an
 * administrative document (Decree 30/2020/NĐ-CP): heading, number, place and date,
 * grounds ("Căn cứ…"), articles, the winners table, recipients and signature.
 */
export interface DecisionDocument {
  issuer: Issuer;
  /** e.g. "125/QĐ-STP". */
  number: string;
  place: string;
  date: Date;
  contestTitle: string;
  /** Who decides, e.g. "GIÁM ĐỐC SỞ TƯ PHÁP". */
  authority: string;
  grounds: string[];
  /** Article 1's sentence before the table; defaults to a standard wording. */
  awardText?: string;
  winners: DecisionWinner[];
  /** Articles after the first; defaults to effect and execution clauses. */
  otherArticles?: string[];
  recipients?: string[];
  signer: Signer;
}

export function renderDecisionPdf(d: DecisionDocument): PDFKit.PDFDocument {
  const doc = newDocument({ title: `Quyết định khen thưởng - ${d.contestTitle}`, createdAt: d.date });
  const { left, right } = doc.page.margins;
  const width = doc.page.width - left - right;

  drawHeading(doc, d.issuer, `Số: ${d.number}`, placeAndDate(d.place, d.date));

  doc.font('vn-bold').fontSize(13).text('QUYẾT ĐỊNH', { align: 'center' });
  doc.fontSize(12).text(vn(`Về việc khen thưởng các cá nhân đạt giải Cuộc thi “${d.contestTitle}”`), { align: 'center' });
  doc.moveDown(0.8);
  doc.fontSize(12).text(upperVn(d.authority), { align: 'center' });
  doc.moveDown(0.5);

  doc.font('vn-italic').fontSize(12);
  for (const g of d.grounds) doc.text(vn(g), { align: 'justify', indent: 28, paragraphGap: 4 });
  doc.moveDown(0.5);

  doc.font('vn-bold').fontSize(13).text('QUYẾT ĐỊNH:', { align: 'center' });
  doc.moveDown(0.5);
  const award = d.awardText ?? `Khen thưởng ${d.winners.length} cá nhân đã có thành tích xuất sắc tại Cuộc thi “${d.contestTitle}”, gồm:`;
  article(doc, 1, award);
  doc.moveDown(0.4);
  winnersTable(doc, d.winners, left, width);
  doc.moveDown(0.6);

  const others = d.otherArticles ?? [
    'Quyết định này có hiệu lực kể từ ngày ký.',
    `Chánh Văn phòng, Trưởng Ban Tổ chức Cuộc thi, Thủ trưởng các cơ quan, đơn vị có liên quan và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.`,
  ];
  others.forEach((t, i) => article(doc, i + 2, t));
  doc.moveDown(1.2);
  signatureBlock(doc, d.recipients ?? ['Như Điều 3;', 'Lưu: VT.'], d.signer, left, width);
  doc.end();
  return doc;
}

function article(doc: PDFKit.PDFDocument, n: number, text: string): void {
  doc.font('vn-bold').fontSize(12).text(`Điều ${n}. `, { continued: true, indent: 28 }).font('vn').text(vn(text), { align: 'justify' });
  doc.moveDown(0.3);
}

// DejaVu Serif runs wider than the Times New Roman of paper decisions, hence the smaller sizes.
const TABLE_SIZE = 10.5;
const COLS = [
  { title: 'STT', share: 0.07, align: 'center' as const },
  { title: 'Họ và tên', share: 0.33, align: 'left' as const },
  { title: 'Đơn vị', share: 0.38, align: 'left' as const },
  { title: 'Giải', share: 0.22, align: 'left' as const },
];

/** A ruled table that breaks across pages, repeating its header row. */
function winnersTable(doc: PDFKit.PDFDocument, winners: DecisionWinner[], x0: number, width: number): void {
  const pad = 4;
  const widths = COLS.map((c) => c.share * width);
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'vn-bold' : 'vn').fontSize(TABLE_SIZE);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 2 * pad }))) + 2 * pad;
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (!bold)
        drawRow(
          COLS.map((c) => c.title),
          true,
        );
      doc.font(bold ? 'vn-bold' : 'vn').fontSize(TABLE_SIZE);
    }
    const y = doc.y;
    let x = x0;
    cells.forEach((c, i) => {
      doc.rect(x, y, widths[i], h).lineWidth(0.5).stroke();
      doc.text(c, x + pad, y + pad, { width: widths[i] - 2 * pad, align: COLS[i].align });
      x += widths[i];
    });
    doc.x = x0;
    doc.y = y + h;
  };

  drawRow(
    COLS.map((c) => c.title),
    true,
  );
  winners.forEach((w, i) => {
    const prize = w.round ? `${w.prize} (${w.round})` : w.prize;
    drawRow([String(i + 1), vn(w.fullName), vn(w.unit ?? ''), vn(prize)], false);
  });
}

function signatureBlock(doc: PDFKit.PDFDocument, recipients: string[], signer: Signer, x0: number, width: number): void {
  const needed = 150;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  const leftW = width * 0.45;
  doc.font('vn-bold').fontSize(12).text('Nơi nhận:', x0, y, { width: leftW });
  doc.font('vn').fontSize(11);
  for (const r of recipients) doc.text(`- ${vn(r)}`, { width: leftW });
  doc
    .font('vn-bold')
    .fontSize(12)
    .text(upperVn(signer.title), x0 + leftW, y, { width: width - leftW, align: 'center' });
  doc.moveDown(4);
  doc.text(vn(signer.name), { width: width - leftW, align: 'center' });
  doc.x = x0;
}
