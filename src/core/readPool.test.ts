// The read pool: worker threads read files, the main thread judges them and reads batches of its
// own. Whatever the workers do (answer, fail a file, die halfway, never start), every file gets
// the result the main thread alone gives, in the order of the files. Stand-in workers run the
// real reading code (readFile) in this thread, so the test needs no compiled JavaScript.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile, ruleContext, type FileOutcome } from './checkFile.js';
import { defaultConfig } from './config/load.js';
import type { DocumentLocation } from './document.js';
import { collectFiles } from './files.js';
import { readFile, toWorkerRead, type WorkerRead } from './readFile.js';
import { checkWithReadWorkers } from './readPool.js';
import { loadSchemas } from './schemas.js';
import type { RuleContext } from './types.js';

const REPO_SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url));
const policy = (n: number): string =>
  `---\ntitle: Policy ${n}\nid: POL-${n}\ntype: policy\nowner: Security team\nlast_reviewed: 2026-0${1 + (n % 9)}-01\nreview_cycle: annual\n---\n# Policy ${n}\n\n## Purpose\n\nSee [the next one](./doc-${String(n + 1).padStart(3, '0')}.md#policy-${n + 1}).\n`;

let dir: string;
let files: DocumentLocation[];
let context: RuleContext;
let inline: FileOutcome[];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'vigil-read-pool-'));
  mkdirSync(path.join(dir, 'docs'));
  for (let n = 0; n < 350; n++) {
    const name = path.join(dir, 'docs', `doc-${String(n).padStart(3, '0')}.md`);
    if (n % 50 === 7) writeFileSync(name, Buffer.from('---\ntitle: Bad \xff bytes\n---\n', 'latin1'));
    else if (n % 50 === 9) writeFileSync(name, '---\ntitle: [unclosed\n---\n');
    else writeFileSync(name, policy(n));
  }
  const config = { ...defaultConfig(dir), content: ['docs'], schemas: REPO_SCHEMAS };
  files = collectFiles(dir, ['docs'], config.content).files;
  context = ruleContext(config, '2026-11-26', loadSchemas(REPO_SCHEMAS));
  inline = files.map((location) => checkFile(location, context));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Behaviour = (batch: DocumentLocation[], answer: (reads: Array<WorkerRead | null>) => void, die: () => void) => void;

/** A stand-in for a worker thread: answers each batch asynchronously, as worker.ts would, or as `behaviour` says. */
function standIn(behaviour: Behaviour): Worker & { batches: number } {
  const worker = new EventEmitter() as EventEmitter & { batches: number; postMessage(batch: DocumentLocation[]): void; terminate(): Promise<number> };
  worker.batches = 0;
  worker.postMessage = (batch) => {
    worker.batches++;
    setImmediate(() =>
      behaviour(
        batch,
        (reads) => worker.emit('message', reads),
        () => {
          worker.emit('error', new Error('worker ran out of memory'));
          worker.emit('exit', 1);
        },
      ),
    );
  };
  worker.terminate = async () => 0;
  return worker as unknown as Worker & { batches: number };
}

/** What worker.ts sends back for a batch. */
function readAsWorker(batch: DocumentLocation[]): Array<WorkerRead | null> {
  return batch.map((location) => toWorkerRead(readFile(location, context.config)));
}

describe('checkWithReadWorkers', () => {
  it('gives every file the result the main thread alone gives, in order, with workers that answer', async () => {
    const workers = [standIn((batch, answer) => answer(readAsWorker(batch))), standIn((batch, answer) => answer(readAsWorker(batch)))];
    const outcomes = await checkWithReadWorkers(files, workers, context);
    expect(outcomes).toEqual(inline);
    // The workers did read: the main thread did not take every batch itself.
    expect(workers[0].batches + workers[1].batches).toBeGreaterThan(0);
  });

  it('reads on the main thread a file a worker could not read (and reports it there)', async () => {
    const worker = standIn((batch, answer) => answer(readAsWorker(batch).map((read, at) => (at % 3 === 0 ? null : read))));
    expect(await checkWithReadWorkers(files, [worker], context)).toEqual(inline);
  });

  it('loses no file when a worker dies halfway: its batches are read on the main thread', async () => {
    let answered = 0;
    const dying = standIn((batch, answer, die) => (answered++ < 1 ? answer(readAsWorker(batch)) : die()));
    const outcomes = await checkWithReadWorkers(files, [dying], context);
    expect(outcomes).toEqual(inline);
    expect(dying.batches).toBeGreaterThan(1);
  });

  it('finishes when a worker never answers and then dies', async () => {
    const silent = standIn((_batch, _answer, die) => setTimeout(die, 20));
    expect(await checkWithReadWorkers(files, [silent], context)).toEqual(inline);
  });
});
