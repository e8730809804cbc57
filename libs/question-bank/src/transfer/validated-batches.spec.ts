import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileRefusedError } from './formats/types';
import { ValidatedBatch } from './validate-file';
import { validatedBatches } from './validated-batches';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', name));

/** The batches, with the random option ids left out. */
async function all(source: AsyncIterable<ValidatedBatch>): Promise<ValidatedBatch[]> {
  const out: ValidatedBatch[] = [];
  for await (const b of source) {
    for (const q of b.questions) q.content.options = q.content.options.map((o) => ({ ...o, id: '' }));
    out.push(b);
  }
  return out;
}

describe('validatedBatches through the worker thread', () => {
  it('hands over the same batches as validating inline', async () => {
    for (const [format, name] of [
      ['csv', 'question-template.csv'],
      ['aiken', 'aiken-errors.txt'],
      ['gift', 'gift-examples.txt'],
    ] as const) {
      const inline = await all(validatedBatches(format, fixture(name), { worker: false }));
      const threaded = await all(validatedBatches(format, fixture(name), { worker: true }));
      expect(threaded).toEqual(inline);
      expect(threaded.flatMap((b) => b.questions).length).toBeGreaterThan(1);
    }
  }, 60_000);

  it('passes a refusal back as a FileRefusedError', async () => {
    const evil = Buffer.from('<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x "y">]><quiz/>');
    await expect(all(validatedBatches('moodle-xml', evil, { worker: true }))).rejects.toThrow(FileRefusedError);
  }, 60_000);
});
