/** Link definitions print nothing: `State` collects them before conversion, and references resolve through it. */
export function definition(): [] {
  return []
}
