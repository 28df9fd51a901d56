/**
 * pytm refers to everything by name, so a written file needs unique names per kind (pytm.md §4). The
 * model allows repeats; a repeat is written as "Name (2)", "Name (3)", … and reported by the caller.
 */
export class UniqueNames {
  private readonly taken = new Set<string>()

  /** The name to write for `name`, and whether it had to change. */
  claim(name: string): { readonly name: string; readonly renamed: boolean } {
    const base = name.trim() === '' ? 'Unnamed' : name
    let candidate = base
    for (let count = 2; this.taken.has(candidate); count += 1) candidate = `${base} (${count})`
    this.taken.add(candidate)
    return { name: candidate, renamed: candidate !== name }
  }
}
