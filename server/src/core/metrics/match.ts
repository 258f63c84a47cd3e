// Which snapshot entry is a stream instance's: the same name (the instance's resolved `name`, CloudWatch's StreamName)
// in the same region, or an entry whose region the source did not say (raw get-metric-data output).
import type { LoadedMetrics } from './loadMetrics';
import type { ObservedStream, StreamMetrics } from './snapshot';

/** null when the name is unknown or the snapshot has no entry for it in `region`; an entry of the region itself wins
 *  over one without a region. */
export function observationFor(metrics: LoadedMetrics | undefined, name: string | null, region: string): ObservedStream | null {
  if (!metrics || name === null) return null;
  const entries = metrics.byName.get(name);
  if (!entries) return null;
  const entry: StreamMetrics | undefined = entries.find((e) => e.region === region) ?? entries.find((e) => e.region === null);
  return entry ? { snapshot: metrics.info, metrics: entry } : null;
}
