'use strict';
/**
 * Runs cognito-local's own CLI (lib/bin/start.js), with these changes, all over its IPC channel
 * to the parent (infra/local/cognito.ts), or filling a gap where cognito-local 5.3.0 does less
 * than Cognito:
 * - the codes it would print in a box (sign-up confirmation, forgotten password…) go to the
 *   parent as messages, which puts them in the local outbox — where Cognito would have emailed them;
 * - its Lambda triggers (the ones named in .cognito/config.json TriggerFunctions) are not invoked
 *   through an AWS Lambda endpoint but handed to the parent, which runs the project's own handler
 *   (functions/auth/…) and sends the answer back; the event gets the user's groups in
 *   `request.groupConfiguration.groupsToOverride`, as Cognito sends them (cognito-local leaves it empty);
 * - a sign-in answered through RespondToAuthChallenge (the TOTP code) keeps its refresh token,
 *   as one by password does (cognito-local forgot it, so the refresh was refused);
 * - GlobalSignOut (absent from cognito-local) revokes every refresh token of the access token's user.
 * Started by infra/local/cognito.ts with PORT, HOST and the data folder as its working directory
 * (cognito-local keeps its state in ./.cognito).
 */
const { AsyncLocalStorage } = require('node:async_hooks');
const { randomUUID } = require('node:crypto');
const { MessagesService } = require('cognito-local/lib/services/messages.js');
const { LambdaService } = require('cognito-local/lib/services/lambda.js');
const { JwtTokenGenerator } = require('cognito-local/lib/services/tokenGenerator.js');
const { Targets } = require('cognito-local/lib/targets/targets.js');
const { InvalidParameterError, NotAuthorizedError, UnexpectedLambdaExceptionError, UserLambdaValidationError } = require('cognito-local/lib/errors.js');

MessagesService.prototype.deliver = async function deliver(_ctx, source, _clientId, userPoolId, user, code, _clientMetadata, details) {
  if (!process.send || !details) return;
  process.send({
    type: 'code',
    source,
    userPoolId,
    username: user.Username,
    medium: details.DeliveryMedium,
    destination: details.Destination,
    code,
  });
};

// Triggers: to the parent and back. Cognito gives a trigger 5 seconds.
const TRIGGER_TIMEOUT_MS = 5000;
const pending = new Map();
process.on('message', (message) => {
  if (message?.type !== 'trigger-result') return;
  const waiting = pending.get(message.id);
  if (!waiting) return;
  pending.delete(message.id);
  waiting(message);
});

// The groups of the user whose tokens are being made, for the trigger's event.
const groupsOfTokens = new AsyncLocalStorage();
const generate = JwtTokenGenerator.prototype.generate;
JwtTokenGenerator.prototype.generate = function generateWithGroups(ctx, user, userGroups, ...rest) {
  return groupsOfTokens.run(userGroups ?? [], () => generate.call(this, ctx, user, userGroups, ...rest));
};
const createLambdaEvent = LambdaService.prototype.createLambdaEvent;
LambdaService.prototype.createLambdaEvent = function createAwsShapedEvent(event) {
  const lambdaEvent = createLambdaEvent.call(this, event);
  if (String(event.triggerSource).startsWith('TokenGeneration_')) {
    lambdaEvent.request.groupConfiguration = { groupsToOverride: [...(groupsOfTokens.getStore() ?? [])], iamRolesToOverride: [], preferredRole: null };
  }
  return lambdaEvent;
};

LambdaService.prototype.invoke = async function invokeThroughParent(ctx, trigger, event) {
  const functionName = this.config[trigger];
  if (!functionName) throw new Error(`${trigger} trigger not configured`);
  if (!process.send) throw new UnexpectedLambdaExceptionError();
  const id = randomUUID();
  const reply = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve({ ok: false, timeout: true });
    }, TRIGGER_TIMEOUT_MS);
    pending.set(id, (message) => {
      clearTimeout(timer);
      resolve(message);
    });
    process.send({ type: 'trigger', id, trigger, functionName, event: this.createLambdaEvent(event) });
  });
  if (reply.timeout) {
    ctx.logger.error(`${functionName} timed out after ${TRIGGER_TIMEOUT_MS} ms`);
    throw new UnexpectedLambdaExceptionError();
  }
  if (!reply.ok) throw new UserLambdaValidationError(`${trigger} failed with error ${reply.error}.`);
  return reply.result?.response;
};

const respondToAuthChallenge = Targets.RespondToAuthChallenge;
Targets.RespondToAuthChallenge = (services) => {
  const respond = respondToAuthChallenge(services);
  return async (ctx, req) => {
    const result = await respond(ctx, req);
    const refreshToken = result?.AuthenticationResult?.RefreshToken;
    if (refreshToken) {
      const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = await userPool.getUserByUsername(ctx, req.ChallengeResponses.USERNAME);
      if (user) await userPool.storeRefreshToken(ctx, refreshToken, user);
    }
    return result;
  };
};

Targets.GlobalSignOut = (services) => async (ctx, req) => {
  if (!req.AccessToken) throw new InvalidParameterError('Missing required parameter AccessToken');
  let decoded;
  try {
    decoded = JSON.parse(Buffer.from(String(req.AccessToken).split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    throw new NotAuthorizedError();
  }
  if (decoded?.token_use !== 'access') throw new NotAuthorizedError();
  const userPool = await services.cognito.getUserPoolForClientId(ctx, decoded.client_id);
  const user = await userPool.getUserByUsername(ctx, decoded.sub);
  if (!user) throw new NotAuthorizedError();
  await userPool.saveUser(ctx, { ...user, RefreshTokens: [] });
  return {};
};

// The parent is gone (Ctrl-C, crash, kill): do not linger holding the port.
process.on('disconnect', () => process.exit(0));

require('cognito-local/lib/bin/start.js');
