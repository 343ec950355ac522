// The map before it hydrates is React Flow's server render, fitted to this fixed box; the island
// refits to the real canvas once hydrated, and src/components/map/map.css scales the server
// render to the canvas until then (with the same numbers: tests/unit/graph/map-fit.test.ts).

/** Size React Flow renders the map at on the server. */
export const MAP_SSR_SIZE = { width: 1280, height: 660 } as const;
