import { decodeText, fileLines } from './decode-text';
import { FileRefusedError } from './file-refused';

describe('reading text files', () => {
  it('reads UTF-8 lines with or without BOM, whatever the line ends', () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Câu một\r\nCâu hai\rCâu ba\n\nhết', 'utf8')]);
    expect([...fileLines(file)]).toEqual([
      [1, 'Câu một'],
      [2, 'Câu hai'],
      [3, 'Câu ba'],
      [4, ''],
      [5, 'hết'],
    ]);
    expect([...fileLines('a\r\nb')]).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('reads UTF-16 with a BOM and refuses other encodings', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Luật\nĐiều', 'utf16le')]);
    expect([...fileLines(utf16)].map(([, l]) => l)).toEqual(['Luật', 'Điều']);
    const latin1 = Buffer.from('Lu\xe2t', 'latin1');
    expect(() => decodeText(latin1)).toThrow(FileRefusedError);
    expect(() => [...fileLines(latin1)]).toThrow(/not UTF-8/);
  });
});
