import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileRefused, ImportFormat } from './formats/types';
import type { WorkerMessage } from './import-worker';
import { ValidatedBatch, validateFile } from './validate-file';

/** Thrown when a file needs more memory to parse than an import may use. */
export class ImportTooLargeError extends Error {}

export interface BatchSourceOptions {
  /** Parse in a worker thread (default: when running built code; tests run the sources inline). */
  worker?: boolean;
  /** Heap cap of the worker, in MB. */
  maxHeapMb?: number;
}

/**
 * The validated batches of a file. With a worker, the file's memory moves to the worker
 * (no copy) and `file` is unusable afterwards. Built code parses in a worker thread: a 20,000-question
 * file is seconds of CPU, which would otherwise stall every request of the api (answers
 * being saved mid-contest among them), and the worker's heap is capped and handed back to
 * the system when it ends, so one import cannot bloat the api for good.
 */
export function validatedBatches(format: ImportFormat, file: Buffer, options: BatchSourceOptions = {}): AsyncIterable<ValidatedBatch> {
  const useWorker = options.worker ?? extname(__filename) === '.js';
  return useWorker ? fromWorker(format, file, options.maxHeapMb ?? 96) : validateFile(format, file);
}

async function* fromWorker(format: ImportFormat, file: Buffer, maxHeapMb: number): AsyncGenerator<ValidatedBatch> {
  const worker = startWorker({ format, file }, { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 8 });
  const inbox: (WorkerMessage | { crashed: Error })[] = [];
  let wake: (() => void) | null = null;
  const deliver = (m: WorkerMessage | { crashed: Error }) => {
    inbox.push(m);
    wake?.();
  };
  worker.on('message', (m: WorkerMessage) => deliver(m));
  worker.on('error', (e: Error) => deliver({ crashed: e }));
  worker.on('exit', (code) => deliver({ crashed: new Error(`import worker exited with code ${code}`) }));
  try {
    for (;;) {
      if (!inbox.length) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const m = inbox.shift()!;
      if ('batch' in m) {
        yield m.batch;
        worker.postMessage('next');
      } else if ('done' in m) return;
      else if ('refused' in m) throw fileRefused(m.refused.message, m.refused.details, m.refused.code);
      else if ('failed' in m) throw new Error(`import worker failed: ${m.failed}`);
      else if ((m.crashed as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
        throw new ImportTooLargeError('The file needs too much memory to import at once; split it');
      else throw m.crashed;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}

function startWorker(data: { format: ImportFormat; file: Buffer }, resourceLimits: Worker['resourceLimits']): Worker {
  // Hand the bytes over rather than copy them, when the buffer owns its memory outright.
  const owned = data.file.byteOffset === 0 && data.file.byteLength === data.file.buffer.byteLength;
  const file = owned ? data.file : Buffer.from(data.file);
  const options = { workerData: { format: data.format, file }, transferList: [file.buffer as ArrayBuffer], resourceLimits };
  const entry = join(__dirname, `import-worker${extname(__filename)}`);
  if (entry.endsWith('.js')) return new Worker(entry, options);
  // Running from TypeScript sources (tests): compile the worker's files on the fly.
  const bootstrap = `
    const ts = require('typescript');
    const fs = require('node:fs');
    require.extensions['.ts'] = (module, filename) => {
      const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        fileName: filename,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      module._compile(out.outputText, filename);
    };
    require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { ...options, eval: true });
}
