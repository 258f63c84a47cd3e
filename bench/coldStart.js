// Cold start: from spawning the server process to the first publishDiagnostics of a just-opened file, with the
// messages an editor sends (initialize, wait for its answer, initialized, didOpen).
'use strict';
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { LspClient } = require('./lspClient');

const SERVER = path.join(__dirname, '..', 'server', 'out', 'lsp', 'main.js');

async function coldStart(module, workDir, runIndex, server = SERVER) {
  const client = new LspClient([server, '--stdio'], { logFile: path.join(workDir, `cold-${runIndex}.log`) });
  try {
    const uri = pathToFileURL(module.file).href;
    const published = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, 30_000);
    await client.initialize(module.workspace ?? module.dir);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text: module.text } });
    const first = await published;
    return { ms: first.at - client.startedAt, diagnostics: first.params.diagnostics.length };
  } finally {
    await client.shutdown();
  }
}

module.exports = { coldStart };
