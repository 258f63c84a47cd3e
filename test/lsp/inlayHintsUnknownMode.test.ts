// An EFO consumer's inlay hint on a stream whose capacity mode a dynamic block leaves unknown: no amount (it read
// "EFO + $0.00/mo"), beside the same stream with the mode known.
import { strict as assert } from 'assert';
import { inlayHints } from '../../server/src/lsp/handlers/inlayHints';
import { pathToUri } from '../../server/src/lsp/convert';
import { AnalysisStore } from '../../server/src/lsp/store';
import { ENCRYPTED, abs, analyze, hcl, stream } from '../model/kit';

async function consumerHint(forEach: string): Promise<string> {
  const text =
    hcl('variable "on" {}') +
    stream('s', '  name = "s"', ...ENCRYPTED, '  dynamic "stream_mode_details" {', `    for_each = ${forEach}`, '    content {', '      stream_mode = "ON_DEMAND"', '    }', '  }') +
    hcl('resource "aws_kinesis_stream_consumer" "c" {', '  name       = "c"', '  stream_arn = aws_kinesis_stream.s.arn', '}');
  const res = await analyze({ 'main.tf': text });
  const store = new AnalysisStore();
  for (const a of res.analyses) store.set(a);
  const range = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
  const hints = inlayHints(store, { textDocument: { uri: pathToUri(abs('main.tf')) }, range });
  // The consumer header is on line 12 (variable 0, stream 1-11).
  const hint = hints.find((h) => h.position.line === 12);
  assert.ok(hint, `no hint on the consumer: ${JSON.stringify(hints)}`);
  return String(hint.label);
}

describe('lsp inlay hints: EFO consumer of a stream with a dynamic stream_mode_details', () => {
  it('known mode (ON_DEMAND): EFO reads are priced per GB, so with no load the share is unknown (it read "$0.00 + usage")', async () => {
    assert.equal(await consumerHint('[1]'), 'EFO consumer · cost unknown: no load declared');
  });

  it('unknown mode: "+ usage", never $0.00', async () => {
    assert.equal(await consumerHint('var.on ? [1] : []'), 'EFO + usage (capacity mode unknown)');
  });
});
