// A worker thread: checks batches of files sent by the engine and posts the outcomes back.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, ruleContext } from './checkFile.js';
import type { VigilConfig } from './config/types.js';
import type { DocumentLocation } from './document.js';
import { loadSchemas } from './schemas.js';

const { config, today, schemasFolder } = workerData as { config: VigilConfig; today: string; schemasFolder: string | null };
const context = ruleContext(config, today, loadSchemas(schemasFolder));

parentPort?.on('message', (batch: DocumentLocation[]) => {
  parentPort?.postMessage(batch.map((location) => checkFile(location, context)));
});
