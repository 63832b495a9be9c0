/**
 * Prometheus metrics (prom-client), one registry per service so several can run in one
 * process. Labels take only values from closed sets (the policy set's points, the statuses,
 * a few results), so a caller cannot grow the number of series.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface ServiceMetrics {
  registry: Registry;
  /** Requests to decide, by point and result: `decided`, `refused` (bad facts) or `failed` (not recorded, so not given). */
  decisions: Counter<'point' | 'result'>;
  /** Outcomes given, by point and status. */
  outcomes: Counter<'point' | 'status'>;
  /** Time to decide and record, by point. */
  latency: Histogram<'point'>;
  /** Requests refused before any decision: `unauthorized`, `rate-limited`, `invalid-json`, `unsupported-media-type`, `body-too-large`. */
  refused: Counter<'reason'>;
}

export function createMetrics(): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vot_service_' });
  return {
    registry,
    decisions: new Counter({
      name: 'vot_decisions_total',
      help: 'Decision requests by point and result',
      labelNames: ['point', 'result'],
      registers: [registry],
    }),
    outcomes: new Counter({
      name: 'vot_decision_outcomes_total',
      help: 'Outcomes given, by point and status',
      labelNames: ['point', 'status'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'vot_decision_duration_seconds',
      help: 'Time to decide and record a decision, by point',
      labelNames: ['point'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    refused: new Counter({
      name: 'vot_requests_refused_total',
      help: 'Requests refused before a decision, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}
