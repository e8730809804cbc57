const MARKS = /[\u0300-\u036f]/g;

/** The slow, obviously right definition: NFD, drop combining marks, đ → d, lower case. */
function foldSlow(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/đ/g, 'd');
}

/** Folded form of each UTF-16 code unit met so far (Vietnamese text uses a few hundred). */
const folded = new Map<number, string>();
let units: Uint16Array = new Uint16Array(4096);

/**
 * Case- and diacritics-insensitive form of Vietnamese text, for search and duplicate
 * detection: "Bầu cử" and "bau cu" fold to the same string. NFD splits each letter from
 * its tone and vowel marks, which are then dropped; đ has no decomposition, so it is
 * mapped by hand. Imports fold every stem, so this works code unit by code unit through a
 * cache into one buffer instead of building four intermediate strings.
 */
export function foldVietnamese(text: string): string {
  let n = 0;
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return foldSlow(text);
    let f: string | undefined;
    if (code < 0x80 && (code < 0x41 || code > 0x5a)) f = undefined;
    else {
      f = folded.get(code);
      if (f === undefined) {
        f = foldSlow(String.fromCharCode(code));
        folded.set(code, f);
      }
    }
    if (n + (f?.length ?? 1) > units.length) units = grow(units, n + text.length + 8);
    if (f === undefined) units[n++] = code;
    else {
      if (f.length !== 1 || f.charCodeAt(0) !== code) changed = true;
      for (let k = 0; k < f.length; k++) units[n++] = f.charCodeAt(k);
    }
  }
  return changed ? fromUnits(units, n) : text;
}

function grow(old: Uint16Array, size: number): Uint16Array {
  const next = new Uint16Array(Math.max(size, old.length * 2));
  next.set(old);
  return next;
}

function fromUnits(u: Uint16Array, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode.apply(null, u.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return out;
}

/** The stored search/duplicate key of a stem: folded, with runs of white space as one space. */
export function foldStem(stem: string): string {
  const f = foldVietnamese(stem);
  return (/\s{2}|[^\S ]/.test(f) ? f.replace(/\s+/g, ' ') : f).trim();
}

/** Escapes LIKE wildcards so user text matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const VIETNAMESE = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const SQL_FOLD_FROM = VIETNAMESE + VIETNAMESE.toUpperCase();
const SQL_FOLD_TO = [...SQL_FOLD_FROM].map((c) => foldVietnamese(c)).join('');

/**
 * The SQL expression that folds `expr` as foldVietnamese does, for `LIKE` searches on names:
 * marks are translated away in both cases first, because lower() of non-ASCII letters
 * depends on the database's locale.
 */
export function foldedSql(expr: string): string {
  return `lower(translate(${expr}, '${SQL_FOLD_FROM}', '${SQL_FOLD_TO}'))`;
}
