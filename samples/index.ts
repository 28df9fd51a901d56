/**
 * The embedded sample model, opened on first start. The file's bytes are inlined at build time (vite's
 * `?raw`), so the sample needs no file-system access and works the same in the desktop app, in browser
 * mode, in the CLI and in tests.
 */
import sampleText from './web-shop.twm?raw'

/** The file name the sample opens under (title bar, messages). */
export const SAMPLE_FILE_NAME = 'web-shop.twm'

/** The sample model's bytes, in the native format. */
export const sampleModelBytes: Uint8Array = new TextEncoder().encode(sampleText)
