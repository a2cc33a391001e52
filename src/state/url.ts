import { isName } from '../engine/lexer';
import type { Lang, Theme } from './types';

/** lz-string's two functions. Only long programs need them, so they load on demand. */
interface LzCodec {
  compressToEncodedURIComponent(text: string): string;
  decompressFromEncodedURIComponent(text: string): string | null;
}
let lz: LzCodec | undefined;

/**
 * Loads lz-string for `lz=` links. Until it has loaded, `decodeUrl` cannot read an `lz=` link
 * (load first when the query has one: `hasLzParam`) and `encodeUrl` writes long programs plainly
 * (`needsLz` says when to load before writing).
 */
export function loadLz(): Promise<void> {
  if (lz) return Promise.resolve();
  // CommonJS: its functions are the module's default export.
  return import('lz-string').then((m) => {
    lz = m.default;
  });
}

/**
 * The last program compressed and its `lz=` text: the link is written again on every step, and
 * compressing a long program each time cost ~15 ms a step (2,000 nodes).
 */
let lastPacked: { source: string; packed: string } | undefined;
function compressed(codec: LzCodec, source: string): string {
  if (lastPacked?.source !== source) {
    lastPacked = { source, packed: codec.compressToEncodedURIComponent(source) };
  }
  return lastPacked.packed;
}

/** What `collapse=` may name: `*` (every group), a statement (`h1`) or a layer (`h1_*`). */
const isGroupName = (n: string): boolean =>
  n === '*' || isName(n) || (n.endsWith('*') && isName(n.slice(0, -1)));

/** The query has an `lz=` parameter, which `decodeUrl` can read only once lz-string is loaded. */
export const hasLzParam = (search: string): boolean => /[?&]lz=/.test(search);

/** Writing `s` compressed needs lz-string, which has not loaded yet. */
export const needsLz = (s: UrlState): boolean =>
  lz === undefined && s.source !== undefined && s.source.length > URL_LIMITS.readable;

/**
 * What a link carries: the program, every free input's value, the step, and how the screen is
 * set up. One pure `encode`/`decode` pair; the store writes the URL from a single subscription.
 *
 * Readable when it can be (`?expr=(x%2By)*z&x=-2&y=5&z=-4&step=9`); a long program travels
 * compressed under `lz=` instead of `expr=`. A value whose input is named like one of the keys
 * below travels as `v.step=3`.
 */
export interface UrlState {
  source?: string;
  values?: Record<string, number>;
  step?: number;
  lang?: Lang;
  theme?: Theme;
  mode?: 'present' | 'embed';
  showFormula?: boolean;
  speed?: number;
  /** Forward mode (`ad=forward`), and the input it differentiates with respect to (`wrt=b`). */
  ad?: 'reverse' | 'forward';
  wrt?: string;
  /** Practice mode (`practice=1`): a teacher's link that opens as an exercise. */
  practice?: boolean;
  /** Collapsed statement groups by name (`collapse=h1,h2`), or `['*']` for all (`collapse=*`). */
  collapsed?: string[];
  /**
   * `exercise=backward` (issue 12): opens the program as practice's "check my backward pass",
   * its forward pass with an empty `d…` line per input to fill in. Read once, when the page
   * opens: the link then carries the exercise's text, so a reload keeps what was written.
   */
  exercise?: 'backward';
  /**
   * How ambiguous gradient lines are read (issue 12), `read=dx:forward,dq:full:f:q`: a line's
   * name, then `forward` or the key of a gradient reading.
   */
  reading?: Record<string, string>;
  /**
   * Seed of `randn` in a tensor program (`seed=12345`, issue 14): "New random values" draws
   * another, and the link keeps it, so the same numbers come back. 0 (the default) is not written.
   */
  seed?: number;
}

/** Why part of a URL was not used, for the notice the app shows. */
export interface Ignored {
  key: string;
  reason:
    | 'tooLong'
    | 'badNumber'
    | 'badValue'
    | 'unknown'
    | 'duplicate'
    | 'badCompressed'
    | 'tooMany'
    | 'outOfRange';
}

export const URL_LIMITS = {
  /** Longest program accepted from a link, in characters (after decompression). */
  source: 20_000,
  /** Longest single parameter read at all; anything longer is dropped unread. */
  param: 60_000,
  /** Programs longer than this are written compressed. */
  readable: 300,
  /** At most this many input values are read. */
  values: 500,
} as const;

const KEYS = [
  'expr',
  'lz',
  'step',
  'lang',
  'theme',
  'mode',
  'embed',
  'formula',
  'speed',
  'ad',
  'wrt',
  'practice',
  'collapse',
  'exercise',
  'read',
  'seed',
] as const;
const RESERVED = new Set<string>(KEYS);
const SPEEDS = new Set([0.5, 1, 2, 4]);

