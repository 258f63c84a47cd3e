// What the repository's config says about its format, read as text (never interpreted further: a config can name
// commands, which this reader never runs). Formats this reader cannot read are refused with a sentence rather than
// misread: SHA-256 object names (extensions.objectFormat), the reftable ref store (extensions.refStorage).
import { readFile } from 'fs/promises';
import { join } from 'path';

export interface RepositoryFormat {
  /** Why this reader cannot read the repository, when it cannot. */
  unsupported?: string;
  /** A partial clone (extensions.partialClone): objects may be missing on purpose, fetched on demand by git. */
  partialClone: boolean;
}

/** Key (section.name, lower-case) → value, for the [core] and [extensions] sections only. */
export function parseConfig(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)[#;].*$/, '').trim();
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"[^"]*")?\s*\]$/.exec(line);
    if (header) {
      section = header[1].toLowerCase();
      continue;
    }
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (kv && (section === 'core' || section === 'extensions')) {
      out.set(`${section}.${kv[1].toLowerCase()}`, (kv[2] ?? 'true').replace(/^"(.*)"$/, '$1').trim());
    }
  }
  return out;
}

export async function readRepositoryFormat(commonDir: string): Promise<RepositoryFormat> {
  let text = '';
  try {
    text = await readFile(join(commonDir, 'config'), 'utf8');
  } catch {
    // No config: git itself assumes format version 0 (SHA-1, files refs).
  }
  const config = parseConfig(text);
  const objectFormat = config.get('extensions.objectformat')?.toLowerCase();
  const refStorage = config.get('extensions.refstorage')?.toLowerCase();
  let unsupported: string | undefined;
  if (objectFormat && objectFormat !== 'sha1') {
    unsupported = `this repository uses ${objectFormat} object names (extensions.objectFormat), which kinesis-lint's git reader does not read yet`;
  } else if (refStorage && refStorage !== 'files') {
    unsupported = `this repository stores its refs as ${refStorage} (extensions.refStorage), which kinesis-lint's git reader does not read yet`;
  }
  return { unsupported, partialClone: config.has('extensions.partialclone') };
}
