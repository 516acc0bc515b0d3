// SPDX-License-Identifier: Apache-2.0
/** Index parts back to NumPy notation, and shapes as NumPy's indexing messages print them. */
import { NDArray } from "../ndarray.js";
import { formatDims } from "../shape.js";

export { formatDims };
import { ELLIPSIS, type IndexList, type IndexPart, type OpaqueArray } from "./parts.js";
import { Slice, formatInteger } from "./slice.js";

/**
 * The index string for `parts`, which {@link parseIndex} reads back to the same parts when they
 * are numbers, slices, `null`, `"..."`, booleans and JS lists. Arrays print as placeholders
 * (`<int32 array (3,)>`), which the parser rejects.
 *
 * @example
 * formatIndex([slice(1, null), ELLIPSIS, null, [0, -1]]) // "1:, ..., None, [0, -1]"
 */
export function formatIndex(parts: readonly IndexPart[]): string {
  return parts.map(formatPart).join(", ");
}

function formatPart(part: IndexPart): string {
  if (part === null) return "None";
  if (part === ELLIPSIS) return "...";
  if (typeof part === "number") return Number.isInteger(part) ? formatInteger(part) : String(part);
  if (typeof part === "boolean") return part ? "True" : "False";
  if (part instanceof Slice) return part.toString();
  if (Array.isArray(part)) return formatList(part as IndexList);
  if (part instanceof NDArray) return `<${part.dtype} array ${formatDims(part.shape)}>`;
  if (ArrayBuffer.isView(part)) return `<${part.constructor.name} (${part.length},)>`;
  const opaque = part as OpaqueArray;
  return `<${String(opaque.dtype)} array ${Array.isArray(opaque.shape) ? formatDims(opaque.shape) : "?"}>`;
}

function formatList(list: IndexList): string {
  const items = list.map((v) =>
    Array.isArray(v) ? formatList(v as IndexList) : typeof v === "boolean" ? (v ? "True" : "False") : formatInteger(Number(v)),
  );
  return `[${items.join(", ")}]`;
}
