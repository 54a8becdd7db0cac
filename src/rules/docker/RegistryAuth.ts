import { defineRule, verdict } from '../rule';
import { lengthBetween, maxItems } from '../terraform/config-validators';
import { blocks, isObj } from '../../terraform/json';

const PROVIDER = 'kreuzwerker/terraform-provider-docker v3.6.2 internal/provider/provider.go';
const AUTH_CONFIG = 'kreuzwerker/terraform-provider-docker v3.6.2 internal/provider/authentication_helpers.go';

/**
 * What pushing an image (`docker_registry_image`) is validated against: its own `auth_config` is a list of at most
 * one block (AuthConfigSchema, MaxItems: 1), and every `registry_auth` of the docker provider has a non-empty
 * `address` (validation.StringIsNotEmpty). Mirrors kreuzwerker/terraform-provider-docker v3.6.2
 * internal/provider/authentication_helpers.go and internal/provider/provider.go.
 */
export default defineRule({
  id: 'Docker-RegistryAuth',
  appliesTo: ['docker_registry_image'],
  check: (b, stack) => {
    const providers = isObj(stack.json.provider) ? stack.json.provider.docker : undefined;
    const configs = Array.isArray(providers) ? providers : providers ? [providers] : [];
    const auths = configs.filter(isObj).flatMap((p) => blocks(p.registry_auth) ?? []);
    return verdict([
      ...maxItems(b.body, 'auth_config', 1).map((p) => `${p} [${AUTH_CONFIG}]`),
      ...auths
        .flatMap((a) => lengthBetween(a, 'address', 1))
        .map((p) => `provider docker: registry_auth ${p} [${PROVIDER}]`),
      ...auths
        .filter((a) => a.address === undefined)
        .map(() => `provider docker: registry_auth 'address' is required [${PROVIDER}]`),
    ]);
  },
});
