import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChainEditor } from './ChainEditor';

const ctx = { kind: 'quiz' as const, hasPrediction: true, attemptScoring: 'best' as const, manyAttempts: false };
const noop = () => undefined;

describe('chain editor', () => {
  it('names each step in its buttons, disables moves past the ends and offers only the steps left', () => {
    const html = renderToStaticMarkup(<ChainEditor chain={['score', 'prediction']} onChange={noop} ctx={ctx} errors={{}} readOnly={false} />);
    expect(html).toMatch(/<button[^>]*aria-label="Đưa “Điểm cao hơn” lên trên"[^>]*disabled=""/);
    expect(html).toMatch(/<button[^>]*aria-label="Đưa “Dự đoán gần đúng hơn” xuống dưới"[^>]*disabled=""/);
    expect(html).toContain('aria-label="Bỏ tiêu chí “Dự đoán gần đúng hơn”"');
    expect(html).toContain('<option value="under-before-over"');
    expect(html).not.toContain('<option value="score"');
    expect(html).toContain('Xếp trên là người có điểm cao hơn; nếu bằng điểm, người dự đoán gần đúng hơn');
  });

  it("shows a step's problem on the step, and no buttons when read only", () => {
    const html = renderToStaticMarkup(
      <ChainEditor chain={['under-before-over', 'score']} onChange={noop} ctx={ctx} errors={{ 'chain.0': 'Đặt sau tiêu chí dự đoán.' }} readOnly />,
    );
    expect(html).toMatch(/<li class="has-error" data-field="chain.0"[^>]*aria-describedby="chain-err-0"/);
    expect(html).toContain('Đặt sau tiêu chí dự đoán.');
    expect(html).not.toContain('<button');
  });
});
