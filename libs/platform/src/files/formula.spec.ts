import { neutraliseFormula } from './formula';

describe('neutraliseFormula', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const s of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['Nguyễn Văn A', '1+1', 'a=b', '', " '=x"]) expect(neutraliseFormula(s)).toBe(s);
  });
});
