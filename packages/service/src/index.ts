/**
 * @vot/service: the decision service as a library (`buildService`, `startService`) and as the
 * `vot-service` binary.
 */
export { buildService, defaultLimits, type DecisionService, type ServiceLimits, type ServiceOptions } from './app.js';
export {
  loadAuthenticator,
  noAuthentication,
  parseTokensFile,
  tokenDigest,
  AuthConfigError,
  type Authentication,
  type Authenticator,
  type AuthOptions,
} from './auth.js';
export { ConfigError, environment, loadConfig, type ServiceConfig } from './config.js';
export { createMetrics, type ServiceMetrics } from './metrics.js';
export { decisionSchema, openApiDocument } from './openapi.js';
export { serviceDecision, type ServiceDecision, type ServiceOutcome, type ServiceSource } from './response.js';
export { StartError, startService, type RunningService, type StartOptions } from './server.js';
