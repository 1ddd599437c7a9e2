// The simulated Partner Center REST API: one import for tests, the portal app and the demo.
export type { FaultConfig, FaultMatch, FaultRule } from './faults';
export {
  API_BASE,
  API_ORIGIN,
  type LogEntry,
  PORTAL_ORIGIN,
  type SimSnapshot,
  SimulatedPartnerCenter,
  type SimulatedPartnerCenterOptions,
} from './handler';
export {
  ADDED_OFFER,
  FIXTURE_OFFER,
  RETIRED_DYNAMICS_OFFERS,
  catalogOffers,
  findOffer,
  isRetiredOffer,
} from './offers';
export { API_ROUTE_PATTERN, fulfillFromSimulator, serveSimulatedApi } from './route';
export {
  buildScenario,
  DEFAULT_NOW,
  PARTNER,
  SCENARIOS,
  type ScenarioName,
  SINGLE_CUSTOMER_SCENARIOS,
  scenarioCustomerId,
  scenarioSubscriptionId,
} from './scenarios';
export { EXCLUSIVE_PLAN_GROUPS, KAIZALA_PRO_SKU_ID, SKU, skuInfo } from './skus';
export type * from './types';
