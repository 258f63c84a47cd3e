import type { StreamRule } from './rule';
import { meta } from './rule';
import { addArgumentsFix, setValueFix } from './fixHelpers';
import { MANAGED_KEY } from './missing-kms';

export const rule: StreamRule = {
  meta: meta('kms-key-missing', 'error', true, 'encryption_type = "KMS" without kms_key_id: the plan passes and the apply fails.'),
  check(s) {
    const type = s.attr('encryption_type');
    if (type?.value !== 'KMS') return [];
    const key = s.attr('kms_key_id');
    // null is how Terraform spells "not set"; an empty string is no key either.
    if (key && key.value !== '' && key.value !== null) return [];
    return [{
      message: `encryption_type = "KMS" with ${!key ? 'no' : key.value === null ? 'a null' : 'an empty'} kms_key_id: apply fails`,
      detail: `terraform plan passes and apply fails. Name a key (or "${MANAGED_KEY}").`,
      // On the empty key when there is one, else on the "KMS" that needs a key (as the docs page shows).
      at: key ? key.at : type.at,
      fixes: key
        ? setValueFix(key, JSON.stringify(MANAGED_KEY), true)
        : addArgumentsFix(s, [['kms_key_id', JSON.stringify(MANAGED_KEY)]], `Add kms_key_id = "${MANAGED_KEY}"`, true),
    }];
  },
};
