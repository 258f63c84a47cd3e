import type { StreamRule } from './rule';
import { meta } from './rule';
import { addArgumentsFix, setValueFix } from './fixHelpers';

/** The AWS-managed key: always available, so the fix works in any account. */
export const MANAGED_KEY = 'alias/aws/kinesis';

const ADVICE = `Without encryption_type = "KMS" Kinesis stores the records unencrypted. Set encryption_type = "KMS" with a kms_key_id (a customer-managed key, or "${MANAGED_KEY}").`;

export const rule: StreamRule = {
  meta: meta('missing-kms', 'error', true, 'Stream data is not encrypted at rest with KMS (encryption_type absent or "NONE").'),
  check(s) {
    const type = s.attr('encryption_type');
    const hasKey = s.attr('kms_key_id') !== undefined;
    const keyArg: [string, string][] = hasKey ? [] : [['kms_key_id', JSON.stringify(MANAGED_KEY)]];
    if (!type) {
      return [{
        message: 'Not encrypted at rest: encryption_type is unset (default "NONE")',
        detail: ADVICE,
        at: s.header,
        fixes: addArgumentsFix(s, [['encryption_type', '"KMS"'], ...keyArg], `Encrypt with KMS (encryption_type = "KMS"${hasKey ? '' : `, kms_key_id = "${MANAGED_KEY}"`})`, true),
      }];
    }
    // null means "not set" to Terraform, so the default "NONE" applies.
    if (type.value !== 'NONE' && type.value !== null) return [];
    const fixes = setValueFix(type, '"KMS"', true);
    if (fixes.length && !hasKey) {
      const add = addArgumentsFix(s, keyArg, '')[0];
      if (add) fixes[0] = { ...fixes[0], title: `Encrypt with KMS (encryption_type = "KMS", kms_key_id = "${MANAGED_KEY}")`, edits: [...fixes[0].edits, ...add.edits] };
    }
    return [{
      message: `Not encrypted at rest: encryption_type is ${type.value === null ? 'null (default "NONE")' : '"NONE"'}`,
      detail: ADVICE,
      at: type.at,
      fixes,
    }];
  },
};
