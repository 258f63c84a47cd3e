// Escaping of user text for the Markdown comment (workflow commands: test/cli/workflowCommands.test.ts).
import { strict as assert } from 'assert';
import { htmlText, mdText } from '../../server/src/cli/diff/format/escape';

describe('diff: escaping', () => {
  it('Markdown: punctuation that starts markup gets a backslash, < > & become entities, lines join', () => {
    assert.equal(mdText('a|b `c` *d* _e_ [f](g) ~h~ $5 \\ <i> & x\ny'), 'a\\|b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](g) \\~h\\~ \\$5 \\\\ &lt;i&gt; &amp; x y');
  });
  it('raw HTML (<summary>): entities only, no backslashes', () => {
    assert.equal(htmlText('a_b <c> & "d"'), 'a_b &lt;c&gt; &amp; &quot;d&quot;');
  });
});
