// The platform's part letters, spelled once. Kept apart from schema.ts so browser code (the map's
// URL state) can read them without pulling zod into its bundle.

/** The platform parts A–H, as the seed numbers them. */
export const PART_IDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

/** One part letter. */
export type PartId = (typeof PART_IDS)[number];

/** True when `value` is a part letter. */
export function isPartId(value: string): value is PartId {
  return (PART_IDS as readonly string[]).includes(value);
}
