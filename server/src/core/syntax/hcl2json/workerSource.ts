// The hcl2json worker, as a JS string for `new Worker(code, { eval: true })`: no worker file to locate under
// ts-node or in a bundle. The package is required by the absolute path the parent resolved.
import { HCL_FILE_NAME } from './errorMessage';

/** Messages the worker sends (the pool's protocol). */
export type WorkerReply =
  | { type: 'ready' }
  /** Text the worker (or the Go runtime in it) printed. */
  | { type: 'output'; text: string }
  | { type: 'result'; id: number; value: unknown }
  /** The runtime is no longer trustworthy: the pool must terminate this worker. */
  | { type: 'fatal'; id: number; reason: string };

/** What an hcl2json worker answers for one text. */
export type HclWorkerValue = { ok: true; json: Record<string, unknown> } | { ok: false; message: string };

export function hclWorkerSource(hcl2jsonPath: string): string {
  return `
'use strict';
const { parentPort } = require('worker_threads');
const fs = require('fs');
// The Go runtime writes panics straight to fds 1/2 and its exit handler uses console; on a language server's
// stdio that would corrupt the protocol. Everything is posted to the parent instead, which keeps a tail.
// (Capturing via Worker's stdout/stderr options would keep the parent alive: a read stdio stream refs the
// worker's port until the worker exits, and unref() does not undo that.)
const emit = (chunk) => parentPort.postMessage({ type: 'output', text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString() });
const writeSync = fs.writeSync;
fs.writeSync = function (fd, buffer, ...rest) {
  if (fd !== 1 && fd !== 2) return writeSync.call(fs, fd, buffer, ...rest);
  emit(buffer);
  return buffer.length;
};
for (const stream of [process.stdout, process.stderr]) {
  stream.write = (chunk, encoding, callback) => {
    emit(chunk);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') done();
    return true;
  };
}
const hcl = require(${JSON.stringify(hcl2jsonPath)});
const FILE = ${JSON.stringify(HCL_FILE_NAME)};
// RangeError (deep nesting) is followed by a dead Go runtime; later calls hang or reject with this message.
const isFatal = (error) => (error && error.name === 'RangeError') || /Go program has already exited/.test(String(error && error.message));
parentPort.on('message', async ({ id, text }) => {
  try {
    parentPort.postMessage({ type: 'result', id, value: { ok: true, json: await hcl.parse(FILE, text) } });
  } catch (error) {
    const message = String(error && error.message !== undefined ? error.message : error);
    if (isFatal(error)) parentPort.postMessage({ type: 'fatal', id, reason: (error && error.name || 'Error') + ': ' + message });
    else parentPort.postMessage({ type: 'result', id, value: { ok: false, message } });
  }
});
// Self-test: the wasm loads lazily and can fail (missing main.wasm.gz never settles; parsing.md §5).
hcl.parse(FILE, 'a = 1').then(() => parentPort.postMessage({ type: 'ready' }), (error) => { throw error; });
`;
}
