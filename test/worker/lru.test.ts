/** The bounded LRU behind the answer memo (worker/lru.ts). */
import { describe, expect, it } from 'vitest';
import { BoundedLru } from '../../worker/lru';

describe('BoundedLru', () => {
  it('drops the least recently used entry past the entry limit; get counts as a use, peek does not', () => {
    const lru = new BoundedLru<string>({ entries: 2, bytes: 100 });
    lru.set('a', 'A', 1);
    lru.set('b', 'B', 1);
    expect(lru.peek('a')).toBe('A'); // not a use: a stays the oldest
    lru.set('c', 'C', 1);
    expect([lru.peek('a'), lru.peek('b'), lru.peek('c')]).toEqual([undefined, 'B', 'C']);
    expect(lru.get('b')).toBe('B'); // a use: c is now the oldest
    lru.set('d', 'D', 1);
    expect([lru.peek('b'), lru.peek('c'), lru.peek('d')]).toEqual(['B', undefined, 'D']);
    expect(lru.size).toBe(2);
  });

  it('drops as many of the oldest as it takes to fit the byte limit, and counts replaced values once', () => {
    const lru = new BoundedLru<number>({ entries: 10, bytes: 10 });
    lru.set('a', 1, 4);
    lru.set('b', 2, 4);
    lru.set('a', 3, 5); // replaces a (now the newest): 4 + 5 bytes
    expect(lru.bytes).toBe(9);
    lru.set('c', 4, 6); // 15 > 10: b goes, then a
    expect([lru.peek('a'), lru.peek('b'), lru.peek('c')]).toEqual([undefined, undefined, 4]);
    expect(lru.bytes).toBe(6);
  });

  it('keeps nothing bigger than the byte limit, and clears', () => {
    const lru = new BoundedLru<number>({ entries: 10, bytes: 10 });
    lru.set('a', 1, 3);
    lru.set('huge', 2, 11);
    expect(lru.size).toBe(0);
    expect(lru.bytes).toBe(0);
    lru.set('a', 1, 3);
    lru.delete('a');
    lru.delete('missing');
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
    lru.set('b', 1, 3);
    lru.clear();
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
  });
});
