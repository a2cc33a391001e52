/**
 * Collections of the analysis that are made when first read.
 *
 * A 100,000-node program has half a million steps, a few hundred thousand nodes and edges, and
 * may have tens of thousands of inputs; making all of those objects up front costs more than the
 * whole analysis, while a UI reads a handful at a time (the current step, the nodes on screen).
 * The flat arrays already hold every number, so these views make each object on demand and keep
 * it. They behave as the plain array or object they stand for (`a[k]`, `length`, `map`, `find`,
 * `slice`, iteration, `Array.isArray`, `Object.keys`, `JSON.stringify`), with one exception:
 * like any Proxy they cannot be passed through `structuredClone` or `postMessage`.
 */

/**
 * An array of `length` elements, element `k` made by `make(k)` on first read.
 *
 * The proxy's target is an empty array, so that creating the view costs nothing however long it
 * is (even an array of holes costs time per slot); `length`, the indices and their descriptors
 * are all answered by the traps.
 *
 * @example
 * const squares = lazyArray(1e6, (k) => ({ k, square: k * k })); // no objects made yet
 * squares[12].square // 144, made now
 */
export function lazyArray<T>(length: number, make: (index: number) => T): readonly T[] {
  const made: T[] = [];
  const at = (k: number): T => (k in made ? made[k] : (made[k] = make(k)));
  return new Proxy<T[]>([], {
    get(target, key, receiver) {
      if (key === 'length') return length;
      const k = indexOf(key, length);
      return k >= 0 ? at(k) : Reflect.get(target, key, receiver);
    },
    has(target, key) {
      return indexOf(key, length) >= 0 || Reflect.has(target, key);
    },
    ownKeys() {
      return [...Array.from({ length }, (_, k) => String(k)), 'length'];
    },
    getOwnPropertyDescriptor(target, key) {
      if (key === 'length') {
        return { value: length, writable: true, enumerable: false, configurable: false };
      }
      const k = indexOf(key, length);
      if (k < 0) return Reflect.getOwnPropertyDescriptor(target, key);
      return { value: at(k), writable: false, enumerable: true, configurable: true };
    },
    // Read-only, as the `readonly T[]` type says.
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/**
 * A record whose properties are all made by `make()` the first time any of them is read.
 *
 * @example
 * const gradients = lazyRecord(() => ({ x: -4 })); // make() not called yet
 * gradients.x // -4
 */
export function lazyRecord<T extends object>(make: () => T): T {
  let made: T | undefined;
  const real = (): T => (made ??= make());
  return new Proxy<T>({} as T, {
    get: (_target, key) => Reflect.get(real(), key),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor(_target, key) {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      // The (empty) target does not have it, so the proxy may only report it as configurable.
      return d && { ...d, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    defineProperty: (_target, key, d) => Reflect.defineProperty(real(), key, d),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
  });
}

/** The array index a property key names, or -1. */
function indexOf(key: string | symbol, length: number): number {
  if (typeof key !== 'string') return -1;
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57) return -1;
  const k = Number(key);
  return Number.isInteger(k) && k < length && String(k) === key ? k : -1;
}
