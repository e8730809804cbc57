import { maskIdentifier, neutraliseFormula } from './sanitise';

describe('export sanitising', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const s of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['Nguyễn Văn A', '1+1', 'a=b', '', " '=x"]) expect(neutraliseFormula(s)).toBe(s);
  });

  it('masks national IDs and phones, keeping values that are already masked', () => {
    expect(maskIdentifier('001203004789')).toBe('001******789');
    expect(maskIdentifier('0912 345 678')).toBe('091****678');
    expect(maskIdentifier('001******789')).toBe('001******789');
    expect(maskIdentifier('12345')).toBe('*****');
    expect(maskIdentifier(null)).toBeNull();
    expect(maskIdentifier('  ')).toBeNull();
  });
});
