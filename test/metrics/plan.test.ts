// A Terraform plan (--plan) is sized from the snapshot too: the plan knows the stream's name.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzePlan, planOf } from '../plan/kit';

const SNAPSHOT = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'metrics', 'observed.json'), 'utf8');

describe('metrics snapshot with a Terraform plan', () => {
  it('a planned stream named "events" in us-east-1 gets the observed load', async () => {
    const plan = planOf([{ address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's', values: { name: 'events', shard_count: 1, encryption_type: 'KMS', kms_key_id: 'alias/k', stream_mode_details: [{ stream_mode: 'PROVISIONED' }] } }]);
    const a = await analyzePlan(plan, { '.kinesis-lint/metrics.json': SNAPSHOT }, false);
    assert.equal(a.streams[0].region, 'us-east-1');
    assert.equal(a.streams[0].loadSource, 'observed');
    assert.equal(a.streams[0].requiredShards, 5);
    assert.equal(a.findings.filter((f) => f.ruleId === 'undersized-shards').length, 1);
  });
});
