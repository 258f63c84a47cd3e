// Rule pages shipped in the extension (issue #10 item 7): ids from the server's docs URLs, file names and summaries,
// checked against the real docs/rules folder and rule registry.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { isRuleId, ruleDocPath, ruleDocSummary, ruleIdOfFile, ruleIdOfUrl, webDocsUrl } from '../../client/src/ruleDocsText';
import { RULES } from '../../server/src/core/rules/registry';
import { docsUrl } from '../../server/src/core/rules/rule';
import { REPOSITORY_URL, VERSION } from '../../server/src/core/version';

const ROOT = path.join(__dirname, '..', '..');

describe('rule docs in the extension', () => {
  it('finds the rule of every docs URL the server sends, and a shipped page for each', () => {
    for (const rule of RULES) {
      assert.equal(ruleIdOfUrl(docsUrl(rule.id)), rule.id);
      assert.ok(fs.existsSync(path.join(ROOT, ...ruleDocPath(rule.id))), rule.id);
      assert.equal(webDocsUrl(`${REPOSITORY_URL}.git`, VERSION, rule.id), docsUrl(rule.id));
    }
    assert.equal(ruleIdOfUrl('https://example.com/docs/rules/../x.md'), undefined);
    assert.equal(ruleIdOfUrl('https://example.com/other/missing-kms'), undefined);
  });

  it('refuses ids that are not rule ids (no path segments), and README as a rule', () => {
    assert.equal(isRuleId('missing-kms'), true);
    for (const bad of ['../x', 'a/b', '', 'Missing', '-x', 42]) assert.equal(isRuleId(bad), false, String(bad));
    assert.throws(() => ruleDocPath('../../package'));
    assert.equal(ruleIdOfFile('README.md'), undefined);
    assert.equal(ruleIdOfFile('missing-kms.md'), 'missing-kms');
    assert.equal(ruleIdOfFile('missing-kms.txt'), undefined);
  });

  it('summarises a page by the first sentence after its heading', () => {
    assert.equal(ruleDocSummary('# missing-kms\n\nFlags a stream whose data is not encrypted. More.\n\n- x'), 'Flags a stream whose data is not encrypted.');
    assert.equal(ruleDocSummary('# a\n\nNotes when the other mode would be\ncheaper; and so on\n\n## Example'), 'Notes when the other mode would be cheaper; and so on');
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'missing-kms.md'), 'utf8');
    assert.equal(ruleDocSummary(page), 'Flags a stream whose data is not encrypted at rest with KMS.');
  });

  it('ships docs/rules/*.md in the .vsix although docs/ is left out', () => {
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.indexOf('!docs/rules/*.md') > ignore.indexOf('docs/**'));
  });
});
