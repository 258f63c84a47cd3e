// The extension manifest (package.json `contributes`) against the code and files it names: settings keys and
// defaults, the grammar's scope, the schema and entry-point paths, and the commands the server invokes.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { editorSchema } = require('../../scripts/make-editor-schema.js') as { editorSchema: (s: object) => object };
import schema = require('../../server/src/core/config/kinesis-lint.schema.json');

const ROOT = path.join(__dirname, '..', '..');

interface Setting {
  type: string;
  default: unknown;
  scope?: string;
  enum?: string[];
  properties?: Record<string, { enum?: string[] }>;
  minimum?: number;
}

interface Manifest {
  main: string;
  activationEvents: string[];
  engines: { vscode: string };
  capabilities: { untrustedWorkspaces: { supported: boolean | string; description?: string; restrictedConfigurations?: string[] } };
  scripts: Record<string, string>;
  icon: string;
  contributes: {
    languages: { id: string; extensions: string[]; configuration?: string }[];
    grammars: { scopeName: string; path: string; language?: string; injectTo?: string[] }[];
    jsonValidation: { fileMatch: string; url: string }[];
    configuration: { properties: Record<string, Setting> };
    commands: { command: string }[];
  };
}

const manifest = readJson<Manifest>('package.json');
const settings = manifest.contributes.configuration.properties;

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;
}

function exists(relative: string): boolean {
  return fs.existsSync(path.join(ROOT, relative));
}

/** Every string literal matching `pattern` (first group) in the .ts files under `dir`. */
function literalsIn(dir: string, pattern: RegExp): Set<string> {
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) for (const m of fs.readFileSync(full, 'utf8').matchAll(pattern)) found.add(m[1]);
    }
  };
  walk(path.join(ROOT, dir));
  return found;
}

