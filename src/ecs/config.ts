import { z } from 'zod';

/** Config section `stacks.ecs` (placeholder until its issue lands). */
export const ecsConfigSchema = z.strictObject({});
export type EcsConfig = z.infer<typeof ecsConfigSchema>;
