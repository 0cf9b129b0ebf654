/**
 * What the store tells its operators about itself, named once: the service every function logs,
 * traces and counts under, the CloudWatch namespace of its business metrics, and each metric with
 * what it counts and where it is counted. The functions emit them (functions/commons/telemetry.ts,
 * through the use cases' Metrics port); the CDK's alarms and dashboard read them
 * (infra/constructs/monitoring.ts); the local store shows them at /dev/metrics.
 *
 * Pure: no SDK, no process.env.
 */

/** POWERTOOLS_SERVICE_NAME of every function, and the one `service` dimension of every business metric. */
export const SERVICE_NAME = 'dakhla-market';

/** CloudWatch namespace of the business metrics (POWERTOOLS_METRICS_NAMESPACE). */
export const METRICS_NAMESPACE = 'DakhlaMarket';

/** The dimension every business metric has (value: SERVICE_NAME), as Powertools Metrics adds it. */
export const SERVICE_DIMENSION = 'service';

interface MetricSpec {
  /** What one count means, and where it is counted. */
  readonly what: string;
  /** Dimensions beyond `service`, with the values they take. */
  readonly dimensions?: Readonly<Record<string, readonly string[]>>;
  /** Published by a function outside this module's emitters (the reconciler): declared here for the alarms. */
  readonly publishedBy?: string;
}

/**
 * Every business metric (unit Count). Each is counted once per thing that happened: where a
 * conditional write moved it (a retried saga step that finds it done counts nothing).
 */
export const BUSINESS_METRICS = {
  OrdersPlaced: {
    what: 'a new order written with its stock reserved and its saga started (checkout; replays of the same Idempotency-Key count nothing)',
    dimensions: { paymentMethod: ['card', 'cod'] },
  },
  PaymentsCaptured: { what: 'an order completed with its payment captured: a card payment taken, or cash collected on delivery (CompleteOrder)' },
  PaymentsFailed: { what: 'a card payment not made within its wait (declined and not paid again) or refused: the order failed (CancelOrder)' },
  PaymentsRetried: { what: 'a new card attempt on an order whose payment was declined or abandoned (POST /api/orders/{orderId}/payment)' },
  PaymentsSwitchedToCod: { what: 'a card order switched to cash on delivery by its shopper after a decline (POST /api/orders/{orderId}/payment)' },
  RefundsIssued: { what: 'a refund asked of the payment provider: a cancelled order or parcel, or a payment that came after its order failed' },
  SagasCompensated: { what: 'an order cancelled by its saga: stock given back, payment voided or refunded (CancelOrder)' },
  ParcelsDelivered: { what: "a parcel confirmed delivered by its artisan, the shopper or an operator (the saga's delivery wait resumed)" },
  ImagesProcessed: { what: 'an uploaded photo turned into its web-sized variants (the image function)' },
  ImagesRejected: { what: 'an uploaded photo refused: not an image, too large, too small (the image function; the artisan sees why)' },
  NoticesFailed: {
    what: "a notice to an artisan not sent on one of her channels (Meta or SES refused it, the WhatsApp token is missing): WhatsApp alone is followed by e-mail (functions/commons/notifier.ts)",
    dimensions: { channel: ['email', 'whatsapp'] },
  },
  ClientLimitRefused: { what: 'a request answered 429: a client past its per-client limit or holding too many open orders (the HTTP edge)' },
  OrdersNeedingAttention: { what: 'orders the reconciler found that an operator must look at, published at every run (0 when none)', publishedBy: 'the reconciler' },
  OrdersReconciled: { what: 'orders the reconciler resumed or compensated', publishedBy: 'the reconciler' },
} as const satisfies Record<string, MetricSpec>;

export type BusinessMetric = keyof typeof BUSINESS_METRICS;
/** The metrics this code base emits itself (the reconciler publishes the others). */
export type EmittedMetric = { [N in BusinessMetric]: (typeof BUSINESS_METRICS)[N] extends { publishedBy: string } ? never : N }[BusinessMetric];

/** The arguments after a metric's name: its dimensions beyond `service`, when it has some. */
export type MetricDimensions<N extends BusinessMetric> = (typeof BUSINESS_METRICS)[N] extends { dimensions: infer D }
  ? [{ [K in keyof D]: D[K] extends readonly (infer V)[] ? V : never }]
  : [];

/**
 * The correlation ids a log line may carry (Logs Insights fields), so that one order, request or
 * execution can be followed across functions: `correlation_id` is API Gateway's request id.
 */
export const CORRELATION_KEYS = {
  request: 'correlation_id',
  order: 'orderId',
  execution: 'execution',
  state: 'state',
} as const;
