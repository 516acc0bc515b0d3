// SPDX-License-Identifier: Apache-2.0
/**
 * Which loop a ufunc runs for given operand dtypes, as NumPy 2 decides it (NEP 50). A JS number or
 * boolean operand is a weak scalar. Two paths, as in NumPy's dispatcher:
 * the first loop (in NumPy's order) that every operand casts to safely, where a weak scalar stands
 * for the dtype it takes next to the arrays (the arrays' dtype if of its kind, else the default
 * dtype of its kind); in mixed-type loops (ldexp's exponent) a weak int may also fill an integer
 * slot it fits. Division of integers computes in float64, and a few ops refuse bool like NumPy.
 * numts substitutions (no int64/uint64/float16): float64 for NumPy's 64-bit integer results, int32
 * for the default integer a weak int takes next to bool arrays, float32 for float16 loops.
 */
import { DtypeError, OverflowError } from "../errors.js";
import { type Dtype, dtypeKind, isInteger } from "./dtype.js";
import { UFUNC_LOOPS } from "./generated/ufunc-loops.js";
import { type WeakKind, canCast, defaultDtypeOfWeak, fitsInteger, promoteTypes } from "./promotion.js";

export type UfuncName = keyof typeof UFUNC_LOOPS;

export type UfuncOperand = { readonly dtype: Dtype } | { readonly weak: WeakKind; readonly value: number | boolean };

export interface ResolvedLoop {
  /** Dtypes the operands are cast to. */
  readonly inputs: readonly Dtype[];
  readonly output: Dtype;
}

const COMPARISONS = new Set<string>(["equal", "notEqual", "less", "lessEqual", "greater", "greaterEqual"]);

function isHomogeneous(op: UfuncName): boolean {
  return UFUNC_LOOPS[op].every((loop) => loop.slice(0, -1).every((d) => d === loop[0]));
}

/** The dtype a weak scalar takes next to arrays of common dtype `arrays` (null: no arrays). */
function weakAs(kind: WeakKind, value: number | boolean, arrays: Dtype | null, op: string): Dtype {
  if (arrays === null) return defaultDtypeOfWeak(kind);
  if (kind === "bool") return arrays;
  const k = dtypeKind(arrays);
  if (kind === "float") return k === "f" ? arrays : "float64";
  // weak int
  if (k === "f") return arrays;
  if (k === "b") return fitsInteger(value as number, "int32") ? "int32" : "float64";
  if (fitsInteger(value as number, arrays)) return arrays;
  if (COMPARISONS.has(op)) return "float64"; // NumPy 2 compares out-of-range ints exactly
  throw new OverflowError(`Python integer ${value} out of bounds for ${arrays}`);
}

/** Ops NumPy refuses for all-bool inputs (its special type resolvers), though bool casts to int8. */
const NO_BOOL = new Set<string>(["negative", "positive", "sign", "subtract", "gcd", "lcm"]);

/**
 * The loop `op` runs for `operands` (NumPy's linear search: the first loop every operand casts to
 * safely), or a DtypeError like NumPy's when there is none. A weak scalar stands for the dtype it
 * takes next to the arrays (NEP 50); in mixed-type loops (ldexp's exponent) it only has to fit.
 */
export function resolveUfunc(op: UfuncName, operands: readonly UfuncOperand[]): ResolvedLoop {
  const loops = UFUNC_LOOPS[op];
  const arrayDtypes = operands.flatMap((o) => ("dtype" in o ? [o.dtype] : []));
  const common = arrayDtypes.length > 0 ? arrayDtypes.reduce(promoteTypes) : null;
  const homogeneous = isHomogeneous(op);
  const concrete = operands.map((o) => ("dtype" in o ? o.dtype : weakAs(o.weak, o.value, common, op)));
  const fail = () => {
    const names = operands.map((o) => ("dtype" in o ? `dtype('${o.dtype}')` : `<class '${o.weak}'>`));
    return new DtypeError(`ufunc '${snake(op)}' not supported for the input types (${names.join(", ")})`);
  };
  if (NO_BOOL.has(op) && concrete.every((d) => d === "bool")) throw fail();
  if (op === "divide" && concrete.every((d) => d !== null && dtypeKind(d) !== "f")) {
    // NumPy's true division of integers computes in the default float.
    return { inputs: operands.map(() => "float64"), output: "float64" };
  }
  for (const loop of loops) {
    const ok = operands.every((o, i) => {
      if (canCast(concrete[i]!, loop[i]!, "safe")) return true;
      // In a mixed-type loop a weak int or bool may fill an integer slot it fits (ldexp's exponent).
      if (homogeneous || !("weak" in o) || o.weak === "float" || !isInteger(loop[i]!)) return false;
      return fitsInteger(Number(o.value), loop[i]!);
    });
    if (ok) return { inputs: loop.slice(0, -1), output: loop[loop.length - 1]! };
  }
  throw fail();
}

/** NumPy's snake_case name of a ufunc (for messages). */
export function snake(op: string): string {
  return op.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * NumPy's `result_type` for arrays and weak scalars (NEP 50): the arrays' promoted dtype, raised to
 * float64 by a weak float next to integer arrays; scalars alone take their default dtypes.
 */
export function resultType(operands: readonly UfuncOperand[]): Dtype {
  const arrayDtypes = operands.flatMap((o) => ("dtype" in o ? [o.dtype] : []));
  const common = arrayDtypes.length > 0 ? arrayDtypes.reduce(promoteTypes) : null;
  let out = common;
  for (const o of operands) {
    if ("weak" in o) {
      const w = weakAs(o.weak, o.value, common, "result_type");
      out = out === null ? w : promoteTypes(out, w);
    }
  }
  return out ?? "float64";
}
