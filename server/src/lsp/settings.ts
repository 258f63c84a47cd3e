// The `kinesisLint.*` settings, read through workspace/configuration. Invalid values fall back to the defaults
// instead of breaking analysis; the workspace's .kinesis-lint.json wins over them (see core/config/editorSettings).
import type { EditorSettings } from '../core/config/editorSettings';
import { isRegionName } from '../core/config/regionName';

export interface ServerSettings extends EditorSettings {
  /** fileTotal: the file's total on its first line (off by default: each stream's lens already says its cost). */
  codeLens: { enabled: boolean; fileTotal: boolean };
  inlayHints: { enabled: boolean };
  /** Delay between the last edit and the analysis; 0 analyses at once (the benchmark uses it). */
  debounceMs: number;
  /** The git revision each stream's cost is compared with ("HEAD", "main", a tag, an oid), or "off" (docs/editor-delta.md). */
  compareTo: string;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  codeLens: { enabled: true, fileTotal: false },
  inlayHints: { enabled: true },
  debounceMs: 300,
  compareTo: 'HEAD',
};

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Accepts the raw section (from the client or initializationOptions) and keeps only well-typed values. */
export function normalizeSettings(raw: unknown): ServerSettings {
  const s = isObject(raw) ? raw : {};
  const out: ServerSettings = { ...DEFAULT_SETTINGS, codeLens: { ...DEFAULT_SETTINGS.codeLens }, inlayHints: { ...DEFAULT_SETTINGS.inlayHints } };
  // The same check as the config file and --region: a name that is not a region falls back to the default.
  if (typeof s.region === 'string' && isRegionName(s.region.trim())) out.region = s.region.trim();
  if (typeof s.targetUtilization === 'number' && s.targetUtilization > 0 && s.targetUtilization <= 1) out.targetUtilization = s.targetUtilization;
  if (typeof s.onDemandAdvantage === 'boolean') out.onDemandAdvantage = s.onDemandAdvantage;
  if (typeof s.pricesFile === 'string' && s.pricesFile.trim() !== '') out.pricesFile = s.pricesFile.trim();
  if (Array.isArray(s.varFiles)) {
    const files = s.varFiles.filter((f): f is string => typeof f === 'string' && f.trim() !== '').map((f) => f.trim());
    if (files.length > 0) out.varFiles = files;
  }
  if (isObject(s.rules)) {
    const rules: NonNullable<EditorSettings['rules']> = {};
    for (const [id, level] of Object.entries(s.rules)) if (typeof level === 'string' && SEVERITIES.has(level)) rules[id] = level as never;
    out.rules = rules;
  }
  if (isObject(s.codeLens) && typeof s.codeLens.enabled === 'boolean') out.codeLens.enabled = s.codeLens.enabled;
  if (isObject(s.codeLens) && typeof s.codeLens.fileTotal === 'boolean') out.codeLens.fileTotal = s.codeLens.fileTotal;
  if (isObject(s.inlayHints) && typeof s.inlayHints.enabled === 'boolean') out.inlayHints.enabled = s.inlayHints.enabled;
  // Any non-empty revision; whether it exists is the git reader's to say (the reason shows in the language status).
  if (typeof s.compareTo === 'string' && s.compareTo.trim() !== '') out.compareTo = s.compareTo.trim();
  if (typeof s.debounceMs === 'number' && s.debounceMs >= 0 && Number.isFinite(s.debounceMs)) out.debounceMs = s.debounceMs;
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
