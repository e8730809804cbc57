/** `001******789`: the first and last three characters, the rest starred. */
export function maskMiddle(value: string, keep = 3): string {
  if (value.length <= keep * 2) return '*'.repeat(value.length);
  return value.slice(0, keep) + '*'.repeat(value.length - keep * 2) + value.slice(-keep);
}
