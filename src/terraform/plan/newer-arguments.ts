/**
 * Arguments generated/ writes that the provider the suite plans with (the mirror's 5.100.0) does not know yet: the
 * plan copy drops them, as it maps new Lambda runtimes to older ones. generated/ pins 6.25.0, whose schema the
 * Schema-UnknownAttribute rule checks them against.
 */
/** A Terraform JSON document rewritten by path (schemaless: any provider's blocks). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schemaless Terraform JSON rewritten by path
type Json = Record<string, any>;
/* eslint-disable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access -- the Json above, whose shapes are checked before each change */

/** Resource type -> nested block -> arguments to drop from each block. */
export const NEWER_ARGUMENTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  // hashicorp/aws 6.22.0 added the rule's blocked_encryption_types (rule S3-EncryptionRuleExplicit writes it).
  aws_s3_bucket_server_side_encryption_configuration: { rule: ['blocked_encryption_types'] },
};

/** Drops the arguments above in place; returns `address -> arguments dropped`. */
export function dropNewerArguments(json: Json): Map<string, string> {
  const dropped = new Map<string, string>();
  for (const [type, blocks] of Object.entries(NEWER_ARGUMENTS)) {
    for (const [name, body] of Object.entries<Json>(json.resource?.[type] ?? {})) {
      const gone: string[] = [];
      for (const [blockName, args] of Object.entries(blocks)) {
        const list: Json[] = Array.isArray(body[blockName])
          ? body[blockName]
          : body[blockName]
            ? [body[blockName]]
            : [];
        for (const b of list) {
          for (const a of args.filter((x) => x in b)) {
            delete b[a];
            gone.push(`${blockName}.${a}`);
          }
        }
      }
      if (gone.length > 0) dropped.set(`${type}.${name}`, [...new Set(gone)].join(', '));
    }
  }
  return dropped;
}
/* eslint-enable @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access -- end of the file */
