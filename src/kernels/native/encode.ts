// SPDX-License-Identifier: Apache-2.0
/**
 * Encodes a Program (plain object) into the compact typed arrays the native engine decodes
 * (native/engine/program.cc): Int32Array [nRegs, regDtype..., nInputs, nConsts, constReg...,
 * nCode, (op, dst, nArgs, arg0, arg1, arg2)..., nResults, result...] plus a Float64Array of const
 * values. Encodings are cached by programKey.
 */
import { DTYPE_CODE } from "../../array/dtype.js";
import { OP_CODE } from "../ops.js";
import { type Program, programKey } from "../program.js";

export interface EncodedProgram {
  readonly code: Int32Array;
  readonly consts: Float64Array;
}

const cache = new Map<string, EncodedProgram>();
const MAX_CACHE = 4096;

export function encodeProgram(p: Program): EncodedProgram {
  const key = programKey(p);
  let e = cache.get(key);
  if (e === undefined) {
    const out: number[] = [p.regs.length, ...p.regs.map((d) => DTYPE_CODE[d]), p.nInputs, p.consts.length];
    for (const [r] of p.consts) out.push(r);
    out.push(p.code.length);
    for (const [op, dst, ...args] of p.code) out.push(OP_CODE[op], dst, args.length, args[0] ?? 0, args[1] ?? 0, args[2] ?? 0);
    out.push(p.results.length, ...p.results);
    e = { code: Int32Array.from(out), consts: Float64Array.from(p.consts.map(([, v]) => v)) };
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(key, e);
  }
  return e;
}

/** Geometry as the native kernels read it: [nd, shape..., then per view: offset, strides...]. */
export function encodeGeometry(shape: readonly number[], offsets: readonly number[], strides: readonly (readonly number[])[]): Float64Array {
  const nd = shape.length;
  const g = new Float64Array(1 + nd + offsets.length * (nd + 1));
  g[0] = nd;
  g.set(shape, 1);
  let k = 1 + nd;
  offsets.forEach((o, v) => {
    g[k++] = o;
    g.set(strides[v]!, k);
    k += nd;
  });
  return g;
}
