import type { StreamRule } from './rule';
import { meta } from './rule';
import { streamName } from './messages';
import { MAX_EFO_CONSUMERS_PER_STREAM, MAX_EFO_CONSUMERS_PER_STREAM_ADVANTAGE } from '../capacity/limits';

export const rule: StreamRule = {
  meta: meta('efo-consumer-limit', 'error', false, 'More enhanced fan-out consumers than a stream allows (20).'),
  check(s) {
    const efo = s.consumers.efo;
    if (efo === null || efo <= MAX_EFO_CONSUMERS_PER_STREAM) return [];
    return [{
      message: `${streamName(s)} has ${efo} enhanced fan-out consumers; a stream allows ${MAX_EFO_CONSUMERS_PER_STREAM} (${MAX_EFO_CONSUMERS_PER_STREAM_ADVANTAGE} only with account-level On-demand Advantage), so registering the rest fails with LimitExceededException.`,
      at: s.header,
    }];
  },
};