describe('extension manifest', () => {
  describe('settings', () => {
    it('that name files are restricted in an untrusted workspace (only their user value counts), and exist', () => {
      const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
      assert.deepEqual(restricted, ['kinesisLint.pricesFile', 'kinesisLint.varFiles']);
      for (const key of restricted) assert.ok(settings[key], key);
      // The settings whose values are paths the server reads (core/config/editorSettings.ts).
      assert.deepEqual(Object.keys(settings).filter((k) => /File|Files$/.test(k)), restricted);
    });

    it('are exactly the kinesisLint.* keys the issue lists', () => {
      assert.deepEqual(Object.keys(settings).sort(), [
        'kinesisLint.codeLens.enabled',
        'kinesisLint.codeLens.fileTotal',
        'kinesisLint.compareTo',
        'kinesisLint.debounceMs',
        'kinesisLint.enable',
        'kinesisLint.inlayHints.enabled',
        'kinesisLint.onDemandAdvantage',
        'kinesisLint.pricesFile',
        'kinesisLint.region',
        'kinesisLint.rules',
        'kinesisLint.statusBar.total',
        'kinesisLint.targetUtilization',
        'kinesisLint.trace.server',
        'kinesisLint.varFiles',
      ]);
      for (const key of Object.keys(settings)) assert.ok(key.startsWith('kinesisLint.'), key);
    });

    it('have the defaults the server and the config loader use', () => {
      assert.equal(settings['kinesisLint.targetUtilization'].default, 0.8);
      assert.equal(settings['kinesisLint.targetUtilization'].default, DEFAULT_CONFIG.targetUtilization);
      assert.equal(settings['kinesisLint.debounceMs'].default, 300);
      assert.equal(settings['kinesisLint.debounceMs'].default, DEFAULT_SETTINGS.debounceMs);
      assert.equal(settings['kinesisLint.debounceMs'].minimum, 0);
      assert.equal(settings['kinesisLint.codeLens.enabled'].default, true);
      assert.equal(settings['kinesisLint.codeLens.enabled'].default, DEFAULT_SETTINGS.codeLens.enabled);
      // Issue #10, defect 9: the file's total repeats the streams' lenses; off unless asked for.
      assert.equal(settings['kinesisLint.codeLens.fileTotal'].default, false);
      assert.equal(settings['kinesisLint.codeLens.fileTotal'].default, DEFAULT_SETTINGS.codeLens.fileTotal);
      assert.equal(settings['kinesisLint.inlayHints.enabled'].default, true);
      assert.equal(settings['kinesisLint.inlayHints.enabled'].default, DEFAULT_SETTINGS.inlayHints.enabled);
      assert.deepEqual(settings['kinesisLint.rules'].default, {});
      assert.equal(settings['kinesisLint.onDemandAdvantage'].default, false);
      assert.equal(settings['kinesisLint.onDemandAdvantage'].default, DEFAULT_CONFIG.account.onDemandAdvantage);
      // Empty means "not set": the server ignores blank strings, so the config file or built-ins apply.
      assert.equal(settings['kinesisLint.region'].default, '');
      assert.equal(settings['kinesisLint.pricesFile'].default, '');
      assert.deepEqual(settings['kinesisLint.varFiles'].default, []);
      assert.equal(DEFAULT_SETTINGS.varFiles, undefined);
      // Issue #12: the committed version by default; any revision or "off".
      assert.equal(settings['kinesisLint.compareTo'].default, 'HEAD');
      assert.equal(settings['kinesisLint.compareTo'].default, DEFAULT_SETTINGS.compareTo);
      assert.equal(settings['kinesisLint.trace.server'].default, 'off');
      assert.deepEqual(settings['kinesisLint.trace.server'].enum, ['off', 'messages', 'verbose']);
    });

    it('mark lint options resource-scoped and the trace window-scoped', () => {
      for (const key of ['region', 'targetUtilization', 'onDemandAdvantage', 'rules', 'pricesFile', 'varFiles']) {
        assert.equal(settings[`kinesisLint.${key}`].scope, 'resource', key);
      }
      assert.equal(settings['kinesisLint.trace.server'].scope, 'window');
    });

    it('offer the same rule ids and severities as the .kinesis-lint.json schema', () => {
      const rules = settings['kinesisLint.rules'].properties ?? {};
      assert.deepEqual(Object.keys(rules), Object.keys(schema.properties.rules.properties));
      for (const [id, spec] of Object.entries(rules)) assert.deepEqual(spec.enum, schema.definitions.severity.enum, id);
    });
  });

  describe('languages and grammars', () => {
    it('contributes terraform (.tf) and terraform-vars (.tfvars) with a language configuration and no grammar', () => {
      const byId = new Map(manifest.contributes.languages.map((l) => [l.id, l]));
      assert.deepEqual(byId.get('terraform')?.extensions, ['.tf']);
      assert.deepEqual(byId.get('terraform-vars')?.extensions, ['.tfvars']);
      for (const lang of byId.values()) assert.ok(lang.configuration && exists(lang.configuration), lang.id);
      assert.deepEqual(manifest.contributes.grammars.filter((g) => g.language !== undefined), []);
    });

    it("never registers HashiCorp's scope name, and every grammar file declares the scope the manifest names", () => {
      for (const grammar of manifest.contributes.grammars) {
        assert.notEqual(grammar.scopeName, 'source.hcl.terraform');
        const file = readJson<{ scopeName: string; injectionSelector?: string }>(grammar.path);
        assert.equal(file.scopeName, grammar.scopeName);
      }
      const injection = manifest.contributes.grammars.find((g) => g.scopeName === 'kinesis-lint.annotation.injection');
      assert.deepEqual(injection?.injectTo, ['source.hcl.terraform', 'source.terraform', 'source.hcl']);
      assert.equal(readJson<{ injectionSelector: string }>(injection.path).injectionSelector, 'L:comment');
    });
  });

  describe('paths', () => {
    it('points jsonValidation for .kinesis-lint.json at the constraint-free editor copy of the core schema (issue #10 defect 8)', () => {
      const [validation] = manifest.contributes.jsonValidation;
      assert.equal(validation.fileMatch, '.kinesis-lint.json');
      assert.ok(exists(validation.url), validation.url);
      // Completions and hovers from the same descriptions; the problems are reported once, by invalid-config.
      assert.deepEqual(readJson(validation.url), editorSchema(schema));
    });

    it('has a main and a language server module that exist after compile, and a 128×128 PNG icon', () => {
      // main is the esbuild bundle (scripts/bundle.js, test/client/bundle.test.ts); the unbundled server stays for
      // the CLI and other editors.
      assert.ok(exists('server/out/lsp/main.js'), 'server/out/lsp/main.js (run npm run compile)');
      const png = fs.readFileSync(path.join(ROOT, manifest.icon));
      assert.equal(png.toString('latin1', 1, 4), 'PNG');
      // IHDR follows the 8-byte signature and its 8-byte chunk header: width and height, big-endian.
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    });

    it('activates on Terraform and OpenTofu workspaces (HCL and JSON syntax), runs untrusted, and packages with vsce', () => {
      assert.deepEqual(manifest.activationEvents, ['workspaceContains:**/*.tf', 'workspaceContains:**/*.tf.json', 'workspaceContains:**/*.tofu', 'workspaceContains:**/*.tofu.json']);
      assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
      assert.match(manifest.capabilities.untrustedWorkspaces.description ?? '', /outside the workspace folders/);
      assert.equal(manifest.engines.vscode, '^1.91.0');
      assert.equal(manifest.scripts['vscode:prepublish'], 'npm run compile && npm run bundle');
      assert.match(manifest.scripts.package, /^vsce package\b/);
      assert.ok(exists('LICENSE') && exists('CHANGELOG.md') && exists('README.md'));
    });
  });

  describe('commands', () => {
    const registered = literalsIn('client/src', /registerCommand\(\s*'([^']+)'/g);
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));

    it('registers every contributed command and contributes every registered one', () => {
      assert.deepEqual([...registered].sort(), [...contributed].sort());
    });

    it('contributes "kinesis-lint: Update Prices", which runs the CLI\'s prices update', () => {
      assert.ok(contributed.has('kinesisLint.updatePrices'));
      const source = fs.readFileSync(path.join(ROOT, 'client/src/updatePrices.ts'), 'utf8');
      assert.match(source, /fork\(cli, \['prices', 'update'\]/);
      assert.match(source, /path\.join\(extensionPath, 'dist', 'cli\.js'\)/);
      assert.ok(exists('server/src/cli/main.ts'));
    });

    it('contributes "kinesis-lint: Pull metrics for streams in this workspace", which runs the CLI\'s metrics pull, trusted only', () => {
      const command = manifest.contributes.commands.find((c) => c.command === 'kinesisLint.pullMetrics') as { title?: string; enablement?: string } | undefined;
      assert.equal(command?.title, 'Pull metrics for streams in this workspace');
      assert.equal(command?.enablement, 'isWorkspaceTrusted');
      const source = fs.readFileSync(path.join(ROOT, 'client/src/pullMetrics.ts'), 'utf8');
      assert.match(source, /fork\(cli, \[\.\.\.PULL_ARGS\], \{ cwd: folder\.uri\.fsPath/);
      assert.match(source, /path\.join\(extensionPath, 'dist', 'cli\.js'\)/);
      assert.match(source, /if \(!vscode\.workspace\.isTrusted\)/);
    });

    it('registers the commands the server puts in code lenses and code actions', () => {
      for (const id of ['kinesisLint.showStreamBreakdown', 'kinesisLint.openDocs', 'kinesisLint.showCostReport']) {
        assert.ok(registered.has(id), id);
      }
      for (const id of literalsIn('server/src/lsp', /'(kinesisLint\.[A-Za-z.]+)'/g)) assert.ok(registered.has(id), id);
    });

    it('uses the same custom LSP methods as the server', () => {
      const method = /'(kinesisLint\/[A-Za-z]+)'/g;
      assert.deepEqual([...literalsIn('client/src', method)].sort(), [
        'kinesisLint/costReport',
        'kinesisLint/costSummary',
        'kinesisLint/declareLoad',
        'kinesisLint/fixAllInWorkspace',
        'kinesisLint/priceTables',
        'kinesisLint/streamBreakdown',
        'kinesisLint/streams',
        'kinesisLint/workspaceTrust',
      ]);
      assert.deepEqual([...literalsIn('server/src/lsp', method)].sort(), [...literalsIn('client/src', method)].sort());
    });
  });
});
