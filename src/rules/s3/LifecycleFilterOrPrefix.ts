import { defineRule, notApplicable, verdict } from '../rule';
import { blocks, str } from '../../terraform/json';

/**
 * A lifecycle rule selects its objects with `filter` or with the deprecated `prefix`, not both.
 *
 * hashicorp/terraform-provider-aws#28770 ("aws_s3_bucket_lifecycle_configuration supports non-functional prefix
 * filters"): with both set, "Terraform created a lifecycle configuration applying to the entire bucket even though the
 * `prefix` argument is supplied ... This also shows up as "permanent" drift" (every plan adds `prefix` again). The
 * provider's docs (website/docs/r/s3_bucket_lifecycle_configuration.html.markdown) call `prefix` "DEPRECATED Use
 * `filter` instead ... One of prefix or filter should be specified."
 */
export default defineRule({
  id: 'S3-LifecycleFilterOrPrefix',
  appliesTo: ['aws_s3_bucket_lifecycle_configuration'],
  check: (config) => {
    const rules = blocks(config.body.rule);
    if (!rules || rules.length === 0) return notApplicable;
    const both = rules.filter(
      (r) => r.prefix !== undefined && r.prefix !== null && (blocks(r.filter) ?? []).length > 0,
    );
    return verdict(
      both.map(
        (r) => `rule ${str(r.id) ?? '?'} sets both filter and prefix: the prefix is dropped and every plan adds it`,
      ),
    );
  },
});
