/**
 * Tab and Shift+Tab walk the diagram's elements in the model's order (the order they were added or
 * imported): stable while shapes move and the same on every machine, where an order by position would
 * reshuffle after every drag. From the last selected element when there is one; from the start (or the
 * end, backwards) when there is none. Wraps around.
 */
export function nextInCycle(order: readonly string[], selection: readonly string[], step: 1 | -1): string | null {
  if (order.length === 0) return null
  const current = [...selection].reverse().find((id) => order.includes(id))
  if (current === undefined) return (step === 1 ? order[0] : order[order.length - 1]) ?? null
  const index = order.indexOf(current)
  return order[(index + step + order.length) % order.length] ?? null
}
