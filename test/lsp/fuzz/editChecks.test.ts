// The fuzz test's own parts: its editor document must apply changes exactly as the server does, undo must restore
// the text, and the edit checks must catch the defects they are there for (issue #9 item 1's stale fix-all wrote
// `aws_kinesis4stream`).
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChanges } from '../../../server/src/lsp/documents';
import { EditorDocument } from './editorDocument';
import { checkEdits, sequentialChanges } from './editChecks';
import { mulberry32 } from '../../syntax/scannerGen';
import { UNDERSIZED } from '../harness';

const range = (line: number, character: number, endLine = line, endCharacter = character) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

describe('lsp fuzz parts: editor document and edit checks', () => {
  it('the editor document agrees with the server on 3,000 random changes (CR, LF, CRLF, surrogate pairs) and undo restores every text', () => {
    const rnd = mulberry32(42);
    const pieces = ['\r', '\n', '\r\n', 'x', '\u{1F600}', '{', '', '"${'];
    const doc = new EditorDocument('a\r\nb\nc\rd');
    let server = TextDocument.create('file:///x.tf', 'terraform', 1, doc.text);
    const texts = [doc.text];
    for (let i = 0; i < 3000; i++) {
      const line = Math.floor(rnd() * doc.lineCount);
      const character = Math.floor(rnd() * (doc.line(line).length + 1));
      const endLine = Math.min(doc.lineCount - 1, line + Math.floor(rnd() * 2));
      const endCharacter = endLine === line ? character + Math.floor(rnd() * (doc.line(line).length - character + 1)) : Math.floor(rnd() * (doc.line(endLine).length + 1));
      const change = doc.text.length > 300
        ? { range: range(0, 0, Math.min(doc.lineCount - 1, 4), 0), text: '' } // keep it small: drop the first lines
        : { range: range(line, character, endLine, endCharacter), text: pieces[Math.floor(rnd() * pieces.length)] };
      doc.apply([change]);
      server = applyChanges(server, [change], doc.version);
      assert.equal(doc.text, server.getText(), `change ${i} ${JSON.stringify(change)}`);
      texts.push(doc.text);
    }
    assert.equal(texts.length, 3001);
    for (let i = texts.length - 2; i >= 0; i--) {
      const undo = doc.undo()!;
      server = applyChanges(server, undo, doc.version);
      assert.equal(doc.text, texts[i], `undo to ${i}`);
      assert.equal(server.getText(), texts[i], `server after undo to ${i}`);
    }
    assert.equal(doc.undo(), undefined);
  });

  it('a fix edit of the value passes; the stale fix-all edit that wrote "aws_kinesis4stream" fails', () => {
    // UNDERSIZED line 3 is `  shard_count     = 1`.
    checkEdits(UNDERSIZED, [{ range: range(3, 20, 3, 21), newText: '4' }], 'Set shard_count = 4');
    assert.throws(() => checkEdits(UNDERSIZED, [{ range: range(1, 20, 1, 21), newText: '4' }], 'stale'), /splits the word/);
  });

  it('edits outside every stream, variable, locals and module block, past a line end, or inside a surrogate pair fail', () => {
    const text = `locals {}\n\nprovider "aws" {\n  region = "x"\n}\n\n${UNDERSIZED}# \u{1F600}\n`;
    assert.throws(() => checkEdits(text, [{ range: range(3, 11, 3, 14), newText: 'y' }], 'p'), /outside every stream/);
    // The ignore comment above the stream's annotation line is owned; the same line is owned as a finding's line.
    checkEdits(text, [{ range: range(6, 0), newText: '# kinesis-lint-ignore: x <reason>\n' }], 'ignore');
    checkEdits(text, [{ range: range(3, 0), newText: '# kinesis-lint-ignore: x <reason>\n' }], 'ignore line', [range(3, 2, 3, 14)]);
    assert.throws(() => checkEdits(text, [{ range: range(7, 40, 7, 41), newText: '' }], 'far'), /past the end of line 7/);
    assert.throws(() => checkEdits(text, [{ range: range(13, 3, 13, 3), newText: 'x' }], 'pair'), /surrogate pair/);
    assert.throws(() => checkEdits(UNDERSIZED, [{ range: range(3, 20, 3, 21), newText: '4' }, { range: range(3, 18, 3, 21), newText: '' }], 'two'), /overlap/);
  });

  it('edits of one TextDocumentEdit become didChange changes applied last first, keeping the listed order of insertions', () => {
    const doc = new EditorDocument('ab\ncd\n');
    doc.apply(sequentialChanges([
      { range: range(0, 1), newText: 'X' },
      { range: range(1, 0, 1, 2), newText: 'Z' },
      { range: range(0, 1), newText: 'Y' },
    ]));
    assert.equal(doc.text, 'aXYb\nZ\n');
  });
});
