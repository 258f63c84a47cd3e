// Escaping of user text for the Markdown comment and GitHub workflow commands.
import { strict as assert } from 'assert';
import { commandData, commandProperty, htmlText, mdText } from '../../server/src/cli/diff/format/escape';

describe('diff: escaping', () => {
  it('workflow commands: % CR LF in data; also : and , in properties (actions/toolkit command.ts)', () => {
    assert.equal(commandData('50 % more\r\nnext: a, b'), '50 %25 more%0D%0Anext: a, b');
    assert.equal(commandProperty('app/x:y,z%.tf'), 'app/x%3Ay%2Cz%25.tf');
  });
  it('Markdown: punctuation that starts markup gets a backslash, < > & become entities, lines join', () => {
    assert.equal(mdText('a|b `c` *d* _e_ [f](g) ~h~ $5 \\ <i> & x\ny'), 'a\\|b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](g) \\~h\\~ \\$5 \\\\ &lt;i&gt; &amp; x y');
  });
  it('raw HTML (<summary>): entities only, no backslashes', () => {
    assert.equal(htmlText('a_b <c> & "d"'), 'a_b &lt;c&gt; &amp; &quot;d&quot;');
  });
});
