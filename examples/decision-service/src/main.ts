/** Starts the example deployment (see app.ts); `VOT_TOKENS_FILE` must name a tokens file. Stops gracefully on SIGINT/SIGTERM. */
import { startDecisionService } from './app.js';

const service = await startDecisionService(process.env);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void service.close().then(() => process.exit(0));
  });
}
