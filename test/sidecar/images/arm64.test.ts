import { sidecarVariantNames } from '../../../src/sidecar/variants';
import { describeVariantImages } from './variant-suite';

// Every variant from its arm64 images, built and run under qemu-user-static (binfmt_misc): the same checks as on
// x86_64, one request at least through nginx per variant. Fails (never skips) where qemu is not registered:
// .ci/setup registers it.
for (const variant of sidecarVariantNames) describeVariantImages(variant, 'arm64');
