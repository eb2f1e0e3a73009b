// A worker thread of the engine's read pool (readPool.ts): reads, decodes and scans batches of
// files (most of a check's work) and posts them back for the main thread to judge.
import { parentPort, workerData } from 'node:worker_threads';
import type { VigilConfig } from './config/types.js';
import type { DocumentLocation } from './document.js';
import { readFile, toWorkerRead, type WorkerRead } from './readFile.js';

const { config } = workerData as { config: VigilConfig };

parentPort?.on('message', (batch: DocumentLocation[]) => {
  parentPort?.postMessage(
    batch.map((location): WorkerRead | null => {
      try {
        return toWorkerRead(readFile(location, config));
      } catch {
        return null; // read again on the main thread, which reports the file (file-skipped)
      }
    }),
  );
});
