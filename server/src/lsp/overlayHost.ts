// The core reads files through a Host: open documents win over the disk, and files past the size limit are
// treated as absent (the server tells the user with an info diagnostic instead of blocking on a huge parse).
import * as path from 'node:path';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Host } from '../core/types';
import { pathToUri, uriToPath } from './convert';

/**
 * Largest file analysed: a 100,000-line module (2.5 MB) fits. hcl2json takes about 1 s per 20,000 lines (450 KB) and
 * 20 s for 5.6 MB whole (shared/reference/parsing.md §3); a clean file this large is parsed block by block in
 * workers, and only a broken one whole (a few seconds, off the main thread).
 */
export const MAX_FILE_CHARS = 4 * 1024 * 1024;

export function overlayHost(documents: TextDocuments<TextDocument>, disk: Host, tooLarge: (file: string) => void): Host {
  const limit = (file: string, text: string | undefined) => {
    if (text === undefined || text.length <= MAX_FILE_CHARS) return text;
    tooLarge(file);
    return undefined;
  };
  return {
    async readFile(file, maxBytes) {
      const doc = documents.get(pathToUri(file));
      // Sources are limited in characters here (the information diagnostic); the disk read only has to stop past
      // what MAX_FILE_CHARS characters can take in UTF-8 (3 bytes per UTF-16 unit at most).
      return limit(file, doc ? doc.getText() : await disk.readFile(file, maxBytes ?? 3 * MAX_FILE_CHARS));
    },
    // An open document is always readable; otherwise the disk says why it refused (FIFO, too large, dangling).
    readProblem: (file) => (documents.get(pathToUri(file)) ? undefined : disk.readProblem?.(file)),
    // Directories are the disk's: open documents add files, never links.
    realPath: async (dir) => disk.realPath?.(dir),
    async readDir(dir) {
      const listed = await disk.readDir(dir);
      const entries = [...(listed ?? [])];
      const names = new Set(entries.map((e) => e.name));
      // Unsaved new files exist only as open documents.
      for (const doc of documents.all()) {
        const file = uriToPath(doc.uri);
        if (file && path.dirname(file) === dir && !names.has(path.basename(file))) {
          entries.push({ name: path.basename(file), isDirectory: false });
        }
      }
      return listed || entries.length > 0 ? entries : undefined;
    },
  };
}
