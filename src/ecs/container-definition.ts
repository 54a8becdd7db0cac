import type { ContainerDefinition } from '@aws-sdk/client-ecs';

/** A container definition as ECS requires it: the SDK's type with name, image and essential always present. */
export type EcsContainerDefinition = ContainerDefinition &
  Required<Pick<ContainerDefinition, 'name' | 'image' | 'essential'>>;

/** Container fields Fargate rejects (ECS developer guide, "Task definition differences for Fargate"). */
export const FARGATE_INVALID_CONTAINER_FIELDS = [
  'privileged',
  'hostname',
  'links',
  'disableNetworking',
  'dnsServers',
  'dnsSearchDomains',
  'extraHosts',
  'dockerSecurityOptions',
] as const satisfies readonly (keyof EcsContainerDefinition)[];

export const FARGATE_INVALID_LINUX_PARAMETERS = ['devices', 'sharedMemorySize', 'tmpfs'] as const;
