import ExcelJS from 'exceljs';
import { TEMPLATE_HEADER } from './staff-rows';

export type TemplateFormat = 'xlsx' | 'csv';

export interface TemplateFile {
  content: Buffer;
  contentType: string;
  filename: string;
}

const GUIDE: [string, string][] = [
  ['Họ và tên', 'Bắt buộc. Họ và tên đầy đủ, có dấu.'],
  ['Email', 'Bắt buộc. Cán bộ đăng nhập bằng email này; mỗi email chỉ một tài khoản.'],
  ['Số điện thoại', 'Không bắt buộc. Số di động Việt Nam, ví dụ 0912345678.'],
  ['Vai trò', 'Bắt buộc: ban tổ chức, giám khảo hoặc quản trị.'],
  ['Đơn vị', 'Bắt buộc với ban tổ chức và giám khảo: tên đơn vị hoặc mã đơn vị (xem trang Đơn vị). Để trống với quản trị.'],
];

/**
 * The staff import template: the header row only (a sample row left in would be imported),
 * with a guide sheet in the XLSX and the role as a drop-down.
 */
export async function staffTemplate(format: TemplateFormat): Promise<TemplateFile> {
  if (format === 'csv') {
    // BOM: Excel then reads the Vietnamese header as UTF-8.
    return { content: Buffer.from(`\ufeff${TEMPLATE_HEADER.join(',')}\r\n`, 'utf8'), contentType: 'text/csv; charset=utf-8', filename: 'mau-nhap-can-bo.csv' };
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...TEMPLATE_HEADER]).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = [28, 32, 16, 16, 40][i]));
  for (let r = 2; r <= 301; r++) {
    ws.getCell(r, 4).dataValidation = { type: 'list', allowBlank: true, formulae: ['"ban tổ chức,giám khảo,quản trị"'] };
    ws.getCell(r, 3).numFmt = '@'; // a phone keeps its leading 0
  }
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.addRow(['Cột', 'Cách điền']).font = { bold: true };
  for (const g of GUIDE) guide.addRow(g);
  guide.addRow([]);
  guide.addRow(['', 'Chỉ trang đầu tiên được nhập. Tệp có lỗi thì không tài khoản nào được tạo; báo cáo chỉ rõ dòng và cột cần sửa.']);
  guide.columns.forEach((c, i) => (c.width = [18, 100][i]));
  return {
    content: Buffer.from(await wb.xlsx.writeBuffer()),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: 'mau-nhap-can-bo.xlsx',
  };
}
