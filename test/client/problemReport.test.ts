// "Report a problem": the issue body built from version, settings, log lines and the cost report (issue #10 item 6).
import { strict as assert } from 'assert';
import { changedSettings, problemReportMarkdown, type ProblemFacts } from '../../client/src/problemReport';

const facts: ProblemFacts = {
  extensionVersion: '0.1.0',
  vscodeVersion: '1.139.1',
  appName: 'code-server',
  platform: 'linux-x64, extension host Node v22.0.0',
  serverState: 'running',
  settings: { region: 'eu-west-1' },
  logLines: ['2026-12-02T00:00:00.000Z [info] kinesis-lint 0.1.0 extension'],
  costReport: { markdown: '# Cost report\n\n| stream | cost |' },
};

describe('problem report', () => {
  it('lists versions, the changed settings as JSON, the log lines in a fence and the cost report one level down', () => {
    const text = problemReportMarkdown(facts);
    for (const part of ['- kinesis-lint: 0.1.0', '- code-server: 1.139.1', '- Platform: linux-x64, extension host Node v22.0.0', '- Language server: running']) {
      assert.ok(text.includes(`\n${part}\n`), part);
    }
    assert.ok(text.includes('````json\n{\n  "kinesisLint.region": "eu-west-1"\n}\n````'));
    assert.ok(text.includes('## Log (last 1 lines)\n\n````text\n2026-12-02T00:00:00.000Z [info] kinesis-lint 0.1.0 extension\n````'));
    assert.ok(text.includes('## Cost report\n\n### Cost report\n\n| stream | cost |'));
    assert.ok(text.startsWith('<!-- kinesis-lint problem report. Nothing has been sent'));
  });

  it('says why the cost report is missing, and "(all defaults)" when no setting was changed', () => {
    const text = problemReportMarkdown({ ...facts, settings: {}, costReport: { error: 'the language server is not running' } });
    assert.ok(text.includes('````json\n(all defaults)\n````'));
    assert.ok(text.includes('## Cost report\n\n(not available: the language server is not running)'));
  });

  it('keeps only settings that differ from the manifest default (deep comparison), skipping unset ones', () => {
    const changed = changedSettings(
      { region: '', rules: { 'missing-kms': 'off' }, varFiles: [], debounceMs: 300, enable: false, x: undefined },
      { region: '', rules: {}, varFiles: [], debounceMs: 300, enable: true },
    );
    assert.deepEqual(changed, { rules: { 'missing-kms': 'off' }, enable: false });
  });
});
