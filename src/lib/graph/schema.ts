import { z } from 'zod';
import { PART_IDS } from './part-ids.ts';

/** Stable kebab-case id: chapter slug, config folder, map node id. */
export const IdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'expected a kebab-case id such as "data-storage"');

/** The platform parts A–H, as the seed numbers them (letters in part-ids.ts). */
export const PartIdSchema = z.enum(PART_IDS, {
  error: 'expected a part letter A–H',
});
export type PartId = z.infer<typeof PartIdSchema>;

/** A platform part: a labelled group of components. */
export const PartSchema = z.object({
  /** Part letter, A–H. */
  id: PartIdSchema,
  /** Part title as shown in navigation and on the map, e.g. "Data ingestion". */
  title: z.string().min(1),
});
export type Part = z.infer<typeof PartSchema>;

/** A storage zone drawn inside a component (landing → bronze → silver → gold). */
export const ZoneSchema = z.object({
  /** Zone id, unique within its component; edges address it as `<node>:<zone>`. */
  id: IdSchema,
  /** Zone label, e.g. "Bronze". */
  label: z.string().min(1),
});
export type Zone = z.infer<typeof ZoneSchema>;

const PointSchema = z.tuple([z.number(), z.number()]);

/** One component of the platform: a map node, a chapter and a config folder share its id. */
export const NodeSchema = z.object({
  /** Permanent id; renaming it needs a redirect. */
  id: IdSchema,
  /** The seed's component number, 1–17. */
  number: z.number().int().min(1),
  /** The part the component belongs to. */
  part: PartIdSchema,
  /** Short label drawn on the node (the chapter title is used everywhere else). */
  label: z.string().min(1),
  /** True for components that serve the whole platform (orchestration, IaC, security…). Default false. */
  crossCutting: z.boolean().default(false),
  /** Top-left corner on the map, in pixels. */
  position: PointSchema,
  /** Width and height on the map, in pixels. Default 200 × 88. */
  size: PointSchema.default([200, 88]),
  /** Zones drawn inside the node, in promotion order. Default none. */
  zones: z.array(ZoneSchema).default([]),
});
export type GraphNode = z.infer<typeof NodeSchema>;

/** What an edge carries; drives its style and legend entry. */
export const FlowKindSchema = z.enum(['batch', 'stream', 'promote', 'query', 'ml', 'control'], {
  error: 'expected one of batch, stream, promote, query, ml, control',
});
export type FlowKind = z.infer<typeof FlowKindSchema>;

/** A side of a node where an edge leaves or enters. */
export const SideSchema = z.enum(['top', 'right', 'bottom', 'left'], {
  error: 'expected one of top, right, bottom, left',
});
export type Side = z.infer<typeof SideSchema>;

/** An endpoint: a node id, or `<node>:<zone>` for a zone inside a node. */
const EndpointSchema = z
  .string()
  .regex(/^[a-z0-9-]+(:[a-z0-9-]+)?$/, 'expected "<node>" or "<node>:<zone>"');

/** A directed flow between two components (or zones). */
export const EdgeSchema = z.object({
  /** Unique edge id, e.g. "e7". */
  id: z.string().min(1),
  /** Where the arrow starts. */
  source: EndpointSchema,
  /** Where the arrow points. */
  target: EndpointSchema,
  /** What flows along it. */
  kind: FlowKindSchema,
  /** Meaning as a verb phrase read "source <label> target", e.g. "promotes to". */
  label: z.string().min(1),
  /** True when the edge is drawn in the seed diagram. Default false. */
  seed: z.boolean().default(false),
  /** Sides the edge leaves and enters, where the default (sides facing each other) would cross a node. */
  sides: z.tuple([SideSchema, SideSchema]).optional(),
});
export type GraphEdge = z.infer<typeof EdgeSchema>;

/** The whole graph file, diagram/graph.yaml. */
export const GraphSchema = z.object({
  parts: z.array(PartSchema).min(1),
  nodes: z.array(NodeSchema).min(1),
  edges: z.array(EdgeSchema),
});
export type Graph = z.infer<typeof GraphSchema>;
