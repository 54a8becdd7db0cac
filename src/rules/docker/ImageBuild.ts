import { defineRule, verdict } from '../rule';
import { conflicting, maxItems } from '../terraform/config-validators';

const SOURCE = 'kreuzwerker/terraform-provider-docker v3.6.2 internal/provider/resource_docker_image.go';

/**
 * `docker_image`'s validators: `build` is a set of at most one block (MaxItems: 1) and ConflictsWith
 * `pull_triggers` (an image is built or pulled, not both). Mirrors the resource's schema in
 * kreuzwerker/terraform-provider-docker v3.6.2 internal/provider/resource_docker_image.go.
 */
export default defineRule({
  id: 'Docker-ImageBuild',
  appliesTo: ['docker_image'],
  check: (b) =>
    verdict(
      [...maxItems(b.body, 'build', 1), ...conflicting(b.body, ['build', 'pull_triggers'])].map(
        (p) => `${p} [${SOURCE}]`,
      ),
    ),
});
