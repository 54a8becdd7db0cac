/**
 * The events Stackwright knows field by field, from AWS's event reference: per source, each detail-type and the
 * top-level fields of its `detail`. A source listed here is complete: a detail-type not listed is a mistake.
 * Sources not listed are not checked.
 */

/** Fields every EventBridge event carries at the top level. */
export const ENVELOPE_FIELDS: readonly string[] = ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail', 'replay-name'];

const CLOUDTRAIL_DETAIL = [
  'eventVersion', 'userIdentity', 'eventTime', 'eventSource', 'eventName', 'awsRegion', 'sourceIPAddress', 'userAgent',
  'requestParameters', 'responseElements', 'additionalEventData', 'requestID', 'eventID', 'readOnly', 'resources',
  'eventType', 'apiVersion', 'managementEvent', 'recipientAccountId', 'sharedEventID', 'vpcEndpointId',
  'vpcEndpointAccountId', 'eventCategory', 'tlsDetails', 'sessionCredentialFromConsole', 'errorCode', 'errorMessage',
  'serviceEventDetails', 'edgeDeviceDetails', 'insightDetails', 'addendum',
];

/** The `detail` of ECS container instance events mirrors DescribeContainerInstances' ContainerInstance. */
const ECS_CONTAINER_INSTANCE = [
  'accountType', 'agentConnected', 'agentUpdateStatus', 'attachments', 'attributes', 'capacityProviderName', 'clusterArn',
  'containerInstanceArn', 'ec2InstanceId', 'healthStatus', 'pendingTasksCount', 'registeredAt', 'registeredResources',
  'remainingResources', 'runningTasksCount', 'status', 'statusReason', 'tags', 'updatedAt', 'version', 'versionInfo',
];

/** The `detail` of ECS task events mirrors DescribeTasks' Task. */
const ECS_TASK = [
  'attachments', 'attributes', 'availabilityZone', 'capacityProviderName', 'clusterArn', 'connectivity', 'connectivityAt',
  'containerInstanceArn', 'containers', 'cpu', 'createdAt', 'desiredStatus', 'enableExecuteCommand', 'ephemeralStorage',
  'executionStoppedAt', 'fargateEphemeralStorage', 'group', 'healthStatus', 'inferenceAccelerators', 'lastStatus',
  'launchType', 'memory', 'overrides', 'platformFamily', 'platformVersion', 'pullStartedAt', 'pullStoppedAt', 'startedAt',
  'startedBy', 'stopCode', 'stoppedAt', 'stoppedReason', 'stoppingAt', 'tags', 'taskArn', 'taskDefinitionArn', 'updatedAt',
  'version',
];

const ECS_SERVICE_ACTION = [
  'eventType', 'eventName', 'clusterArn', 'createdAt', 'reason', 'desiredCount', 'capacityProviderArns', 'containerInstanceArns',
  'containerPort', 'ec2InstanceIds', 'serviceRegistryArns', 'targetGroupArns', 'targets', 'taskArns', 'taskSetArns',
];

const ECS_DEPLOYMENT = ['eventType', 'eventName', 'deploymentId', 'updatedAt', 'reason'];

export const EVENT_CATALOG: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'aws.ecs': {
    'ECS Container Instance State Change': ECS_CONTAINER_INSTANCE,
    'ECS Task State Change': ECS_TASK,
    'ECS Service Action': ECS_SERVICE_ACTION,
    'ECS Deployment State Change': ECS_DEPLOYMENT,
    'AWS API Call via CloudTrail': CLOUDTRAIL_DETAIL,
  },
};
