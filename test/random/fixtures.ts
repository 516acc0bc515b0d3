// SPDX-License-Identifier: Apache-2.0
/** test/random/fixtures/reference.json, written by scripts/gen/random_reference.py from NumPy and SciPy. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface NumpyError {
  readonly type: string;
  readonly message: string;
}

export interface Reference {
  readonly numpy: string;
  /** Invalid distribution specs (numbers may be "inf", "-inf", "nan", "-0") with NumPy's error. */
  readonly messages: Record<string, NumpyError & { distribution: Record<string, unknown>; dtype: string }>;
  readonly oneArgument: Record<string, NumpyError & { high: number; endpoint: boolean }>;
  /** [p, SciPy's ndtri(p)]. */
  readonly ndtri: [number, number][];
  readonly stats: {
    readonly chi2sf: [number, number, number][];
    readonly kolmogorovSf: [number, number][];
    readonly normCdf: [number, number][];
    readonly poissonPmf: [number, number, number][];
    readonly binomPmf: [number, number, number, number][];
  };
}

// Compiled to dist/test/random; the fixture stays in the source tree.
const PATH = fileURLToPath(new URL("../../../test/random/fixtures/reference.json", import.meta.url));

export const reference: Reference = JSON.parse(readFileSync(PATH, "utf8")) as Reference;

/** JSON has no inf, nan or -0: the generator writes them as strings. */
export function decodeNumber(v: unknown): unknown {
  const special: Record<string, number> = { inf: Infinity, "-inf": -Infinity, nan: NaN, "-0": -0 };
  return typeof v === "string" && v in special ? special[v] : v;
}
