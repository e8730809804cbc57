import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import indexHtml from '../../../index.html?raw';
import { DateTimeField } from './DateTimeField';

const noop = () => undefined;

describe('DateTimeField', () => {
  it('is a text field in the Vietnamese order with a numeric keypad, never a browser-language picker', () => {
    const html = renderToStaticMarkup(<DateTimeField name="opensAt" label="Mở lúc" required value="" onChange={noop} />);
    expect(html).toContain('type="text"');
    expect(html).toContain('inputMode="numeric"');
    expect(html).toContain('placeholder="dd/mm/yyyy hh:mm"');
    expect(html).toContain('Ngày/tháng/năm giờ:phút, giờ Việt Nam — ví dụ 01/07/2025 08:30');
    expect(html).not.toContain('datetime-local');
  });

  it('reads a typed value back with its weekday', () => {
    const html = renderToStaticMarkup(<DateTimeField name="opensAt" label="Mở lúc" value="05/04/2026 19:00" onChange={noop} />);
    expect(html).toContain('<strong>Chủ nhật, 05/04/2026 lúc 19:00</strong>');
  });

  it('lives in a page that declares Vietnamese', () => {
    expect(indexHtml).toMatch(/<html lang="vi">/);
  });
});
