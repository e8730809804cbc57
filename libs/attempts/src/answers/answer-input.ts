import { createValidationPipe } from '@lc/platform';
import { OPAQUE_ID, SaveAnswerDto } from './answer.dto';

const KEYS = new Set(['optionIds', 'value', 'seq']);

/**
 * An answer change as SaveAnswerDto reads it, for both ways in (PUT .../answers/:questionId and
 * `attempt:answer` on /live): an ordinary body is checked in a few comparisons; anything else
 * goes through the ValidationPipe, so refusals read exactly as on every other route.
 */
export class AnswerInput {
  private readonly validation = createValidationPipe();

  async dtoOf(body: unknown): Promise<SaveAnswerDto> {
    if (isOrdinaryAnswer(body)) return body;
    return (await this.validation.transform(body, { type: 'body', metatype: SaveAnswerDto })) as SaveAnswerDto;
  }
}

/** A body SaveAnswerDto accepts as it is (a subset: null option lists, odd shapes go to the full validation). */
export function isOrdinaryAnswer(body: unknown): body is SaveAnswerDto {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  for (const k in body) if (!KEYS.has(k)) return false;
  const { optionIds, value, seq } = body as Record<string, unknown>;
  if (optionIds !== undefined) {
    if (!Array.isArray(optionIds) || optionIds.length > 20) return false;
    for (let i = 0; i < optionIds.length; i++) {
      const o: unknown = optionIds[i];
      if (typeof o !== 'string' || !OPAQUE_ID.test(o) || optionIds.indexOf(o) !== i) return false;
    }
  }
  if (value !== undefined && value !== null && !(typeof value === 'number' && Number.isFinite(value)) && !(typeof value === 'string' && value.length <= 2000))
    return false;
  return seq === undefined || (typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 && seq <= 2_000_000_000);
}
