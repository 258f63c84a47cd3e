// A fix's title says what it does to the monthly bill, priced by the shared model with the fix applied.
import type { Fix } from '../types';
import type { StreamFacts } from '../model/streamFacts';
import type { StreamUsage } from '../pricing/estimate';
import { fixDeltaUsd, titleWithDelta } from './costDelta';
import { perInstance } from './messages';

/** The fixes with "(+$21.90/mo)" on their titles: `applied` is the usage the edits make; unknown adds nothing. */
export function withDelta(fixes: Fix[], s: StreamFacts, applied: Partial<StreamUsage>): Fix[] {
  // The mode decides every price: with it unknown, so is the change (whatever the fix sets).
  if (!fixes.length || s.mode === null) return fixes;
  const usd = fixDeltaUsd(s.estimate(), s.estimate(applied));
  return fixes.map((f) => ({ ...f, title: titleWithDelta(f.title, usd, perInstance(s)), delta: { title: f.title, ...(usd === undefined ? {} : { usd }) } }));
}
