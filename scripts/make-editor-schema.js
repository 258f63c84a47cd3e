#!/usr/bin/env node
// The schema VS Code's JSON language service gets for .kinesis-lint.json (package.json contributes.jsonValidation):
// the configuration schema with its descriptions, defaults and values to complete, but without a single
// constraint. kinesis-lint itself reports every problem of the file (rule invalid-config, the same in the CLI and
// every editor); a constraint here would report each problem a second time, as a JSON-schema warning.
// Run `node scripts/make-editor-schema.js` after editing server/src/core/config/kinesis-lint.schema.json;
// test/config/editorSchema.test.ts fails while the two disagree.
const fs = require('fs');
const path = require('path');

const SOURCE = path.join(__dirname, '..', 'server', 'src', 'core', 'config', 'kinesis-lint.schema.json');
const TARGET = path.join(__dirname, '..', 'client', 'schemas', 'kinesis-lint.editor.schema.json');

/** Keywords that only validate (type too: a wrong type is an invalid-config finding already). */
const CONSTRAINTS = new Set([
  'type', 'additionalProperties', 'required', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'pattern',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'multipleOf',
  'const', 'propertyNames',
]);
/** Keywords whose value maps names to schemas (the names are not keywords). */
const SCHEMA_MAPS = new Set(['properties', 'definitions', 'patternProperties']);

function editorSchema(schema) {
  if (Array.isArray(schema)) return schema.map(editorSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    // additionalProperties: false forbids; a schema there describes the entries (completions in "streams").
    if (CONSTRAINTS.has(key) && !(key === 'additionalProperties' && typeof value === 'object')) continue;
    if (key === 'enum') {
      // Still offered as completions, no longer enforced.
      out.examples = [...new Set([...(schema.examples ?? []), ...value])];
    } else if (SCHEMA_MAPS.has(key)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, editorSchema(s)]));
    } else if (key === 'examples' && out.examples) {
      continue;
    } else {
      out[key] = key === 'default' || key === 'examples' ? value : editorSchema(value);
    }
  }
  return out;
}

function render() {
  return `${JSON.stringify(editorSchema(JSON.parse(fs.readFileSync(SOURCE, 'utf8'))), null, 2)}\n`;
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(TARGET), { recursive: true });
  fs.writeFileSync(TARGET, render());
}

module.exports = { editorSchema, render, TARGET };
