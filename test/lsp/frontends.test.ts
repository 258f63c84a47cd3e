// The language server on Terraform JSON documents and on terraform init's module manifest.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { startClient, type Client } from './harness';
import { applyEdits } from '../support/analyze';

const STREAM_MODULE = 'variable "shards" {}\n# kinesis-lint: write_mib_per_sec=3\nresource "aws_kinesis_stream" "this" {\n  shard_count     = var.shards\n  encryption_type = "KMS"\n  kms_key_id      = "alias/k"\n}\n';

describe('language server: .tf.json documents and modules.json', function () {
  this.timeout(30000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  it('publishes findings on a .tf.json document at the JSON value', async () => {
    const text = JSON.stringify({ resource: { aws_kinesis_stream: { s: { shard_count: 1, retention_period: 2160 } } } }, null, 2);
    client = await startClient({ 'main.tf.json': text });
    await client.open('main.tf.json', text);
    const diags = await client.waitFor('main.tf.json', (d) => d.some((x) => x.code === 'long-term-retention-cost'));
    assert.deepEqual(diags.find((x) => x.code === 'long-term-retention-cost')!.range, { start: { line: 5, character: 28 }, end: { line: 5, character: 32 } });
    // Quick fixes keep the JSON valid; no "Ignore" action, which would write a comment JSON cannot hold.
    const kms = diags.find((x) => x.code === 'missing-kms')!;
    const actions = (await client.rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri: client.uri('main.tf.json') },
      range: kms.range,
      context: { diagnostics: [kms], only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Encrypt with KMS (encryption_type = "KMS", kms_key_id = "alias/aws/kinesis")', 'Show documentation for missing-kms']);
    const fixed = JSON.parse(applyEdits(text, actions[0].edit!.changes![client.uri('main.tf.json')] as TextEdit[]));
    assert.equal(fixed.resource.aws_kinesis_stream.s.encryption_type, 'KMS');
  });

  it('reports an uninstalled registry module, and analyses it once terraform init wrote the manifest', async () => {
    const main = 'module "kinesis" {\n  source = "acme/kinesis/aws"\n  shards = 1\n}\n';
    client = await startClient({ 'main.tf': main });
    await client.open('main.tf', main);
    const before = await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'module-not-analysed'));
    assert.equal(before.find((x) => x.code === 'module-not-analysed')!.message, 'Module not analysed (registry source): run terraform init');
    // What terraform init leaves behind, then the file event the client's watcher sends.
    const installed = path.join(client.dir, '.terraform', 'modules', 'kinesis');
    fs.mkdirSync(installed, { recursive: true });
    fs.writeFileSync(path.join(installed, 'main.tf'), STREAM_MODULE);
    const manifest = path.join(client.dir, '.terraform', 'modules', 'modules.json');
    fs.writeFileSync(manifest, JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'kinesis', Source: 'registry.terraform.io/acme/kinesis/aws', Version: '1.0.0', Dir: '.terraform/modules/kinesis' }] }));
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.terraform/modules/modules.json'), type: 1 }] });
    const after = await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'undersized-shards'));
    assert.deepEqual(after.map((x) => x.code), ['undersized-shards']);
    assert.deepEqual(after[0].range, { start: { line: 2, character: 11 }, end: { line: 2, character: 12 } });
  });
});
