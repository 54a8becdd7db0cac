import { z } from 'zod';

/** Config section `stacks.keepalive` (placeholder until its issue lands). */
export const keepaliveConfigSchema = z.strictObject({});
export type KeepaliveConfig = z.infer<typeof keepaliveConfigSchema>;
