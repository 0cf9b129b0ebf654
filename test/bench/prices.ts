/**
 * AWS list prices (us-east-1, on-demand, as published on the services' pricing pages in 2026),
 * per unit, in US dollars: what the benchmark multiplies its counts by. Free tiers are left out.
 */
export const PRICES = {
  /** Step Functions Standard: $0.025 per 1,000 state transitions. */
  stateTransition: 0.025 / 1_000,
  /** DynamoDB on demand: $0.625 per million write request units, $0.125 per million read request units. */
  writeRequestUnit: 0.625 / 1_000_000,
  readRequestUnit: 0.125 / 1_000_000,
  /** API Gateway HTTP API: $1.00 per million requests (first 300 million). */
  httpApiRequest: 1 / 1_000_000,
  /** Lambda on arm64: $0.20 per million requests, $0.0000133334 per GB-second. */
  lambdaRequest: 0.2 / 1_000_000,
  lambdaGbSecond: 0.0000133334,
  /** SES outbound: $0.10 per 1,000 e-mails. */
  email: 0.1 / 1_000,
} as const;

/**
 * Lambda duration is not measured here (the handlers run in this process, beside the emulators):
 * each invocation is priced at this billed duration, at the functions' memory size (FUNCTION_MEMORY_MB) — a generous
 * figure for these handlers (one to three DynamoDB calls each), so the Lambda line is an upper bound.
 */
export const ASSUMED_BILLED_MS = 100;
