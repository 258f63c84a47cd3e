import type { StreamRule } from './rule';
import { meta } from './rule';

/** alias/aws/kinesis in any of the forms the provider accepts: alias name, bare name, alias ARN. */
const MANAGED = /^(alias\/aws\/kinesis|aws\/kinesis|arn:aws[\w-]*:kms:[\w-]+:\d{12}:alias\/aws\/kinesis)$/;

export const rule: StreamRule = {
  meta: meta('aws-managed-kms-key', 'info', false, 'The stream uses the AWS-managed key alias/aws/kinesis: no key policy of your own controls who can decrypt.'),
  check(s) {
    const key = s.attr('kms_key_id');
    // With encryption_type "NONE" the key is unused (missing-kms says so); only a key in use is worth a word.
    if (s.attr('encryption_type')?.value !== 'KMS') return [];
    if (typeof key?.value !== 'string' || !MANAGED.test(key.value)) return [];
    return [{
      message: 'Encrypted with the AWS-managed key alias/aws/kinesis',
      detail: `${key.value} is managed by AWS: you cannot restrict who may decrypt through a key policy, audit key use separately, or share the stream across accounts. Use a customer-managed aws_kms_key if that matters.`,
      at: key.at,
    }];
  },
};
