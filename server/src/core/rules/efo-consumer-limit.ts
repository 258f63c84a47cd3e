import type { StreamRule } from './rule';
import { meta } from './rule';
import { MAX_EFO_CONSUMERS_PER_STREAM, MAX_EFO_CONSUMERS_PER_STREAM_ADVANTAGE } from '../capacity/limits';

export const rule: StreamRule = {
  meta: meta('efo-consumer-limit', 'error', false, 'More enhanced fan-out consumers than a stream allows (20, or 50 with On-demand Advantage).'),
  check(s) {
    const efo = s.consumers.efo;
    // 50 is an On-demand Advantage limit (kinesis.md §1, §6): a provisioned stream keeps 20 in an Advantage account.
    // Unknown (an aws_kinesis_account_settings whose status cannot be resolved): only what exceeds 50 is certain.
    const advantage = s.mode === 'ON_DEMAND' && s.usage.advantage !== false;
    const limit = advantage ? MAX_EFO_CONSUMERS_PER_STREAM_ADVANTAGE : MAX_EFO_CONSUMERS_PER_STREAM;
    if (efo === null || efo <= limit) return [];
    const why = advantage
      ? `a stream allows ${limit} with On-demand Advantage`
      : `a stream allows ${limit} (${MAX_EFO_CONSUMERS_PER_STREAM_ADVANTAGE} only for on-demand streams with account-level On-demand Advantage)`;
    return [{
      message: `${efo} enhanced fan-out consumers, a stream allows ${limit}`,
      detail: `${why[0].toUpperCase()}${why.slice(1)}, so registering the rest fails with LimitExceededException.`,
      at: s.header,
    }];
  },
};
