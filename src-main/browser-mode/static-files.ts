/**
 * The renderer's built files, served read-only from one folder. A request names a file by path segments;
 * anything that could leave the folder (`..`, encoded slashes, NUL, symlinks pointing out) or reveal
 * more than the built files (dotfiles, folder listings) is refused.
 */
import { realpath, stat } from 'node:fs/promises'
import { extname, join, relative, isAbsolute, sep } from 'node:path'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm'
}

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** The decoded segments, or null when one is unusable (undecodable, empty, dot-segment, separator, NUL, dotfile). */
export function decodeSegments(rawSegments: readonly string[]): string[] | null {
  const decoded: string[] = []
  for (const raw of rawSegments) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (segment === '' || segment.startsWith('.') || /[/\\\0]/.test(segment)) return null
    decoded.push(segment)
  }
  return decoded
}

function isInside(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path)
  return fromFolder !== '' && !fromFolder.startsWith(`..${sep}`) && fromFolder !== '..' && !isAbsolute(fromFolder)
}

/** The real path of a regular file inside `rendererDir`, or null (missing, a folder, or outside). */
export async function resolveStaticFile(rendererDir: string, segments: readonly string[]): Promise<string | null> {
  try {
    const root = await realpath(rendererDir)
    const target = await realpath(join(root, ...segments))
    if (!isInside(root, target)) return null
    return (await stat(target)).isFile() ? target : null
  } catch {
    return null
  }
}
