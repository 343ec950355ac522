// The quality gates' names, in the order a batch meets them. Kept apart from the checks
// parser so that the site's components can use them without reading files.

/** The gates, in promotion order. */
export const GATES = ['landing_to_bronze', 'bronze_to_silver', 'silver_to_gold'] as const;
/** A quality gate between two zones. */
export type GateName = (typeof GATES)[number];
