'use strict';
/**
 * Runs cognito-local's own CLI (lib/bin/start.js), with one change: the codes it would print
 * in a box (sign-up confirmation, forgotten password…) go to the parent process as IPC
 * messages instead, so infra/local/cognito.ts can put them in the local outbox — where Cognito
 * in AWS would have emailed them. Started by infra/local/cognito.ts with PORT, HOST and the
 * data folder as its working directory (cognito-local keeps its state in ./.cognito).
 */
const { MessagesService } = require('cognito-local/lib/services/messages.js');

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

// The parent is gone (Ctrl-C, crash, kill): do not linger holding the port.
process.on('disconnect', () => process.exit(0));

require('cognito-local/lib/bin/start.js');
