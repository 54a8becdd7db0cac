import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extractProviderSchema, type ProviderSchema } from './extract';

/** Provider packages whose schemas the schema rules know; other providers' resources are not checked. */
export const SCHEMA_PACKAGES = ['@cdktf/provider-aws', '@cdktf/provider-datadog', '@cdktf/provider-docker'] as const;

/** Bump when the extracted format changes, so stale caches are rebuilt. */
const FORMAT = 1;

interface PackageInfo {
  readonly pkg: string;
  readonly version: string;
  readonly dir: string;
  /** Registry source, lower case: `hashicorp/aws`. */
  readonly source: string;
}

let packages: PackageInfo[] | undefined;
const loaded = new Map<string, ProviderSchema>();

/** The installed provider packages and the registry sources they bind (read from their package.json: cheap). */
function installedPackages(): PackageInfo[] {
  packages ??= SCHEMA_PACKAGES.flatMap((pkg) => {
    try {
      const file = require.resolve(`${pkg}/package.json`);
      const meta = JSON.parse(readFileSync(file, 'utf8')) as {
        version: string;
        cdktf?: { provider?: { name?: string } };
      };
      const source = (meta.cdktf?.provider?.name ?? '').replace(/^registry\.terraform\.io\//, '').toLowerCase();
      return source ? [{ pkg, version: meta.version, dir: dirname(file), source }] : [];
    } catch {
      return [];
    }
  });
  return packages;
}

/** Normalizes a required_providers source: `aws` -> `hashicorp/aws`, `DataDog/datadog` -> `datadog/datadog`. */
export function normalizeSource(source: string): string {
  const s = source.toLowerCase().replace(/^registry\.terraform\.io\//, '');
  return s.includes('/') ? s : `hashicorp/${s}`;
}

/** The schema for a provider source, or undefined when no installed package binds it. */
export function schemaFor(source: string): ProviderSchema | undefined {
  const info = installedPackages().find((p) => p.source === normalizeSource(source));
  if (!info) return undefined;
  let schema = loaded.get(info.pkg);
  if (!schema) {
    schema = readOrExtract(info);
    loaded.set(info.pkg, schema);
  }
  return schema;
}

/** Where the extracted schema of a package version is cached: node_modules/.cache/stackwright/. */
export function cacheFile(info: { pkg: string; version: string; dir: string }): string {
  const nodeModules = join(info.dir, ...info.pkg.split('/').map(() => '..'));
  return join(
    nodeModules,
    '.cache',
    'stackwright',
    `schema-${info.pkg.replace(/[@/]/g, '_')}-${info.version}-v${FORMAT}.json`,
  );
}

function readOrExtract(info: PackageInfo): ProviderSchema {
  const file = cacheFile(info);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ProviderSchema;
  } catch {
    // not built yet: extract once (reading AWS's large assembly is the slow part) and cache it
  }
  const schema = extractFromPackage(info);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(schema));
    renameSync(tmp, file); // atomic: concurrent processes (jest workers) never read half a file
  } catch {
    // read-only node_modules: keep the in-memory copy for this run
  }
  return schema;
}

function extractFromPackage(info: PackageInfo): ProviderSchema {
  const assembly = JSON.parse(readFileSync(join(info.dir, '.jsii'), 'utf8')) as Parameters<
    typeof extractProviderSchema
  >[0];
  return extractProviderSchema(assembly, info.pkg, info.version);
}

/** Builds every cache now (for install or CI steps); returns the files written. */
export function prebuildSchemas(): string[] {
  return installedPackages().map((info) => {
    loaded.delete(info.pkg);
    schemaFor(info.source);
    return cacheFile(info);
  });
}
