/**
 * The reviewer's name for the triage history, remembered on this machine. It is session-side (not in
 * the model): the model records it per decision. Storage can be unavailable (private windows, tests),
 * so every access is guarded and the name then lasts for the session only.
 */
const KEY = 'threatwright.reviewer'

export function loadReviewerName(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string {
  try {
    return storage?.getItem(KEY) ?? ''
  } catch {
    return ''
  }
}

export function saveReviewerName(name: string, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, name)
  } catch {
    // Not remembered; the name still applies for this session.
  }
}
