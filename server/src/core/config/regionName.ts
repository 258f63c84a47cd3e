// The one check of an AWS region name, used by every way to give one: .kinesis-lint.json "region" (its JSON
// schema's pattern), the kinesisLint.region setting (package.json's pattern, and the server's settings) and the
// CLI's --region. A name of the right shape without prices in the table is accepted: it is priced at us-east-1
// rates and said so (pricing/fallbackRegion.ts).

/**
 * Two-letter area, one or more words (partition part such as gov or iso, and the direction), a number:
 * us-east-1, us-gov-west-1, ap-southeast-4, us-isob-east-1. ("mars-1" has no direction and is rejected.)
 */
export const AWS_REGION_PATTERN = '^[a-z]{2}(-[a-z]+)+-\\d{1,2}$';

const REGION = new RegExp(AWS_REGION_PATTERN);

/** How an expected region is described in every problem message. */
export const REGION_EXPECTED = 'an AWS region such as us-east-1';

export function isRegionName(value: string): boolean {
  return REGION.test(value);
}
