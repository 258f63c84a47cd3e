import { analyze } from '../support/analyze';
import * as fs from 'fs';
import * as path from 'path';
function walk(dir: string, base = dir, out: Record<string, string> = {}) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, base, out); else out[path.relative(base, p)] = fs.readFileSync(p, 'utf8');
  }
  return out;
}
(async () => {
  const res = await analyze(walk(process.argv[2]));
  for (const f of res.findings) console.log(JSON.stringify({ id: f.ruleId, sev: f.severity, msg: f.message, file: f.file, range: [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character], fixes: f.fixes.map((x) => ({ t: x.title, s: x.isSuggestion, e: x.edits.map((e) => [e.file, e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText]) })) }));
  process.exit(0);
})();
