// A minimal LSP client over stdio (Content-Length framing), enough to drive the real server like an editor does.
// Server-to-client requests (client/registerCapability, ...) are answered with null so the server never waits.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { performance } = require('node:perf_hooks');
const { track } = require('./processes');

class LspClient {
  /** Spawns `node <args>`; stderr goes to `logFile` so a failing server can be diagnosed after the run. */
  constructor(args, { env = {}, logFile } = {}) {
    this.startedAt = performance.now();
    this.proc = track(spawn(process.execPath, args, {
      stdio: ['pipe', 'pipe', logFile ? fs.openSync(logFile, 'a') : 'ignore'],
      env: { ...process.env, ...env },
    }));
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.buffer = Buffer.alloc(0);
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
    this.proc.stdin.on('error', () => undefined); // the server may exit while we still write
  }

  get pid() {
    return this.proc.pid;
  }

  request(method, params) {
    const id = this.nextId++;
    const sentAt = performance.now();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: (result) => resolve({ result, ms: performance.now() - sentAt }), reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** initialize + initialized for a workspace folder, as an editor does, with the server's debounce at 0 (and `settings`). */
  async initialize(dir, settings = {}) {
    const folder = pathToFileURL(dir).href;
    await this.request('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: path.basename(dir) }],
      capabilities: { textDocument: { publishDiagnostics: {} }, workspace: { configuration: false } },
      initializationOptions: { settings: { debounceMs: 0, ...settings } },
    });
    this.notify('initialized', {});
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification `method` for which `match(params)` holds, stamped with its arrival time. */
  waitFor(method, match = () => true, timeoutMs = 120_000) {
    return new Promise((resolve, reject) => {
      const listener = (msg, at) => {
        if (msg.method !== method || !match(msg.params)) return;
        this.listeners.delete(listener);
        clearTimeout(timer);
        resolve({ params: msg.params, at });
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  /** Calls `fn(msg, arrivalTime)` for every notification until the returned function is called. */
  onNotification(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  async shutdown() {
    try {
      await Promise.race([this.request('shutdown', null), delay(5_000)]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    const exited = await Promise.race([this.exited, delay(5_000).then(() => undefined)]);
    if (!exited) this.proc.kill('SIGKILL');
  }

  send(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  onData(chunk) {
    const at = performance.now();
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const m = /Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'));
      if (!m) throw new Error('LSP frame without Content-Length');
      const end = headerEnd + 4 + Number(m[1]);
      if (this.buffer.length < end) return;
      const msg = JSON.parse(this.buffer.subarray(headerEnd + 4, end).toString('utf8'));
      this.buffer = this.buffer.subarray(end);
      this.dispatch(msg, at);
    }
  }

  dispatch(msg, at) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (p && msg.error) p.reject(new Error(`${msg.error.code}: ${msg.error.message}`));
      else if (p) p.resolve(msg.result);
    } else if (msg.id !== undefined) {
      this.send({ jsonrpc: '2.0', id: msg.id, result: null });
    } else {
      for (const l of [...this.listeners]) l(msg, at);
    }
  }
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = { LspClient, delay };
