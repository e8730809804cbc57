/** Index of the first unescaped occurrence of `needle` at or after `from`, or -1. */
export function findUnescaped(text: string, needle: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text.startsWith(needle, i)) return i;
  }
  return -1;
}

/** Splits on every unescaped occurrence of `sep`. */
export function splitUnescaped(text: string, sep: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = findUnescaped(text, sep); i !== -1; i = findUnescaped(text, sep, from)) {
    parts.push(text.slice(from, i));
    from = i + sep.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/** Undoes GIFT escapes: \~ \= \# \{ \} \: \\ and \n for a newline. */
export function unescapeGift(text: string): string {
  // One pass, left to right, so an escaped backslash before an n stays a backslash and an n. Most text has no backslash.
  return text.includes('\\') ? text.replace(/\\([~=#{}:\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c)) : text;
}

/** Text safe inside GIFT: control characters escaped, newlines as \n so a question stays on one line. */
export function escapeGift(text: string): string {
  return text.replace(/[~=#{}:\\]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
}
