import { z } from 'zod';

/** Config section `stacks.sidecar` (placeholder until its issue lands). */
export const sidecarConfigSchema = z.strictObject({});
export type SidecarConfig = z.infer<typeof sidecarConfigSchema>;
