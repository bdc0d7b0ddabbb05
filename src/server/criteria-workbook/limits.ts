/**
 * What an uploaded workbook may weigh. A 47-indicator workbook is about 30 KB on disk and about
 * 200 KB inflated; the caps leave room for a province's own index many times that size while
 * keeping a hostile file from costing the server more than a few tens of megabytes.
 */
export const WORKBOOK_LIMITS = {
  /** The upload itself (the API refuses larger bodies with 413 before we see them). */
  maxFileBytes: 10 * 1024 * 1024,
  /** Sum of every entry's uncompressed size, declared and actual. */
  maxTotalUncompressedBytes: 30 * 1024 * 1024,
  /** One entry may inflate to at most this many times its compressed size (deflate's own limit is about 1,032). */
  maxEntryRatio: 200,
  /** Entries below this size are not held to the ratio: a tiny, very repetitive XML part is harmless. */
  ratioExemptBytes: 256 * 1024,
  /** An .xlsx from Excel has 10 to 30 entries. */
  maxEntries: 500,
  /** Rows per worksheet (the index sheet holds one per indicator). */
  maxRowsPerSheet: 2000,
} as const;
