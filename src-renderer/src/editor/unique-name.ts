import type { Diagram } from '../../../model/model'

/** "Process", then "Process 2", "Process 3"…: new items are told apart in lists and threat titles. */
export function uniqueName(diagram: Diagram, base: string): string {
  const taken = new Set<string>([...diagram.elements, ...diagram.flows, ...diagram.boundaries].map((item) => item.name))
  if (!taken.has(base)) return base
  for (let number = 2; ; number++) if (!taken.has(`${base} ${number}`)) return `${base} ${number}`
}
