// The rule registry against everything that must agree with it: rule files, docs pages, the config schema, the version.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES, RULE_IDS, STREAM_RULES, ruleMeta } from '../../server/src/core/rules/registry';
import { VERSION } from '../../server/src/core/version';
import type { RuleMeta } from '../../server/src/core/types';

const REPO = path.join(__dirname, '..', '..');
const RULES_DIR = path.join(REPO, 'server', 'src', 'core', 'rules');
const DOCS_DIR = path.join(REPO, 'docs', 'rules');

// The ids users write in configs and suppressions, in the issue's order: fixed, never renamed.
const ISSUE_IDS = [
  'syntax-error', 'missing-kms', 'kms-key-missing', 'aws-managed-kms-key', 'undersized-shards', 'oversized-shards',
  'extended-retention-cost', 'long-term-retention-cost', 'efo-consumer-limit', 'efo-unneeded', 'efo-recommended',
  'capacity-mode-cost', 'shard-count-mode-conflict', 'invalid-argument', 'throughput-undeclared',
  // Issue #13's stream rules run after the first issue's.
  'load-drift', 'throttled', 'hot-shard',
  'invalid-annotation', 'invalid-config', 'module-not-analysed',
];

// Rule files are named like their id (kebab-case); helpers (fixHelpers.ts, messages.ts, …) are camelCase or one
// lowercase word, as is the one one-word rule id (throttled, issue #13), listed here.
const ONE_WORD_RULES = ['throttled'];
const RULE_FILE = new RegExp(`^([a-z]+(-[a-z]+)+|${ONE_WORD_RULES.join('|')})\\.ts$`);

function docsPage(id: string): string {
  return fs.readFileSync(path.join(DOCS_DIR, `${id}.md`), 'utf8');
}

describe('rule registry', () => {
  it('lists exactly the issue\'s rule ids, each once', () => {
    assert.deepEqual(RULES.map((r) => r.id), ISSUE_IDS);
    assert.equal(RULE_IDS.size, RULES.length);
  });

  it('registers every rule file, and every rule has a file exporting its meta under that name', () => {
    const files = fs.readdirSync(RULES_DIR).filter((f) => RULE_FILE.test(f)).map((f) => f.slice(0, -3));
    assert.deepEqual([...files].sort(), [...ISSUE_IDS].sort());
    for (const id of files) {
      const mod = require(path.join(RULES_DIR, id)) as { rule?: { meta?: RuleMeta } };
      assert.equal(mod.rule?.meta, ruleMeta(id), `${id}.ts must export the registered rule`);
    }
  });

  it('runs every rule that looks at streams (all but the pipeline rules)', () => {
    const pipeline = ['syntax-error', 'invalid-annotation', 'invalid-config', 'module-not-analysed'];
    assert.deepEqual(STREAM_RULES.map((r) => r.meta.id), ISSUE_IDS.filter((id) => !pipeline.includes(id)));
  });

  for (const meta of RULES) {
    describe(meta.id, () => {
      it('has complete metadata', () => {
        assert.ok(['error', 'warning', 'info', 'hint'].includes(meta.defaultSeverity));
        assert.equal(typeof meta.fixable, 'boolean');
        assert.match(meta.description, /^\S.{20,}\.$/, 'one sentence ending with a period');
      });

      it('links its docs page, pinned to the release', () => {
        assert.ok(meta.docsUrl.endsWith(`/docs/rules/${meta.id}.md`), meta.docsUrl);
        assert.ok(meta.docsUrl.includes(`/blob/v${VERSION}/`), meta.docsUrl);
        assert.ok(fs.existsSync(path.join(DOCS_DIR, `${meta.id}.md`)), `docs/rules/${meta.id}.md is missing`);
      });

      it('has a docs page that agrees on the title, default severity and quick-fix', () => {
        const page = docsPage(meta.id);
        assert.ok(page.startsWith(`# ${meta.id}\n`));
        assert.match(page, new RegExp(`\\*\\*Default severity:\\*\\* ${meta.defaultSeverity}\\n`));
        const quickFix = /\*\*Quick-fix:\*\* (\S+)/.exec(page)?.[1];
        assert.ok(quickFix, 'the page says whether there is a quick-fix');
        assert.equal(quickFix !== 'none', meta.fixable, `quick-fix "${quickFix}…" vs fixable = ${meta.fixable}`);
      });

      it('is in the rules index with its default severity', () => {
        const index = fs.readFileSync(path.join(DOCS_DIR, 'README.md'), 'utf8');
        assert.match(index, new RegExp(`^\\| \\[${meta.id}\\]\\(${meta.id}\\.md\\) \\| ${meta.defaultSeverity} \\|`, 'm'));
      });
    });
  }

  it('matches the rule ids the config schema accepts under "rules"', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'server', 'src', 'core', 'config', 'kinesis-lint.schema.json'), 'utf8'));
    assert.equal(schema.properties.rules.additionalProperties, false);
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...RULE_IDS].sort());
  });

  it('has VERSION equal to package.json\'s version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.equal(VERSION, pkg.version);
  });
});
