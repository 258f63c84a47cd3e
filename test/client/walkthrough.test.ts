// The getting-started walkthrough and the streams view in package.json: every step's Markdown exists and names the
// annotation keys the parser knows, and every command a step, a view button or a menu names is contributed.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DECLARATION_KEYS } from '../../server/src/core/model/annotations';

const ROOT = path.join(__dirname, '..', '..');

interface Step { id: string; description: string; media: { markdown?: string }; completionEvents?: string[] }
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    walkthroughs: { id: string; steps: Step[] }[];
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    menus: Record<string, { command: string; when?: string }[]>;
  };
};
const contributed = new Set(manifest.contributes.commands.map((c) => c.command));

describe('walkthrough and streams view manifest', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;

  it('explains the load annotation, the config file, the streams view and the CLI, each from a shipped Markdown file', () => {
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['declareLoad', 'configFile', 'streamsView', 'cli']);
    for (const step of walkthrough.steps) {
      assert.ok(step.media.markdown && fs.existsSync(path.join(ROOT, step.media.markdown)), step.id);
      assert.match(step.media.markdown!, /^media\//, 'docs/ is left out of the .vsix; media/ ships');
    }
    const load = fs.readFileSync(path.join(ROOT, walkthrough.steps[0].media.markdown!), 'utf8');
    for (const key of Object.keys(DECLARATION_KEYS)) assert.ok(load.includes(`\`${key}\``), key);
  });

  it('names only contributed commands and views', () => {
    const views = new Set(Object.values(manifest.contributes.views).flat().map((v) => v.id));
    assert.ok(views.has('kinesisLint.streams'));
    for (const step of walkthrough.steps) {
      for (const [, id] of step.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(contributed.has(id), id);
      for (const event of step.completionEvents ?? []) {
        const [kind, id] = event.split(':');
        assert.ok(kind === 'onCommand' ? contributed.has(id) : kind === 'onView' && views.has(id), event);
      }
    }
    for (const item of [...manifest.contributes.menus['view/title'], ...manifest.contributes.menus['editor/context']]) {
      assert.ok(contributed.has(item.command), item.command);
    }
  });
});
