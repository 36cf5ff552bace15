/**
 * The exercise's own errors: what a use case refuses, in domain words. The HTTP layer
 * (`handleApi` in lib/http/api.ts) maps each to its status; nothing here knows HTTP.
 */

/** A step was attempted before the one it builds on (answered 409). */
export class PrerequisiteMissing extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrerequisiteMissing';
  }
}

/** The learner chose something this site does not offer, e.g. the practice server when it is off (answered 400). */
export class FeatureDisabled extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeatureDisabled';
  }
}
