import type { Fix, TextEdit } from '../types';
import type { StreamFacts } from '../model/streamFacts';
import type { StreamRule } from './rule';
import { meta } from './rule';
import { setModeEdits } from './fixHelpers';
import { percent, plural } from './messages';
import { withDelta } from './fixDelta';
import { formatUsd } from '../pricing/format';
import type { Estimate } from '../pricing/estimate';
import {
  ADVANTAGE_COMMITMENT_MIB_PER_SEC,
  ADVANTAGE_COMMITMENT_MIN_HOURS,
  ADVANTAGE_COMMITMENT_SHORT,
  commitmentMonthlyUsd,
} from '../pricing/advantageWords';
import { insertIntoBlock, removeAttribute, replaceWithBlock } from '../fixes/edits';
import { realignAfterRemoving } from '../fixes/alignGroup';
import { UPDATE_SHARD_COUNT_MAX_SHARDS } from '../capacity/limits';

export const rule: StreamRule = {
  meta: meta(
    'capacity-mode-cost',
    'info',
    true,
    'For the declared load, the other capacity mode (provisioned or on-demand) is clearly cheaper, or On-demand Advantage would save more than its account-wide commitment costs.',
  ),
  check(s) {
    // No shard count carries the busiest key (hot-shard): provisioned has no size to price, on-demand throttles too.
    if (!s.load || s.mode === null || s.sizing?.hotKey) return [];
    const toOnDemand = s.mode === 'PROVISIONED';
    const required = s.sizing?.requiredShards ?? null;
    if (toOnDemand ? s.shardCount === null : required === null) return [];
    // Provisioned is priced at the shards the load needs: an oversized stream should shrink (oversized-shards), not
    // switch, and after a switch the reverse comparison must not fire.
    const shards = (required ?? s.shardCount)!;
    const provisioned = s.estimate({ mode: 'PROVISIONED', shards });
    // On-demand as the account bills it: Standard, or Advantage when it is on.
    const onDemand = s.estimate({ mode: 'ON_DEMAND', shards: null });
    const [current, other] = toOnDemand ? [provisioned, onDemand] : [onDemand, provisioned];
    // Compare only complete figures: a component priced per GB with an unknown volume would bias either side. In a
    // region without verified prices the comparison would look authoritative at another region's rates: silent.
    if (current.partial || other.partial || current.fallback) return [];
    const t = s.settings.config.thresholds;
    const worth = (saved: number) => saved >= t.modeSwitchMinSavingsUsd && saved >= (t.modeSwitchMinSavingsPercent / 100) * current.monthlyUsd;
    const saved = current.monthlyUsd - other.monthlyUsd;
    const advantage = s.usage.advantage === false ? advantageOption(s, current, worth) : null;
    if (!worth(saved) && !advantage) return [];
    const load = s.loadSource === 'observed' ? 'the observed load' : 'the declared load';
    const needed = toOnDemand && shards !== s.shardCount ? ` (what ${load} needs)` : '';
    const provisionedName = `provisioned with ${plural(shards, 'shard')}${needed}`;
    const onDemandName = s.usage.advantage ? 'on-demand at On-demand Advantage rates' : 'on-demand';
    const [currentName, otherName] = toOnDemand ? [provisionedName, onDemandName] : [onDemandName, provisionedName];
    const per = s.stream.instanceCount === 1 ? '' : ' per instance';
    const at = s.modeAttr?.at ?? s.attr('shard_count')?.at ?? s.header;
    if (!worth(saved)) {
      // Only Advantage saves: an account-level decision, so no fix on this stream.
      return [{
        message: `On-demand Advantage: ${formatUsd(advantage!.usd)}/mo, not ${formatUsd(current.monthlyUsd)}/mo${per} (${percent(advantage!.saved / current.monthlyUsd)} less)`,
        detail: `It would cost ${formatUsd(advantage!.usd)}/month on-demand at On-demand Advantage rates instead of ${formatUsd(current.monthlyUsd)}/month ${currentName} for ${load}${per} (${percent(advantage!.saved / current.monthlyUsd)} less); ${advantage!.words}`,
        at,
      }];
    }
    const amounts = `${formatUsd(other.monthlyUsd)}/month ${otherName} instead of ${formatUsd(current.monthlyUsd)}/month ${currentName}`;
    const alsoAdvantage = advantage
      ? ` At On-demand Advantage rates on-demand would cost ${formatUsd(advantage.usd)}/month (${percent(advantage.saved / current.monthlyUsd)} less); ${advantage.words}`
      : toOnDemand && s.usage.advantage
        ? ` ${ADVANTAGE_COMMITMENT_SHORT}`
        : '';
    const otherShort = toOnDemand ? (s.usage.advantage ? 'On-demand (Advantage)' : 'On-demand') : `Provisioned (${plural(shards, 'shard')})`;
    return [{
      message: `${otherShort}: ${formatUsd(other.monthlyUsd)}/mo, not ${formatUsd(current.monthlyUsd)}/mo${per} (${percent(saved / current.monthlyUsd)} less)`,
      detail: `It would cost ${amounts} for ${load}${per} (${percent(saved / current.monthlyUsd)} less).${alsoAdvantage}`,
      at,
      fixes: switchFix(s, toOnDemand, required),
      // Two figures and a saving: no single amount to add up over instances, so each stays "per instance".
    }];
  },
};

