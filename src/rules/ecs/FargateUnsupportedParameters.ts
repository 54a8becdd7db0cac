import { defineRule, notApplicable, verdict } from '../rule';
import { blocks, isObj, str } from '../../terraform/json';
import { containerName, containersOf, taskOnFargate } from './ecs-model';

/** Container parameters Fargate rejects (they need control of the host). */
export const FARGATE_INVALID_CONTAINER_PARAMETERS = [
  'disableNetworking',
  'dnsSearchDomains',
  'dnsServers',
  'dockerSecurityOptions',
  'extraHosts',
  'hostname',
  'links',
  'privileged',
] as const;
const FARGATE_INVALID_LINUX_PARAMETERS = ['devices', 'sharedMemorySize', 'tmpfs'] as const;

/** Parameters valid on EC2 but rejected by Fargate, at container and at task level. */
export default defineRule({
  id: 'ECS-FargateUnsupportedParameters',
  appliesTo: ['aws_ecs_task_definition'],
  check: (task, stack) => {
    if (!taskOnFargate(task, stack)) return notApplicable;
    const problems: string[] = [];
    containersOf(task)?.forEach((c, i) => {
      const name = containerName(c, i);
      const linux = isObj(c.linuxParameters) ? c.linuxParameters : {};
      const set: string[] = [
        ...FARGATE_INVALID_CONTAINER_PARAMETERS.filter((k) => isSet(c[k])),
        ...FARGATE_INVALID_LINUX_PARAMETERS.filter((k) => isSet(linux[k])).map((k) => `linuxParameters.${k}`),
      ];
      const added = isObj(linux.capabilities) && Array.isArray(linux.capabilities.add) ? linux.capabilities.add : [];
      const extra = added.filter((cap) => cap !== 'SYS_PTRACE');
      if (set.length > 0) problems.push(`container ${name} sets ${set.join(', ')}`);
      if (extra.length > 0)
        problems.push(`container ${name} adds capabilities ${extra.join(', ')} (Fargate allows only SYS_PTRACE)`);
    });
    for (const v of blocks(task.body.volume) ?? []) {
      for (const k of ['host_path', 'docker_volume_configuration']) {
        if (v[k] !== undefined) problems.push(`volume ${str(v.name) ?? '?'} sets ${k}`);
      }
    }
    if (task.body.ipc_mode !== undefined) problems.push('ipc_mode is set');
    const pid = task.body.pid_mode;
    if (pid !== undefined && str(pid) !== 'task')
      problems.push(
        `pid_mode is '${typeof pid === 'string' ? pid : JSON.stringify(pid)}' (Fargate allows only 'task')`,
      );
    return verdict(problems);
  },
});

/** `false`, `null` and empty lists are how generators spell "not set"; ECS accepts those. */
function isSet(v: unknown): boolean {
  return v !== undefined && v !== null && v !== false && !(Array.isArray(v) && v.length === 0);
}
