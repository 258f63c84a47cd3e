// The "Ignore" quick fix in VS Code: the server's `<reason>` becomes a selected snippet placeholder.
import { strict as assert } from 'assert';
import { ignoreSnippetText, REASON_PLACEHOLDER } from '../../client/src/ignoreSnippetText';
import { REASON_PLACEHOLDER as SERVER_PLACEHOLDER } from '../../server/src/lsp/handlers/codeActions';

describe('Ignore quick fix snippet', () => {
  it('uses the placeholder the server writes', () => {
    assert.equal(REASON_PLACEHOLDER, SERVER_PLACEHOLDER);
  });

  it('turns the reason into the first tab stop, selected on insert, keeping the indentation and line break', () => {
    assert.equal(ignoreSnippetText('  # kinesis-lint-ignore: missing-kms <reason>\r\n'), '  # kinesis-lint-ignore: missing-kms ${1:reason}\r\n');
    assert.equal(ignoreSnippetText('# kinesis-lint-ignore-file: undersized-shards <reason>\n'), '# kinesis-lint-ignore-file: undersized-shards ${1:reason}\n');
  });

  it('keeps $, } and \\ literal (snippet syntax would read them)', () => {
    assert.equal(ignoreSnippetText('# $x} \\ <reason>\n'), '# \\$x\\} \\\\ ${1:reason}\n');
  });

  it('leaves text without the placeholder as text', () => {
    assert.equal(ignoreSnippetText('# kinesis-lint-ignore: missing-kms\n'), '# kinesis-lint-ignore: missing-kms\n');
  });
});
