import { useId, useMemo, useState, type FormEvent } from 'react';
import { formatNumber, groupChain, groupSteps, type Analysis } from '../../engine';
import '../../i18n/enLater';
import { useT } from '../../i18n/useT';
import { useApp } from '../../state/appStore';
import { collapsedGroups, groupsOf } from '../../state/groups';

/**
 * The bar over a large graph: "Collapse all" and "Expand all" for its statement groups, "Find a
 * node", and, when the step just played is a collapsed group's, what that one step stood for
 * (the chain-rule product of everything the box hides).
 */
export function GroupTools({ onFind }: { onFind(id: number): void }) {
  const t = useT();
  const { analysis, collapsed, stepIndex, ad, setCollapsed, select } = useApp((s) => ({
    analysis: s.analysis,
    collapsed: s.collapsed,
    stepIndex: s.stepIndex,
    ad: s.settings.ad,
    setCollapsed: s.setCollapsed,
    select: s.select,
  }));
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ ok: boolean; text: string } | null>(null);
  const fieldId = useId();
  const groups = analysis ? groupsOf(analysis) : [];
  if (!analysis) return null;
  const shut = collapsedGroups(analysis, collapsed);
  // Open layers, a network's few (more would crowd the bar: Collapse all still reaches them).
  const layers = groups.filter((g) => g.roots !== undefined && !shut.includes(g)).slice(0, 8);

  const find = (e: FormEvent) => {
    e.preventDefault();
    const name = query.trim();
    if (!name) return;
    const id = findNode(analysis, name);
    if (id === undefined) {
      setFound({ ok: false, text: t('find.none', { name }) });
      return;
    }
    // A node inside collapsed groups (a statement, its layer): open them so it can be shown.
    const holds = (g: (typeof shut)[number]) => g.nodes.includes(id) && g.root !== id;
    if (shut.some(holds)) setCollapsed(shut.filter((g) => !holds(g)).map((g) => g.name));
    select({ kind: 'node', id });
    onFind(id);
    setFound({ ok: true, text: t('find.found', { name: analysis.graph.nodes[id].symbol.name }) });
  };

  return (
    <div className="graph-bar">
      {groups.length > 0 && (
        <div className="graph-bar-groups">
          <button
            type="button"
            className="button"
            disabled={shut.length === groups.length}
            onClick={() => setCollapsed(groups.map((g) => g.name))}
          >
            {t('groups.collapseAll')}
          </button>
          <button
            type="button"
            className="button"
            disabled={shut.length === 0}
            onClick={() => setCollapsed([])}
          >
            {t('groups.expandAll')}
          </button>
          {/* A layer (h1_*) has no node of its own to carry its control while it is open: its
              button is here; collapsed, its box has "Expand h1_*". */}
          {layers.map((g) => (
            <button
              key={g.name}
              type="button"
              className="button layer-toggle"
              aria-expanded="true"
              onClick={() => setCollapsed([...shut.map((c) => c.name), g.name])}
            >
              {t('groups.collapse', { name: g.name })}
            </button>
          ))}
        </div>
      )}
      <form className="find-node" role="search" onSubmit={find}>
        <label htmlFor={fieldId} className="visually-hidden">
          {t('find.label')}
        </label>
        <input
          id={fieldId}
          type="search"
          value={query}
          placeholder={t('find.placeholder')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setFound(null);
          }}
        />
        <button type="submit" className="button">
          {t('find.go')}
        </button>
        <span
          className={found?.ok === false ? 'find-status find-none' : 'find-status'}
          role="status"
        >
          {found?.text ?? ''}
        </span>
      </form>
      {ad === 'reverse' && (
        <GroupStepNote analysis={analysis} collapsed={collapsed} stepIndex={stepIndex} />
      )}
    </div>
  );
}

/** A node by the name formulas call it; failing that, the same name in any case. */
function findNode(a: Analysis, name: string): number | undefined {
  const nodes = a.graph.nodes;
  let loose: number | undefined;
  const lower = name.toLowerCase();
  for (let i = 0; i < nodes.length; i++) {
    const own = nodes[i].symbol.name;
    if (own === name) return i;
    if (loose === undefined && own.toLowerCase() === lower) loose = i;
  }
  return loose;
}

/** What the one step of a collapsed group played: its nodes at once, or its chain-rule product. */
function GroupStepNote({
  analysis,
  collapsed,
  stepIndex,
}: {
  analysis: Analysis;
  collapsed: readonly string[];
  stepIndex: number;
}) {
  const t = useT();
  const note = useMemo(() => {
    const played = stepIndex - 1;
    if (played < 0) return null;
    const g = analysis.compiled;
    for (const group of collapsedGroups(analysis, collapsed)) {
      const steps = groupSteps(g, group, analysis.trace);
      if (played === steps.forwardLast) {
        return { head: t('groups.forwardStep', { name: group.name, count: group.nodes.length }) };
      }
      if (played === steps.backward.at(-1)) {
        const out = g.symbol(g.output).text;
        const h = g.symbol(group.root).text;
        const f = (v: number) => formatNumber(v);
        const lines = groupChain(g, group, analysis.backward).map((term) => {
          const x = g.symbol(term.operand).text;
          // A layer: the sum over its statements h of ∂L/∂h · ∂h/∂x.
          if (group.roots)
            return `Σ ∂${out}/∂${group.name} · ∂${group.name}/∂${x} = ${f(term.product)}`;
          return `∂${out}/∂${h} · ∂${h}/∂${x} = ${f(term.upstream)} · ${f(term.local)} = ${f(term.product)}`;
        });
        return { head: t('groups.backwardStep', { name: group.name }), lines };
      }
    }
    return null;
  }, [analysis, collapsed, stepIndex, t]);
  return (
    // Focusable with a chain rule: a long one scrolls, and a keyboard must reach all of it.
    <div className="group-step" role="status" tabIndex={note?.lines ? 0 : undefined}>
      {note && (
        <>
          <span>
            {note.head} {t('groups.insideExpand')}
          </span>
          {note.lines?.map((line) => (
            <code key={line}>{line}</code>
          ))}
        </>
      )}
    </div>
  );
}
