// A worker thread of the engine's read pool (readPool.ts): reads, decodes and scans batches of
// files (most of a check's work) and posts them back for the main thread to judge.
import { parentPort, workerData } from 'node:worker_threads';
import type { VigilConfig } from './config/types.js';
import type { DocumentLocation } from './document.js';
import { readFile } from './readFile.js';
import type { WorkerRead } from './readPool.js';

const { config } = workerData as { config: VigilConfig };

parentPort?.on('message', (batch: DocumentLocation[]) => {
  parentPort?.postMessage(
    batch.map((location): WorkerRead | null => {
      try {
        const read = readFile(location, config);
        if ('unreadable' in read) return read;
        // Neither the location nor the Markdown travels back: the main thread has the one and
        // needs not the other (a run that keeps bodies for the site reads on the main thread).
        const { location: _location, body: _body, ...draft } = read.draft;
        const { headings, links, tables } = read.scan;
        return { draft, scan: { headings, links, tables } };
      } catch {
        return null; // read again on the main thread, which reports the file (file-skipped)
      }
    }),
  );
});
