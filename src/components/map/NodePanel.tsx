import { useEffect, useRef } from 'react';
import type { PanelInfo, PanelNeighbour } from '../../lib/graph/panel.ts';
import { readPanelProgress } from '../../lib/readiness/panel-link.ts';
import { routes, withBase } from '../../lib/site/routes.ts';

interface Props {
  info: PanelInfo;
  base: string;
  onClose: () => void;
  onSelect: (id: string) => void;
}

function Neighbours({
  title,
  items,
  onSelect,
}: {
  title: string;
  items: PanelNeighbour[];
  onSelect: (id: string) => void;
}) {
  if (!items.length) return null;
  return (
    <section>
      <h3>{title}</h3>
      <ul className="panel-neighbours">
        {items.map((n) => (
          <li key={`${n.id}-${n.flow}`}>
            <button type="button" className="link-button" onClick={() => onSelect(n.id)}>
              {n.title}
            </button>{' '}
            <span className="muted">({n.flow})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The side panel of a selected component: summary, technologies, neighbours and links. */
export function NodePanel({ info, base, onClose, onSelect }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [info.id]);
  const seedPicks = info.technologies.filter((t) => t.seed);
  return (
    <div
      className="map-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="map-panel-title"
      data-part={info.part}
    >
      <div className="panel-head">
        <p className="panel-eyebrow">
          <span className="part-chip">{info.part}</span> {info.partTitle} · Component {info.number}
          {info.crossCutting && ' · cross-cutting'}
        </p>
        <button type="button" className="panel-close" onClick={onClose} aria-label="Close summary">
          ×
        </button>
      </div>
      <h2 id="map-panel-title" ref={heading} tabIndex={-1}>
        {info.title}
      </h2>
      <p>{info.summary}</p>
      <ul className="panel-links">
        {info.links.map((l) => (
          <li key={l.href}>
            <a href={withBase(base, l.href)}>{l.label}</a>
            {l.note && (
              <span className="muted">
                {' '}
                — {(l.readiness && readPanelProgress(l.readiness)) || l.note}
              </span>
            )}
            {l.readiness && (
              <>
                {' · '}
                <a href={withBase(base, routes.readiness())}>Readiness of all components</a>
              </>
            )}
          </li>
        ))}
      </ul>
      {info.technologies.length > 0 && (
        <section>
          <h3>Technology picks</h3>
          <ul>
            {info.technologies.map((t) => (
              <li key={t.name}>
                <strong>{t.name}</strong> <span className="muted">— {t.role}</span>
                {t.seed && <span className="badge badge-ok">seed pick</span>}
              </li>
            ))}
          </ul>
          {seedPicks.length === 0 && (
            <p className="muted">
              The original guide left this component open; the chapter recommends the picks above.
            </p>
          )}
        </section>
      )}
      {info.alternatives.length > 0 && (
        <section>
          <h3>Alternatives</h3>
          <ul>
            {info.alternatives.map((a) => (
              <li key={a.name}>
                <strong>{a.name}</strong> <span className="muted">— {a.when}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Neighbours title="Upstream" items={info.upstream} onSelect={onSelect} />
      <Neighbours title="Downstream" items={info.downstream} onSelect={onSelect} />
    </div>
  );
}
