import { useEffect, useRef } from 'react';
import type { NamedFlow } from '../../lib/graph/flows.ts';
import type { PanelInfo } from '../../lib/graph/panel.ts';
import { routes, withBase } from '../../lib/site/routes.ts';
import { splitEndpoint } from '../../lib/graph/endpoint.ts';
import { useRovingRow } from './roving-row.ts';

interface PickerProps {
  flows: NamedFlow[];
  active?: NamedFlow | undefined;
  onChoose: (id: string | undefined) => void;
}

/** The row of named flows to follow; one Tab stop, arrow keys move within it. */
export function FlowPicker({ flows, active, onChoose }: PickerProps) {
  const row = useRovingRow(flows.length);
  return (
    <div
      className="flow-picker"
      role="group"
      aria-label="Follow a flow"
      onKeyDown={row.onKeyDown}
      onFocus={row.onFocus}
    >
      <span className="toolbar-label">Follow a flow:</span>
      {flows.map((f, i) => (
        <button
          key={f.id}
          type="button"
          data-flow={f.id}
          tabIndex={row.tabIndexOf(i)}
          aria-pressed={active?.id === f.id}
          onClick={() => onChoose(active?.id === f.id ? undefined : f.id)}
        >
          {f.title}
        </button>
      ))}
    </div>
  );
}

interface StepsProps {
  flow: NamedFlow;
  step: number;
  panels: Record<string, PanelInfo>;
  base: string;
  /** Move focus to the heading: set when the reader has just started the walkthrough. */
  focusOnStart: boolean;
  onStep: (step: number) => void;
  onEnd: () => void;
}

/**
 * A walkthrough as a guided tour, beside the map: every step numbered, past steps marked done,
 * the current one set apart with its text and links, and buttons (or ←, → and Escape) to drive it.
 */
export function FlowSteps({ flow, step, panels, base, focusOnStart, onStep, onEnd }: StepsProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const currentItem = useRef<HTMLLIElement>(null);
  const current = flow.steps[step]!;
  const componentIds = [...new Set(current.nodes.map((n) => splitEndpoint(n).node))];
  useEffect(() => {
    if (focusOnStart) heading.current?.focus();
  }, [flow.id, focusOnStart]);
  // Braces matter: scrollIntoView returns a promise in newer browsers, and an effect may return only a cleanup.
  useEffect(() => {
    currentItem.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);
  return (
    <>
      <section className="flow-steps" aria-labelledby="flow-step-title">
        <h2 id="flow-step-title" ref={heading} tabIndex={-1}>
          {flow.title}: step {step + 1} of {flow.steps.length}
        </h2>
        {/* The buttons come before the steps in the page, as on screen: after the map, Tab reaches them first. */}
        <div className="flow-step-nav">
          <button type="button" onClick={() => onStep(step - 1)} disabled={step === 0}>
            ← Previous step
          </button>
          <button
            type="button"
            onClick={() => onStep(step + 1)}
            disabled={step >= flow.steps.length - 1}
          >
            Next step →
          </button>
          <button type="button" onClick={onEnd}>
            Stop following
          </button>
        </div>
        <ol className="flow-step-list">
          {flow.steps.map((s, i) => (
            <li
              key={i}
              ref={i === step ? currentItem : undefined}
              data-state={i < step ? 'past' : i === step ? 'current' : 'next'}
              aria-current={i === step ? 'step' : undefined}
            >
              <span className="flow-step-num" aria-hidden="true">
                {i < step ? '✓' : i + 1}
              </span>
              <span className="visually-hidden">
                {i < step ? `Step ${i + 1}, done: ` : `Step ${i + 1}: `}
              </span>
              <span className="flow-step-text">{s.text}</span>
              {i === step && componentIds.length > 0 && (
                <span className="flow-step-links">
                  {componentIds.map((id) => (
                    <a key={id} href={withBase(base, routes.chapter(id))}>
                      {panels[id]?.title ?? id}
                    </a>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ol>
        <p className="flow-step-keys">
          Keys: <kbd>←</kbd> <kbd>→</kbd> to step, <kbd>Esc</kbd> to stop.
        </p>
      </section>
      {/* Outside the section, so the step's text is announced on each step but found once in it. */}
      <p className="visually-hidden" aria-live="polite">
        Step {step + 1}: {current.text}
      </p>
    </>
  );
}
