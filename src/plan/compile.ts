// SPDX-License-Identifier: Apache-2.0
/**
 * Compiles a lazy elementwise expression (a DAG of ArrayData) into one fused Program. Materialized
 * arrays become the program's inputs, scalars its constants; a shared subexpression is computed
 * once; casts are inserted where an argument's dtype differs from its loop's.
 */
import type { Dtype } from "../array/dtype.js";
import type { Instr, Program } from "../kernels/program.js";
import { type ArrayData, isScalarArg } from "./array-data.js";

export interface Compiled {
  readonly program: Program;
  /** The program's inputs, in register order (all materialized). */
  readonly leaves: readonly ArrayData[];
}

/** The value of a JS number stored in `dtype` (what a constant register holds). */
export function scalarIn(value: number, dtype: Dtype): number {
  switch (dtype) {
    case "float64":
      return value;
    case "float32":
      return Math.fround(value);
    case "bool":
      return value !== 0 ? 1 : 0;
    default:
      return value;
  }
}

export function compileExpr(root: ArrayData): Compiled {
  const leaves: ArrayData[] = [];
  const leafReg = new Map<ArrayData, number>();
  const collect = (node: ArrayData, seen: Set<ArrayData>) => {
    if (seen.has(node)) return;
    seen.add(node);
    const expr = node.expr;
    if (!expr) {
      leafReg.set(node, leaves.length);
      leaves.push(node);
      return;
    }
    for (const a of expr.args) if (!isScalarArg(a)) collect(a, seen);
  };
  collect(root, new Set());

  const regs: Dtype[] = leaves.map((l) => l.dtype);
  const consts: [number, number][] = [];
  const code: Instr[] = [];
  const constReg = new Map<string, number>();
  const castReg = new Map<string, number>();
  const nodeReg = new Map<ArrayData, number>(leafReg);

  const newReg = (dtype: Dtype) => regs.push(dtype) - 1;
  const constant = (value: number, dtype: Dtype) => {
    const v = scalarIn(value, dtype);
    const key = `${dtype}:${Object.is(v, -0) ? "-0" : String(v)}`;
    let r = constReg.get(key);
    if (r === undefined) {
      r = newReg(dtype);
      consts.push([r, v]);
      constReg.set(key, r);
    }
    return r;
  };
  const cast = (reg: number, dtype: Dtype) => {
    if (regs[reg] === dtype) return reg;
    const key = `${reg}:${dtype}`;
    let r = castReg.get(key);
    if (r === undefined) {
      r = newReg(dtype);
      code.push(["cast", r, reg]);
      castReg.set(key, r);
    }
    return r;
  };
  const visit = (node: ArrayData): number => {
    const known = nodeReg.get(node);
    if (known !== undefined) return known;
    const expr = node.expr!;
    const args = expr.args.map((a, i) => {
      const dtype = expr.argDtypes[i]!;
      return isScalarArg(a) ? constant(a.scalar, dtype) : cast(visit(a), dtype);
    });
    const dst = newReg(node.dtype);
    code.push([expr.op, dst, ...args]);
    nodeReg.set(node, dst);
    return dst;
  };
  const result = visit(root);
  return { program: { regs, nInputs: leaves.length, consts, code, results: [result] }, leaves };
}
