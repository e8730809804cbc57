import { join } from 'node:path';
import type { ResultExport } from '../entities';

/** The finished file, and the one being written (never served: a download only ever sees a complete file). */
export function exportPaths(dir: string, e: Pick<ResultExport, 'id' | 'format'>): { final: string; partial: string } {
  const final = join(dir, `${e.id}.${e.format}`);
  return { final, partial: `${final}.part` };
}
