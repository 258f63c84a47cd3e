import { analyze } from '../support/analyze';
import * as fs from 'fs';
(async () => {
  const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const res = await analyze(files);
  for (const f of res.findings) console.log(JSON.stringify({ id: f.ruleId, sev: f.severity, msg: f.message, file: f.file, range: [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character], fixes: f.fixes }, null, 0));
  if (process.argv[3]) console.log(JSON.stringify(res.streams, null, 1));
  process.exit(0);
})();
