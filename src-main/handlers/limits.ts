/**
 * Size limits for anything the app reads into memory. One number for disk reads and uploads, so browser
 * mode accepts exactly the files the desktop app opens. 200 MiB is far above the largest real models we
 * know of (big TMT files are tens of MB) and still small enough that a mistaken pick of a disk image or a
 * video fails fast instead of exhausting the main process's memory.
 */
export const MAX_MODEL_FILE_BYTES = 200 * 1024 * 1024

/** base64 carries 3 bytes in 4 characters; the longest base64 text that can decode to a file we accept. */
export const MAX_MODEL_FILE_BASE64_CHARS = Math.ceil(MAX_MODEL_FILE_BYTES / 3) * 4

/** Paths and names from the renderer: generous for real paths, small enough to refuse junk. */
export const MAX_PATH_CHARS = 4096
export const MAX_NAME_CHARS = 1024

/**
 * Report HTML sent to be printed to PDF. A report of a 20,000-threat model is a few tens of MB; 64 Mi
 * characters leaves room for far more, and even at 3 UTF-8 bytes each fits browser mode's request body
 * limit (MAX_MODEL_FILE_BASE64_CHARS + 1 MiB, about 268 MB).
 */
export const MAX_REPORT_HTML_CHARS = 64 * 1024 * 1024
