/**
 * Grid and minimap on or off, remembered on this machine: the reviewer's preference, never model data
 * (like the reviewer name, threats/reviewer-name.ts). Storage can be unavailable or hold anything
 * (private windows, tests, another version), so reads are guarded and fall back to the defaults.
 */
export const VIEW_PREFERENCES_KEY = 'threatwright.view'

export interface ViewPreferences {
  /** The grid is shown and drags, new shapes and drawn boxes snap to it. */
  readonly grid: boolean
  readonly minimap: boolean
}

/** draw.io and Threat Dragon open with the grid on; the minimap costs little and orients on big models. */
export const DEFAULT_VIEW: ViewPreferences = { grid: true, minimap: true }

export function loadViewPreferences(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ViewPreferences {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(VIEW_PREFERENCES_KEY) ?? 'null')
    if (typeof parsed !== 'object' || parsed === null) return DEFAULT_VIEW
    const stored = parsed as Record<string, unknown>
    return {
      grid: typeof stored.grid === 'boolean' ? stored.grid : DEFAULT_VIEW.grid,
      minimap: typeof stored.minimap === 'boolean' ? stored.minimap : DEFAULT_VIEW.minimap
    }
  } catch {
    return DEFAULT_VIEW
  }
}

export function saveViewPreferences(preferences: ViewPreferences, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(VIEW_PREFERENCES_KEY, JSON.stringify(preferences))
  } catch {
    // Not remembered; the choice still holds for this session.
  }
}
