// SPDX-License-Identifier: Apache-2.0
/**
 * Parsing einsum subscripts the way NumPy's C implementation does (`PyArray_EinsteinSum`), with
 * its checks in its order and its messages. Pure metadata: operands are given by their shapes.
 *
 * Labels are numbers: a letter is its character code; the broadcast (ellipsis) dimensions are
 * 128 + p, p counting the broadcast positions from the left of the widest ellipsis, operands'
 * ellipses right-aligned to them. Without `->` the output is the broadcast dimensions followed by
 * the letters used exactly once, in character code order (so uppercase first).
 */
import { ShapeError, SubscriptError } from "../errors.js";
import { remappedText, tupleText } from "./shape-text.js";

/** Label of broadcast position p. */
export const BROADCAST_LABEL = 128;

export interface EinsumSpec {
  /** Per operand, one label per axis (repeated labels take a diagonal). */
  readonly inputs: readonly (readonly number[])[];
  readonly output: readonly number[];
}

const isLetter = (c: string) => /^[A-Za-z]$/.test(c);

/** One operand's subscripts: letters per axis, and where its ellipsis was (-1: none). */
function parseOperand(text: string, ndim: number, iop: number): { letters: number[]; ellipsis: number } {
  const letters: number[] = [];
  let ellipsis = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (isLetter(c)) {
      if (letters.length >= ndim) {
        throw new SubscriptError(`einstein sum subscripts string contains too many subscripts for operand ${iop}`);
      }
      letters.push(c.charCodeAt(0));
    } else if (c === ".") {
      if (ellipsis !== -1 || i + 2 >= text.length || text[++i] !== "." || text[++i] !== ".") {
        throw new SubscriptError(`einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand ${iop}`);
      }
      ellipsis = letters.length;
    } else if (c !== " ") {
      throw new SubscriptError(`invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`);
    }
  }
  if (ellipsis === -1 && letters.length !== ndim) {
    throw new SubscriptError(
      "operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
    );
  }
  return { letters, ellipsis };
}

function parseOutput(text: string, counts: ReadonlyMap<number, number>, nbroadcast: number): number[] {
  const out: number[] = [];
  let ellipsis = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (isLetter(c)) {
      if (text.indexOf(c, i + 1) >= 0) {
        throw new SubscriptError(`einstein sum subscripts string includes output subscript '${c}' multiple times`);
      }
      if (!counts.get(c.charCodeAt(0))) {
        throw new SubscriptError(`einstein sum subscripts string included output subscript '${c}' which never appeared in an input`);
      }
      out.push(c.charCodeAt(0));
    } else if (c === ".") {
      if (ellipsis || i + 2 >= text.length || text[++i] !== "." || text[++i] !== ".") {
        throw new SubscriptError("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output");
      }
      ellipsis = true;
      for (let p = 0; p < nbroadcast; p++) out.push(BROADCAST_LABEL + p);
    } else if (c !== " ") {
      throw new SubscriptError(`invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`);
    }
  }
  if (!ellipsis && nbroadcast > 0) {
    throw new SubscriptError(
      "output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.",
    );
  }
  return out;
}

