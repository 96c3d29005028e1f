/**
 * Limits on what a config (or a fixture case) may hold, so that reading any
 * text — a "billion laughs" alias bomb, a megabyte of brackets — is accepted
 * or refused in bounded time and memory. A real config is a few hundred
 * lines and stays far inside every one of them.
 */
export const CONFIG_LIMITS = {
  /** Bytes of UTF-8 text. */
  maxBytes: 1024 * 1024,
  /** YAML tokens: scalars, indicators such as `-`, `:` and `[`, line breaks and comments. */
  maxTokens: 20_000,
  /** Levels of mappings and lists inside each other, aliases expanded. */
  maxDepth: 64,
  /** Values YAML aliases (`*name`) may add in total when expanded. */
  maxAliasValues: 10_000,
  /** YAML syntax errors (or duplicate keys) listed one by one; the rest are counted. */
  maxListedYamlProblems: 20,
} as const;

/** Formats a byte count the way limits are written in messages: `1 MiB`, `512 KiB`, `100 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
