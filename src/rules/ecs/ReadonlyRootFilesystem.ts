import { containerName, containersOf } from './ecs-model';
import { defineRule, notApplicable, verdict } from '../rule';
import { bool } from '../../terraform/json';

/**
 * Every container of a task definition mounts its root filesystem read-only (checkov CKV_AWS_336): a compromised
 * process cannot replace the image's binaries or configs, and what it may write is what the task declares as
 * volumes. Only `true` counts: "When this parameter is true, the container is given read-only access to its root file
 * system. This parameter maps to ReadonlyRootfs in the docker container create command and the --read-only option to
 * docker run." (ECS ContainerDefinition.readonlyRootFilesystem, https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/
 * ecs/aws.sdk.kotlin.services.ecs.model/-container-definition/readonly-root-filesystem.html)
 */
export default defineRule({
  id: 'ECS-ReadonlyRootFilesystem',
  appliesTo: ['aws_ecs_task_definition'],
  check: (task) => {
    const containers = containersOf(task);
    if (!containers) return notApplicable;
    const problems: string[] = [];
    for (const [i, c] of containers.entries()) {
      const readOnly = c.readonlyRootFilesystem === undefined ? false : bool(c.readonlyRootFilesystem);
      if (readOnly === undefined) return notApplicable;
      if (!readOnly) problems.push(`container ${containerName(c, i)} can write to its root filesystem`);
    }
    return verdict(problems);
  },
});
