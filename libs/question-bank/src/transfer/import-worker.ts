/**
 * Entry of the import worker thread: validates the file and hands over one batch at a time,
 * waiting for "next" before going on, so neither thread ever holds the whole file parsed.
 * Imports only pure code (no Nest, no @lc/* aliases): it runs outside the application.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileRefusedError, ImportFormat } from './formats/types';
import { validateFile } from './validate-file';

export type WorkerMessage =
  | { batch: import('./validate-file').ValidatedBatch }
  | { done: true }
  | { refused: { message: string; details?: unknown; code?: string } }
  | { failed: string };

async function run(): Promise<void> {
  const port = parentPort!;
  const { format, file } = workerData as { format: ImportFormat; file: Uint8Array };
  const next = () => new Promise<void>((resolve) => port.once('message', () => resolve()));
  try {
    for await (const batch of validateFile(format, Buffer.from(file.buffer, file.byteOffset, file.byteLength))) {
      port.postMessage({ batch } satisfies WorkerMessage);
      await next();
    }
    port.postMessage({ done: true } satisfies WorkerMessage);
  } catch (e) {
    port.postMessage(
      (e instanceof FileRefusedError
        ? { refused: { message: e.message, details: e.details, code: e.code } }
        : { failed: String((e as Error)?.message ?? e) }) satisfies WorkerMessage,
    );
  }
}

if (parentPort) void run();
