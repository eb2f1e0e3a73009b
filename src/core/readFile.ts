// Reads one document file up to the rules: bytes, decoding, frontmatter, body scan. Needs only the
// config, so a worker thread can do it (the engine's read pool) while the main thread judges.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { VigilConfig } from './config/types.js';
import { anchorStyleOf, draftDocument, type DocumentDraft, type DocumentLocation } from './document.js';
import { scanBody, type BodyScan } from './parse/body.js';
import { decodedText, type DecodedSource } from './parse/source.js';

// Tens of megabytes are checked like any other document. Far past that a file is not a document,
// and reading it whole would take memory out of all proportion.
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
// Documents are kilobytes; up to this size a file is read as text first (see readFile).
const TEXT_READ_BYTES = 1024 * 1024;

/** A file read, decoded, its frontmatter mapped and its body scanned: all a document needs before the rules. */
export type ReadFile = { draft: DocumentDraft; scan: BodyScan } | { unreadable: string };

/** Everything before the rules, and all of it a worker thread can do: it needs only the config. */
export function readFile(location: DocumentLocation, config: VigilConfig): ReadFile {
  let source: Uint8Array | DecodedSource;
  let fd: number | null = null;
  try {
    // One open file for the size and the text: the path is looked up once.
    fd = openSync(location.file, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) {
      const megabytes = (size / 1024 / 1024).toFixed(0);
      return { unreadable: `the file is ${megabytes} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit for a document: not read` };
    }
    // A document is read and decoded in one call; only a text with a NUL or a U+FFFD is read again
    // as bytes, for decodeSource to judge (and name what is wrong). A large file is read as bytes
    // at once: a binary one would otherwise be held twice, as replacement characters and as bytes.
    source = size <= TEXT_READ_BYTES ? (decodedText(readFileSync(fd, 'utf8')) ?? readFileSync(location.file)) : readFileSync(fd);
  } catch (error) {
    return { unreadable: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  } finally {
    if (fd !== null) closeSync(fd);
  }
  const draft = draftDocument(location, source, config);
  return { draft, scan: scanBody(draft.body, draft.bodyStartLine, anchorStyleOf(config)) };
}

/** A file as a worker thread sends it back: without its location and Markdown, which the main thread has. */
export type WorkerRead = { draft: Omit<DocumentDraft, 'location' | 'body'>; scan: BodyScan } | { unreadable: string };

/**
 * What of a read travels back from a worker: neither the location nor the Markdown (the main
 * thread has the one and needs not the other: a run that keeps bodies for the site reads on the
 * main thread).
 */
export function toWorkerRead(read: ReadFile): WorkerRead {
  if ('unreadable' in read) return read;
  const { location: _location, body: _body, ...draft } = read.draft;
  const { headings, links, tables } = read.scan;
  return { draft, scan: { headings, links, tables } };
}

/** A worker's read of the file at `location`, whole again. */
export function fromWorkerRead(location: DocumentLocation, read: WorkerRead): ReadFile {
  return 'unreadable' in read ? read : { draft: { ...read.draft, location, body: '' }, scan: read.scan };
}
