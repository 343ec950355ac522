import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  getViewportForBounds,
  useReactFlow,
  useStore,
  type NodeMouseHandler,
} from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import './map.css';
import type { FlowModel, MapNode } from '../../lib/graph/to-flow.ts';
import type { NamedFlow } from '../../lib/graph/flows.ts';
import {
  currentStepNodeIds,
  flowTouches,
  markFlowSteps,
  walkthroughKey,
} from '../../lib/graph/flow-steps.ts';
import type { PanelInfo } from '../../lib/graph/panel.ts';
import type { Part, PartId } from '../../lib/graph/schema.ts';
import { findNeighbourInDirection, type Direction } from '../../lib/graph/keyboard.ts';
import { formatMapState, parseMapState, type MapState } from '../../lib/graph/url-state.ts';
import type { Box } from '../../lib/graph/layout.ts';
import {
  FIT_PADDING,
  MAP_SSR_SIZE,
  PHONE_FIT_PADDING,
  PHONE_QUERY,
  toFitViewPadding,
} from '../../lib/graph/map-fit.ts';
import {
  applyLayoutVariant,
  boundsOfNodes,
  withVariantBoxes,
  type LayoutVariant,
} from '../../lib/graph/layout-variant.ts';
import { MapContext } from './map-context.ts';
import { nodeTypes } from './node-types.ts';
import { NodePanel } from './NodePanel.tsx';
import { FlowPicker, FlowSteps } from './FlowGuide.tsx';
import { PartFilter } from './PartFilter.tsx';
import { Legend } from './Legend.tsx';
import { countMapReadiness, readStoredTicks } from '../../lib/readiness/panel-link.ts';
import type { Ticks } from '../../lib/readiness/progress.ts';

type MapReadiness = ReturnType<typeof countMapReadiness>;

export interface PlatformMapProps {
  model: FlowModel;
  /** The same map drawn for a portrait phone: boxes and handles only (src/lib/graph/phone-layout.ts). */
  phoneLayout: LayoutVariant;
  panels: Record<string, PanelInfo>;
  flows: NamedFlow[];
  parts: Part[];
  /** Component id → ids of the components it shares a flow with. */
  neighbours: Record<string, string[]>;
  base: string;
}

const { width: SSR_WIDTH, height: SSR_HEIGHT } = MAP_SSR_SIZE;

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
const DESKTOP_PADDING = toFitViewPadding(FIT_PADDING);
const PHONE_PADDING = toFitViewPadding(PHONE_FIT_PADDING);
/** How long the "hold Ctrl to zoom" hint stays after a plain wheel over the map. */
const WHEEL_HINT_MS = 1800;
const EMPTY: MapState = { step: 0, parts: [], readiness: false };
/** How long the "use two fingers" hint stays after a one-finger drag over the map. */
const TOUCH_HINT_MS = 1800;

/**
 * True while the viewport is phone-sized. False on the server and in the render that hydrates
 * (which must match the server's HTML); set in a layout effect, so the phone drawing replaces the
 * desktop one before the first paint after hydration.
 */
function usePhoneLayout(): boolean {
  const [phone, setPhone] = useState(false);
  useLayoutEffect(() => {
    const query = matchMedia(PHONE_QUERY);
    const read = () => setPhone(query.matches);
    read();
    query.addEventListener('change', read);
    return () => query.removeEventListener('change', read);
  }, []);
  return phone;
}

/** The component a node stands for: a zone (e.g. Landing inside Data storage) belongs to its parent; a part box to none. */
function componentOf(n: MapNode): string | undefined {
  return n.type === 'zone' ? n.data.parent : n.type === 'component' ? n.id : undefined;
}

