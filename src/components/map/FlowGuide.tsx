import type { NamedFlow } from '../../lib/graph/flows.ts';
import type { PanelInfo } from '../../lib/graph/panel.ts';
import { withBase } from '../../lib/site/site-config.ts';
import { splitEndpoint } from '../../lib/graph/endpoint.ts';
import { useRovingRow } from './roving-row.ts';

interface Props {
  flows: NamedFlow[];
  active?: NamedFlow | undefined;
  step: number;
  panels: Record<string, PanelInfo>;
  base: string;
  onChoose: (id: string | undefined) => void;
  onStep: (step: number) => void;
}

/** Pick a named flow and walk through it step by step. */
export function FlowGuide({ flows, active, step, panels, base, onChoose, onStep }: Props) {
  const current = active?.steps[step];
  const row = useRovingRow(flows.length);
  const componentIds = current ? [...new Set(current.nodes.map((n) => splitEndpoint(n).node))] : [];
  return (
    <div className="flow-guide">
      <div className="flow-picker" role="group" aria-label="Follow a flow" onKeyDown={row.onKeyDown} onFocus={row.onFocus}>
        <span className="toolbar-label">Follow a flow:</span>
        {flows.map((f, i) => (
          <button key={f.id} type="button" tabIndex={row.tabIndexOf(i)} aria-pressed={active?.id === f.id} onClick={() => onChoose(active?.id === f.id ? undefined : f.id)}>
            {f.title}
          </button>
        ))}
      </div>
      {active && current && (
        <section className="flow-steps" aria-labelledby="flow-step-title">
          <h2 id="flow-step-title">
            {active.title}: step {step + 1} of {active.steps.length}
          </h2>
          <p aria-live="polite">{current.text}</p>
          <p className="flow-step-links">
            {componentIds.map((id) => (
              <a key={id} href={withBase(base, `/${id}/`)}>
                {panels[id]?.title ?? id}
              </a>
            ))}
          </p>
          <div className="flow-step-nav">
            <button type="button" onClick={() => onStep(step - 1)} disabled={step === 0}>
              ← Previous step
            </button>
            <button type="button" onClick={() => onStep(step + 1)} disabled={step >= active.steps.length - 1}>
              Next step →
            </button>
            <button type="button" onClick={() => onChoose(undefined)}>
              Stop following
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
