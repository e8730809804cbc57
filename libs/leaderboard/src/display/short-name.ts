/**
 * Public boards show a shortened name, never the full one: the family name, then the
 * initials of the other names ("Nguyễn Thị Bình" → "Nguyễn T. B."). Enough for a resident
 * to find themselves, too little to identify a stranger.
 */
export function shortName(fullName: string | null | undefined): string {
  const words = (fullName ?? '').normalize('NFC').trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '—';
  const [family, ...rest] = words;
  return [family, ...rest.map((w) => `${Array.from(w)[0].toLocaleUpperCase('vi')}.`)].join(' ');
}
