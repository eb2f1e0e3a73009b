// Values that repeat across documents (roles, headings, URLs) are worked out once: a cache that
// forgets everything past `max` entries, so memory stays bounded however large the set.
export function boundedMemo<V>(compute: (key: string) => V, max: number): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined && !known.has(key)) {
      value = compute(key);
      if (known.size >= max) known.clear();
      known.set(key, value);
    }
    return value as V;
  };
}
