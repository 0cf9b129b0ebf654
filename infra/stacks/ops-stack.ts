import { CfnOutput, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import type { EmailSender } from '../config.ts';
import { MailSender } from '../constructs/mail-sender.ts';

export interface OpsStackProps extends StackProps {
  /** Subscribed to the alert topic (email; AWS asks the address to confirm once). */
  readonly alertEmail?: string;
  /** The stage's sender: an SES identity and configuration set are made when the stage names one (`managed`). */
  readonly sender: EmailSender;
  /** The Route 53 zone of the stage's domain: the SES records go there when it holds the identity. */
  readonly hostedZone?: { readonly id: string; readonly name: string };
}

/**
 * What operators are told through, deployed first: the stage's one SNS alert topic (SES bounces
 * and complaints now; the Lambda, API, Step Functions, DynamoDB and budget alarms of later work
 * publish to `alertTopic`, exported as `AlertTopicArn`), and the SES sender (identity, DKIM,
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
    new CfnOutput(this, 'AlertTopicArn', { value: this.alertTopic.topicArn, description: 'The stage\'s alert topic (alarms publish here)', exportName: `${this.stackName}-AlertTopicArn` });

    if (props.sender.managed) {
      this.mail = new MailSender(this, 'Mail', { sender: props.sender, alertTopic: this.alertTopic, ...(props.hostedZone ? { hostedZone: props.hostedZone } : {}) });
    }
  }
}
