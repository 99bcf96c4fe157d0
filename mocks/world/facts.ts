/**
 * Notable facts of the demo world, for tests and demos elsewhere in the app. Everything here is
 * also reachable through the API; these constants just save looking it up.
 */
export { ORG, PROD, BETA, PROD_COUNT, BETA_COUNT, SEED, AUDIT } from './cyber-dojo'
export { K8S_ENV, K8S_COUNT } from './scale'
export { ACME, ACME_FLOWS, BUSY_FLOW, BUSY_FP, BATCH_ENV, BATCH_COUNT } from './acme'
export { ODD, ODD_ENV, ODD_FLOW, ODD_ORG, ODD_DESCRIPTION, LONG_NAME } from './odd'
export { WORLD_NOW } from './time'

/** An environment that has never reported: every snapshot request is out of range. */
export const EMPTY_ENV = 'empty-env'
