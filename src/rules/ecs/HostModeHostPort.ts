import { defineRule, notApplicable, verdict } from '../rule';
import { isObj, num } from '../../terraform/json';
import { containerName, containersOf, networkMode } from './ecs-model';

/**
 * In host mode ECS returns every port mapping with `hostPort` equal to `containerPort`. The provider compares the
 * configured and the returned container definitions after a normalisation that fills a missing hostPort only for
 * awsvpc (hashicorp/terraform-provider-aws v6.25.0, internal/service/ecs/container_definitions.go, `reduce`:
 * "if isAWSVPC && cd[i].PortMappings[j].HostPort == nil { cd[i].PortMappings[j].HostPort =
 * cd[i].PortMappings[j].ContainerPort }"), so a host-mode mapping without hostPort differs on every plan and the
 * task definition is replaced (a new revision, and a deployment of every service using it) on every apply.
 */
export default defineRule({
  id: 'ECS-HostModeHostPort',
  appliesTo: ['aws_ecs_task_definition'],
  check: (task) => {
    const containers = containersOf(task);
    if (networkMode(task) !== 'host' || !containers) return notApplicable;
    const problems: string[] = [];
    containers.forEach((c, i) => {
      const mappings = Array.isArray(c.portMappings) ? c.portMappings.filter(isObj) : [];
      for (const m of mappings) {
        const container = num(m.containerPort);
        if (container !== undefined && num(m.hostPort) === undefined)
          problems.push(`container ${containerName(c, i)} maps containerPort ${container} without hostPort`);
      }
    });
    return verdict(problems);
  },
});
