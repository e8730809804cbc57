import { fitSize, Issuer, MOTTO, NATION, newDocument, placeAndDate, rule, Signer, upperVn, vn } from './pdf-common';

/** One "Giấy chứng nhận" for one winner. */
export interface CertificateEntry {
  fullName: string;
  unit: string | null;
  /** e.g. "Giải Nhất". */
  prize: string;
  round?: string | null;
  /** e.g. "15/GCN-BTC". */
  number?: string | null;
  /** A code printed so anyone can check the certificate against the published winners list. */
  verificationCode?: string | null;
}

export interface CertificateBatch {
  issuer: Issuer;
  contestTitle: string;
  place: string;
  date: Date;
  signer: Signer;
  entries: CertificateEntry[];
}

/** One landscape A4 page per winner, in one PDF (print the batch, or send one page each). */
export function renderCertificatesPdf(b: CertificateBatch): PDFKit.PDFDocument {
  const doc = newDocument({
    title: `Giấy chứng nhận - ${b.contestTitle}`,
    layout: 'landscape',
    createdAt: b.date,
    margins: { top: 60, bottom: 50, left: 70, right: 70 },
  });
  b.entries.forEach((e, i) => {
    if (i > 0) doc.addPage();
    page(doc, b, e);
  });
  if (b.entries.length === 0) doc.font('vn').fontSize(14).text('Không có người đạt giải.', { align: 'center' });
  doc.end();
  return doc;
}

function page(doc: PDFKit.PDFDocument, b: CertificateBatch, e: CertificateEntry): void {
  const W = doc.page.width;
  const H = doc.page.height;
  doc
    .save()
    .lineWidth(3)
    .rect(24, 24, W - 48, H - 48)
    .stroke()
    .lineWidth(0.8)
    .rect(32, 32, W - 64, H - 64)
    .stroke()
    .restore();

  const { left, right } = doc.page.margins;
  const width = W - left - right;
  const half = width / 2;
  const top = doc.page.margins.top;

  doc.font('vn').fontSize(12);
  let y = top;
  if (b.issuer.parent) {
    doc.text(upperVn(b.issuer.parent), left, y, { width: half, align: 'center' });
    y = doc.y;
  }
  doc.font('vn-bold').text(upperVn(b.issuer.name), left, y, { width: half, align: 'center' });
  if (e.number) doc.font('vn').text(vn(`Số: ${e.number}`), left, doc.y + 4, { width: half, align: 'center' });

  doc
    .font('vn-bold')
    .fontSize(fitSize(doc, NATION, 12, half))
    .text(NATION, left + half, top, { width: half, align: 'center' });
  doc.fontSize(fitSize(doc, MOTTO, 13, half)).text(MOTTO, left + half, doc.y, { width: half, align: 'center' });
  const mw = doc.widthOfString(MOTTO);
  rule(doc, left + half + (half - mw) / 2, left + half + (half + mw) / 2, doc.y + 2);

  doc
    .font('vn-bold')
    .fontSize(34)
    .text('GIẤY CHỨNG NHẬN', left, top + 95, { width, align: 'center' });
  doc.moveDown(0.4);
  doc.font('vn-italic').fontSize(16).text('Chứng nhận', { width, align: 'center' });
  doc.font('vn-bold').fontSize(24).text(upperVn(e.fullName), { width, align: 'center' });
  doc.moveDown(0.2);
  if (e.unit)
    doc
      .font('vn')
      .fontSize(15)
      .text(vn(`Đơn vị: ${e.unit}`), { width, align: 'center' });
  doc.moveDown(0.4);
  doc.font('vn').fontSize(15).text('Đã đạt', { width, align: 'center' });
  doc.font('vn-bold').fontSize(20).text(upperVn(e.prize), { width, align: 'center' });
  doc
    .font('vn')
    .fontSize(15)
    .text(vn(`Cuộc thi “${b.contestTitle}”${e.round ? ` - ${e.round}` : ''}`), { width, align: 'center' });

  const sigX = left + half;
  const sigY = H - doc.page.margins.bottom - 150;
  doc.font('vn-italic').fontSize(13).text(placeAndDate(b.place, b.date), sigX, sigY, { width: half, align: 'center' });
  doc
    .font('vn-bold')
    .fontSize(13)
    .text(upperVn(b.signer.title), sigX, doc.y + 2, { width: half, align: 'center' });
  doc.text(vn(b.signer.name), sigX, sigY + 110, { width: half, align: 'center' });
  if (e.verificationCode)
    doc
      .font('vn')
      .fontSize(9)
      .text(`Mã xác thực: ${e.verificationCode}`, left, H - doc.page.margins.bottom - 20, { width: half, align: 'left', lineBreak: false });
}
