// Checks a large set with worker threads that read the files: each worker reads, decodes and scans
// whole batches of files (worker.ts) while the main thread judges what comes back, and reads
// batches of its own between answers. The rules run on the main thread only: a worker loads no
// rule, compiles no schema and sends back no diagnostic. A worker that dies costs nothing but time:
// its batches are read again on the main thread.
import type { Worker } from 'node:worker_threads';
import { checkFile, judgeRead, type FileOutcome } from './checkFile.js';
import type { DocumentLocation } from './document.js';
import { fromWorkerRead, type WorkerRead } from './readFile.js';
import type { RuleContext } from './types.js';

const BATCH_SIZE = 100;
// Batches given to one worker at a time, so that it never waits while the main thread is busy.
const IN_FLIGHT = 2;

export async function checkWithReadWorkers(files: DocumentLocation[], workers: Worker[], context: RuleContext): Promise<FileOutcome[]> {
  const batches: DocumentLocation[][] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) batches.push(files.slice(start, start + BATCH_SIZE));
  const results: FileOutcome[][] = new Array(batches.length);
  let next = 0;
  const returned: number[] = []; // batches a dead worker did not finish
  const take = (): number => returned.shift() ?? (next < batches.length ? next++ : -1);
  let wake: () => void = () => undefined;

  const judge = (index: number, reads: Array<WorkerRead | null>): void => {
    results[index] = batches[index].map((location, at) => {
      const read = reads[at];
      // A file the worker could not read is read, and reported, here.
      if (!read) return checkFile(location, context);
      return judgeRead(location, fromWorkerRead(location, read), context);
    });
  };

  const lanes = workers.map((worker) => ({ worker, inFlight: [] as number[], alive: true }));
  const feed = (): void => {
    for (const lane of lanes) {
      while (lane.alive && lane.inFlight.length < IN_FLIGHT) {
        const index = take();
        if (index === -1) return;
        lane.inFlight.push(index);
        lane.worker.postMessage(batches[index]);
      }
    }
  };
  for (const lane of lanes) {
    lane.worker.on('message', (reads: Array<WorkerRead | null>) => {
      judge(lane.inFlight.shift() as number, reads);
      feed();
      wake();
    });
    const retire = (): void => {
      if (!lane.alive) return;
      lane.alive = false;
      returned.push(...lane.inFlight.splice(0));
      wake();
    };
    lane.worker.on('error', retire);
    lane.worker.on('exit', retire);
  }
  const busy = (): boolean => lanes.some((lane) => lane.alive && lane.inFlight.length > 0);

  try {
    feed();
    for (;;) {
      const index = take();
      if (index !== -1) {
        results[index] = batches[index].map((location) => checkFile(location, context));
        // Worker answers are judged only while the main thread waits for the event loop.
        await new Promise((resolve) => setImmediate(resolve));
      } else if (busy()) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      } else {
        break;
      }
    }
  } finally {
    for (const lane of lanes) {
      lane.alive = false;
      void lane.worker.terminate();
    }
  }
  return results.flat();
}