/**
 * Advantage, when it is off (or not known to be on), is worth naming only when this stream alone would save more
 * than the account-wide commitment costs a month: then it pays for itself whatever the account's other streams do.
 */
function advantageOption(s: StreamFacts, current: Estimate, worth: (saved: number) => boolean): { usd: number; saved: number; words: string } | null {
  const e = s.estimate({ mode: 'ON_DEMAND', shards: null, advantage: true });
  const commitment = commitmentMonthlyUsd(s.settings.prices, s.region);
  if (e.partial || commitment === null) return null;
  const saved = current.monthlyUsd - e.monthlyUsd;
  if (!worth(saved) || saved < commitment) return null;
  return {
    usd: e.monthlyUsd,
    saved,
    words: `Advantage is account-level: it commits the account in ${s.region} to at least ${ADVANTAGE_COMMITMENT_MIB_PER_SEC} MiB/s in and ${ADVANTAGE_COMMITMENT_MIB_PER_SEC} MiB/s out for at least ${ADVANTAGE_COMMITMENT_MIN_HOURS} hours (${formatUsd(commitment)}/month at Advantage rates, which this stream's saving alone exceeds); set "account": { "on_demand_advantage": true } once the account uses it.`,
  };
}

function switchFix(s: StreamFacts, toOnDemand: boolean, required: number | null): Fix[] {
  let edits: TextEdit[] | undefined;
  const shards = s.attr('shard_count');
  if (toOnDemand) {
    if (!shards) return [];
    // Without a mode block, the shard_count line becomes the block, so nothing else moves (but `=` re-padding).
    edits = s.modeBlock || s.modeDynamic
      ? concat(setModeEdits(s, 'ON_DEMAND'), [removeAttribute(shards.attr), ...realignAfterRemoving(s.block, shards.attr, false)])
      : [replaceWithBlock(shards.attr, 'stream_mode_details', ['stream_mode = "ON_DEMAND"']), ...realignAfterRemoving(s.block, shards.attr, true)];
  } else {
    // No shard_count beyond what UpdateShardCount allows one stream.
    if (required === null || required > UPDATE_SHARD_COUNT_MAX_SHARDS) return [];
    const mode = setModeEdits(s, 'PROVISIONED');
    const add = shards ? undefined : addShards(s, required!);
    edits = mode && add ? [...mode, add] : undefined;
  }
  if (!edits) return [];
  const title = toOnDemand ? 'Switch to ON_DEMAND' : `Switch to PROVISIONED, ${plural(required!, 'shard')}`;
  return withDelta([{ title, edits, isSuggestion: true }], s, toOnDemand ? { mode: 'ON_DEMAND', shards: null } : { mode: 'PROVISIONED', shards: required });
}

function concat(a: TextEdit[] | undefined, b: TextEdit[]): TextEdit[] | undefined {
  return a ? [...a, ...b] : undefined;
}

function addShards(s: StreamFacts, required: number): TextEdit | undefined {
  return s.block.scanned.closeBrace === null ? undefined : insertIntoBlock(s.block, [`shard_count = ${required}`]);
}
