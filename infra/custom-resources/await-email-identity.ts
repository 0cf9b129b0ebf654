import { GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';

/**
 * Deploy-time only (a CloudFormation custom resource of StatefulStack): waits until the stage's
 * SES identity may send, so that the user pool — which Cognito refuses to point at an unverified
 * identity — is switched to SES only then. Polls SES every 15 s for up to ~14 minutes, then
 * answers CloudFormation itself (SUCCESS, or FAILED saying which records are missing).
 * Deleting the resource changes nothing.
 */
const ses = new SESv2Client({});
const POLL_MS = 15_000;
/** Time kept to answer CloudFormation before Lambda's timeout. */
const MARGIN_MS = 30_000;

type Outcome = { status: 'SUCCESS' | 'FAILED'; reason: string };

export async function handler(event: CloudFormationCustomResourceEvent, context: Context): Promise<void> {
  const identity = String(event.ResourceProperties.Identity ?? '');
  const outcome: Outcome = event.RequestType === 'Delete' ? { status: 'SUCCESS', reason: 'nothing to undo' } : await awaitVerified(identity, context);
  await answer(event, identity, outcome);
}

async function awaitVerified(identity: string, context: Context): Promise<Outcome> {
  let last = 'not checked';
  while (context.getRemainingTimeInMillis() > MARGIN_MS + POLL_MS) {
    try {
      const found = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: identity }));
      if (found.VerifiedForSendingStatus) return { status: 'SUCCESS', reason: `${identity} is verified for sending` };
      last = `verification ${found.VerificationStatus ?? 'unknown'}, DKIM ${found.DkimAttributes?.Status ?? 'unknown'}`;
      if (found.VerificationStatus === 'FAILED') break;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return {
    status: 'FAILED',
    reason:
      `The SES identity ${identity} is not verified yet (${last}), and Cognito refuses an unverified sender. ` +
      'Add its DNS records (the Ops stack\'s Dkim*/MailFrom* outputs, or `aws sesv2 get-email-identity`) or click the link SES emailed, wait until SES shows it verified, then deploy again (infra/RUNBOOK.md).',
  };
}

/** The custom-resource answer: a PUT of JSON to the presigned ResponseURL. */
async function answer(event: CloudFormationCustomResourceEvent, identity: string, outcome: Outcome): Promise<void> {
  const body = JSON.stringify({
    Status: outcome.status,
    Reason: outcome.reason.slice(0, 3000),
    PhysicalResourceId: `ses-identity-verified:${identity}`,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: {},
  });
  const response = await fetch(event.ResponseURL, { method: 'PUT', body, headers: { 'content-type': '', 'content-length': String(Buffer.byteLength(body)) } });
  if (!response.ok) throw new Error(`CloudFormation's response URL answered ${response.status}`);
}
