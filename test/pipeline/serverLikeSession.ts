// One module file analysed the way the language server analyses it, pass after pass: long-lived parse cache, stream
// result cache and SourceFile map, with the file's text set by the test between passes; and the same text analysed
// from scratch (no cache) for comparison.
import { Analyzer } from '../../server/src/core/analyze';
import { CachedParser } from '../../server/src/core/syntax/parseCache';
import { ResultCache } from '../../server/src/core/pipeline/resultCache';
import type { ModuleAnalysis } from '../../server/src/core/results';
import type { SourceFile } from '../../server/src/core/syntax/sourceFile';
import { memoryHost } from '../support/memoryHost';
import { sharedParser } from '../support/analyze';

export const FILE = '/ws/main.tf';

/** What two analyses must agree on, as one comparable string. */
export function resultJson(a: ModuleAnalysis): string {
  return JSON.stringify({ findings: a.findings, streams: a.streams });
}

export function serverLikeSession(initial: string) {
  const host = memoryHost({ [FILE]: '' });
  const session = {
    text: initial,
    results: new ResultCache(),
    parseCache: new CachedParser(sharedParser()),
    sources: new Map<string, SourceFile>(),
    /** One pass with the caches kept from the previous ones. */
    async analyse(): Promise<ModuleAnalysis> {
      const options = { parser: sharedParser(), parseCache: session.parseCache, resultCache: session.results, sourceFiles: session.sources };
      return (await new Analyzer(host, options).analyzeModules(['/ws']))[0];
    },
    /** The current text analysed with no cache at all. */
    async fromScratch(): Promise<string> {
      return resultJson((await new Analyzer(host, { parser: sharedParser(), parseCache: null }).analyzeModules(['/ws']))[0]);
    },
  };
  host.readFile = async (p) => (p === FILE ? session.text : undefined);
  return session;
}
