import { cleanText } from './clean-text';
import { decodeEntities, htmlToText } from './html-to-text';

describe('cleanText', () => {
  it('normalises to NFC, Unix newlines and no control characters', () => {
    expect(cleanText(' a\r\nb\u0007c '.normalize('NFD'))).toBe('a\nbc');
    expect(cleanText('Luật'.normalize('NFD'))).toBe('Luật'.normalize('NFC'));
  });
});

describe('htmlToText', () => {
  it('turns Moodle HTML into plain text', () => {
    expect(htmlToText('<p>Testing <b>Iota</b> &amp; co</p><p>line&nbsp;2<br/>3</p>').text).toBe('Testing Iota & co\nline 2\n3');
    expect(htmlToText('<img src="x.png"> see').droppedImages).toBe(true);
  });
  it('decodes numeric references and leaves unknown entities alone', () => {
    expect(decodeEntities('&#7847;&#x1EA7;&bogus;')).toBe('ầầ&bogus;');
  });
});
