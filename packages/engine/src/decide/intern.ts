/**
 * Sharing of frozen decision parts by what they are made of. A decision is deep-frozen, and
 * freezing an object costs many times what making it costs; but most decisions are made of the
 * same few parts (the same trace step, the same list of failed conditions, the same list of
 * outcomes). An interner keeps, for each sequence of parts seen (by identity, in order), the
 * frozen value made of them the first time, so a later decision with the same parts gets that
 * value instead of freezing a new one. Parts are themselves shared frozen values, so a value is
 * never changed after it is shared. Bounded: when full, values are made afresh.
 */

interface TrieNode<V> {
  next: Map<unknown, TrieNode<V>> | undefined;
  value: V | undefined;
}

export class Interner<V> {
  readonly #root: TrieNode<V> = { next: undefined, value: undefined };
  #nodes = 0;

  /** `limit`: how many sequence steps it keeps in all (each a map entry). */
  constructor(readonly limit = 4096) {}

  /**
   * The value made of `parts`: the one kept for the same parts, else `make(parts, context)`, kept
   * while there is room. `make` must return a frozen value that depends on the parts and the
   * context alone (one context per interner).
   */
  get<C>(parts: readonly unknown[], make: (parts: readonly unknown[], context: C) => V, context: C): V {
    let node = this.#root;
    for (let i = 0; i < parts.length; i++) {
      let next = node.next?.get(parts[i]);
      if (next === undefined) {
        if (this.#nodes + parts.length - i > this.limit) return make(parts, context);
        next = { next: undefined, value: undefined };
        if (node.next === undefined) node.next = new Map();
        node.next.set(parts[i], next);
        this.#nodes++;
      }
      node = next;
    }
    if (node.value === undefined) node.value = make(parts, context);
    return node.value;
  }
}

/** The parts themselves as a frozen list (the list passed in, frozen: the caller made it for this). */
export const frozenList = <T>(parts: readonly unknown[]): T[] => Object.freeze(parts) as T[];

/** A frozen list shared by its items. */
export class ListInterner<T> {
  readonly #interner: Interner<T[]>;
  constructor(limit?: number) {
    this.#interner = new Interner<T[]>(limit);
  }
  /** `items` (a list the caller made for this) frozen, or the frozen list kept for the same items. */
  list(items: T[]): T[] {
    return this.#interner.get(items, frozenList, undefined);
  }
}
