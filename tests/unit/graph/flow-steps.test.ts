import { expect, test } from 'vitest';
import {
  currentStepNodeIds,
  flowTouches,
  markFlowSteps,
  walkthroughKey,
} from '../../../src/lib/graph/flow-steps.ts';
import type { NamedFlow } from '../../../src/lib/graph/flows.ts';

const flow = (steps: Array<[string[], string[]]>): NamedFlow => ({
  id: 'f',
  title: 'F',
  summary: 'S',
  steps: steps.map(([nodes, edges], i) => ({ nodes, edges, text: `step ${i + 1}` })),
});

const tour = flow([
  [['sources'], []],
  [['ingest'], ['e1']],
  [['store:landing', 'etl'], ['e2']],
]);

test('numbers each lit node by its step and sets the current step apart from past ones', () => {
  const { nodes, edges } = markFlowSteps(tour, 1);
  expect(Object.fromEntries(nodes)).toEqual({
    sources: { step: 1, current: false },
    ingest: { step: 2, current: true },
  });
  expect(Object.fromEntries(edges)).toEqual({ e1: { step: 2, current: true } });
});

test('names zones by their map id, and lights nothing past the current step', () => {
  const { nodes } = markFlowSteps(tour, 2);
  expect(nodes.get('store__landing')).toEqual({ step: 3, current: true });
  expect(nodes.get('sources')).toEqual({ step: 1, current: false });
  expect(markFlowSteps(tour, 0).nodes.has('ingest')).toBe(false);
});

test('a node named again in the current step counts as current', () => {
  const again = flow([
    [['a'], []],
    [['b'], []],
    [['a'], []],
  ]);
  expect(markFlowSteps(again, 2).nodes.get('a')).toEqual({ step: 3, current: true });
});

test('the map pans to the nodes of the current step only', () => {
  expect(currentStepNodeIds(tour, 2)).toEqual(['store__landing', 'etl']);
  expect(currentStepNodeIds(tour, 0)).toEqual(['sources']);
});

test('arrow keys step within the walkthrough and Escape ends it', () => {
  expect(walkthroughKey('ArrowRight', 0, 3)).toEqual({ step: 1 });
  expect(walkthroughKey('ArrowLeft', 2, 3)).toEqual({ step: 1 });
  expect(walkthroughKey('ArrowRight', 2, 3)).toBeUndefined();
  expect(walkthroughKey('ArrowLeft', 0, 3)).toBeUndefined();
  expect(walkthroughKey('Escape', 1, 3)).toBe('end');
  expect(walkthroughKey('Enter', 1, 3)).toBeUndefined();
});

test('a walkthrough touches the components it names, zones counting for their component', () => {
  expect(flowTouches(tour, 'store')).toBe(true);
  expect(flowTouches(tour, 'etl')).toBe(true);
  expect(flowTouches(tour, 'security')).toBe(false);
});
