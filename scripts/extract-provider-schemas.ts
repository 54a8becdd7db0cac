/**
 * `npx tsx scripts/extract-provider-schemas.ts`: builds the provider schema caches the schema rules read
 * (node_modules/.cache/stackwright/), from the jsii assemblies of the installed @cdktf provider packages. The rules
 * do this themselves on first use; running it after `npm ci` just moves that one-time second out of the first
 * synth or test run.
 */
import { prebuildSchemas } from '../src/rules/schema/provider-schema';

const start = process.hrtime.bigint();
for (const file of prebuildSchemas()) process.stdout.write(`${file}\n`);
process.stdout.write(`provider schemas ready in ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s\n`);
