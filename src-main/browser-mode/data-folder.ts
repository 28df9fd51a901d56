import { join } from 'node:path'

/**
 * Browser mode's own data folder (recent files): THREATWRIGHT_DATA_DIR, else the XDG data folder.
 * Windows and macOS have no XDG; there we use their per-user application data folders.
 */
export function browserModeDataFolder(env: NodeJS.ProcessEnv, homeDirectory: string, platform: NodeJS.Platform): string {
  if (env.THREATWRIGHT_DATA_DIR) return env.THREATWRIGHT_DATA_DIR
  if (env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, 'threatwright')
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'threatwright')
  if (platform === 'darwin') return join(homeDirectory, 'Library', 'Application Support', 'threatwright')
  return join(homeDirectory, '.local', 'share', 'threatwright')
}
