import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The AWS account the stand-in reports (the examples pin `allowed_account_ids` to it). */
export const STAND_IN_ACCOUNT = '111122223333';

/** Services whose read-only calls the stand-in answers; the provider's `endpoints` point each of them here. */
export const STAND_IN_SERVICES = ['sts', 'ec2', 'ssm', 'ecr', 'iam'] as const;

/** One request the stand-in saw, for tests that show which calls a plan made. */
export interface SeenCall {
  readonly service: string;
  readonly action: string;
  readonly region: string;
  /** The account whose credentials signed it (see `accountOfKey`). */
  readonly account: string;
}

/**
 * Access keys of the form `AKIASTANDIN<account>` (given) or `ASIASTANDIN<account>` (what AssumeRole hands out)
 * belong to that account; any other key is STAND_IN_ACCOUNT's. So a provider that assumes a role in account X, or is
 * given X's keys, is X to STS and IAM, and `allowed_account_ids` is checked against the account it really reached.
 */
export function standInKeyFor(account: string, assumed = false): string {
  return `${assumed ? 'ASIA' : 'AKIA'}STANDIN${account}`;
}

function accountOfKey(key: string | undefined): string {
  return /^A[KS]IASTANDIN(\d{12})$/.exec(key ?? '')?.[1] ?? STAND_IN_ACCOUNT;
}

export interface AwsStandIn {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly calls: readonly SeenCall[];
  /** Calls it could not answer (the plan then fails with the AWS error it returned). */
  readonly unanswered: readonly SeenCall[];
  close(): Promise<void>;
}

/**
 * A loopback stand-in for the AWS APIs the stacks' data sources read at plan time. It answers the query-protocol
 * calls (STS, EC2) with XML and the JSON-protocol calls (SSM, ECR) with JSON, region and partition taken from the
 * request's signature, and refuses everything else with an error naming the call, so a new data source shows up
 * as a clear plan failure rather than a silent network call. Listens on 127.0.0.1 only.
 */
