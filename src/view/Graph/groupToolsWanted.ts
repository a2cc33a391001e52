import type { Analysis } from '../../engine';
import { groupsOf } from '../../state/groups';

/** Graphs this large (or with any collapsible group) get the bar: a small one needs no search. */
const FIND_FROM_NODES = 16;

/** Whether the graph gets the bar of `GroupTools` (collapse all, expand all, find a node). */
export const wantsGroupTools = (a: Analysis): boolean =>
  groupsOf(a).length > 0 || a.graph.nodes.length >= FIND_FROM_NODES;
