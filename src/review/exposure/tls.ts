/**
 * The lowest TLS version an Elastic Load Balancing security policy accepts, read from its name, as AWS names them in
 * "Security policies for your Application Load Balancer"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html): the
 * `ELBSecurityPolicy-TLS13-1-2-...`, `-TLS-1-2-...` and `-FS-1-2-...` families name their lowest version (1.2 here),
 * while `ELBSecurityPolicy-2016-08`, `-2015-05` and `-FS-2018-06` still accept TLS 1.0. Undefined for a name that
 * says neither (a future family): the change is then listed but not ranked.
 */
export function minimumTls(policy: string): number | undefined {
  const named = /^ELBSecurityPolicy-(?:TLS13|TLS|FS)-1-([0-3])(?:-|$)/.exec(policy);
  if (named) return 1 + Number(named[1]) / 10;
  if (/^ELBSecurityPolicy-(?:2016-08|2015-05|2015-03|2015-02|2014-10|2014-01|2011-08|FS-2018-06)$/.test(policy))
    return 1.0;
  return undefined;
}

/**
 * The policy an HTTPS or TLS listener uses when `ssl_policy` is absent. The provider passes no policy then, and AWS
 * picks one: "Other methods (for example, the AWS CLI, AWS CloudFormation, and the AWS CDK) - The default security
 * policy is ELBSecurityPolicy-2016-08" (the page above, "Considerations").
 */
export const API_DEFAULT_TLS_POLICY = 'ELBSecurityPolicy-2016-08';

/** Whether a listener protocol encrypts between client and load balancer. */
export function encrypts(protocol: string | undefined): boolean {
  return protocol === 'HTTPS' || protocol === 'TLS';
}