/** Decorate nodes and edges with the classes that show selection, hover, flow and filters. */
function decorate(
  model: FlowModel,
  state: MapState,
  flows: NamedFlow[],
  hovered: string | undefined,
  neighbours: Record<string, string[]>,
  readiness: MapReadiness | undefined,
) {
  const flow = flows.find((f) => f.id === state.flow);
  const lit = flow ? markFlowSteps(flow, state.step) : undefined;
  const near = hovered ? new Set([hovered, ...(neighbours[hovered] ?? [])]) : undefined;
  const partOf = (n: MapNode) =>
    (n.type === 'part'
      ? n.data.part
      : n.type === 'zone'
        ? model.nodes.find((m) => m.id === n.data.parent)?.data['part']
        : n.data.part) as string;
  const hiddenPart = (part: string) =>
    state.parts.length > 0 && !state.parts.includes(part as PartId);

  const nodes = model.nodes.map((n) => {
    const classes: string[] = [];
    if (hiddenPart(partOf(n))) classes.push('is-filtered');
    if (n.type !== 'part') {
      if (state.node === componentOf(n) && n.type === 'component') classes.push('is-selected');
      const mark = lit?.nodes.get(n.id);
      if (lit)
        classes.push(mark ? `is-lit ${mark.current ? 'is-current' : 'is-past'}` : 'is-dimmed');
      else if (near) classes.push(near.has(componentOf(n)!) ? 'is-near' : 'is-dimmed');
    }
    // Left out means inert: not read, not focusable, and (faded as it is) not text a reader must read.
    const filtered = hiddenPart(partOf(n));
    const flowStep = lit?.nodes.get(n.id)?.step;
    const data =
      n.type === 'part'
        ? { ...n.data, filtered }
        : { ...n.data, filtered, flowStep, readiness: readiness?.[n.id] };
    return { ...n, className: classes.join(' '), data } as MapNode;
  });
  const edges = model.edges.map((e) => {
    const classes = [e.className ?? ''];
    const d = e.data!;
    if (
      hiddenPart(model.nodes.find((n) => n.id === d.sourceNode)!.data['part'] as string) ||
      hiddenPart(model.nodes.find((n) => n.id === d.targetNode)!.data['part'] as string)
    )
      classes.push('is-filtered');
    const mark = lit?.edges.get(e.id);
    if (lit) classes.push(mark ? `is-lit ${mark.current ? 'is-current' : 'is-past'}` : 'is-dimmed');
    else if (near)
      classes.push(d.sourceNode === hovered || d.targetNode === hovered ? 'is-near' : 'is-dimmed');
    return { ...e, className: classes.join(' '), animated: mark?.current ?? false };
  });
  return { nodes, edges };
}

