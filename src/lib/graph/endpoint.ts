// Endpoint ids, apart from validation so that browser code (the map island) can use them
// without bundling zod and the YAML parser.

/** Split an endpoint `<node>` or `<node>:<zone>` into its parts. */
export function splitEndpoint(endpoint: string): { node: string; zone?: string } {
  const [node, zone] = endpoint.split(':');
  return zone ? { node: node!, zone } : { node: node! };
}
