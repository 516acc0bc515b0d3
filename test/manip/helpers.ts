// SPDX-License-Identifier: Apache-2.0
/** Inputs of the manipulation fixtures, rebuilt exactly as scripts/gen/manip_fixtures.py makes them. */
import { type Dtype, allocTyped } from "../../src/array/dtype.js";
import * as nt from "../../src/index.js";
import { layoutsFor } from "../helpers/runtime.js";

export interface InputSpec {
  readonly shape: number[];
  readonly dtype: Dtype;
  readonly transpose: boolean;
}

/** values(i) = (7i mod 11) - 3 in C order (bool: odd), in layout `layout` of layoutsFor(shape). */
export function makeInput(spec: InputSpec, layout: number): nt.BlockArray {
  const shape = spec.transpose ? [...spec.shape].reverse() : spec.shape;
  const size = shape.reduce((a, b) => a * b, 1);
  const data = allocTyped(spec.dtype, size);
  for (let i = 0; i < size; i++) {
    const v = ((7 * i) % 11) - 3;
    data[i] = spec.dtype === "bool" ? (((v % 2) + 2) % 2 === 1 ? 1 : 0) : v;
  }
  const blockShape = layoutsFor(shape)[layout]!.blockShape;
  const x = nt.array(new nt.NDArray(data, shape, spec.dtype), { blockShape });
  if (!spec.transpose) return x;
  const t = x.T;
  x.dispose();
  return t;
}

/** Calls the public function `fn` by name. */
export function callByName(fn: string, args: readonly unknown[]): nt.BlockArray | nt.BlockArray[] {
  const f = (nt as unknown as Record<string, (...a: unknown[]) => nt.BlockArray | nt.BlockArray[]>)[fn];
  if (typeof f !== "function") throw new Error(`numts has no function ${fn}`);
  return f(...args);
}
