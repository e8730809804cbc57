import { maskIdentifier } from './sanitise';

describe('export sanitising', () => {
  it('masks national IDs and phones, keeping values that are already masked', () => {
    expect(maskIdentifier('001203004789')).toBe('001******789');
    expect(maskIdentifier('0912 345 678')).toBe('091****678');
    expect(maskIdentifier('001******789')).toBe('001******789');
    expect(maskIdentifier('12345')).toBe('*****');
    expect(maskIdentifier(null)).toBeNull();
    expect(maskIdentifier('  ')).toBeNull();
  });
});
