import { describeVariantImages } from './variant-suite';

// The sharedvol variant from its own x86_64 images, built from generated/sidecar/images/sharedvol (see variant-suite.ts).
describeVariantImages('sharedvol', 'amd64');
