import { Aws, CfnOutput, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as budgets from 'aws-cdk-lib/aws-budgets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import type { EmailSender } from '../config.ts';
import { MailSender } from '../constructs/mail-sender.ts';
import { BUDGET_ALERTS } from '../alarm-thresholds.ts';

export interface OpsStackProps extends StackProps {
  /** Subscribed to the alert topic (email; AWS asks the address to confirm once). */
  readonly alertEmail?: string;
  /** The stage's sender: an SES identity and configuration set are made when the stage names one (`managed`). */
  readonly sender: EmailSender;
  /** The Route 53 zone of the stage's domain: the SES records go there when it holds the identity. */
  readonly hostedZone?: { readonly id: string; readonly name: string };
  /** The monthly AWS Budget in USD (the `monthlyBudgetUsd` setting). */
  readonly monthlyBudgetUsd: number;
}

/**
 * What operators are told through, deployed first: the stage's one SNS alert topic (SES bounces
 * and complaints, the CloudWatch alarms of the stateful and API stacks, the monthly AWS Budget:
 * `alertTopic`, exported as `AlertTopicArn`), the budget itself, and the SES sender (identity, DKIM,
 * MAIL FROM, configuration set). Without a Route 53 zone, deploy this stack alone first and add
 * the DNS records its outputs list (infra/RUNBOOK.md).
 */
export class OpsStack extends Stack {
  readonly alertTopic: sns.Topic;
  readonly mail?: MailSender;

  constructor(scope: Construct, id: string, props: OpsStackProps) {
    super(scope, id, props);
    this.alertTopic = new sns.Topic(this, 'AlertTopic', { displayName: 'Dakhla Market alerts', enforceSSL: true });
    Validations.of(this.alertTopic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason: 'Alerts carry no secrets (bounce notices, alarm states); an encrypted topic would need a customer-managed KMS key whose policy lets SES, CloudWatch and Budgets publish (the aws/sns key does not).',
    });
    if (props.alertEmail) this.alertTopic.addSubscription(new subscriptions.EmailSubscription(props.alertEmail));
    // A topic policy replaces SNS's default one: the services that publish here are named, for this account only.
    for (const [service, sourceArn] of [
      ['cloudwatch.amazonaws.com', `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:*`],
      ['budgets.amazonaws.com', `arn:${Aws.PARTITION}:budgets::${Aws.ACCOUNT_ID}:*`],
    ] as const) {
      this.alertTopic.addToResourcePolicy(
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal(service)],
          actions: ['sns:Publish'],
          resources: [this.alertTopic.topicArn],
          conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID }, ArnLike: { 'aws:SourceArn': sourceArn } },
        }),
      );
    }
    // The whole account's monthly cost (a stage has its account to itself; cost-allocation tags
    // would need activating in the Billing console first, or the budget would see nothing).
    new budgets.CfnBudget(this, 'MonthlyBudget', {
      budget: { budgetType: 'COST', timeUnit: 'MONTHLY', budgetLimit: { amount: props.monthlyBudgetUsd, unit: 'USD' } },
      notificationsWithSubscribers: [
        { notification: { notificationType: 'ACTUAL', comparisonOperator: 'GREATER_THAN', threshold: BUDGET_ALERTS.actualPercent, thresholdType: 'PERCENTAGE' }, subscribers: [{ subscriptionType: 'SNS', address: this.alertTopic.topicArn }] },
        { notification: { notificationType: 'FORECASTED', comparisonOperator: 'GREATER_THAN', threshold: BUDGET_ALERTS.forecastPercent, thresholdType: 'PERCENTAGE' }, subscribers: [{ subscriptionType: 'SNS', address: this.alertTopic.topicArn }] },
      ],
    });
    new CfnOutput(this, 'AlertTopicArn', { value: this.alertTopic.topicArn, description: 'The stage\'s alert topic (alarms publish here)', exportName: `${this.stackName}-AlertTopicArn` });

    if (props.sender.managed) {
      this.mail = new MailSender(this, 'Mail', { sender: props.sender, alertTopic: this.alertTopic, ...(props.hostedZone ? { hostedZone: props.hostedZone } : {}) });
    }
  }
}
