import { strict as assert } from 'assert';
import { FAILURE, UNKNOWN, json, reasonOf, table } from './exprTestUtils';

describe('expr: quoted templates in source', () => {
  table([
    ['"stream-${var.s}"', 'stream-x'],
    ['"${var.a}-${var.s}"', '3-x'],
    // A template that is exactly one interpolation keeps the value's type.
    ['"${var.a}"', 3],
    ['"${var.l}"', ['a', 'b']],
    ['"${var.nothing}"', null],
    ['"n=${var.a}"', 'n=3'],
    ['"${1.5}|${10 / 4}|${1e21}|${0.1 + 0.2}|${-0.0000001}"', '1.5|2.5|1000000000000000000000|0.3|-0.0000001'],
    ['"${true}/${false}"', 'true/false'],
    ['"${var.a * 2.0}"', 6],
    ['"x${var.nothing}"', FAILURE],
    ['"x${var.l}"', FAILURE],
    ['"x${var.m}"', FAILURE],
    ['"x${var.u}"', UNKNOWN],
    ['"arn:${aws_kinesis_stream.s.arn}"', UNKNOWN],
    ['"${var.u}${0 / 0}"', FAILURE],
    ['"${"nested ${var.s}"}!"', 'nested x!'],
  ]);
});

describe('expr: escapes', () => {
  table([
    ['"a\\nb\\tc\\r"', 'a\nb\tc\r'],
    ['"q\\"q"', 'q"q'],
    ['"back\\\\slash"', 'back\\slash'],
    ['"\\u00e9\\U0001F600"', 'é😀'],
    ['"$${var.s}"', '${var.s}'],
    ['"%%{if x}"', '%{if x}'],
    // `$$${` is a literal `$` followed by the escape `$${` (checked with terraform console 1.11.4).
    ['"$$${var.s}"', '$${var.s}'],
    ['"%%%{x}"', '%%{x}'],
    ['"a$$b"', 'a$$b'],
    ['"50% of $5"', '50% of $5'],
    ['"ends with $"', 'ends with $'],
    ['"\\q"', UNKNOWN],
    ['"\\u12"', UNKNOWN],
    ['"line\nbreak"', UNKNOWN],
    ['"unterminated', UNKNOWN],
    ['"${var.s"', UNKNOWN],
  ]);
});

describe('expr: template directives', () => {
  table([
    ['"%{if var.t}on%{endif}"', 'on'],
    ['"%{if var.f}on%{endif}"', ''],
    ['"%{if var.a > 1}big%{else}small%{endif}"', 'big'],
    ['"%{ if var.f }a%{ else }b%{ endif }"', 'b'],
    ['"%{if var.u}a%{else}b%{endif}"', UNKNOWN],
    ['"%{if 1}a%{endif}"', FAILURE],
    ['"%{if null}a%{endif}"', FAILURE],
    ['"%{for x in var.l}${x};%{endfor}"', 'a;b;'],
    ['"%{for i, x in var.l}${i}=${x} %{endfor}"', '0=a 1=b '],
    ['"%{for k, v in var.m}${k}:${v},%{endfor}"', 'k1:1,k2:2,'],
    ['"%{for x in var.u}${x}%{endfor}"', UNKNOWN],
    ['"%{for x in var.ul}${x}%{endfor}"', UNKNOWN],
    ['"%{for x in 5}${x}%{endfor}"', FAILURE],
    ['"%{for x in var.l}%{if x == "b"}[${x}]%{endif}%{endfor}"', '[b]'],
    ['"%{if true}a"', UNKNOWN],
    ['"%{endif}"', UNKNOWN],
    ['"%{else}"', UNKNOWN],
    ['"%{while x}"', UNKNOWN],
  ]);
});

describe('expr: strip markers', () => {
  table([
    ['"a ${~ var.s ~} b"', 'axb'],
    ['"a ${~ var.s} b"', 'ax b'],
    ['"a ${var.s ~} b"', 'a xb'],
    ['"x  %{~ if true ~}  y  %{~ endif ~}  z"', 'xyz'],
    ['"%{for x in var.l ~}  ${x}  %{~ endfor}"', 'ab'],
  ]);
});

describe('expr: hcl2json string values (escapes already decoded)', () => {
  const rows: [string, unknown][] = [
    ['plain', 'plain'],
    ['${var.a * 2}', 6],
    ['${var.s}', 'x'],
    ['stream-${each.key}-${var.s}', 'stream-a-x'],
    // hcl2json keeps `$${` / `%%{` escaped and decodes backslashes, so a backslash here is literal text.
    ['$${lit} %%{lit}', '${lit} %{lit}'],
    ['a\\b\\n', 'a\\b\\n'],
    ['x"y', 'x"y'],
    ['\\${var.a}', '\\3'],
    // …but inside ${ } the source text is kept, so nested string literals still carry their escapes.
    ['${join("\\n", var.l)}', 'a\nb'],
    ['%{if var.t}yes%{else}no%{endif}', 'yes'],
    ['%{for s in var.l}${s},%{endfor}', 'a,b,'],
    ['${(var.a\n  + 1)}', 4],
    ['${var.a /* c */ + 1}', 4],
    ['${{\n  for k, v in var.m :\n  k => v\n}}', { k1: 1, k2: 2 }],
    ['hello ${var.s}\n$${esc}\n', 'hello x\n${esc}\n'],
    ['100%', '100%'],
    ['trailing $', 'trailing $'],
    ['${var.u}', UNKNOWN],
    ['${', UNKNOWN],
  ];
  for (const [input, expected] of rows) {
    it(`${JSON.stringify(input)}  →  ${JSON.stringify(expected)}`, () => assert.deepEqual(json(input), expected));
  }

  it('explains a template interpolating a list', () => {
    assert.match(reasonOf('"x${var.l}"'), /cannot include a list in a string template/);
  });
});
