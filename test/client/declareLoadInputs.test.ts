// The input boxes of "Declare load for this stream…" (client/src/declareLoad/inputs.ts): what each accepts, and
// the load sent to the server only when all three answers are valid.
import { strict as assert } from 'assert';
import { LOAD_QUESTIONS, loadFromAnswers, loadInputProblem } from '../../client/src/declareLoad/inputs';

const [write, records, consumers] = LOAD_QUESTIONS;

describe('declare load input boxes', () => {
  it('asks for write MiB/s, records/s and readers, under the annotation keys', () => {
    assert.deepEqual(LOAD_QUESTIONS.map((q) => q.key), ['write_mib_per_sec', 'records_per_sec', 'consumers']);
  });

  it('accepts numbers ≥ 0 as the annotation writes them, readers only whole', () => {
    for (const ok of ['0', '2.5', ' 3 ', '.5', '1e3', '10.']) assert.equal(loadInputProblem(write, ok), undefined, ok);
    assert.equal(loadInputProblem(consumers, '2'), undefined);
    assert.equal(loadInputProblem(consumers, '2.5'), 'Enter a whole number.');
    assert.equal(loadInputProblem(records, ''), 'Enter a number (0 if none).');
    for (const bad of ['-1', '3 MiB', '2,500', 'abc', '+1', '0x10']) assert.match(loadInputProblem(records, bad)!, /plain number/, bad);
    assert.equal(loadInputProblem(records, '1e999'), 'That number is too large.');
  });

  it('gives the load only when every answer is valid', () => {
    assert.deepEqual(loadFromAnswers({ write_mib_per_sec: '2.5', records_per_sec: '3000', consumers: '0' }), { write_mib_per_sec: 2.5, records_per_sec: 3000, consumers: 0 });
    assert.equal(loadFromAnswers({ write_mib_per_sec: '2.5', records_per_sec: '3000' }), undefined);
    assert.equal(loadFromAnswers({ write_mib_per_sec: '2.5', records_per_sec: 'x', consumers: '1' }), undefined);
  });
});
