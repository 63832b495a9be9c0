/** Starts the decision service: `HOST` (default 127.0.0.1) and `PORT` (default 3000). Stops cleanly on SIGINT/SIGTERM. */
import { loadPolicies } from '@vot/policies';
import { buildDecisionService } from './app.js';

const app = buildDecisionService({ policies: await loadPolicies() });
await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 3000) });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
