import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import {
  BODY_SIZE,
  COGNITO_TARGET_PREFIX,
  RATE_LIMITED_BODY,
  STORE_RATE_LIMITS,
  USER_POOL_RATE_LIMITS,
  type PathMatch,
} from '../waf-rules.ts';

/**
 * The two AWS WAF web ACLs, built from the numbers in infra/waf-rules.ts:
 * - `StoreWebAcl` (CLOUDFRONT scope, so in us-east-1): on the distribution — Amazon IP
 *   reputation, per-IP rate rules (checkout, order links, payments, general), the managed Common
 *   and Known-bad-inputs rule sets, and the store's body-size cap;
 * - `UserPoolWebAcl` (REGIONAL, the pool's region): on the Cognito user pool, which the browser
 *   calls directly — Amazon IP reputation and per-IP rate rules per Cognito action.
 */

type Statement = wafv2.CfnWebACL.StatementProperty;
type Rule = wafv2.CfnWebACL.RuleProperty;

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const RATE_LIMITED_RESPONSE = 'RateLimited';
const rateLimitedAction: wafv2.CfnWebACL.RuleActionProperty = {
  block: { customResponse: { responseCode: 429, customResponseBodyKey: RATE_LIMITED_RESPONSE } },
};
const customResponseBodies = { [RATE_LIMITED_RESPONSE]: { contentType: 'APPLICATION_JSON', content: RATE_LIMITED_BODY } };

const NO_TRANSFORMATION = [{ priority: 0, type: 'NONE' }];
const pathStatement = (match: PathMatch): Statement => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'exactly' in match ? 'EXACTLY' : 'STARTS_WITH',
    searchString: 'exactly' in match ? match.exactly : match.startsWith,
    textTransformations: NO_TRANSFORMATION,
  },
});
const anyOf = (statements: Statement[]): Statement => (statements.length === 1 ? statements[0]! : { orStatement: { statements } });
const allOf = (statements: Statement[]): Statement => (statements.length === 1 ? statements[0]! : { andStatement: { statements } });

const managedRuleGroup = (name: string, priority: number, ruleActionOverrides?: wafv2.CfnWebACL.RuleActionOverrideProperty[]): Rule => ({
  name: `AWS-${name}`,
  priority,
  overrideAction: { none: {} },
  statement: { managedRuleGroupStatement: { vendorName: 'AWS', name, ...(ruleActionOverrides ? { ruleActionOverrides } : {}) } },
  visibilityConfig: visibility(`AWS-${name}`),
});

const rateRule = (name: string, priority: number, limit: number, windowSeconds: number, scopeDownStatement?: Statement): Rule => ({
  name: `RateLimit-${name}`,
  priority,
  action: rateLimitedAction,
  statement: {
    rateBasedStatement: { aggregateKeyType: 'IP', limit, evaluationWindowSec: windowSeconds, ...(scopeDownStatement ? { scopeDownStatement } : {}) },
  },
  visibilityConfig: visibility(`RateLimit-${name}`),
});

/** The rules of the store's CloudFront web ACL, in priority order. */
export function storeRules(): Rule[] {
  let priority = 0;
  const rules: Rule[] = [managedRuleGroup('AWSManagedRulesAmazonIpReputationList', priority++)];
  for (const rate of STORE_RATE_LIMITS) {
    const scope = rate.scope
      ? allOf([
          ...(rate.scope.method
            ? [{ byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: 'EXACTLY', searchString: rate.scope.method, textTransformations: NO_TRANSFORMATION } }]
            : []),
          anyOf(rate.scope.paths.map(pathStatement)),
        ])
      : undefined;
    rules.push(rateRule(rate.name, priority++, rate.limit, rate.windowSeconds, scope));
  }
  // SizeRestrictions_BODY (8 KB everywhere) only counts: the rule after it caps bodies, but not on
  // the few routes whose legitimate bodies are larger (infra/waf-rules.ts BODY_SIZE).
  rules.push(managedRuleGroup('AWSManagedRulesCommonRuleSet', priority++, [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }]));
  rules.push(managedRuleGroup('AWSManagedRulesKnownBadInputsRuleSet', priority++));
  rules.push({
    name: 'BodySizeLimit',
    priority: priority++,
    action: { block: {} },
    statement: allOf([
      { sizeConstraintStatement: { fieldToMatch: { body: { oversizeHandling: 'MATCH' } }, comparisonOperator: 'GT', size: BODY_SIZE.maxBytes, textTransformations: NO_TRANSFORMATION } },
      { notStatement: { statement: anyOf(BODY_SIZE.exemptPaths.map(pathStatement)) } },
    ]),
    visibilityConfig: visibility('BodySizeLimit'),
  });
  return rules;
}

/** The rules of the user pool's regional web ACL, in priority order. */
export function userPoolRules(): Rule[] {
  let priority = 0;
  const rules: Rule[] = [managedRuleGroup('AWSManagedRulesAmazonIpReputationList', priority++)];
  for (const rate of USER_POOL_RATE_LIMITS) {
    rules.push(
      rateRule(rate.action, priority++, rate.limit, rate.windowSeconds, {
        byteMatchStatement: {
          fieldToMatch: { singleHeader: { Name: 'x-amz-target' } },
          positionalConstraint: 'EXACTLY',
          searchString: `${COGNITO_TARGET_PREFIX}${rate.action}`,
          textTransformations: NO_TRANSFORMATION,
        },
      }),
    );
  }
  return rules;
}

/** The CLOUDFRONT-scope web ACL of the distribution (its stack must be in us-east-1). */
export class StoreWebAcl extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: 'Dakhla Market store - IP reputation, per-IP rate limits, common and known-bad-input rules, body size - infra/waf-rules.ts',
      defaultAction: { allow: {} },
      customResponseBodies,
      rules: storeRules(),
      visibilityConfig: visibility('DakhlaMarketStore'),
    });
  }
}

export interface UserPoolWebAclProps {
  readonly userPool: cognito.IUserPool;
}

/** A REGIONAL web ACL associated with the user pool (the browser's SignUp, InitiateAuth… calls). */
export class UserPoolWebAcl extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: UserPoolWebAclProps) {
    super(scope, id);
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      description: 'Dakhla Market user pool - IP reputation, per-IP rate limits per Cognito action - infra/waf-rules.ts',
      defaultAction: { allow: {} },
      customResponseBodies,
      rules: userPoolRules(),
      visibilityConfig: visibility('DakhlaMarketUserPool'),
    });
    new wafv2.CfnWebACLAssociation(this, 'Association', { resourceArn: props.userPool.userPoolArn, webAclArn: this.webAcl.attrArn });
  }
}