function MapCanvas({
  model: serverModel,
  phoneLayout,
  panels,
  flows,
  parts,
  neighbours,
  base,
}: PlatformMapProps) {
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useState<MapState>(EMPTY);
  const [hovered, setHovered] = useState<string | undefined>();
  // Plain wheel scrolls the page; Ctrl (⌘ on a Mac) + wheel, or a pinch, zooms the map.
  const [zoomKeyHeld, setZoomKeyHeld] = useState(false);
  const [wheelHint, setWheelHint] = useState('');
  const hintTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastFocused = useRef<string | undefined>(undefined);
  // True once the reader starts a walkthrough here (not when a shared URL opens one): only then
  // does focus move to its first step.
  const [startedHere, setStartedHere] = useState(false);
  const flowApi = useReactFlow();
  const phone = usePhoneLayout();
  const desktopModel = useMemo(
    () => withVariantBoxes(serverModel, phoneLayout),
    [serverModel, phoneLayout],
  );
  const model = useMemo(
    () => (phone ? applyLayoutVariant(desktopModel, phoneLayout) : desktopModel),
    [phone, desktopModel, phoneLayout],
  );
  const fitPadding = phone ? PHONE_PADDING : DESKTOP_PADDING;
  const stage = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const known = useMemo(
    () => ({ nodes: new Set(Object.keys(panels)), flows: new Set(flows.map((f) => f.id)) }),
    [panels, flows],
  );
  const boxes = useMemo(
    () =>
      new Map<string, Box>(
        model.nodes
          .filter((n) => n.type === 'component')
          .map((n) => [
            n.id,
            { x: n.position.x, y: n.position.y, width: n.width!, height: n.height! },
          ]),
      ),
    [model],
  );

  // React Flow zooms on wheel only while it may cancel the page's scroll, so it is told when the
  // zoom key is held: Ctrl + wheel arrives with ctrlKey set (as a pinch does), ⌘ + wheel does not.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => setZoomKeyHeld(e.metaKey || e.ctrlKey);
    const release = () => setZoomKeyHeld(false);
    addEventListener('keydown', onKey);
    addEventListener('keyup', onKey);
    addEventListener('blur', release);
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('keyup', onKey);
      removeEventListener('blur', release);
      clearTimeout(hintTimer.current);
    };
  }, []);

  const showHint = useCallback((text: string, ms: number) => {
    setWheelHint(text);
    clearTimeout(hintTimer.current);
    hintTimer.current = setTimeout(() => setWheelHint(''), ms);
  }, []);

  const onWheel = useCallback(
    (e: React.WheelEvent) => {
      if (e.ctrlKey || e.metaKey) return setWheelHint('');
      const mac = /Mac|iPhone|iPad/.test(navigator.platform);
      showHint(`To zoom the map, hold ${mac ? '⌘' : 'Ctrl'} and scroll, or pinch.`, WHEEL_HINT_MS);
    },
    [showHint],
  );

  // Touch cooperates with the page, as embedded maps do: one finger scrolls the page (map.css
  // lets the browser pan natively over the map), two fingers move and zoom the map. A one-finger
  // touch is kept from React Flow's pan handler, which sits below this element; the second finger's
  // touchstart reaches it with both touches, so a pinch starts whole.
  useEffect(() => {
    const el = canvas.current!;
    const oneFinger = (e: TouchEvent) => {
      if (e.touches.length !== 1) return;
      e.stopPropagation();
      if (e.type === 'touchmove') showHint('To move the map, use two fingers.', TOUCH_HINT_MS);
    };
    el.addEventListener('touchstart', oneFinger, { capture: true, passive: true });
    el.addEventListener('touchmove', oneFinger, { capture: true, passive: true });
    return () => {
      el.removeEventListener('touchstart', oneFinger, { capture: true });
      el.removeEventListener('touchmove', oneFinger, { capture: true });
    };
  }, [showHint]);

  // Read the URL once hydrated, and again whenever the reader goes back or forward.
  useEffect(() => {
    const read = () => setState(parseMapState(location.search, known));
    // The URL is state outside React, read once the island hydrates (the server render has no URL).
    read();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- marks the first client render after hydration, which is the point
    setHydrated(true);
    addEventListener('popstate', read);
    return () => removeEventListener('popstate', read);
  }, [known]);

  /** Change the state and record it in the URL; selections push history so Back steps back. */
  const update = useCallback((next: MapState, mode: 'push' | 'replace' = 'push') => {
    setState(next);
    const url = `${location.pathname}${formatMapState(next)}${location.hash}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }, []);

  const focusNode = useCallback((id: string | undefined) => {
    if (!id) return;
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-node-button="${id}"]`)?.focus(),
    );
  }, []);

  const select = useCallback(
    (id: string) => {
      lastFocused.current = id;
      update({ ...state, node: id });
    },
    [state, update],
  );

  const close = useCallback(() => {
    const id = state.node;
    update({ ...state, node: undefined });
    focusNode(id);
  }, [state, update, focusNode]);

  const moveFocus = useCallback(
    (from: string, key: string) => {
      if (!ARROWS.has(key)) return false;
      const target = findNeighbourInDirection(
        boxes,
        from,
        neighbours[from] ?? [],
        key as Direction,
      );
      if (target) focusNode(target);
      return true;
    },
    [boxes, neighbours, focusNode],
  );

  // Keep a keyboard-focused node in view.
  const onFocus = useCallback(
    (e: React.FocusEvent) => {
      const id = (e.target as HTMLElement).dataset['nodeButton'];
      if (!id) return;
      setHovered(id);
      const box = boxes.get(id)!;
      const { x, y, zoom } = flowApi.getViewport();
      const el = (e.currentTarget as HTMLElement).querySelector('.react-flow')!;
      const { width, height } = el.getBoundingClientRect();
      const left = box.x * zoom + x;
      const top = box.y * zoom + y;
      if (
        left < 0 ||
        top < 0 ||
        left + box.width * zoom > width ||
        top + box.height * zoom > height
      )
        void flowApi.setCenter(box.x + box.width / 2, box.y + box.height / 2, {
          zoom: Math.max(zoom, 0.8),
          duration: 200,
        });
    },
    [boxes, flowApi],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    // With a panel open, Escape closes the panel first; the walkthrough's Escape waits its turn.
    if (e.key === 'Escape' && state.node) {
      e.stopPropagation();
      close();
    }
  };

  /** Start (or stop) following a flow; a panel on a component the flow never passes closes. */
  const chooseFlow = useCallback(
    (id: string | undefined) => {
      const flow = flows.find((f) => f.id === id);
      const keepPanel = state.node && flow && flowTouches(flow, state.node);
      setStartedHere(Boolean(flow));
      update({ ...state, flow: id, step: 0, node: flow && !keepPanel ? undefined : state.node });
      // On a phone the step text goes under the map, which shrinks to make room: bring both into view.
      if (flow && phone)
        requestAnimationFrame(() =>
          requestAnimationFrame(() => stage.current?.scrollIntoView({ block: 'start' })),
        );
    },
    [flows, state, update, phone],
  );

  const endFlow = useCallback(() => {
    const id = state.flow;
    update({ ...state, flow: undefined, step: 0 });
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`.flow-picker [data-flow="${id}"]`)?.focus(),
    );
  }, [state, update]);

  // ← and → step through a walkthrough and Escape ends it, from anywhere on the page but a field,
  // a dialog or a component (whose arrow keys move along flows).
  const activeFlow = flows.find((f) => f.id === state.flow);
  useEffect(() => {
    if (!activeFlow) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (
        target.closest(
          'input, textarea, select, [contenteditable], dialog, [data-node-button], .map-panel',
        )
      )
        return;
      const action = walkthroughKey(e.key, state.step, activeFlow.steps.length);
      if (!action) return;
      e.preventDefault();
      if (action === 'end') endFlow();
      else update({ ...state, step: action.step }, 'replace');
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [activeFlow, state, update, endFlow]);

  // The map follows the walkthrough: it pans to the current step's nodes (again when the canvas
  // narrows as the walkthrough opens beside it), and back to the whole map when it ends.
  const followed = useRef(false);
  // Set once the first fit to the whole map is done, so a shared walkthrough's pan comes after it, not under it.
  const [fitted, setFitted] = useState(false);
  const canvasWidth = useStore((s) => s.width);
  const canvasHeight = useStore((s) => s.height);
  useEffect(() => {
    if (!hydrated || !fitted) return;
    const duration = matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300;
    if (activeFlow) {
      followed.current = true;
      const bounds = boundsOfNodes(model, currentStepNodeIds(activeFlow, state.step));
      // Measured here, not read from React Flow's store: on a phone the canvas shrinks as the
      // walkthrough opens, and the store hears of it only after this frame (fitView queued on the
      // old size left the step off screen).
      requestAnimationFrame(() => {
        const el = canvas.current!.querySelector<HTMLElement>('.react-flow')!;
        void flowApi.setViewport(
          getViewportForBounds(bounds, el.clientWidth, el.clientHeight, 0.2, 1, 0.35),
          { duration },
        );
      });
    } else if (followed.current) {
      followed.current = false;
      requestAnimationFrame(() => void flowApi.fitView({ padding: fitPadding, duration }));
    }
  }, [
    hydrated,
    fitted,
    activeFlow,
    state.step,
    flowApi,
    canvasWidth,
    canvasHeight,
    fitPadding,
    model,
  ]);

  // Switching between the phone and desktop drawings (or resizing the canvas) refits the whole map.
  useEffect(() => {
    if (!fitted || activeFlow) return;
    requestAnimationFrame(() => void flowApi.fitView({ padding: fitPadding }));
    // Not on activeFlow: the walkthrough effect above refits (animated) when a flow ends.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- activeFlow left out on purpose (see above)
  }, [fitted, phone, canvasWidth, flowApi, fitPadding]);

  // The whole component is a pointer target, not only its title button (which stops its own
  // click): on a phone the title row of Data storage alone is 23 px tall.
  const onNodeClick: NodeMouseHandler<MapNode> = (_e, node) => {
    if (node.type === 'zone') select(node.data.parent);
    else if (node.type === 'component' && !node.data.filtered) select(node.id);
  };

  // The readiness view reads this browser's ticks when it is turned on, and again whenever another
  // tab (a chapter, the readiness page) changes them. Undefined ticks: storage is blocked.
  const [ticks, setTicks] = useState<Ticks | undefined>();
  useEffect(() => {
    if (!state.readiness) return;
    const read = () => setTicks(readStoredTicks());
    read();
    addEventListener('storage', read);
    return () => removeEventListener('storage', read);
  }, [state.readiness]);
  const readiness = useMemo(
    () => (state.readiness && ticks ? countMapReadiness(panels, ticks) : undefined),
    [state.readiness, ticks, panels],
  );

  const { nodes, edges } = useMemo(
    () => decorate(model, state, flows, hovered, neighbours, readiness),
    [model, state, flows, hovered, neighbours, readiness],
  );
  const panel = state.node ? panels[state.node] : undefined;
  const context = useMemo(
    () => ({ base, hydrated, select, moveFocus }),
    [base, hydrated, select, moveFocus],
  );

  return (
    <MapContext.Provider value={context}>
      <div
        className="map-shell"
        style={
          {
            '--map-phone-aspect': phoneLayout.bounds.height / phoneLayout.bounds.width,
          } as CSSProperties
        }
        data-hydrated={hydrated ? '' : undefined}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={() => setHovered(undefined)}
      >
        <div className="map-toolbar">
          <FlowPicker flows={flows} active={activeFlow} onChoose={chooseFlow} />
          <PartFilter
            parts={parts}
            shown={state.parts}
            onChange={(p) => update({ ...state, parts: p }, 'replace')}
          />
        </div>
        <div
          className="map-stage"
          ref={stage}
          data-side-open={panel || activeFlow ? '' : undefined}
          data-walkthrough={activeFlow ? '' : undefined}
        >
          <div className="map-canvas" ref={canvas} onWheel={onWheel}>
            <p className="map-wheel-hint" role="status" data-shown={wheelHint ? '' : undefined}>
              {wheelHint}
            </p>
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              width={SSR_WIDTH}
              height={SSR_HEIGHT}
              fitView
              onInit={(instance) =>
                void instance.fitView({ padding: fitPadding }).then(() => setFitted(true))
              }
              fitViewOptions={{ padding: fitPadding }}
              zoomOnScroll={false}
              preventScrolling={zoomKeyHeld}
              minZoom={0.2}
              maxZoom={2}
              nodesDraggable={false}
              nodesConnectable={false}
              nodesFocusable={false}
              edgesFocusable={false}
              elementsSelectable={false}
              disableKeyboardA11y
              zoomOnDoubleClick={false}
              onNodeClick={onNodeClick}
              onNodeMouseEnter={(_e, n) => setHovered(componentOf(n))}
              onNodeMouseLeave={() => setHovered(undefined)}
              onPaneClick={() => state.node && update({ ...state, node: undefined })}
              proOptions={{ hideAttribution: true }}
              aria-label="Interactive map of the data platform"
            >
              <Background gap={24} size={1} />
              {/* No name: the panel is a plain <div> (no role), where aria-label is invalid; each button has its own. */}
              <Controls
                showInteractive={false}
                position="top-left"
                fitViewOptions={{ padding: fitPadding }}
                aria-label=""
              />
              <MiniMap
                pannable
                zoomable
                position="bottom-right"
                ariaLabel="Overview of the whole map"
                nodeClassName={(n) => `minimap-${n.type}`}
              />
            </ReactFlow>
          </div>
          {(panel || activeFlow) && (
            <div className="map-side">
              {activeFlow && (
                <FlowSteps
                  flow={activeFlow}
                  step={state.step}
                  panels={panels}
                  base={base}
                  focusOnStart={startedHere}
                  onStep={(step) => update({ ...state, step }, 'replace')}
                  onEnd={endFlow}
                />
              )}
              {panel && <NodePanel info={panel} base={base} onClose={close} onSelect={select} />}
            </div>
          )}
        </div>
        <Legend
          base={base}
          readiness={state.readiness ? (readiness ?? 'blocked') : undefined}
          readinessOn={Boolean(state.readiness)}
          onToggleReadiness={() => update({ ...state, readiness: !state.readiness }, 'replace')}
        />
      </div>
    </MapContext.Provider>
  );
}

/** The interactive platform map (React island). All data is computed at build time and passed in. */
export default function PlatformMap(props: PlatformMapProps) {
  // Initial nodes and size go to the provider so the server renders every node (no effects run
  // there). Each carries its phone box as CSS properties: map.css draws the phone layout from them
  // until the island hydrates.
  const initialNodes = useMemo(
    () => withVariantBoxes(props.model, props.phoneLayout).nodes,
    [props.model, props.phoneLayout],
  );
  return (
    <ReactFlowProvider
      initialNodes={initialNodes}
      initialEdges={props.model.edges}
      initialWidth={SSR_WIDTH}
      initialHeight={SSR_HEIGHT}
      fitView
      initialFitViewOptions={{ padding: DESKTOP_PADDING }}
    >
      <MapCanvas {...props} />
    </ReactFlowProvider>
  );
}