/**
 * Reads a URL's query. Never throws: whatever cannot be used is listed in `ignored`.
 *
 * @example
 * decodeUrl('?expr=(x%2By)*z&x=-2&step=3') // { state: { source: '(x+y)*z', values: { x: -2 }, step: 3 }, ignored: [] }
 */
export function decodeUrl(search: string): { state: UrlState; ignored: Ignored[] } {
  const state: UrlState = {};
  const ignored: Ignored[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.length > 4 * URL_LIMITS.param ? '' : search);
    if (search.length > 4 * URL_LIMITS.param) ignored.push({ key: 'expr', reason: 'tooLong' });
  } catch {
    return { state, ignored: [{ key: '?', reason: 'badValue' }] };
  }
  const seen = new Set<string>();
  const values: Record<string, number> = {};
  let valueCount = 0;

  for (const [rawKey, raw] of params) {
    const key = rawKey.slice(0, 64);
    if (seen.has(key)) {
      ignored.push({ key, reason: 'duplicate' });
      continue;
    }
    seen.add(key);
    if (raw.length > URL_LIMITS.param) {
      ignored.push({ key, reason: 'tooLong' });
      continue;
    }
    switch (key) {
      case 'expr':
      case 'lz': {
        if (state.source !== undefined) {
          ignored.push({ key, reason: 'duplicate' });
          break;
        }
        const text = key === 'lz' ? safeDecompress(raw) : raw;
        if (text === undefined) ignored.push({ key, reason: 'badCompressed' });
        else if (text.length > URL_LIMITS.source) ignored.push({ key, reason: 'tooLong' });
        else state.source = text;
        break;
      }
      case 'step': {
        const k = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
        if (Number.isSafeInteger(k)) state.step = k;
        else ignored.push({ key, reason: 'badNumber' });
        break;
      }
      case 'lang':
        if (raw === 'en' || raw === 'vi') state.lang = raw;
        else ignored.push({ key, reason: 'badValue' });
        break;
      case 'theme':
        if (raw === 'light' || raw === 'dark' || raw === 'system') state.theme = raw;
        else ignored.push({ key, reason: 'badValue' });
        break;
      case 'mode':
        if (raw === 'present' || raw === 'embed') state.mode = raw;
        else ignored.push({ key, reason: 'badValue' });
        break;
      case 'embed':
        if (raw === '1' || raw === 'true') state.mode = 'embed';
        else if (raw !== '0' && raw !== 'false') ignored.push({ key, reason: 'badValue' });
        break;
      case 'formula':
        if (raw === '0' || raw === '1') state.showFormula = raw === '1';
        else ignored.push({ key, reason: 'badValue' });
        break;
      case 'speed': {
        const v = Number(raw);
        if (SPEEDS.has(v)) state.speed = v;
        else ignored.push({ key, reason: 'badValue' });
        break;
      }
      case 'ad':
        if (raw === 'forward' || raw === 'reverse') state.ad = raw;
        else ignored.push({ key, reason: 'badValue' });
        break;
      case 'wrt':
        if (isName(raw)) state.wrt = raw.normalize('NFC');
        else ignored.push({ key, reason: 'badValue' });
        break;
      case 'practice':
        if (raw === '1' || raw === '0') state.practice = raw === '1';
        else ignored.push({ key, reason: 'badValue' });
        break;
      case 'collapse': {
        // Names only, each at most once: a link cannot make the page look for anything else.
        const names = raw === '*' ? ['*'] : [...new Set(raw.split(','))];
        if (names.every(isGroupName) && names.length <= URL_LIMITS.values)
          state.collapsed = names.map((n) => n.normalize('NFC'));
        else ignored.push({ key, reason: 'badValue' });
        break;
      }
      case 'exercise':
        if (raw === 'backward') state.exercise = raw;
        else ignored.push({ key, reason: 'badValue' });
        break;
      case 'read': {
        const reading = parseReading(raw);
        if (reading) state.reading = reading;
        else ignored.push({ key, reason: 'badValue' });
        break;
      }
      case 'seed':
        // Digits only, at most 9: a non-negative integer the generator takes as it is.
        if (/^\d{1,9}$/.test(raw)) state.seed = Number(raw);
        else ignored.push({ key, reason: 'badNumber' });
        break;
      default: {
        const name = key.startsWith('v.') ? key.slice(2) : key;
        if (!isName(name) || (RESERVED.has(name) && !key.startsWith('v.'))) {
          ignored.push({ key, reason: 'unknown' });
          break;
        }
        if (++valueCount > URL_LIMITS.values) {
          ignored.push({ key, reason: 'tooMany' });
          break;
        }
        const v = parseNumber(raw);
        if (v === undefined) ignored.push({ key, reason: 'badNumber' });
        // The program's names are compared in NFC (see the parser): so are a link's.
        else defineValue(values, name.normalize('NFC'), v);
      }
    }
  }
  if (Object.keys(values).length > 0) state.values = values;
  return { state, ignored };
}

