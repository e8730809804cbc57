/**
 * Province codes that open a CCCD (citizen identity card) number: the birth-registration
 * province, by the 63 provinces of Circular 07/2016/TT-BCA (amended by 59/2021/TT-BCA).
 * Cards keep these codes after the 2025 mergers, so the old list stays the right one.
 */
export const CCCD_PROVINCE_CODES: ReadonlySet<string> = new Set(
  (
    '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 ' +
    '040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 ' +
    '083 084 086 087 089 091 092 093 094 095 096'
  ).split(' '),
);

/**
 * The 4th digit: the century of birth and sex (0/1 = 1900s man/woman, 2/3 = 2000s, 4/5 = 2100s…).
 * Anyone who can sign up today was born in the 1900s or 2000s.
 */
const CENTURY_BY_DIGIT: Record<string, number> = { '0': 1900, '1': 1900, '2': 2000, '3': 2000 };

/**
 * Why a CCCD cannot be real, or [] if its structure holds: 12 digits, a province code from
 * the official list, a century/sex digit of a living person, and (given the date of birth,
 * `YYYY-MM-DD`) the birth year in digits 4–6 agreeing with it.
 */
export function nationalIdProblems(nationalId: string, dateOfBirth?: string): string[] {
  if (!/^\d{12}$/.test(nationalId)) return ['must be exactly 12 digits'];
  const problems: string[] = [];
  if (!CCCD_PROVINCE_CODES.has(nationalId.slice(0, 3))) problems.push('the first 3 digits are not a province code');
  const century = CENTURY_BY_DIGIT[nationalId[3]];
  if (century === undefined) problems.push('the 4th digit (century and sex) is not one of 0-3');
  else if (dateOfBirth && /^\d{4}-/.test(dateOfBirth)) {
    const year = century + Number(nationalId.slice(4, 6));
    if (year !== Number(dateOfBirth.slice(0, 4))) problems.push(`digits 4-6 say born in ${year}, not in ${dateOfBirth.slice(0, 4)} as the date of birth says`);
  }
  return problems;
}
