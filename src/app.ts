import { App } from 'cdktf';
import { SpacesIdentityConfig } from './config/config';
import { SpacesBillingStack } from './stacks/spaces-billing-stack';

/** Adds one stack per config entry to the app. */
export function buildStacks(app: App, config: SpacesIdentityConfig): SpacesBillingStack[] {
  return config.stacks.map((entry) => new SpacesBillingStack(app, entry));
}

/**
 * Errors of every construct validation in the tree. Run before `app.synth()`,
 * which writes stacks one by one and would leave a partial output otherwise.
 */
export function treeValidationErrors(app: App): string[] {
  return app.node.findAll().flatMap((c) => c.node.validate().map((message) => `${c.node.path}: ${message}`));
}
