// SPDX-License-Identifier: Apache-2.0
/**
 * `einsum`: Einstein summation over distributed arrays, for any subscripts NumPy accepts — explicit
 * or implicit output, ellipses with broadcasting, repeated labels (diagonals, traces), any number
 * of operands — in NumPy's subscripts-string or sublist form.
 */
import { type Dtype, parseDtype } from "../array/dtype.js";
import { checkEinsumShapes, parseEinsum } from "../array/einsum-subscripts.js";
import { NDArray } from "../array/ndarray.js";
import { canCast } from "../array/promotion.js";
import { DtypeError, SubscriptError } from "../errors.js";
import { transposeView } from "../plan/views.js";
import { BlockArray } from "./block-array.js";
import { contractArrays, resultType, withArrays } from "./contract-args.js";
import { type ArrayLike, wrap } from "./convert.js";
import { arrayOp } from "./op.js";

export interface EinsumOptions {
  /** Compute in this dtype; every operand must cast to it safely (NumPy's casting='safe'). */
  dtype?: Dtype;
  /** Accepted for NumPy compatibility; numts always plans the contraction order itself. */
  optimize?: boolean | string;
}

/** A sublist: one axis label per element, integers in [0, 52) or "..." for an ellipsis. */
export type EinsumSublist = readonly (number | "...")[];

export type EinsumArg = string | ArrayLike | EinsumSublist | EinsumOptions;

function isOptions(x: unknown): x is EinsumOptions {
  return typeof x === "object" && x !== null && Object.getPrototypeOf(x) === Object.prototype;
}

/** A sublist as subscripts text (NumPy's `einsum_list_to_subscripts`). */
function sublistText(list: unknown): string {
  if (!Array.isArray(list)) throw new TypeError(`einsum: expected a subscripts list, got ${JSON.stringify(list)}`);
  let text = "";
  let ellipsis = false;
  for (const s of list) {
    if (s === "...") {
      if (ellipsis) throw new SubscriptError("each subscripts list may have only one ellipsis");
      ellipsis = true;
      text += "...";
    } else if (Number.isInteger(s)) {
      if (s < 0 || s >= 52) throw new SubscriptError("subscript is not within the valid range [0, 52)");
      text += String.fromCharCode(s < 26 ? 65 + s : 97 + s - 26);
    } else {
      throw new TypeError("each subscript must be either an integer or an ellipsis");
    }
  }
  return text;
}

/** Splits einsum's arguments into subscripts text, operands and options. */
function parseArgs(args: readonly EinsumArg[]): { subscripts: string; operands: ArrayLike[]; options: EinsumOptions } {
  let list = [...args];
  let options: EinsumOptions = {};
  const last = list[list.length - 1];
  if (list.length > 1 && isOptions(last) && !(last instanceof BlockArray) && !(last instanceof NDArray)) {
    options = last;
    list = list.slice(0, -1);
  }
  if (list.length === 0) {
    throw new SubscriptError(
      "must specify the einstein sum subscripts string and at least one operand, or at least one operand and its corresponding subscripts list",
    );
  }
  if (typeof list[0] === "string") {
    if (list.length < 2) throw new SubscriptError("must specify the einstein sum subscripts string and at least one operand");
    return { subscripts: list[0], operands: list.slice(1) as ArrayLike[], options };
  }
  const nop = Math.floor(list.length / 2);
  if (nop === 0) throw new SubscriptError("must provide at least an operand and a subscripts list to einsum");
  const terms = Array.from({ length: nop }, (_, i) => sublistText(list[2 * i + 1]));
  const out = list.length % 2 === 1 ? `->${sublistText(list[list.length - 1])}` : "";
  return { subscripts: terms.join(",") + out, operands: Array.from({ length: nop }, (_, i) => list[2 * i] as ArrayLike), options };
}

/**
 * Einstein summation: `nt.einsum("ij,jk->ik", a, b)` is a matrix product, `"ii"` a trace, `"ii->i"`
 * a diagonal, `"...ij,...jk"` a batched product with broadcasting, `"ijk,jr,kr->ir"` MTTKRP.
 * Labels summed over are the ones missing from the output (after `->`, or, without it, the ones
 * used more than once). Operands may also be given as sublists:
 * `nt.einsum(a, [0, 1], b, [1, 2], [0, 2])`. A trailing options object sets `dtype`.
 *
 * @example
 * const c = nt.einsum("ij,jk->ik", a, b);
 * const m = nt.einsum("ijk,jr,kr->ir", t, b, c);
 * @throws SubscriptError for malformed subscripts (NumPy's messages), ShapeError for lengths that
 *   do not match, DtypeError when `dtype` is not a safe cast of every operand
 */
export const einsum = arrayOp(function einsum(...args: EinsumArg[]): BlockArray {
  const { subscripts, operands, options } = parseArgs(args);
  return withArrays("einsum", operands, (xs) => {
    const shapes = xs.map((x) => x.shape);
    const spec = parseEinsum(subscripts, shapes);
    checkEinsumShapes(spec, shapes);
    // One operand only permuted: a view, as NumPy returns (which then ignores `dtype`).
    const [labels] = spec.inputs;
    if (xs.length === 1 && new Set(labels).size === labels!.length && labels!.length === spec.output.length) {
      return wrap(transposeView(xs[0]!, spec.output.map((l) => labels!.indexOf(l))));
    }
    let dtype = resultType(xs);
    if (options.dtype !== undefined) {
      dtype = parseDtype(options.dtype, "einsum: dtype");
      xs.forEach((x, i) => {
        if (!canCast(x.dtype, dtype, "safe")) {
          throw new DtypeError(`Iterator operand ${i} dtype could not be cast from dtype('${x.dtype}') to dtype('${dtype}') according to the rule 'safe'`);
        }
      });
    }
    return contractArrays(xs, spec.inputs, spec.output, dtype);
  });
});