/**
 * Writes a query string (with its `?`) for a state. Only what differs from the defaults is
 * written, in a fixed order, so the same picture always has the same link.
 */
export function encodeUrl(s: UrlState): string {
  const parts: string[] = [];
  // Keys are names too, and a name may be `tốc_độ`: both halves are encoded.
  const put = (key: string, value: string) =>
    parts.push(`${encodeComponent(key)}=${encodeComponent(value)}`);
  if (s.source !== undefined) {
    if (s.source.length > URL_LIMITS.readable && lz) parts.push(`lz=${compressed(lz, s.source)}`);
    else put('expr', s.source);
  }
  for (const [name, v] of Object.entries(s.values ?? {})) {
    if (!isName(name) || !Number.isFinite(v)) continue;
    put(RESERVED.has(name) ? `v.${name}` : name, String(v));
  }
  if (s.step !== undefined && s.step > 0) put('step', String(s.step));
  if (s.lang && s.lang !== 'en') put('lang', s.lang);
  if (s.theme && s.theme !== 'system') put('theme', s.theme);
  if (s.mode === 'embed') put('embed', '1');
  else if (s.mode === 'present') put('mode', 'present');
  if (s.showFormula === false) put('formula', '0');
  if (s.speed !== undefined && s.speed !== 1) put('speed', String(s.speed));
  if (s.ad === 'forward') {
    put('ad', 'forward');
    if (s.wrt !== undefined && isName(s.wrt)) put('wrt', s.wrt);
  }
  if (s.practice) put('practice', '1');
  const collapsed = (s.collapsed ?? []).filter(isGroupName);
  if (collapsed.length > 0) put('collapse', collapsed.join(','));
  if (s.exercise) put('exercise', s.exercise);
  const reading = Object.entries(s.reading ?? {}).filter(([n, c]) => isName(n) && isChoice(c));
  if (reading.length > 0) put('read', reading.map(([n, c]) => `${n}:${c}`).join(','));
  if (s.seed !== undefined && s.seed > 0 && Number.isSafeInteger(s.seed))
    put('seed', String(s.seed));
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** A reading's choice: `forward`, or a gradient reading's key (`full:f:q`, `short::x`). */
function isChoice(c: string): boolean {
  if (c === 'forward') return true;
  const m = /^(full|short|grad):([^:]*):([^:]+)$/.exec(c);
  return m !== null && (m[2] === '' || isName(m[2])) && isName(m[3]);
}

/** `dx:forward,dq:full:f:q` as { dx: 'forward', dq: 'full:f:q' }; undefined if any part is not. */
function parseReading(raw: string): Record<string, string> | undefined {
  const reading: Record<string, string> = {};
  const parts = raw.split(',');
  if (parts.length > URL_LIMITS.values) return undefined;
  for (const part of parts) {
    const at = part.indexOf(':');
    const name = part.slice(0, at).normalize('NFC');
    const choice = part.slice(at + 1).normalize('NFC');
    if (at < 1 || !isName(name) || !isChoice(choice)) return undefined;
    // Own property even for `__proto__` (see defineValue).
    Object.defineProperty(reading, name, {
      value: choice,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return reading;
}

/** Like encodeURIComponent, but keeps the characters a program is written with readable. */
function encodeComponent(v: string): string {
  return encodeURIComponent(v).replace(/%(2A|28|29|2C|3A|3B|5E|2F|3D)/g, (m) =>
    decodeURIComponent(m),
  );
}

function safeDecompress(raw: string): string | undefined {
  if (!lz) return undefined;
  try {
    const text = lz.decompressFromEncodedURIComponent(raw);
    return typeof text === 'string' && text.length > 0 ? text : undefined;
  } catch {
    return undefined;
  }
}

/** A finite number written plainly (`-2`, `0.5`, `1e-3`); not `NaN`, `Infinity`, `0x10` or ''. */
function parseNumber(raw: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw.trim())) return undefined;
  const v = Number(raw);
  return Number.isFinite(v) ? v : undefined;
}

/** Own property even for `__proto__`: the value record must not be able to reach the prototype. */
function defineValue(values: Record<string, number>, name: string, v: number) {
  Object.defineProperty(values, name, {
    value: v,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
