import type { Theme } from './theme.js'

/** Any part of a theme, as a theme file or a built-in theme states what it changes. */
export type ThemeOverrides = DeepPartial<Theme>

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A theme made from another and what it changes: objects are merged key by
 * key, to any depth; everything else — a number, a string, a list (such as
 * the fallback faces) — replaces the base's value whole. The base is not
 * changed. Built-in themes are made this way from the default, and a writer's
 * theme file (`extends:`) from a built-in one, so the two are the same kind
 * of thing.
 */
export function extendTheme(base: Theme, overrides: ThemeOverrides): Theme {
  return merge(base, overrides) as Theme
}

function merge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base
  if (!isRecord(base) || !isRecord(override)) return override
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(override)) merged[key] = merge(base[key], value)
  return merged
}
