import { escapeLike, foldStem, foldVietnamese } from './fold';

describe('foldVietnamese', () => {
  it('drops tones, vowel marks and case so "bau cu" matches "Bầu cử"', () => {
    expect(foldVietnamese('Bầu cử đại biểu Quốc hội')).toBe('bau cu dai bieu quoc hoi');
    expect(foldVietnamese('ĐƯỜNG ƠN Ữ')).toBe('duong on u');
    // Precomposed (NFC) and decomposed (NFD) input fold alike.
    expect(foldVietnamese('Luật'.normalize('NFD'))).toBe(foldVietnamese('Luật'.normalize('NFC')));
  });

  it('agrees with the plain definition on every Vietnamese letter and on mixed text', () => {
    const plain = (t: string) =>
      t
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/đ/g, 'd');
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    const all = `${letters}${letters.toUpperCase()} Luật 2015, Điều 5! 😀 Ωμέγα`;
    expect(foldVietnamese(all)).toBe(plain(all));
    expect(foldVietnamese('plain ascii text')).toBe('plain ascii text');
    const long = 'Đường '.repeat(5000);
    expect(foldVietnamese(long)).toBe(plain(long));
  });

  it('collapses white space in stems and escapes LIKE wildcards', () => {
    expect(foldStem('  Ngày  bầu\ncử?  ')).toBe('ngay bau cu?');
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});
