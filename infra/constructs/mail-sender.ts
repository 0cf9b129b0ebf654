import { fileURLToPath } from 'node:url';
import { CfnOutput, CustomResource, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { EmailSender } from '../config.ts';
import { HandlerFunction } from './handler-function.ts';

/**
 * The stage's own email sender in Amazon SES: the identity (a domain with Easy DKIM and a custom
 * MAIL FROM subdomain, or one address), and a configuration set — the identity's default, so
 * Cognito's emails use it too — whose bounces and complaints go to the alert topic. With a Route 53
 * zone holding the domain, the DKIM and MAIL FROM records are created there; without, outputs list
 * the records to add.
 */
export interface MailSenderProps {
  readonly sender: EmailSender;
  readonly alertTopic: sns.ITopic;
  /** The public hosted zone holding the identity's domain, if the stage has one. */
  readonly hostedZone?: { readonly id: string; readonly name: string };
}

export class MailSender extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;

  constructor(scope: Construct, id: string, props: MailSenderProps) {
    super(scope, id);
    const { sender } = props;
    const isDomain = !sender.identity.includes('@');
    const zone =
      isDomain && props.hostedZone && (sender.identity === props.hostedZone.name || sender.identity.endsWith(`.${props.hostedZone.name}`))
        ? route53.PublicHostedZone.fromPublicHostedZoneAttributes(this, 'Zone', { hostedZoneId: props.hostedZone.id, zoneName: props.hostedZone.name })
        : undefined;

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      sendingEnabled: true,
    });
    this.configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: ses.EventDestination.snsTopic(props.alertTopic),
      events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
    });

    // A domain identity inside the stage's zone gets its records there (CDK's publicHostedZone
    // identity uses the zone's own name, so a subdomain identity names itself and the zone).
    const identity: ses.Identity = !isDomain
      ? ses.Identity.email(sender.identity)
      : zone
        ? { value: sender.identity, hostedZone: zone }
        : ses.Identity.domain(sender.identity);
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity,
      configurationSet: this.configurationSet,
      ...(isDomain ? { dkimIdentity: ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT), dkimSigning: true } : {}),
      ...(sender.mailFromDomain ? { mailFromDomain: sender.mailFromDomain, mailFromBehaviorOnMxFailure: ses.MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE } : {}),
    });

    new CfnOutput(this, 'IdentityName', { value: sender.identity, description: `SES identity of ${sender.from}` });
    new CfnOutput(this, 'ConfigurationSetName', { value: this.configurationSet.configurationSetName });
    if (isDomain && !zone) {
      // The records to add at the domain's DNS host (no Route 53 zone was given).
      this.identity.dkimRecords.forEach((record, i) => {
        new CfnOutput(this, `DkimRecord${i + 1}`, { value: `${record.name} CNAME ${record.value}`, description: 'Easy DKIM: add this CNAME record' });
      });
      if (sender.mailFromDomain) {
        new CfnOutput(this, 'MailFromMxRecord', { value: `${sender.mailFromDomain} MX 10 feedback-smtp.${Stack.of(this).region}.amazonses.com`, description: 'Custom MAIL FROM: add this MX record' });
        new CfnOutput(this, 'MailFromSpfRecord', { value: `${sender.mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`, description: 'Custom MAIL FROM: add this TXT record' });
      }
    }
    if (isDomain) {
      new CfnOutput(this, 'DmarcRecord', {
        value: `_dmarc.${sender.identity} TXT "v=DMARC1; p=none;"`,
        description: 'Recommended (not created: the domain may have one): a DMARC policy, which large mailbox providers expect of senders',
      });
    }
  }
}

export interface EmailIdentityVerifiedProps {
  /** The identity's name (a domain or an address), as SES knows it. */
  readonly identityName: string;
}

/**
 * Deploy-time wait until the SES identity is verified for sending (infra/custom-resources/
 * await-email-identity.ts): what depends on it (the user pool's SES sender) is updated only then.
 */
export class EmailIdentityVerified extends Construct {
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: EmailIdentityVerifiedProps) {
    super(scope, id);
    const waiter = new HandlerFunction(this, 'Waiter', {
      module: 'await-email-identity',
      functionsDir: fileURLToPath(new URL('../custom-resources', import.meta.url)),
      timeout: Duration.minutes(15),
      memorySize: 256,
    });
    waiter.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:GetEmailIdentity'],
        resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: props.identityName })],
      }),
    );
    Validations.of(waiter).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray tracing (tracing: ACTIVE): xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions.',
    });
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: waiter.fn.functionArn,
      resourceType: 'Custom::SesIdentityVerified',
      properties: { Identity: props.identityName },
    });
  }
}
