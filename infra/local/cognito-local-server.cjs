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
 * - GlobalSignOut and AdminUserGlobalSignOut (absent from cognito-local) revoke every refresh token
 *   of the user (the access token's, or the one named);
 * - an account made by AdminCreateUser (FORCE_CHANGE_PASSWORD) gets its NEW_PASSWORD_REQUIRED
 *   challenge only with its temporary password, and the challenge is answered only with that
 *   challenge's session, within 3 minutes, with a new password the pool's policy accepts — as
 *   Cognito does (cognito-local skipped all three: anyone knowing the e-mail could set the password).
 * Started by infra/local/cognito.ts with PORT, HOST and the data folder as its working directory
 * (cognito-local keeps its state in ./.cognito).
 */
const { AsyncLocalStorage } = require('node:async_hooks');
const { randomUUID } = require('node:crypto');
const { MessagesService } = require('cognito-local/lib/services/messages.js');
const { LambdaService } = require('cognito-local/lib/services/lambda.js');
const { JwtTokenGenerator } = require('cognito-local/lib/services/tokenGenerator.js');
const { Targets } = require('cognito-local/lib/targets/targets.js');
const { InvalidParameterError, InvalidPasswordError, NotAuthorizedError, UnexpectedLambdaExceptionError, UserLambdaValidationError, UserNotFoundError } = require('cognito-local/lib/errors.js');

MessagesService.prototype.deliver = async function deliver(_ctx, source, clientId, userPoolId, user, code, clientMetadata, details) {
  if (!process.send || !details) return;
  // Delivered before the call answers, as Cognito runs its custom-message trigger and sends first.
  const id = randomUUID();
  await new Promise((resolve) => {
    const timer = setTimeout(() => pending.delete(id) && resolve(undefined), TRIGGER_TIMEOUT_MS);
    pending.set(id, () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    process.send({
      type: 'code',
      id,
      source,
      userPoolId,
      clientId,
      username: user.Username,
      // What the custom-message trigger's event carries (the parent runs it: infra/local/cognito.ts).
      attributes: Object.fromEntries((user.Attributes ?? []).map((attribute) => [attribute.Name, attribute.Value])),
      clientMetadata: clientMetadata ?? {},
      medium: details.DeliveryMedium,
      destination: details.Destination,
      code,
    });
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

// NEW_PASSWORD_REQUIRED sessions handed out (session → username, until when): Cognito's last 3 minutes.
const CHALLENGE_SESSION_MS = 3 * 60 * 1000;
const newPasswordSessions = new Map();

const initiateAuth = Targets.InitiateAuth;
Targets.InitiateAuth = (services) => {
  const initiate = initiateAuth(services);
  return async (ctx, req) => {
    if (req.AuthFlow === 'USER_PASSWORD_AUTH' && req.AuthParameters?.USERNAME) {
      const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = await userPool.getUserByUsername(ctx, req.AuthParameters.USERNAME);
      // cognito-local asks an invited account for a new password without checking the temporary one.
      if (user?.UserStatus === 'FORCE_CHANGE_PASSWORD' && user.Password !== req.AuthParameters.PASSWORD) throw new NotAuthorizedError('Incorrect username or password.');
    }
    let result;
    try {
      result = await initiate(ctx, req);
    } catch (error) {
      // A wrong password: Cognito says "Incorrect username or password." (NotAuthorizedException);
      // cognito-local said InvalidPasswordException, which means a new password the policy refuses.
      if (req.AuthFlow === 'USER_PASSWORD_AUTH' && error instanceof InvalidPasswordError) throw new NotAuthorizedError('Incorrect username or password.');
      throw error;
    }
    if (result?.ChallengeName === 'NEW_PASSWORD_REQUIRED' && result.Session) {
      newPasswordSessions.set(result.Session, { username: result.ChallengeParameters?.USER_ID_FOR_SRP, until: Date.now() + CHALLENGE_SESSION_MS });
    }
    return result;
  };
};

/** What a password lacks under the pool's policy, as Cognito checks it (its symbol set; a space counts when not at either end). */
function meetsPolicy(password, policy = {}) {
  const value = String(password ?? '');
  if (value.length < (policy.MinimumLength ?? 8)) return false;
  if (policy.RequireLowercase && !/[a-z]/.test(value)) return false;
  if (policy.RequireUppercase && !/[A-Z]/.test(value)) return false;
  if (policy.RequireNumbers && !/[0-9]/.test(value)) return false;
  if (policy.RequireSymbols && !/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/.test(value.trim())) return false;
  return value === value.trim();
}

const respondToAuthChallenge = Targets.RespondToAuthChallenge;
Targets.RespondToAuthChallenge = (services) => {
  const respond = respondToAuthChallenge(services);
  return async (ctx, req) => {
    if (req.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
      const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = await userPool.getUserByUsername(ctx, req.ChallengeResponses?.USERNAME ?? '');
      const issued = newPasswordSessions.get(req.Session);
      if (!user || !issued || issued.username !== user.Username || issued.until < Date.now()) throw new NotAuthorizedError('Invalid session for the user, session is expired.');
      if (!meetsPolicy(req.ChallengeResponses?.NEW_PASSWORD, userPool.options.Policies?.PasswordPolicy)) throw new InvalidPasswordError();
      newPasswordSessions.delete(req.Session);
    }
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

// A new password chosen with a reset code or at sign-up is held to the pool's policy, as Cognito does.
for (const [target, passwordOf] of [
  ['ConfirmForgotPassword', (req) => req.Password],
  ['SignUp', (req) => req.Password],
]) {
  const original = Targets[target];
  Targets[target] = (services) => {
    const run = original(services);
    return async (ctx, req) => {
      const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
      if (!meetsPolicy(passwordOf(req), userPool.options.Policies?.PasswordPolicy)) throw new InvalidPasswordError();
      return run(ctx, req);
    };
  };
}

// A reset asked for an address with no account answers as if a code went out: the app client
// prevents user-existence errors (PreventUserExistenceErrors), so Cognito does not tell either.
const forgotPassword = Targets.ForgotPassword;
Targets.ForgotPassword = (services) => {
  const run = forgotPassword(services);
  return async (ctx, req) => {
    try {
      return await run(ctx, req);
    } catch (error) {
      if (!(error instanceof UserNotFoundError)) throw error;
      const name = String(req.Username ?? '');
      return { CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: `${name.slice(0, 1)}***@${name.split('@')[1]?.slice(0, 1) ?? ''}***` } };
    }
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

Targets.AdminUserGlobalSignOut = (services) => async (ctx, req) => {
  const userPool = await services.cognito.getUserPool(ctx, req.UserPoolId);
  const user = await userPool.getUserByUsername(ctx, req.Username);
  if (!user) throw new UserNotFoundError();
  await userPool.saveUser(ctx, { ...user, RefreshTokens: [] });
  return {};
};

// The parent is gone (Ctrl-C, crash, kill): do not linger holding the port.
process.on('disconnect', () => process.exit(0));

require('cognito-local/lib/bin/start.js');
