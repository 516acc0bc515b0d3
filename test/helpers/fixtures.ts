// SPDX-License-Identifier: Apache-2.0
/** Locating committed fixtures from compiled tests (dist/test/...) and sources alike. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** Absolute path of test/fixtures/<name>, found by walking up from this file. */
export function fixturePath(name: string): string {
  let dir = here;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "test", "fixtures", name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`fixture ${name} not found above ${here}`);
}
