import type { AwsPartition } from '../aws/partition';

/** Datadog sites, and the Datadog AWS account that assumes the role, per AWS partition of the customer account. */
export const datadogSites = [
  'datadoghq.com',
  'datadoghq.eu',
  'us3.datadoghq.com',
  'us5.datadoghq.com',
  'ap1.datadoghq.com',
  'ap2.datadoghq.com',
  'uk1.datadoghq.com',
  'ddog-gov.com',
  'us2.ddog-gov.com',
] as const;
export type DatadogSite = (typeof datadogSites)[number];

const COMMERCIAL_US_EU = '464622532012';

/** Which Datadog account to trust. Absent entries have no Datadog account (AWS China has none at all). */
const DATADOG_ACCOUNTS: Record<DatadogSite, Partial<Record<AwsPartition, string>>> = {
  'datadoghq.com': { aws: COMMERCIAL_US_EU },
  'datadoghq.eu': { aws: COMMERCIAL_US_EU },
  'us3.datadoghq.com': { aws: COMMERCIAL_US_EU },
  'us5.datadoghq.com': { aws: COMMERCIAL_US_EU },
  'ap1.datadoghq.com': { aws: '417141415827' },
  'ap2.datadoghq.com': { aws: '412381753143' },
  'uk1.datadoghq.com': { aws: '117348461845' },
  'ddog-gov.com': { aws: '392588925713', 'aws-us-gov': '065115117704' },
  'us2.ddog-gov.com': { aws: '382742775718', 'aws-us-gov': '486737091498' },
};

export function datadogAccountFor(site: DatadogSite, partition: AwsPartition): string | undefined {
  return DATADOG_ACCOUNTS[site][partition];
}

/** Sites that can trust an account in this partition, for error messages. */
export function sitesForPartition(partition: AwsPartition): DatadogSite[] {
  return datadogSites.filter((s) => DATADOG_ACCOUNTS[s][partition] !== undefined);
}

/** Datadog API base URL for a site (the provider's api_url). */
export function datadogApiUrl(site: DatadogSite): string {
  return `https://api.${site}/`;
}