/** Parses `subscripts` for operands of the given shapes (throws NumPy's errors). */
export function parseEinsum(subscripts: string, shapes: readonly (readonly number[])[]): EinsumSpec {
  const nop = shapes.length;
  if (nop < 1) throw new SubscriptError("not enough operands provided to einstein sum function");
  const counts = new Map<number, number>();
  const parsed: { letters: number[]; ellipsis: number }[] = [];
  let rest = subscripts;
  for (let iop = 0; iop < nop; iop++) {
    let length = rest.search(/[,-]/);
    if (length < 0) length = rest.length;
    if (iop === nop - 1 && rest[length] === ",") {
      throw new SubscriptError("more operands provided to einstein sum function than specified in the subscripts string");
    }
    if (iop < nop - 1 && rest[length] !== ",") {
      throw new SubscriptError("fewer operands provided to einstein sum function than specified in the subscripts string");
    }
    const p = parseOperand(rest.slice(0, length), shapes[iop]!.length, iop);
    for (const l of p.letters) counts.set(l, (counts.get(l) ?? 0) + 1);
    parsed.push(p);
    rest = rest.slice(length + (iop < nop - 1 ? 1 : 0));
  }
  const nbroadcast = Math.max(0, ...parsed.map((p, i) => shapes[i]!.length - p.letters.length));
  const inputs = parsed.map((p, i) => {
    const extra = shapes[i]!.length - p.letters.length;
    if (p.ellipsis < 0) return p.letters;
    const broadcast = Array.from({ length: extra }, (_, j) => BROADCAST_LABEL + nbroadcast - extra + j);
    return [...p.letters.slice(0, p.ellipsis), ...broadcast, ...p.letters.slice(p.ellipsis)];
  });
  let output: number[];
  if (rest.length === 0) {
    const once = [...counts].filter(([, n]) => n === 1).map(([l]) => l).sort((a, b) => a - b);
    output = [...Array.from({ length: nbroadcast }, (_, p) => BROADCAST_LABEL + p), ...once];
  } else {
    if (!rest.startsWith("->")) {
      throw new SubscriptError("einstein sum subscript string does not contain proper '->' output specified");
    }
    output = parseOutput(rest.slice(2), counts, nbroadcast);
  }
  return { inputs, output };
}

function labelChar(l: number): string {
  return String.fromCharCode(l);
}

/**
 * NumPy's size checks: a label repeated within an operand must have one length there ("collapsing
 * index"), and the lengths of a label across operands must broadcast.
 */
export function checkEinsumShapes(spec: EinsumSpec, shapes: readonly (readonly number[])[]): void {
  const nop = shapes.length;
  if (nop === 1) {
    // NumPy first tries to return a view, checking only labels that reach the output.
    const seen = new Map<number, number>();
    for (let d = 0; d < shapes[0]!.length; d++) {
      const l = spec.inputs[0]![d]!;
      if (l >= BROADCAST_LABEL) continue;
      if (!spec.output.includes(l)) break;
      const n = shapes[0]![d]!;
      const prev = seen.get(l);
      if (prev !== undefined && prev !== 0 && prev !== n) {
        throw new ShapeError(`dimensions in single operand for collapsing index '${labelChar(l)}' don't match (${prev} != ${n})`);
      }
      seen.set(l, n);
    }
  }
  // Each operand with repeated labels merged (its diagonal view).
  const combined = spec.inputs.map((labels, iop) => {
    const ls: number[] = [];
    const dims: number[] = [];
    labels.forEach((l, d) => {
      const i = l >= BROADCAST_LABEL ? -1 : ls.indexOf(l);
      const n = shapes[iop]![d]!;
      if (i < 0) {
        ls.push(l);
        dims.push(n);
      } else if (dims[i] !== n) {
        throw new ShapeError(`dimensions in operand ${iop} for collapsing index '${labelChar(l)}' don't match (${dims[i]} != ${n})`);
      }
    });
    return { ls, dims };
  });
  // The iterator's axes: output labels, then the summed letters in character code order.
  const summed = [...new Set(spec.inputs.flat())].filter((l) => !spec.output.includes(l)).sort((a, b) => a - b);
  const iter = [...spec.output, ...summed];
  const remapped = combined.map(({ ls, dims }) => iter.map((l) => (ls.includes(l) ? dims[ls.indexOf(l)]! : -1)));
  for (let axis = 0; axis < iter.length; axis++) {
    const sizes = remapped.map((r) => r[axis]!).filter((n) => n >= 0 && n !== 1);
    if (sizes.some((n) => n !== sizes[0])) {
      const parts = combined.map(({ dims }, i) => `${tupleText(dims)}->${remappedText(remapped[i]!)} `);
      throw new ShapeError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${parts.join("")}`);
    }
  }
}