export async function startAwsStandIn(): Promise<AwsStandIn> {
  const calls: SeenCall[] = [];
  const unanswered: SeenCall[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const call = describeCall(req, body);
      calls.push(call);
      const answer = answerFor(call, body);
      if (!answer) {
        unanswered.push(call);
        res.writeHead(400, { 'content-type': 'text/xml' });
        res.end(
          xmlError(
            'UnsupportedOperation',
            `the AWS stand-in does not answer ${call.service}:${call.action}; add it to src/terraform/plan/aws-stand-in.ts`,
          ),
        );
        return;
      }
      res.writeHead(200, {
        'content-type': answer.json ? 'application/x-amz-json-1.1' : 'text/xml',
        'x-amzn-requestid': 'stand-in',
      });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    unanswered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Service and region from the SigV4 credential scope; action from X-Amz-Target (JSON) or the form body (query). */
function describeCall(req: IncomingMessage, body: string): SeenCall {
  const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\//.exec(String(req.headers.authorization ?? ''));
  const target = String(req.headers['x-amz-target'] ?? '');
  const action = target
    ? target.split('.').pop()!
    : (new URLSearchParams(body).get('Action') ?? `${req.method} ${req.url}`);
  return {
    service: scope?.[3] ?? 'unknown',
    region: scope?.[2] ?? 'us-east-1',
    action,
    account: accountOfKey(scope?.[1]),
  };
}

function partitionOf(region: string): string {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

function answerFor(call: SeenCall, body: string): { body: string; json?: boolean } | undefined {
  const params = new URLSearchParams(body);
  const { region } = call;
  const partition = partitionOf(region);
  switch (`${call.service}:${call.action}`) {
    case 'sts:GetCallerIdentity':
      return xml(
        'GetCallerIdentity',
        'https://sts.amazonaws.com/doc/2011-06-15/',
        `<GetCallerIdentityResult><Arn>arn:${partition}:iam::${call.account}:user/stand-in</Arn><UserId>AIDASTANDIN</UserId><Account>${call.account}</Account></GetCallerIdentityResult>`,
      );
    case 'sts:AssumeRole': {
      // The role's account is the one the new credentials belong to (a role in another account than the target's is
      // then refused by allowed_account_ids, as AWS would have it).
      const role = params.get('RoleArn') ?? '';
      const account = /^arn:[\w-]+:iam::(\d{12}):role\//.exec(role)?.[1];
      if (!account) return undefined;
      return xml(
        'AssumeRole',
        'https://sts.amazonaws.com/doc/2011-06-15/',
        `<AssumeRoleResult><Credentials><AccessKeyId>${standInKeyFor(account, true)}</AccessKeyId><SecretAccessKey>stand-in-secret</SecretAccessKey><SessionToken>stand-in-session</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:${partition}:sts::${account}:assumed-role/stand-in/${params.get('RoleSessionName') ?? 'session'}</Arn><AssumedRoleId>AROASTANDIN:session</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>`,
      );
    }
    case 'iam:GetUser': // how the provider learns its account ID first (when a stack pins allowed_account_ids)
      return xml(
        'GetUser',
        'https://iam.amazonaws.com/doc/2010-05-08/',
        `<GetUserResult><User><Path>/</Path><UserName>stand-in</UserName><UserId>AIDASTANDIN</UserId><Arn>arn:${partition}:iam::${call.account}:user/stand-in</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate></User></GetUserResult>`,
      );
    case 'ec2:DescribeAvailabilityZones':
      return ec2(
        'DescribeAvailabilityZones',
        `<availabilityZoneInfo>${['a', 'b', 'c'].map((z, i) => `<item><zoneName>${region}${z}</zoneName><zoneState>available</zoneState><regionName>${region}</regionName><zoneId>${region}-az${i + 1}</zoneId><zoneType>availability-zone</zoneType><optInStatus>opt-in-not-required</optInStatus><groupName>${region}</groupName><networkBorderGroup>${region}</networkBorderGroup><messageSet/></item>`).join('')}</availabilityZoneInfo>`,
      );
    case 'ec2:DescribeSubnets':
      return ec2(
        'DescribeSubnets',
        `<subnetSet>${requested(params, 'SubnetId', 'subnet-0standin000000001')
          .map((id, i) => subnet(id, i, region, partition))
          .join('')}</subnetSet>`,
      );
    case 'ec2:DescribeVpcs':
      return ec2(
        'DescribeVpcs',
        `<vpcSet>${requested(params, 'VpcId', 'vpc-0standin00000001')
          .map((id) => vpc(id))
          .join('')}</vpcSet>`,
      );
    case 'ec2:DescribeVpcAttribute':
      return ec2(
        'DescribeVpcAttribute',
        `<vpcId>${params.get('VpcId')}</vpcId><${attributeTag(params.get('Attribute'))}><value>true</value></${attributeTag(params.get('Attribute'))}>`,
      );
    case 'ec2:DescribeVpcEndpointServices':
      return ec2('DescribeVpcEndpointServices', endpointServices(params, region));
    case 'ecr:GetAuthorizationToken':
      return {
        json: true,
        body: JSON.stringify({
          authorizationData: [
            {
              authorizationToken: Buffer.from('AWS:stand-in-password').toString('base64'),
              expiresAt: 4102444800,
              proxyEndpoint: `https://${STAND_IN_ACCOUNT}.dkr.ecr.${region}.amazonaws.com`,
            },
          ],
        }),
      };
    case 'ssm:GetParameter': {
      const name = (JSON.parse(body) as { Name: string }).Name;
      return {
        json: true,
        body: JSON.stringify({
          Parameter: {
            Name: name,
            Type: 'String',
            Value: 'ami-0123456789abcdef0',
            Version: 1,
            DataType: 'text',
            ARN: `arn:${partition}:ssm:${region}::parameter${name}`,
            LastModifiedDate: 1735689600,
          },
        }),
      };
    }
    default:
      return undefined;
  }
}

/** `Prefix.1`, `Prefix.2`... values of a query request, or the fallback when the call filters instead. */
function requested(params: URLSearchParams, prefix: string, fallback: string): string[] {
  const ids = [...params.entries()].filter(([k]) => new RegExp(`^${prefix}\\.\\d+$`).test(k)).map(([, v]) => v);
  return ids.length > 0 ? ids : [fallback];
}

function subnet(id: string, i: number, region: string, partition: string): string {
  const az = `${region}${'abc'[i % 3]}`;
  return `<item><subnetId>${id}</subnetId><subnetArn>arn:${partition}:ec2:${region}:${STAND_IN_ACCOUNT}:subnet/${id}</subnetArn><state>available</state><vpcId>vpc-0standin00000001</vpcId><ownerId>${STAND_IN_ACCOUNT}</ownerId><cidrBlock>10.0.${i}.0/24</cidrBlock><availableIpAddressCount>250</availableIpAddressCount><availabilityZone>${az}</availabilityZone><availabilityZoneId>${region}-az${(i % 3) + 1}</availabilityZoneId><defaultForAz>false</defaultForAz><mapPublicIpOnLaunch>false</mapPublicIpOnLaunch><assignIpv6AddressOnCreation>false</assignIpv6AddressOnCreation><ipv6CidrBlockAssociationSet/><tagSet/></item>`;
}

function vpc(id: string): string {
  return `<item><vpcId>${id}</vpcId><ownerId>${STAND_IN_ACCOUNT}</ownerId><state>available</state><cidrBlock>10.0.0.0/16</cidrBlock><cidrBlockAssociationSet><item><cidrBlock>10.0.0.0/16</cidrBlock><associationId>vpc-cidr-assoc-0standin</associationId><cidrBlockState><state>associated</state></cidrBlockState></item></cidrBlockAssociationSet><dhcpOptionsId>dopt-0standin</dhcpOptionsId><instanceTenancy>default</instanceTenancy><isDefault>false</isDefault><tagSet/></item>`;
}

function attributeTag(attribute: string | null): string {
  return attribute ?? 'enableDnsSupport';
}

/** Interface endpoints for the names asked (by ServiceName.N or a service-name filter); S3 is also a gateway. */
function endpointServices(params: URLSearchParams, region: string): string {
  const names = [...params.entries()]
    .filter(([k]) => /^(ServiceName\.\d+|Filter\.\d+\.Value\.\d+)$/.test(k))
    .map(([, v]) => v)
    .filter((v) => v.startsWith('com.amazonaws.'));
  const items = names.map((name) => {
    const gateway = name.endsWith('.s3') || name.endsWith('.dynamodb');
    const short = name.split('.').slice(3).join('.');
    return `<item><serviceName>${name}</serviceName><serviceId>vpce-svc-0standin${short.replace(/\W/g, '')}</serviceId><serviceType><item><serviceType>${gateway ? 'Gateway' : 'Interface'}</serviceType></item></serviceType><availabilityZoneSet><item>${region}a</item><item>${region}b</item><item>${region}c</item></availabilityZoneSet><owner>amazon</owner><baseEndpointDnsNames><item>${short}.${region}.vpce.amazonaws.com</item></baseEndpointDnsNames>${gateway ? '' : `<privateDnsName>${short}.${region}.amazonaws.com</privateDnsName>`}<vpcEndpointPolicySupported>true</vpcEndpointPolicySupported><acceptanceRequired>false</acceptanceRequired><managesVpcEndpoints>false</managesVpcEndpoints><supportedIpAddressTypes><item>ipv4</item></supportedIpAddressTypes><tagSet/></item>`;
  });
  return `<serviceDetailSet>${items.join('')}</serviceDetailSet><serviceNameSet>${names.map((n) => `<item>${n}</item>`).join('')}</serviceNameSet>`;
}

function xml(action: string, ns: string, result: string): { body: string } {
  return {
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${ns}">${result}<ResponseMetadata><RequestId>stand-in</RequestId></ResponseMetadata></${action}Response>`,
  };
}

function ec2(action: string, result: string): { body: string } {
  return {
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>stand-in</requestId>${result}</${action}Response>`,
  };
}

function xmlError(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>stand-in</RequestId></ErrorResponse>`;
}
