// A user's price table named by "prices", relative to the config file.
import { strict as assert } from 'assert';
import { loadConfig } from '../../server/src/core/config/loadConfig';
import { BUILTIN_PRICES } from '../../server/src/core/pricing/priceTable';
import type { Range } from '../../server/src/core/types';
import { memoryHost } from '../support/memoryHost';

const CONFIG = '/repo/infra/.kinesis-lint.json';
const TABLE = '/repo/prices/negotiated.json';
function r(l1: number, c1: number, l2: number, c2: number): Range {
  return { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } };
}
function negotiated(): string {
  const table = structuredClone(BUILTIN_PRICES);
  table.regions['us-east-1'].provisioned.shardHour = 0.012;
  return JSON.stringify(table, null, 2);
}

describe('loadConfig: user price table', () => {
  it('a valid table is used', async () => {
    const loaded = await loadConfig(CONFIG, memoryHost({ [CONFIG]: '{"prices": "../prices/negotiated.json"}', [TABLE]: negotiated() }));
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.pricesFile, TABLE);
    assert.equal(loaded.prices.regions['us-east-1'].provisioned.shardHour, 0.012);
  });

  it('a missing table: problem on the "prices" value, built-in prices', async () => {
    const loaded = await loadConfig(CONFIG, memoryHost({ [CONFIG]: '{\n  "prices": "nope.json"\n}' }));
    assert.deepEqual(loaded.problems, [{ file: CONFIG, range: r(1, 12, 1, 23), message: 'price table "nope.json" not found; built-in prices used' }]);
    assert.equal(loaded.prices, BUILTIN_PRICES);
    assert.equal(loaded.pricesFile, '/repo/infra/nope.json');
  });

  it('an invalid table: problems at the offending place in the table, a summary in the config', async () => {
    const text = negotiated().replace('"shardHour": 0.012', '"shardHour": -0.012').replace('"currency": "USD"', '"currency": "EUR"');
    const lines = text.split('\n');
    const at = (needle: string, length: number): Range => {
      const line = lines.findIndex((l) => l.includes(needle));
      const character = lines[line].indexOf(needle) + needle.length - length;
      return r(line, character, line, character + length);
    };
    const loaded = await loadConfig(CONFIG, memoryHost({ [CONFIG]: '{"prices": "../prices/negotiated.json"}', [TABLE]: text }));
    assert.deepEqual(loaded.problems, [
      { file: CONFIG, range: r(0, 11, 0, 38), message: 'price table "../prices/negotiated.json" is invalid (2 problems); built-in prices used' },
      { file: TABLE, range: at('"currency": "EUR"', 5), message: '"currency" must be "USD" (got "EUR")' },
      { file: TABLE, range: at('"shardHour": -0.012', 6), message: '"regions.us-east-1.provisioned.shardHour" must be ≥ 0 (got -0.012)' },
    ]);
    assert.equal(loaded.prices, BUILTIN_PRICES);
  });

  it('a table with a JSON syntax error', async () => {
    const loaded = await loadConfig(CONFIG, memoryHost({ [CONFIG]: '{"prices": "/repo/prices/negotiated.json"}', [TABLE]: '{\n  "currency": USD\n}' }));
    assert.deepEqual(loaded.problems.slice(1), [{ file: TABLE, range: r(1, 14, 1, 17), message: 'unexpected word "USD" (strings need double quotes)', jsonSyntax: true }]);
    assert.equal(loaded.prices, BUILTIN_PRICES);
  });

  it('the other settings apply even when the table is invalid', async () => {
    const loaded = await loadConfig(CONFIG, memoryHost({ [CONFIG]: '{"region": "us-east-2", "prices": "x.json"}', '/repo/infra/x.json': '{}' }));
    assert.equal(loaded.config.region, 'us-east-2');
    assert.equal(loaded.problems.length, 1 + 6); // summary + the six required keys of an empty table
  });
});
