// Which stream a position in a file is about: its header or block, an annotated argument, a consumer resource,
// or a kinesis-lint annotation.
import type { Position, Range } from '../../core/types';
import type { StreamReport } from '../../core/results';

export function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** The streams a hover at `p` in `file` should explain: one, or one per caller of a module called several times. */
export function streamsAt(streams: StreamReport[], file: string, p: Position): StreamReport[] {
  return streams.filter((s) => {
    if (s.file === file) {
      if (contains(s.range, p) || s.targets.annotations.some((a) => contains(a, p))) return true;
      if (Object.values(s.targets.arguments).some((a) => a && (contains(a.name, p) || contains(a.value, p)))) return true;
    }
    return s.consumerLinks.some((c) => c.file === file && contains(c.range, p));
  });
}
