import { CfnOutput, NestedStack, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpAuthorizer,
  HttpAuthorizerType,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
  type IHttpApi,
  type IHttpRouteAuthorizer,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { CardProviderName } from '#shared/payments/provider.ts';
import { cmiApiUrlOf } from '#shared/payments/cmi.ts';
import { routeFunctionName, routeKey, routes as routeTable, routesFor, USER_POOL_ACCESS, type Auth, type Route } from '#shared/routes.ts';
import { schedules as scheduleTable, type Schedule } from '#shared/schedules.ts';
import { grantCounters, grantTable, HandlerFunction } from '../constructs/handler-function.ts';
import { grantImages, ImageProcessor, importImageBucket } from '../constructs/images.ts';
import { DEFAULT_EMAIL_SENDER } from '../config.ts';
import { EMAIL_TASKS, grantSendEmail, type SesSender } from '../constructs/email.ts';
import { WorkflowStateMachine } from '../constructs/workflow.ts';
import { Monitoring } from '../constructs/monitoring.ts';
import { ScheduledFunction } from '../constructs/scheduled-function.ts';
import { OriginVerifySecret } from '../constructs/origin-verify.ts';
import { applyRouteThrottles } from '../constructs/route-throttles.ts';
import { STAGE_DEFAULT_THROTTLE } from '#shared/edge/throttles.ts';
import { workflowConstructId } from '#shared/workflows/definition.ts';
import { workflows as workflowRegistry } from '#shared/workflows/registry.ts';
import { SERVICE_NAME } from '#shared/observability.ts';

/** Authorizers for the non-public kinds of route (by default the user pool's JWT authorizer for both). */
export type RouteAuthorizers = Partial<Record<Exclude<Auth, 'public'>, IHttpRouteAuthorizer>>;

export interface ApiStackProps extends StackProps {
  /** The bare HTTP API (WebStack's, behind CloudFront): this stack adds its stage, authorizer and routes. */
  readonly httpApi: IHttpApi;
  /** The secret CloudFront sends to the API (WebStack's): every route function requires it. */
  readonly originVerify: OriginVerifySecret;
  readonly table: dynamodb.ITable;
  /** The product-image bucket (StatefulStack): presign/delete routes and the image function use it. */
  readonly imageBucket: s3.IBucket;
  /** The user pool (StatefulStack) whose ID tokens the non-public routes need. */
  readonly userPool: cognito.IUserPool;
  /** The web store's app client: the tokens' audience. */
  readonly userPoolClient: cognito.IUserPoolClient;
  /** Who order emails come from (routes with `access.email` and the saga tasks that send), and through which SES configuration set. @default DEFAULT_EMAIL_SENDER */
  readonly email?: SesSender;
  /** The route table; defaults to shared/routes.ts (tests pass their own). Only the routes of `paymentProvider` are deployed (routesFor). */
  readonly routes?: readonly Route[];
  /** Overrides the Cognito JWT authorizer per kind of route. */
  readonly authorizers?: RouteAuthorizers;
  /** Stage-wide default throttling, for routes without a class in shared/edge/throttles.ts. @default 50 requests/s, bursts of 100 */
  readonly throttle?: ThrottleSettings;
  /** The store's public URL (the domain, else the distribution's: WebStack.storeUrl): PUBLIC_BASE_URL of the functions. */
  readonly publicBaseUrl: string;
  /** PAYMENT_PROVIDER of card orders: also which provider's routes are deployed. @default 'sandbox' */
  readonly paymentProvider?: CardProviderName;
  /** With CMI: its 3-D Secure gate (CMI_GATEWAY_URL of the functions; the merchant API beside it is CMI_API_URL). */
  readonly cmiGatewayUrl?: string;
  /** Meta's id of the WhatsApp Business number (WHATSAPP_PHONE_NUMBER_ID of the functions that notify artisans). */
  readonly whatsappPhoneNumberId?: string;
  /** The stage's alert topic (OpsStack): every alarm of this stack notifies it. */
  readonly alertTopic: sns.ITopic;
  /** The scheduled functions; defaults to shared/schedules.ts. */
  readonly schedules?: readonly Schedule[];
}

/** Saga tasks that give money back through the provider (they may need its secret). */
const PAYING_BACK_TASKS = ['CancelOrder', 'CancelSubOrder'];
/** Saga tasks that tell an artisan through the notification port (e-mail and WhatsApp): a new order's notice. */
const NOTIFYING_TASKS = ['AwaitArtisan'];

/**
 * The nested stack each kind of route's functions live in. CloudFormation allows 500 resources a
 * stack and a route brings about eight (its function, role, policy, invoke permission,
 * integration, route, errors alarm); in one stack the routes alone would pass it.
 * test/infra/stacks.test.ts holds every template under RESOURCES_PER_STACK_MAX: when one nears
 * it, split its kind here (e.g. the artisans' routes apart from the shoppers').
 */
export const ROUTE_STACKS: Record<Auth, string> = { public: 'PublicRoutes', 'signed-in': 'SignedInRoutes', operator: 'OperatorRoutes' };
/** The most resources the tests let a template have (CloudFormation's limit is 500): room to add routes between splits. */
export const RESOURCES_PER_STACK_MAX = 450;

/** Path under which CloudFront serves the image bucket (WebStack's `/images/*` behaviour). */
export const IMAGE_BASE_URL = '/images';


/**
 * The HTTP API, driven by the route table in shared/routes.ts: one function per route, a
 * Lambda proxy integration (payload v2) per route, grants from each route's `access`.
 */
export class ApiStack extends Stack {
  readonly api: IHttpApi;
  /** `https://{apiId}.execute-api.{region}.amazonaws.com` */
  readonly apiEndpoint: string;
  /** The payment providers' secret (JSON). */
  readonly paymentSecret: secretsmanager.Secret;
  /** The WhatsApp Cloud API's token (JSON `accessToken`). */
  readonly whatsappSecret: secretsmanager.Secret;
  /** Alarms (to the alert topic) and the dashboard (infra/constructs/monitoring.ts). */
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const paymentProvider = props.paymentProvider ?? 'sandbox';
    // The sandbox's TEST page and webhook are not deployed beside another provider (shared/routes.ts).
    const routes = routesFor(paymentProvider, props.routes ?? routeTable);
    // Imported: the image function's bucket notification is then managed from this stack (CDK's
    // notifications custom resource), and StatefulStack never depends on this one.
    const imageBucket = importImageBucket(this, 'ImageBucketRef', props.imageBucket);

    this.api = props.httpApi;

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? STAGE_DEFAULT_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // HTTP API $context variables only (the REST presets name some that HTTP APIs reject).
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    // Every non-public route needs a Cognito ID token for the web client (issuer = the pool's
    // https://cognito-idp.<region>.amazonaws.com/<poolId>); the local gateway checks the same
    // (infra/local/jwt-authorizer.ts). Group checks ('operator') are the handlers' edge's.
    // Made here, not by HttpJwtAuthorizer (which would put it in the API's own stack, WebStack).
    const cognitoJwt = new HttpAuthorizer(this, 'CognitoJwt', {
      httpApi: props.httpApi,
      type: HttpAuthorizerType.JWT,
      authorizerName: 'cognito-id-token',
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: `https://cognito-idp.${this.region}.amazonaws.com/${props.userPool.userPoolId}`,
      jwtAudience: [props.userPoolClient.userPoolClientId],
    });
    const jwt: IHttpRouteAuthorizer = { bind: () => ({ authorizationType: HttpAuthorizerType.JWT, authorizerId: cognitoJwt.authorizerId }) };
    const authorizers: RouteAuthorizers = { 'signed-in': jwt, operator: jwt, ...props.authorizers };

    // Payments: one secret (JSON) for the providers: the sandbox's webhook secret is generated;
    // the operator puts stripeSecretKey and stripeWebhookSecret into it when Stripe is used, and
    // cmiClientId, cmiStoreKey, cmiApiUser and cmiApiPassword when CMI is.
    this.paymentSecret = new secretsmanager.Secret(this, 'PaymentSecret', {
      description: 'Dakhla Market payment providers (JSON): sandboxWebhookSecret (generated), stripeSecretKey, stripeWebhookSecret, cmiClientId, cmiStoreKey, cmiApiUser, cmiApiPassword',
      generateSecretString: { secretStringTemplate: '{}', generateStringKey: 'sandboxWebhookSecret', excludePunctuation: true, passwordLength: 48 },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.paymentSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Webhook signing secrets and provider API keys are rotated at the provider (Stripe dashboard) and then put here; there is no rotation Lambda for them.',
    });
    if (paymentProvider === 'cmi' && !props.cmiGatewayUrl) throw new Error('ApiStack: paymentProvider "cmi" needs cmiGatewayUrl (the stage setting)');
    const paymentEnvironment = {
      PAYMENT_PROVIDER: paymentProvider,
      PUBLIC_BASE_URL: props.publicBaseUrl,
      ...(paymentProvider === 'cmi' && props.cmiGatewayUrl ? { CMI_GATEWAY_URL: props.cmiGatewayUrl, CMI_API_URL: cmiApiUrlOf(props.cmiGatewayUrl) } : {}),
    };
    const grantPaymentSecret = (fn: lambda.Function) => {
      fn.addEnvironment('PAYMENT_SECRET_NAME', this.paymentSecret.secretName);
      // GetSecretValue on this secret only (not DescribeSecret, nor any other secret).
      return iam.Grant.addToPrincipal({ grantee: fn, actions: ['secretsmanager:GetSecretValue'], resourceArns: [this.paymentSecret.secretArn] });
    };

    // WhatsApp (artisans' notices, shared/notifications/port.ts): the Cloud API's access token (a
    // system user's, put by the operator: infra/RUNBOOK.md) in its own secret; the number's id a stage setting.
    this.whatsappSecret = new secretsmanager.Secret(this, 'WhatsAppSecret', {
      description: 'Dakhla Market WhatsApp Cloud API (JSON): accessToken (a system user token with whatsapp_business_messaging), put by the operator',
      secretObjectValue: {},
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.whatsappSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: "The WhatsApp token is issued and rotated in Meta's Business Manager and then put here; there is no rotation Lambda for it.",
    });
    const grantNotify = (fn: lambda.Function) => {
      fn.addEnvironment('WHATSAPP_API_BASE', 'https://graph.facebook.com');
      if (props.whatsappPhoneNumberId) fn.addEnvironment('WHATSAPP_PHONE_NUMBER_ID', props.whatsappPhoneNumberId);
      fn.addEnvironment('WHATSAPP_SECRET_NAME', this.whatsappSecret.secretName);
      return iam.Grant.addToPrincipal({ grantee: fn, actions: ['secretsmanager:GetSecretValue'], resourceArns: [this.whatsappSecret.secretArn] });
    };

    // The state machines (the order saga): defined once in shared/workflows/, run by the local
    // runner from the same definition. Their task functions work on the table.
    const workflows = new Map(
      workflowRegistry.map((workflow) => [
        workflow.name,
        new WorkflowStateMachine(this, workflowConstructId(workflow.name), {
          workflow,
          functionProps: { environment: { POWERTOOLS_SERVICE_NAME: SERVICE_NAME, ...paymentEnvironment } },
          grant: (task, handler) => {
            grantTable(handler.fn, props.table, 'read-write');
            if (PAYING_BACK_TASKS.includes(task)) grantPaymentSecret(handler.fn);
          },
        }),
      ]),
    );
    // AwaitPayment ends its own wait when the webhook came first. A separate policy (not the
    // role's default one, which the function depends on) avoids a cycle: machine → function → policy → machine.
    for (const workflow of workflows.values()) {
      const awaitPayment = workflow.functions.AwaitPayment;
      if (!awaitPayment) continue;
      new iam.Policy(this, `${workflowConstructId(workflow.workflow.name)}AwaitPaymentResumes`, {
        roles: [awaitPayment.fn.role!],
        statements: [new iam.PolicyStatement({ actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'], resources: [workflow.stateMachine.stateMachineArn] })],
      });
    }

    // Email: routes with `access.email` and the saga tasks that tell people about orders.
    const emailSender = props.email ?? DEFAULT_EMAIL_SENDER;
    for (const workflow of workflows.values()) {
      for (const task of EMAIL_TASKS[workflow.workflow.name] ?? []) {
        const taskFunction = workflow.functions[task];
        if (!taskFunction) throw new Error(`EMAIL_TASKS names ${workflow.workflow.name}'s task ${task}, which it does not have`);
        grantSendEmail(taskFunction.fn, emailSender);
        if (NOTIFYING_TASKS.includes(task)) grantNotify(taskFunction.fn);
      }
    }

    // One log group for every route function (a log group each would put the stack over
    // CloudFormation's 500 resources): Powertools' lines name their function (`function_name`).
    const routeLogs = new logs.LogGroup(this, 'RouteFunctionLogs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    const httpRoutes: Array<{ route: Route; httpRoute: HttpRoute }> = [];
    const routeStacks = new Map<Auth, NestedStack>();
    const routeStackOf = (route: Route): NestedStack => {
      let nested = routeStacks.get(route.auth);
      if (!nested) {
        nested = new NestedStack(this, ROUTE_STACKS[route.auth], { description: `Dakhla Market: the ${route.auth} routes of shared/routes.ts and their functions` });
        routeStacks.set(route.auth, nested);
      }
      return nested;
    };
    for (const route of routes) {
      const name = routeFunctionName(route);
      const routeScope = routeStackOf(route);
      const handler = new HandlerFunction(routeScope, name, {
        module: route.handler,
        logGroup: routeLogs,
        environment: {
          IMAGE_BASE_URL,
          POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
          ...paymentEnvironment,
        },
      });
      // Only CloudFront reaches the functions: it sends this secret (WebStack), they refuse requests without it.
      props.originVerify.requireFor(handler.fn);
      if ((route.access as Route['access']).paymentSecret) grantPaymentSecret(handler.fn);
      grantTable(handler.fn, props.table, route.access.table);
      if ('limit' in route && route.access.table === 'read') grantCounters(handler.fn, props.table);
      const workflowNamed = (workflowName: string) => {
        const workflow = workflows.get(workflowName);
        if (!workflow) throw new Error(`Route ${routeKey(route)} names workflow "${workflowName}", which shared/workflows/registry.ts does not have`);
        return workflow;
      };
      for (const workflowName of (route.access as Route['access']).workflows ?? []) {
        workflowNamed(workflowName).grantStart(handler.fn);
        workflowNamed(workflowName).grantTaskResponse(handler.fn);
      }
      for (const workflowName of (route.access as Route['access']).workflowStatus ?? []) workflowNamed(workflowName).grantRead(handler.fn, { history: true });
      if ((route.access as Route['access']).email === 'send') grantSendEmail(handler.fn, emailSender);
      if ((route.access as Route['access']).notify) grantNotify(handler.fn);
      const { images } = route.access as Route['access'];
      if (images) grantImages(handler, imageBucket, images);
      const { userPool } = route.access as Route['access'];
      if (userPool) {
        // Exactly the actions this kind of access needs (approving an artisan, the operators' team page), on this pool only.
        props.userPool.grant(handler.fn, ...USER_POOL_ACCESS[userPool]);
        handler.fn.addEnvironment('USER_POOL_ID', props.userPool.userPoolId);
      }
      Validations.of(handler).acknowledge(
        {
          id: 'AwsSolutions-IAM5[Resource::*]',
          reason: 'X-Ray tracing (tracing: ACTIVE): xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions.',
        }
      );

      const authorizer = authorizerFor(route, authorizers);
      const httpRoute = new HttpRoute(routeScope, `${name}Route`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`${name}Integration`, handler.fn, {
          payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
        }),
        authorizer,
      });
      httpRoutes.push({ route, httpRoute });
      if (route.auth === 'public') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey(route)} is a public route (auth: 'public' in shared/routes.ts): anyone may call it; protected routes get an authorizer from authorizerFor().`,
        });
      }
    }

    // Per-route throttles (shared/edge/throttles.ts) over the stage-wide default.
    applyRouteThrottles(stage, httpRoutes);

    // Scheduled functions (shared/schedules.ts: the reconciler), each granted its `access` only.
    for (const schedule of props.schedules ?? scheduleTable) {
      const { fn } = new ScheduledFunction(this, `${routeFunctionName({ handler: schedule.name })}Schedule`, {
        schedule,
        functionProps: { environment: { POWERTOOLS_SERVICE_NAME: SERVICE_NAME, ...paymentEnvironment } },
      }).handler;
      const access: Schedule['access'] = schedule.access;
      grantTable(fn, props.table, access.table);
      for (const workflowName of access.workflows ?? []) {
        const workflow = workflows.get(workflowName);
        if (!workflow) throw new Error(`Schedule ${schedule.name} names workflow "${workflowName}", which shared/workflows/registry.ts does not have`);
        workflow.grantStart(fn);
        workflow.grantRead(fn, { list: true });
      }
      if (access.email === 'send') grantSendEmail(fn, emailSender);
      if (access.notify) grantNotify(fn);
      if (access.paymentSecret) grantPaymentSecret(fn);
    }

    // Photos: uploads/ objects → web-sized WebP variants (functions/images/process-upload.ts).
    const images = new ImageProcessor(this, 'ImageProcessor', {
      bucket: imageBucket,
      table: props.table,
      environment: { IMAGE_BASE_URL, POWERTOOLS_SERVICE_NAME: SERVICE_NAME },
    });

    // Alarms and the dashboard: every function of this stack (found in the construct tree, so
    // functions added above get theirs), the API, the sagas, the table, failed photos, the reconciler.
    this.monitoring = new Monitoring(this, 'Monitoring', {
      alertTopic: props.alertTopic,
      httpApi: this.api,
      table: props.table,
      workflows: [...workflows.values()],
      imageFailures: images.failures,
    });

    this.apiEndpoint = this.api.apiEndpoint;
    new CfnOutput(this, 'ApiEndpoint', { value: this.apiEndpoint, description: 'The HTTP API (CloudFront serves it under /api/*)' });
  }
}

/**
 * The one place where a route's `auth` becomes an API Gateway authorizer.
 * 'public' → none. 'signed-in' | 'operator' → the authorizer configured for it (ApiStack passes
 * the Cognito JWT authorizer for both; group checks stay in the handlers, as the claims carry them).
 */
export function authorizerFor(route: Route, authorizers: RouteAuthorizers = {}): IHttpRouteAuthorizer | undefined {
  if (route.auth === 'public') return undefined;
  const authorizer = authorizers[route.auth];
  if (!authorizer) {
    throw new Error(
      `Route "${routeKey(route)}" has auth '${route.auth}' but ApiStack has no authorizer for '${route.auth}': ` +
        `pass one in ApiStackProps.authorizers (e.g. a Cognito HttpJwtAuthorizer) before adding protected routes.`,
    );
  }
  return authorizer;
}
