import type { StreamRule } from './rule';
import { meta } from './rule';
import { addArgumentsFix } from './fixHelpers';
import { streamName } from './messages';
import { MANAGED_KEY } from './missing-kms';

export const rule: StreamRule = {
  meta: meta('kms-key-missing', 'error', true, 'encryption_type = "KMS" without kms_key_id: the plan passes and the apply fails.'),
  check(s) {
    const type = s.attr('encryption_type');
    if (type?.value !== 'KMS') return [];
    const key = s.attr('kms_key_id');
    if (key && key.value !== '') return [];
    return [{
      message: `${streamName(s)} sets encryption_type = "KMS" but no kms_key_id: terraform plan passes and apply fails. Name a key (or "${MANAGED_KEY}").`,
      at: key ? key.at : s.header,
      fixes: key ? [] : addArgumentsFix(s, [['kms_key_id', JSON.stringify(MANAGED_KEY)]], `Add kms_key_id = "${MANAGED_KEY}"`, true),
    }];
  },
};
